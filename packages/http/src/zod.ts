import { CURRENCIES, type CurrencyCode, MINOR_UNITS, parseMoney } from '@onefin/kernel';
import { z } from 'zod';

/** A request body: unknown fields are an error, never silently dropped. */
export const strictBody = z.strictObject;

/** Problem+json as documented in OpenAPI. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** A real calendar date, `YYYY-MM-DD` (a business date, a statement day). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date');

/** Cursor paging query: `limit` 1–200 (default 50) and an opaque `before` cursor. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).max(100).optional(),
};

/**
 * Money in a request: `{"amount":"100.00","currency":"CNY"}`: a positive decimal string with at most
 * the currency's decimals, never a JSON number (no float ever carries an amount). Parse it with
 * `fromMoneyDto` in the handler.
 */
export const positiveMoney = z
  .strictObject({
    amount: z.string().min(1).max(32),
    currency: z.enum(CURRENCIES as [CurrencyCode, ...CurrencyCode[]]),
  })
  .superRefine((value, ctx) => {
    let minor: bigint;
    try {
      minor = parseMoney(value.amount, value.currency).amount;
    } catch {
      const digits = MINOR_UNITS[value.currency];
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `must be a decimal string with at most ${digits} decimals for ${value.currency}, e.g. "100${digits ? `.${'0'.repeat(digits)}` : ''}"`,
      });
      return;
    }
    if (minor <= 0n) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must be greater than zero' });
  });
