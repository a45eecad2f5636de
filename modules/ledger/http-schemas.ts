import { CURRENCIES, type CurrencyCode, toMoneyDto } from '@onefin/kernel';
import { z } from 'zod';
import type { StatementLine } from './statement.ts';

/** Zod's enum wants a non-empty tuple; the kernel's list is one. */
export const currencyCode = z.enum(CURRENCIES as [CurrencyCode, ...CurrencyCode[]]);

/** Money on the wire: `{"amount":"1234.56","currency":"CNY"}`. */
export const moneyDto = z.object({ amount: z.string(), currency: currencyCode });

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A business date, `YYYY-MM-DD`, that exists on the calendar. */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

/** Statement filters: a business-date range (`from` ≤ `to`), the `before` cursor, 1–100 lines. */
export const statementQuery = z
  .strictObject({
    from: businessDate.optional(),
    to: businessDate.optional(),
    before: z
      .string()
      .regex(/^\d{1,18}$/, 'the cursor from the previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['from'],
    message: 'from must not be after to',
  });

export function toStatementQuery(q: z.infer<typeof statementQuery>) {
  return {
    from: q.from,
    to: q.to,
    before: q.before === undefined ? undefined : BigInt(q.before),
    limit: q.limit,
  };
}

export const statementLineDto = z.object({
  transferId: z.string(),
  side: z.enum(['debit', 'credit']),
  amount: moneyDto,
  balanceAfter: moneyDto,
  code: z.string(),
  reference: z.string().nullable(),
  postedAt: z.iso.datetime(),
});

export function toStatementLineDto(line: StatementLine) {
  return {
    transferId: line.transferId,
    side: line.side,
    amount: toMoneyDto(line.amount),
    balanceAfter: toMoneyDto(line.balanceAfter),
    code: line.code,
    reference: line.reference,
    postedAt: line.postedAt.toISOString(),
  };
}
