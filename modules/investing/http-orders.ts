import { positiveMoney, strictBody } from '@onefin/http';
import { fromMoneyDto, type MoneyDto } from '@onefin/kernel';
import { z } from 'zod';
import { parseShares, SHARES } from './http-schemas.ts';
import type { PreviewInput } from './preview.ts';
import type { OrderInput, Placed } from './purchases.ts';
import type { InvestingService } from './service.ts';

/** The body both realms place orders with; each allows its own channels. */
export function orderBodyFor<C extends z.ZodType<string>>(channel: C) {
  const id = z.string().min(1).max(64);
  const shares = z
    .string()
    .regex(SHARES, 'shares as a decimal string with at most 2 decimals, e.g. "1000.50"')
    .refine((s) => parseShares(s) > 0n, 'must be greater than zero');
  return z.discriminatedUnion('type', [
    strictBody({ type: z.literal('subscribe'), productId: id, amount: positiveMoney, channel }),
    strictBody({ type: z.literal('wealth_buy'), productId: id, amount: positiveMoney, channel }),
    strictBody({
      type: z.literal('redeem'),
      productId: id,
      shares,
      /** Money-market funds: paid out at once (T+0) within the daily limit. */
      fast: z.boolean().optional(),
      channel,
    }),
    strictBody({
      type: z.literal('convert'),
      productId: id.describe('the fund whose shares are converted'),
      targetProductId: id.describe('a fund of the same company to convert into'),
      shares,
      channel,
    }),
    strictBody({
      type: z.literal('deposit_open'),
      productId: id,
      amount: positiveMoney,
      /** Roll principal and interest into a new term at maturity; the product's default when omitted. */
      renew: z.boolean().optional(),
      channel,
    }),
  ]);
}

export type OrderBody =
  | { type: 'subscribe' | 'wealth_buy'; productId: string; amount: MoneyDto }
  | { type: 'redeem'; productId: string; shares: string; fast?: boolean | undefined }
  | { type: 'convert'; productId: string; targetProductId: string; shares: string }
  | { type: 'deposit_open'; productId: string; amount: MoneyDto; renew?: boolean | undefined };

/** Sends a validated body to the order service's method for its type. */
export function placeFromBody(
  investing: InvestingService,
  base: Omit<OrderInput, 'productId'>,
  body: OrderBody,
): Placed {
  const input = { ...base, productId: body.productId };
  switch (body.type) {
    case 'redeem':
      return investing.redeem({ ...input, shares: parseShares(body.shares), fast: body.fast });
    case 'convert':
      return investing.convert({
        ...input,
        targetProductId: body.targetProductId,
        shares: parseShares(body.shares),
      });
    case 'subscribe':
      return investing.subscribe({ ...input, amount: fromMoneyDto(body.amount) });
    case 'wealth_buy':
      return investing.buyWealth({ ...input, amount: fromMoneyDto(body.amount) });
    case 'deposit_open':
      return investing.openDeposit({
        ...input,
        amount: fromMoneyDto(body.amount),
        ...(body.renew === undefined ? {} : { renew: body.renew }),
      });
  }
}

/** A preview takes the order's own body: what the order would be, with nothing held or recorded. */
export function previewFromBody(
  base: Omit<OrderInput, 'productId' | 'idempotencyKey'>,
  body: OrderBody,
): PreviewInput {
  const input = { ...base, productId: body.productId };
  switch (body.type) {
    case 'redeem':
      return { ...input, type: body.type, shares: parseShares(body.shares), fast: body.fast };
    case 'convert':
      return {
        ...input,
        type: body.type,
        shares: parseShares(body.shares),
        targetProductId: body.targetProductId,
      };
    default:
      return { ...input, type: body.type, amount: fromMoneyDto(body.amount) };
  }
}
