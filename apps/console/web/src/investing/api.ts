import type { OrderStatus, OrderType } from '@onefin/investing/reference';
import { api, type Page } from '../api.ts';
import type { MoneyDto } from '../ledger/api.ts';

/**
 * The investing module's console API (modules/investing/routes.console.ts, http-schemas.ts,
 * http-orders.ts); the zod schemas there are the contract. Amounts are decimal-string money, shares
 * decimal strings with 2 dp, NAVs decimal strings: shown as they come, never through a float.
 */

export {
  ORDER_STATUSES,
  ORDER_TYPES,
  type OrderStatus,
  type OrderType,
} from '@onefin/investing/reference';

/** The channels staff sell through; web and app are the customer's own. */
export const ASSISTED_CHANNELS = ['phone', 'agent', 'corporate', 'branch'] as const;
export type AssistedChannel = (typeof ASSISTED_CHANNELS)[number];

/** An order as staff see it (`orderDto`). */
export interface Order {
  id: string;
  customerId: string;
  type: OrderType;
  status: OrderStatus;
  productId: string;
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  productKind: string;
  channel: string;
  staffId: string | null;
  amount: MoneyDto | null;
  shares: string | null;
  tradeDate: string | null;
  confirmDate: string | null;
  nav: string | null;
  fee: MoneyDto | null;
  refund: MoneyDto | null;
  proceeds: MoneyDto | null;
  failureReason: string | null;
  coolingOffUntil: string | null;
  cancellableUntil: string | null;
  createdAt: string;
  completedAt: string | null;
  /** Simulator only: on the answer that placed an order awaiting the customer, the code sent to them. */
  confirmationCode?: string;
}

export interface OrderEvent {
  status: string;
  at: string;
  detail: string | null;
}

export interface OrderDetail extends Order {
  history: OrderEvent[];
}

export interface Holding {
  productId: string;
  productCode: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  category: string;
  riskLevel: string;
  shares: string;
  frozen: string;
  nav: string | null;
  navDate: string | null;
  marketValue: MoneyDto;
  cost: MoneyDto;
  unrealisedGain: MoneyDto;
  realisedGain: MoneyDto;
  income: MoneyDto;
  maturityDate: string | null;
}

/**
 * The body of an assisted order (`orderBodyFor`): funds by amount or by shares, wealth and deposits by
 * amount. A redemption of a money-market fund may be `fast` (paid at once, T+0, within a daily limit);
 * a conversion moves shares into another fund of the same company.
 */
export type OrderBody =
  | { type: 'subscribe' | 'wealth_buy'; productId: string; amount: MoneyDto; channel: AssistedChannel }
  | { type: 'redeem'; productId: string; shares: string; fast?: boolean; channel: AssistedChannel }
  | {
      type: 'convert';
      productId: string;
      targetProductId: string;
      shares: string;
      channel: AssistedChannel;
    }
  | {
      type: 'deposit_open';
      productId: string;
      amount: MoneyDto;
      renew?: boolean;
      channel: AssistedChannel;
    };

interface Outcome {
  confirmed: number;
  cancelled: number;
  failed: number;
}

/** The end-of-day job's report (modules/investing/end-of-day.ts `EndOfDayReport`); partial while it runs. */
export interface EndOfDayReport {
  tradeDate: string;
  confirmDate: string;
  subscriptions: Outcome & { awaitingNav: number };
  redemptions: Outcome & { awaitingNav: number };
  conversions: Outcome & { awaitingNav: number };
  wealth: Outcome;
  /** `amount` in minor units (fen), as a decimal string. */
  maturities: { paid: number; amount: string };
  /** `amount` in minor units (fen), as a decimal string. */
  income: { funds: number; holdings: number; amount: string };
  reconciliation: {
    currency: string;
    checks: number;
    breaks: { check: string; productId?: string; investing: string; other: string }[];
  };
}

export interface EndOfDayRun {
  tradeDate: string;
  status: 'running' | 'completed' | 'incomplete';
  startedAt: string;
  finishedAt: string | null;
  report: Partial<EndOfDayReport>;
}

/** Every channel an order records; web and app are self-service, system the platform's own orders. */
export const CHANNELS = ['web', 'app', 'phone', 'agent', 'corporate', 'branch', 'system'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels the sales ledger counts (the platform's own orders are not sales). */
export const SALES_CHANNELS = ['web', 'app', 'phone', 'agent', 'corporate', 'branch'] as const;

export interface OrderFilter {
  customerId?: string | undefined;
  staffId?: string | undefined;
  channel?: Channel | undefined;
  productId?: string | undefined;
  status?: OrderStatus | undefined;
}

export function fetchOrders(filter: OrderFilter, before?: string): Promise<Page<Order>> {
  return api.get<Page<Order>>('/investing/orders', { ...filter, before, limit: 50 });
}

export function fetchOrder(id: string): Promise<OrderDetail> {
  return api.get<OrderDetail>(`/investing/orders/${encodeURIComponent(id)}`);
}

/** Places an order for the customer; keep `idempotencyKey` until a definite answer came back. */
export function placeAssistedOrder(
  customerId: string,
  body: OrderBody,
  idempotencyKey: string,
): Promise<Order> {
  return api.postIdempotent<Order>(
    `/investing/customers/${encodeURIComponent(customerId)}/orders`,
    body,
    idempotencyKey,
  );
}

/** What an assisted order would be (`previewDto`): the portal's preview, for this customer and channel. */
export interface OrderPreview {
  /** Purchases and conversions only (the target fund's); null for a redemption. */
  suitability: {
    allowed: boolean;
    reason?: string;
    messageZh?: string;
    messageEn?: string;
    productRisk: string;
    customerRisk: string | null;
  } | null;
  tradeDate: string;
  /** The instant (15:00 Shanghai on the trade date) until which the order takes that day's NAV. */
  cutoffAt: string;
  confirmDate: string;
  minimum: MoneyDto | null;
  fee: MoneyDto | null;
  estimatedShares: string | null;
  estimatedProceeds: MoneyDto | null;
  navDate: string | null;
  coolingOffHours: number;
  remainingQuota: MoneyDto | null;
  expectedYield: { min: MoneyDto; max: MoneyDto } | null;
  /** Money-market redemptions: what may still be redeemed instantly (T+0) from the fund today. */
  instantLimitLeft: MoneyDto | null;
}

/** Previews an order for the customer: nothing is held, recorded or audited. */
export function previewAssistedOrder(customerId: string, body: OrderBody): Promise<OrderPreview> {
  return api.post<OrderPreview>(
    `/investing/customers/${encodeURIComponent(customerId)}/orders/preview`,
    body,
  );
}

/** Confirms an order awaiting the customer with the six digits they read out. */
export function confirmWithCode(orderId: string, code: string): Promise<Order> {
  return api.post<Order>(`/investing/orders/${encodeURIComponent(orderId)}/confirmation`, { code });
}

export async function fetchHoldings(customerId: string): Promise<Holding[]> {
  const path = `/investing/customers/${encodeURIComponent(customerId)}/holdings`;
  return (await api.get<{ items: Holding[] }>(path)).items;
}

export async function fetchEndOfDayRuns(before?: string): Promise<EndOfDayRun[]> {
  return (await api.get<{ items: EndOfDayRun[] }>('/investing/eod-runs', { limit: 30, before })).items;
}

/** Runs (or reruns: it is idempotent) the end of day for a trade date, the settleable one unless given. */
export function runEndOfDay(tradeDate?: string): Promise<EndOfDayRun> {
  return api.post<EndOfDayRun>('/investing/eod-runs', tradeDate ? { tradeDate } : {});
}

/** One line of the sales ledger (`salesLineDto`): a channel and staff member (none for self-service), in one currency. */
export interface SalesLine {
  channel: string;
  staffId: string | null;
  staffName: string | null;
  currency: string;
  orders: number;
  confirmed: number;
  refused: number;
  customers: number;
  /** Confirmed purchases (subscriptions, wealth, deposits, conversions in). */
  volume: MoneyDto;
  /** Purchases placed and not yet confirmed. */
  pendingVolume: MoneyDto;
  /** Confirmed redemptions and conversions out. */
  redemptions: MoneyDto;
  /** Fees of confirmed orders. */
  fees: MoneyDto;
}

export interface SalesFilter {
  /** Business days, inclusive; the server's defaults (1st of this month to today) when left out. */
  from?: string | undefined;
  to?: string | undefined;
  channel?: (typeof SALES_CHANNELS)[number] | undefined;
  staffId?: string | undefined;
}

export interface SalesLedger {
  from: string;
  to: string;
  items: SalesLine[];
  /** One per currency; customers counted once however many lines they appear on. */
  totals: SalesTotal[];
}

export type SalesTotal = Omit<SalesLine, 'channel' | 'staffId' | 'staffName'>;

export function fetchSales(filter: SalesFilter): Promise<SalesLedger> {
  return api.get<SalesLedger>('/investing/sales', { ...filter });
}

export const investingKeys = {
  all: ['investing'] as const,
  orders: (filter: OrderFilter) => ['investing', 'orders', filter] as const,
  order: (id: string) => ['investing', 'order', id] as const,
  holdings: (customerId: string) => ['investing', 'holdings', customerId] as const,
  preview: (customerId: string, body: OrderBody | undefined) =>
    ['investing', 'preview', customerId, body] as const,
  runs: ['investing', 'eod-runs'] as const,
  sales: (filter: SalesFilter) => ['investing', 'sales', filter] as const,
};
