import { type Executor, fail, type Money, ok, type Result } from '@onefin/kernel';
import type { AccountId, LedgerCommand } from '@onefin/ledger';
import type { FundAttributes, NavPoint, Product } from '@onefin/products';
import type { Context } from './context.ts';
import type { InvestingError } from './errors.ts';
import { type ConversionTarget, type Order, transferIds } from './model.ts';
import { type ConversionConfirmation, confirmConversion, takeFifo } from './money-rules.ts';
import { findByKey, insertOrder, type OrderRequest, productFields, transition } from './orders.ts';
import { addLot, openLotsForUpdate, removeSlices, unfreezeShares } from './positions.ts';
import { type OrderInput, type Placed, recordRefusal } from './purchases.ts';
import { placeShareOrder } from './redemptions.ts';
import type { ChunkOutcome } from './settle-orders.ts';

/**
 * Fund conversion (基金转换): shares of one fund into another of the same fund company, priced at
 * both funds' NAVs of the trade date and confirmed together at T+1. It is placed as a `convert_out`
 * order on the source fund that reserves the shares like a redemption; the end-of-day job sells
 * them, moves the proceeds between the clearing accounts and records the `convert_in` order that
 * bought the target fund, all in one transaction.
 */

const fundOf = (p: Product): FundAttributes | undefined =>
  p.attributes.kind === 'fund' ? p.attributes : undefined;

/** Both funds' terms when one may convert into the other: same company and currency, not itself. */
export function convertibility(
  from: Product,
  to: Product,
): Result<{ from: FundAttributes; to: FundAttributes }, InvestingError> {
  const a = fundOf(from);
  const b = fundOf(to);
  if (!a || !b) return fail('wrong_product_kind');
  if (from.id === to.id || a.company !== b.company || from.currency !== to.currency)
    return fail('not_convertible', `${from.code} is managed by ${a.company}, ${to.code} by ${b.company}`);
  return ok({ from: a, to: b });
}

export async function placeConversion(
  d: Context,
  input: OrderInput & { shares: bigint; targetProductId: string },
): Placed {
  const from = await d.catalogueProduct(input.productId);
  const to = await d.catalogueProduct(input.targetProductId);
  if (!from || !to) return fail('product_not_found');
  const convertible = convertibility(from, to);
  if (!convertible.ok) return convertible;
  const request: OrderRequest = {
    customerId: input.customerId,
    productId: from.id,
    type: 'convert_out',
    channel: input.channel,
    staffId: input.staffId ?? null,
    idempotencyKey: input.idempotencyKey,
    currency: from.currency,
    amount: null,
    shares: input.shares,
  };
  const replay = await findByKey(d.db, request, request);
  if (!replay.ok) return replay;
  if (replay.value) return ok(replay.value);
  const target: ConversionTarget = {
    targetProductId: to.id,
    targetCode: to.code,
    targetNameZh: to.nameZh,
    targetNameEn: to.nameEn,
  };
  // Buying the target is what needs suitability; selling the source never does.
  const decision = await d.products.suitabilityFor(input.customerId, to, input.channel);
  const base = { ...request, ...productFields(from) };
  if (!decision.allowed) return recordRefusal(d, { ...base, detail: { ...target } }, decision);
  return placeShareOrder(d, { ...base, shares: input.shares, detail: { ...target } });
}

/** A conversion ready to confirm: both funds and both NAVs of its trade date. */
export interface PricedConversion {
  order: Order;
  from: Product;
  to: Product;
  navs: { from: NavPoint; to: NavPoint };
}

/** The linked group a conversion posts: proceeds between the clearings, both fees, the refund. */
function conversionCommands(
  o: Order,
  c: ConversionConfirmation,
  internal: Awaited<ReturnType<Context['internal']>>,
  cash: AccountId,
): LedgerCommand[] {
  const ids = transferIds(o.id);
  const moves: [string, AccountId, AccountId, Money, string][] = [
    [
      ids.proceeds,
      internal.fundRedemptionClearing.id,
      internal.fundSubscriptionClearing.id,
      c.out.net,
      'fund_conversion',
    ],
    [ids.fee, internal.fundRedemptionClearing.id, internal.feeIncome.id, c.out.fee, 'fund_redemption_fee'],
    [
      ids.conversionFee,
      internal.fundSubscriptionClearing.id,
      internal.feeIncome.id,
      c.fee,
      'fund_conversion_fee',
    ],
    [ids.refund, internal.fundSubscriptionClearing.id, cash, c.into.refund, 'fund_conversion_refund'],
  ];
  return moves
    .filter(([, , , amount]) => amount.amount > 0n)
    .map(([id, debitAccountId, creditAccountId, amount, code]) => ({
      type: 'transfer',
      id,
      debitAccountId,
      creditAccountId,
      amount,
      code,
      reference: o.id,
    }));
}

/** Conversions of a chunk, each priced at both trade-date NAVs, in one transaction. */
export async function confirmConversions(
  d: Context,
  chunk: readonly PricedConversion[],
  confirmDate: string,
): Promise<ChunkOutcome> {
  const out: ChunkOutcome = { confirmed: 0, cancelled: 0, failed: 0 };
  if (chunk.length === 0) return out;
  const internal = await d.internal(chunk[0]?.order.currency ?? 'CNY');
  // Looked up before the transaction: on PGlite a query outside it would wait for it forever.
  const cash = new Map<string, AccountId>();
  for (const { order } of chunk)
    if (!cash.has(order.customerId))
      cash.set(order.customerId, await d.cashAccountId(order.customerId, order.currency));
  await d.db.transaction().execute(async (trx) => {
    for (const p of chunk) {
      const ended = await confirmOne(
        d,
        trx,
        p,
        internal,
        cash.get(p.order.customerId) as AccountId,
        confirmDate,
      );
      out[ended]++;
    }
  });
  return out;
}

async function confirmOne(
  d: Context,
  trx: Executor,
  { order: o, from, to, navs }: PricedConversion,
  internal: Awaited<ReturnType<Context['internal']>>,
  cash: AccountId,
  confirmDate: string,
): Promise<keyof ChunkOutcome> {
  const shares = o.shares ?? 0n;
  const failWith = async (reason: string) => {
    const failed = await transition(d, trx, o.id, ['pending'], 'failed', { failure_reason: reason });
    if (failed) await unfreezeShares(trx, o.customerId, o.productId, shares);
    return 'failed' as const;
  };
  const slices = takeFifo(await openLotsForUpdate(trx, o.customerId, o.productId), shares);
  if (!slices) return failWith('insufficient_shares');
  const c = confirmConversion(
    fundOf(from) as FundAttributes,
    fundOf(to) as FundAttributes,
    slices,
    { from: navs.from.nav, to: navs.to.nav },
    o.tradeDate ?? confirmDate,
    o.currency,
  );
  // Too little to buy a hundredth of a share of the target: nothing is sold.
  if (c.into.shares === 0n) return failWith('below_minimum');
  const [posted] = await d.ledger.transferGroupsIn(trx, [conversionCommands(o, c, internal, cash)]);
  if (!posted?.every((r) => r.ok)) return failWith('ledger_refused');
  const into = await insertOrder(d, trx, {
    customerId: o.customerId,
    productId: to.id,
    type: 'convert_in',
    channel: o.channel,
    staffId: o.staffId,
    idempotencyKey: `conversion:${o.id}`,
    currency: o.currency,
    amount: c.out.net.amount,
    shares: null,
    ...productFields(to),
    status: 'submitted',
    tradeDate: o.tradeDate,
    detail: { conversionOf: o.id, sourceCode: from.code },
  });
  if (!into.ok) throw new Error(`conversion ${o.id}: ${into.error}`);
  const done = await transition(d, trx, o.id, ['pending'], 'confirmed', {
    confirm_date: confirmDate,
    nav: navs.from.nav,
    fee: c.out.fee.amount,
    proceeds: c.out.net.amount,
    detail: {
      ...o.detail,
      intoOrderId: into.value.order.id,
      gross: c.out.gross.amount.toString(),
      realisedGain: c.out.realisedGain.amount.toString(),
      lots: c.out.slices.map((s) => ({ lotId: s.lotId, shares: s.shares.toString(), rate: s.rate })),
    },
  });
  if (!done) throw new Error(`conversion ${o.id} left pending while being confirmed`);
  await removeSlices(d, trx, o, c.out.slices, c.out.realisedGain.amount, { reserved: true });
  await transition(d, trx, into.value.order.id, ['submitted'], 'confirmed', {
    confirm_date: confirmDate,
    nav: navs.to.nav,
    shares: c.into.shares,
    fee: c.fee.amount,
    refund: c.into.refund.amount,
  });
  await addLot(d, trx, {
    customerId: o.customerId,
    productId: to.id,
    productKind: 'fund',
    currency: o.currency,
    orderId: into.value.order.id,
    acquiredOn: confirmDate,
    shares: c.into.shares,
    cost: c.out.net.amount - c.into.refund.amount,
  });
  return 'confirmed';
}
