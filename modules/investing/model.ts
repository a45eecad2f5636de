import type { Clock, CurrencyCode, EventPublisher, Executor, Id, Money } from '@onefin/kernel';
import type { LedgerService } from '@onefin/ledger';
import type { Channel, ProductsService } from '@onefin/products';
import type { OrderRow, OrderStatus, OrderType } from './schema.ts';

export type OrderId = Id<'ord'>;

/** Where an order came from: the six sales channels, or the platform itself (maturities). */
export type OrderChannel = Channel | 'system';

/** One investment order as the customer and staff see it. */
export interface Order {
  id: OrderId;
  customerId: string;
  productId: string;
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  productKind: string;
  type: OrderType;
  status: OrderStatus;
  channel: OrderChannel;
  staffId: string | null;
  currency: CurrencyCode;
  amount: Money | null;
  /** Hundredths of a share: asked for (redemptions) or confirmed (subscriptions). */
  shares: bigint | null;
  tradeDate: string | null;
  confirmDate: string | null;
  nav: string | null;
  fee: Money | null;
  refund: Money | null;
  proceeds: Money | null;
  failureReason: string | null;
  coolingOffUntil: Date | null;
  detail: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  /**
   * Only on the answer that placed an order awaiting the customer: the one-time code the simulated
   * SMS gateway would send (never stored; a real gateway takes its place).
   */
  confirmationCode?: string;
}

export interface OrderEvent {
  status: OrderStatus;
  at: Date;
  detail: string | null;
}

export interface InvestingSettings {
  /** Channels where staff sell remotely: the customer must confirm each order (portal or one-time code). */
  customerConfirmedChannels: readonly Channel[];
  /** How long an order waits for the customer's confirmation before it lapses. */
  confirmationTtlMs: number;
  /** A purchase's hold lapses after this long if never confirmed (far beyond T+1 and cooling-off). */
  holdDays: number;
  /** Batches of order writes in flight at once: 2 on PostgreSQL, 1 on PGlite (one connection). */
  writers: number;
  /** How many orders one end-of-day transaction confirms. */
  settleChunk: number;
  /** What one customer may redeem instantly (T+0) from one money-market fund per day, in major units. */
  fastRedemptionDailyLimit: string;
}

export const DEFAULT_INVESTING_SETTINGS: InvestingSettings = {
  customerConfirmedChannels: ['phone', 'agent'],
  confirmationTtlMs: 24 * 60 * 60 * 1000,
  holdDays: 30,
  settleChunk: 500,
  writers: 1,
  fastRedemptionDailyLimit: '10000.00',
};

export interface InvestingDeps {
  db: Executor;
  /** Read replica for staff lists. */
  reads: Executor;
  clock: Clock;
  ledger: LedgerService;
  products: Pick<
    ProductsService,
    'catalogueProduct' | 'getProduct' | 'suitability' | 'suitabilityFor' | 'navsOn' | 'tradingCalendar'
  >;
  /** Notices to customers (a skipped plan run), published in the transaction that caused them. */
  events?: EventPublisher;
  settings?: Partial<InvestingSettings>;
}

export interface Deps extends Omit<InvestingDeps, 'settings'> {
  settings: InvestingSettings;
}

const money = (amount: bigint | null, currency: CurrencyCode): Money | null =>
  amount === null ? null : { amount, currency };

export function toOrder(r: OrderRow): Order {
  const currency = r.currency as CurrencyCode;
  return {
    id: r.id as OrderId,
    customerId: r.customer_id,
    productId: r.product_id,
    productCode: r.product_code,
    productNameZh: r.product_name_zh,
    productNameEn: r.product_name_en,
    productKind: r.product_kind,
    type: r.order_type,
    status: r.status,
    channel: r.channel as OrderChannel,
    staffId: r.staff_id,
    currency,
    amount: money(r.amount, currency),
    shares: r.shares,
    tradeDate: r.trade_date,
    confirmDate: r.confirm_date,
    nav: r.nav,
    fee: money(r.fee, currency),
    refund: money(r.refund, currency),
    proceeds: money(r.proceeds, currency),
    failureReason: r.failure_reason,
    coolingOffUntil: r.cooling_off_until,
    detail: r.detail,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
  };
}

export interface ConversionTarget {
  targetProductId: string;
  targetCode: string;
  targetNameZh: string;
  targetNameEn: string;
}

/** The target fund a `convert_out` order recorded. */
export const targetOf = (o: Order): ConversionTarget | undefined =>
  typeof o.detail.targetProductId === 'string' ? (o.detail as unknown as ConversionTarget) : undefined;

/** Ledger transfer ids derived from the order id: a retried step finds its own posting. */
export const transferIds = (orderId: string) => ({
  hold: `${orderId}:hold`,
  post: `${orderId}:post`,
  fee: `${orderId}:fee`,
  void: `${orderId}:void`,
  proceeds: `${orderId}:proceeds`,
  principal: `${orderId}:principal`,
  yield: `${orderId}:yield`,
  conversionFee: `${orderId}:conversion_fee`,
  refund: `${orderId}:refund`,
});
