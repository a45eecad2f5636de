import type { Executor } from '@onefin/kernel';
import type { ColumnType, Selectable } from 'kysely';
import type { OrderStatus, OrderType, PlanFrequency, PlanStatus } from './reference.ts';

export {
  ORDER_STATUSES,
  ORDER_TYPES,
  type OrderStatus,
  type OrderType,
  PLAN_FREQUENCIES,
  PLAN_STATUSES,
  type PlanFrequency,
  type PlanStatus,
} from './reference.ts';

/** jsonb: read as an object, written as its JSON text. */
type Json = ColumnType<Record<string, unknown>, string, string>;

/** The investing module's own tables; no other module reads or writes them. */
export type InvestingTables = {
  investing_orders: {
    id: string;
    customer_id: string;
    product_id: string;
    product_code: string;
    product_name_zh: string;
    product_name_en: string;
    product_kind: string;
    order_type: OrderType;
    status: OrderStatus;
    channel: string;
    /** The staff member who assisted (phone, agent, branch…); null for self-service. */
    staff_id: string | null;
    idempotency_key: string;
    currency: string;
    /** Subscriptions and wealth purchases: the amount paid (fen). */
    amount: bigint | null;
    /** Redemptions: the shares asked for; subscriptions: the shares confirmed (hundredths). */
    shares: bigint | null;
    trade_date: string | null;
    confirm_date: string | null;
    nav: string | null;
    fee: bigint | null;
    /** Subscriptions: whole fen the shares did not buy, given back. */
    refund: bigint | null;
    /** Redemptions and maturities: what the cash account received. */
    proceeds: bigint | null;
    failure_reason: string | null;
    cooling_off_until: Date | null;
    detail: Json;
    created_at: Date;
    updated_at: Date;
    completed_at: Date | null;
  };
  investing_order_events: {
    order_id: string;
    status: string;
    at: Date;
    detail: string | null;
  };
  investing_positions: {
    customer_id: string;
    product_id: string;
    product_kind: string;
    currency: string;
    /** Hundredths of a share (wealth: fen of principal, one unit per yuan). */
    shares: bigint;
    /** Shares reserved by pending redemptions. */
    frozen: bigint;
    cost: bigint;
    realised_gain: bigint;
    /** Money-market income reinvested so far (fen). */
    income: bigint;
    updated_at: Date;
  };
  investing_lots: {
    id: string;
    customer_id: string;
    product_id: string;
    /** The order that bought it; null for a money-market fund's reinvested income. */
    order_id: string | null;
    acquired_on: string;
    shares: bigint;
    remaining: bigint;
    cost: bigint;
    remaining_cost: bigint;
    /** Wealth products: the day principal and yield are paid out. */
    maturity_date: string | null;
    renew: boolean;
  };
  investing_quotas: {
    product_id: string;
    currency: string;
    size: bigint;
    sold: bigint;
  };
  investing_income_days: {
    product_id: string;
    income_date: string;
    holdings: number;
    income: bigint;
  };
  investing_eod_runs: {
    trade_date: string;
    status: 'running' | 'completed' | 'incomplete';
    started_at: Date;
    finished_at: Date | null;
    report: Json;
  };
  investing_plans: {
    id: string;
    customer_id: string;
    product_id: string;
    product_code: string;
    product_name_zh: string;
    product_name_en: string;
    currency: string;
    /** What each run subscribes (fen). */
    amount: bigint;
    frequency: PlanFrequency;
    /** Weekly and biweekly: ISO weekday 1–5; monthly: day of month 1–28. */
    run_day: number;
    channel: string;
    staff_id: string | null;
    status: PlanStatus;
    /** The next scheduled date; a run on a non-trading day waits for the next trading day. */
    next_run_on: string;
    idempotency_key: string;
    created_at: Date;
    updated_at: Date;
  };
  investing_plan_runs: {
    plan_id: string;
    due_on: string;
    status: 'placed' | 'skipped';
    order_id: string | null;
    /** Why a run was skipped: insufficient_funds, a suitability refusal, a missed date… */
    reason: string | null;
    at: Date;
  };
  investing_portfolio_days: {
    customer_id: string;
    value_date: string;
    currency: string;
    /** Holdings at the date's NAVs (wealth and deposits at principal), minor units. */
    market_value: bigint;
    /** Purchases confirmed so far less what came back to cash (redemptions, payouts). */
    net_invested: bigint;
  };
};

export type PlanRow = Selectable<InvestingTables['investing_plans']>;
export type OrderRow = Selectable<InvestingTables['investing_orders']>;
export type PositionRow = Selectable<InvestingTables['investing_positions']>;
export type LotRow = Selectable<InvestingTables['investing_lots']>;

export function investingDb(db: Executor) {
  return db.withTables<InvestingTables>();
}
