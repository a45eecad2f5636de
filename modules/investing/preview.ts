import {
  businessDateOf,
  fail,
  type Money,
  moneyToDecimal,
  ok,
  parseDecimal,
  parseMoney,
  type Result,
  roundShares,
} from '@onefin/kernel';
import {
  nextTradingDay,
  type Product,
  type SuitabilityDecision,
  subscriptionFee,
  tradeDateOf,
} from '@onefin/products';
import type { Context } from './context.ts';
import { convertibility } from './conversions.ts';
import type { InvestingError } from './errors.ts';
import { fastRedeemedOn, isMoneyMarket } from './fast-redemption.ts';
import {
  confirmConversion,
  confirmRedemption,
  sharesToMinor,
  simpleInterest,
  takeFifo,
} from './money-rules.ts';
import { openLotsForUpdate } from './positions.ts';
import type { OrderInput } from './purchases.ts';
import { remainingQuota } from './quotas.ts';

/** What the buy and redeem screens show before the customer confirms: nothing is held or recorded. */
export interface OrderPreview {
  suitability: SuitabilityDecision | null;
  /** The trade date the order would take, its cut-off instant and the confirmation date. */
  tradeDate: string;
  cutoffAt: Date;
  confirmDate: string;
  minimum: Money | null;
  fee: Money | null;
  /** At the latest NAV: what the final figures would be if the price did not move. */
  estimatedShares: bigint | null;
  estimatedProceeds: Money | null;
  navDate: string | null;
  coolingOffHours: number;
  remainingQuota: Money | null;
  /** Wealth products: the yield over the term at the benchmark's low and high ends. */
  expectedYield: { min: Money; max: Money } | null;
  /** Money-market redemptions: what may still be redeemed instantly (T+0) from the fund today. */
  instantLimitLeft: Money | null;
}

export type PreviewInput = Omit<OrderInput, 'idempotencyKey'> &
  (
    | { type: 'subscribe' | 'wealth_buy' | 'deposit_open'; amount: Money }
    | { type: 'redeem'; shares: bigint; fast?: boolean | undefined }
    | { type: 'convert'; shares: bigint; targetProductId: string }
  );

export async function previewOrder(
  d: Context,
  input: PreviewInput,
): Promise<Result<OrderPreview, InvestingError>> {
  const product = await d.catalogueProduct(input.productId);
  if (!product) return fail('product_not_found');
  const a = product.attributes;
  const kindOk =
    input.type === 'wealth_buy'
      ? a.kind === 'wealth'
      : input.type === 'deposit_open'
        ? a.kind === 'deposit'
        : a.kind === 'fund';
  if (!kindOk) return fail('wrong_product_kind');
  const cal = await d.products.tradingCalendar();
  const now = d.clock.now();
  const tradeDate = tradeDateOf(now, cal);
  const base: OrderPreview = {
    suitability: null,
    tradeDate,
    cutoffAt: new Date(`${tradeDate}T15:00:00+08:00`),
    confirmDate: nextTradingDay(tradeDate, cal),
    minimum: null,
    fee: null,
    estimatedShares: null,
    estimatedProceeds: null,
    navDate: product.latestNav?.date ?? null,
    coolingOffHours: a.kind === 'wealth' ? a.coolingOffHours : 0,
    remainingQuota: null,
    expectedYield: null,
    instantLimitLeft: null,
  };
  if (input.type === 'convert') return previewConversion(d, input, product, base);
  if (input.type === 'redeem') {
    if (a.kind !== 'fund' || !product.latestNav) return ok(base);
    const nav = product.latestNav.nav;
    const lots = await d.db
      .transaction()
      .execute((trx) => openLotsForUpdate(trx, input.customerId, product.id));
    const slices = takeFifo(lots, input.shares);
    if (!slices) return fail('insufficient_shares');
    const r = confirmRedemption(a, slices, nav, tradeDate, product.currency);
    const preview = { ...base, fee: r.fee, estimatedProceeds: r.net };
    if (!isMoneyMarket(product)) return ok(preview);
    const today = businessDateOf(now);
    const limit = parseMoney(d.settings.fastRedemptionDailyLimit, product.currency);
    const used = await fastRedeemedOn(d.db, input.customerId, product.id, today);
    const instantLimitLeft = {
      amount: limit.amount > used ? limit.amount - used : 0n,
      currency: limit.currency,
    };
    // Paid at once: the cash is there today, whatever the cut-off.
    if (input.fast)
      return ok({ ...preview, instantLimitLeft, tradeDate: today, confirmDate: today, cutoffAt: now });
    return ok({ ...preview, instantLimitLeft });
  }
  const decision = await d.products.suitability({
    customerId: input.customerId,
    productId: product.id,
    channel: input.channel,
  });
  const suitability = decision.ok ? decision.value : null;
  if (a.kind === 'fund') {
    const fee = subscriptionFee(a.subscriptionFees, input.amount);
    const nav = product.latestNav?.nav;
    const net = { amount: input.amount.amount - fee.amount, currency: input.amount.currency };
    return ok({
      ...base,
      suitability,
      minimum: parseMoney(a.minimumSubscription.amount, product.currency),
      fee,
      estimatedShares: nav ? sharesToMinor(roundShares(moneyToDecimal(net).div(parseDecimal(nav)))) : null,
    });
  }
  if (a.kind === 'deposit') {
    // Opened today at once; the interest if held to maturity.
    const today = businessDateOf(now);
    const interest = simpleInterest(
      input.amount,
      a.annualRate,
      a.termDays,
      a.dayCount === 'act_365' ? 365 : 360,
    );
    return ok({
      ...base,
      tradeDate: today,
      confirmDate: today,
      cutoffAt: now,
      suitability,
      minimum: parseMoney(a.minimumAmount.amount, product.currency),
      fee: { amount: 0n, currency: product.currency },
      expectedYield: { min: interest, max: interest },
    });
  }
  if (a.kind !== 'wealth') return fail('wrong_product_kind');
  const size = parseMoney(a.size.amount, product.currency).amount;
  const left = (await remainingQuota(d.db, product.id)) ?? size;
  return ok({
    ...base,
    suitability,
    minimum: parseMoney(a.minimumAmount.amount, product.currency),
    fee: { amount: 0n, currency: product.currency },
    remainingQuota: { amount: left, currency: product.currency },
    expectedYield: {
      min: simpleInterest(input.amount, a.expectedYieldMin, a.termDays, 365),
      max: simpleInterest(input.amount, a.expectedYieldMax, a.termDays, 365),
    },
  });
}

/**
 * A conversion at the latest NAVs of both funds: the redemption fee and the top-up fee together,
 * the money moved and the target shares it would buy; suitability is the target fund's.
 */
async function previewConversion(
  d: Context,
  input: Extract<PreviewInput, { type: 'convert' }>,
  from: Product,
  base: OrderPreview,
): Promise<Result<OrderPreview, InvestingError>> {
  const to = await d.catalogueProduct(input.targetProductId);
  if (!to) return fail('product_not_found');
  const convertible = convertibility(from, to);
  if (!convertible.ok) return convertible;
  const decision = await d.products.suitability({
    customerId: input.customerId,
    productId: to.id,
    channel: input.channel,
  });
  const suitability = decision.ok ? decision.value : null;
  if (!from.latestNav || !to.latestNav) return ok({ ...base, suitability });
  const lots = await d.db.transaction().execute((trx) => openLotsForUpdate(trx, input.customerId, from.id));
  const slices = takeFifo(lots, input.shares);
  if (!slices) return fail('insufficient_shares');
  const c = confirmConversion(
    convertible.value.from,
    convertible.value.to,
    slices,
    { from: from.latestNav.nav, to: to.latestNav.nav },
    base.tradeDate,
    from.currency,
  );
  return ok({
    ...base,
    suitability,
    fee: { amount: c.out.fee.amount + c.fee.amount, currency: from.currency },
    estimatedProceeds: c.out.net,
    estimatedShares: c.into.shares,
  });
}
