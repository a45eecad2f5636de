import { type Money, toMoneyDto } from '@onefin/kernel';
import { z } from 'zod';
import { cancellableUntil } from './cancellation.ts';
import { type Order, type OrderEvent, targetOf } from './model.ts';
import { formatShares } from './money-rules.ts';
import type { AssetSummary, Holding, HoldingLot } from './portfolio.ts';
import type { OrderPreview } from './preview.ts';
import type { SalesLine, SalesTotal } from './sales.ts';
import { ORDER_STATUSES, ORDER_TYPES } from './schema.ts';

export const moneyDto = z.object({ amount: z.string(), currency: z.string() });
const m = (x: Money | null) => (x ? toMoneyDto(x) : null);
/** Shares travel as decimal strings with 2 dp, like money. */
export const SHARES = /^\d{1,12}(\.\d{1,2})?$/;

export const orderDto = z.object({
  id: z.string(),
  customerId: z.string(),
  type: z.enum(ORDER_TYPES),
  status: z.enum(ORDER_STATUSES),
  productId: z.string(),
  productCode: z.string(),
  productNameZh: z.string(),
  productNameEn: z.string(),
  productKind: z.string(),
  channel: z.string(),
  staffId: z.string().nullable(),
  amount: moneyDto.nullable(),
  shares: z.string().nullable(),
  tradeDate: z.string().nullable(),
  confirmDate: z.string().nullable(),
  nav: z.string().nullable(),
  fee: moneyDto.nullable(),
  refund: moneyDto.nullable(),
  proceeds: moneyDto.nullable(),
  failureReason: z.string().nullable(),
  coolingOffUntil: z.string().nullable(),
  cancellableUntil: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Redemptions paid at once (T+0) from a money-market fund. */
  fast: z.boolean(),
  /** Conversions: the fund converted into, and the other side's order once confirmed. */
  conversion: z
    .object({
      targetProductId: z.string(),
      targetCode: z.string(),
      targetNameZh: z.string(),
      targetNameEn: z.string(),
      otherOrderId: z.string().nullable(),
    })
    .nullable(),
  /** Simulator only, on the answer that placed an order awaiting the customer (see Order). */
  confirmationCode: z.string().optional(),
});

function conversionOf(o: Order): z.infer<typeof orderDto>['conversion'] {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  if (o.type === 'convert_out') {
    const t = targetOf(o);
    return t ? { ...t, otherOrderId: text(o.detail.intoOrderId) } : null;
  }
  if (o.type === 'convert_in')
    return {
      targetProductId: o.productId,
      targetCode: o.productCode,
      targetNameZh: o.productNameZh,
      targetNameEn: o.productNameEn,
      otherOrderId: text(o.detail.conversionOf),
    };
  return null;
}

export function toOrderDto(o: Order): z.infer<typeof orderDto> {
  return {
    id: o.id,
    customerId: o.customerId,
    type: o.type,
    status: o.status,
    productId: o.productId,
    productCode: o.productCode,
    productNameZh: o.productNameZh,
    productNameEn: o.productNameEn,
    productKind: o.productKind,
    channel: o.channel,
    staffId: o.staffId,
    amount: m(o.amount),
    shares: o.shares === null ? null : formatShares(o.shares),
    tradeDate: o.tradeDate,
    confirmDate: o.confirmDate,
    nav: o.nav,
    fee: m(o.fee),
    refund: m(o.refund),
    proceeds: m(o.proceeds),
    failureReason: o.failureReason,
    coolingOffUntil: o.coolingOffUntil?.toISOString() ?? null,
    cancellableUntil: cancellableUntil(o)?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    completedAt: o.completedAt?.toISOString() ?? null,
    fast: o.detail.fast === true,
    conversion: conversionOf(o),
    ...(o.confirmationCode ? { confirmationCode: o.confirmationCode } : {}),
  };
}

export const orderDetailDto = orderDto.extend({
  history: z.array(z.object({ status: z.string(), at: z.string(), detail: z.string().nullable() })),
});

export function toOrderDetailDto(o: Order & { history: OrderEvent[] }): z.infer<typeof orderDetailDto> {
  return {
    ...toOrderDto(o),
    history: o.history.map((h) => ({ status: h.status, at: h.at.toISOString(), detail: h.detail })),
  };
}

export const holdingDto = z.object({
  productId: z.string(),
  productCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  category: z.string(),
  riskLevel: z.string(),
  shares: z.string(),
  frozen: z.string(),
  nav: z.string().nullable(),
  navDate: z.string().nullable(),
  marketValue: moneyDto,
  cost: moneyDto,
  unrealisedGain: moneyDto,
  realisedGain: moneyDto,
  income: moneyDto,
  maturityDate: z.string().nullable(),
});

export function toHoldingDto(h: Holding): z.infer<typeof holdingDto> {
  return {
    ...h,
    shares: formatShares(h.shares),
    frozen: formatShares(h.frozen),
    marketValue: toMoneyDto(h.marketValue),
    cost: toMoneyDto(h.cost),
    unrealisedGain: toMoneyDto(h.unrealisedGain),
    realisedGain: toMoneyDto(h.realisedGain),
    income: toMoneyDto(h.income),
  };
}

export const assetsDto = z.object({
  currency: z.string(),
  total: moneyDto,
  cash: moneyDto,
  inTransit: moneyDto,
  byKind: z.array(z.object({ kind: z.string(), value: moneyDto })),
  byRisk: z.array(z.object({ riskLevel: z.string(), value: moneyDto })),
  holdings: z.array(holdingDto),
});

export function toAssetsDto(a: AssetSummary): z.infer<typeof assetsDto> {
  return {
    currency: a.currency,
    total: toMoneyDto(a.total),
    cash: toMoneyDto(a.cash),
    inTransit: toMoneyDto(a.inTransit),
    byKind: a.byKind.map((k) => ({ kind: k.kind, value: toMoneyDto(k.value) })),
    byRisk: a.byRisk.map((r) => ({ riskLevel: r.riskLevel, value: toMoneyDto(r.value) })),
    holdings: a.holdings.map(toHoldingDto),
  };
}

export const previewDto = z.object({
  suitability: z
    .object({
      allowed: z.boolean(),
      reason: z.string().optional(),
      messageZh: z.string().optional(),
      messageEn: z.string().optional(),
      productRisk: z.string(),
      customerRisk: z.string().nullable(),
    })
    .nullable(),
  tradeDate: z.string(),
  cutoffAt: z.string(),
  confirmDate: z.string(),
  minimum: moneyDto.nullable(),
  fee: moneyDto.nullable(),
  estimatedShares: z.string().nullable(),
  estimatedProceeds: moneyDto.nullable(),
  navDate: z.string().nullable(),
  coolingOffHours: z.number(),
  remainingQuota: moneyDto.nullable(),
  expectedYield: z.object({ min: moneyDto, max: moneyDto }).nullable(),
  instantLimitLeft: moneyDto.nullable(),
});

export function toPreviewDto(p: OrderPreview): z.infer<typeof previewDto> {
  return {
    ...p,
    cutoffAt: p.cutoffAt.toISOString(),
    minimum: m(p.minimum),
    fee: m(p.fee),
    estimatedShares: p.estimatedShares === null ? null : formatShares(p.estimatedShares),
    estimatedProceeds: m(p.estimatedProceeds),
    remainingQuota: m(p.remainingQuota),
    instantLimitLeft: m(p.instantLimitLeft),
    expectedYield: p.expectedYield
      ? { min: toMoneyDto(p.expectedYield.min), max: toMoneyDto(p.expectedYield.max) }
      : null,
  };
}

/** Shares from the wire ("1000.50") to hundredths. */
export function parseShares(text: string): bigint {
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

export const holdingLotDto = z.object({
  id: z.string(),
  orderId: z.string().nullable(),
  acquiredOn: z.string(),
  shares: z.string(),
  remaining: z.string(),
  cost: z.string(),
  remainingCost: z.string(),
  maturityDate: z.string().nullable(),
  renew: z.boolean(),
});

/** Lots in wire form: shares as 2-dp strings, costs as yuan strings (fen / 100, exact). */
export function toHoldingLotDto(l: HoldingLot): z.infer<typeof holdingLotDto> {
  return {
    ...l,
    shares: formatShares(l.shares),
    remaining: formatShares(l.remaining),
    cost: formatShares(l.cost),
    remainingCost: formatShares(l.remainingCost),
  };
}

export const salesLineDto = z.object({
  channel: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  currency: z.string(),
  orders: z.number(),
  confirmed: z.number(),
  refused: z.number(),
  customers: z.number(),
  volume: moneyDto,
  pendingVolume: moneyDto,
  redemptions: moneyDto,
  fees: moneyDto,
});

export const salesTotalDto = salesLineDto
  .omit({ channel: true, staffId: true, staffName: true })
  .describe("one currency's lines together; customers counted once however many lines they appear on");

export function toSalesTotalDto(t: SalesTotal): z.infer<typeof salesTotalDto> {
  return {
    currency: t.currency,
    orders: t.orders,
    confirmed: t.confirmed,
    refused: t.refused,
    customers: t.customers,
    volume: toMoneyDto(t.volume),
    pendingVolume: toMoneyDto(t.pendingVolume),
    redemptions: toMoneyDto(t.redemptions),
    fees: toMoneyDto(t.fees),
  };
}

export function toSalesLineDto(l: SalesLine): Omit<z.infer<typeof salesLineDto>, 'staffName'> {
  return { channel: l.channel, staffId: l.staffId, ...toSalesTotalDto(l) };
}
