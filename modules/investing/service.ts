import { businessDateOf, type CurrencyCode, fail, type Money, ok, type Result } from '@onefin/kernel';
import { createContext } from './context.ts';
import { placeConversion } from './conversions.ts';
import {
  confirmByCode,
  confirmByCustomer,
  declineByCustomer,
  lapseAwaiting,
} from './customer-confirmation.ts';
import { openDeposit, withdrawDeposit } from './deposits.ts';
import { type EndOfDayRun, endOfDayRuns, runEndOfDay, settleableTradeDate } from './end-of-day.ts';
import type { InvestingError } from './errors.ts';
import { type Maturity, maturityCalendar } from './maturity-calendar.ts';
import { type InvestingDeps, type Order, type OrderEvent, toOrder } from './model.ts';
import { getOrder, listOrders, type OrderListQuery, orderEvents } from './orders.ts';
import {
  createPlan,
  type NewPlan,
  type Plan,
  type PlanRun,
  plansOf,
  planWithRuns,
  runDuePlans,
  setPlanStatus,
} from './plans.ts';
import {
  type AssetSummary,
  assetsOf,
  type Holding,
  type HoldingLot,
  holdingsOf,
  lotsOf,
} from './portfolio.ts';
import { type ValueHistory, valueHistory } from './portfolio-history.ts';
import { type OrderPreview, type PreviewInput, previewOrder } from './preview.ts';
import { type OrderInput, type Placed, placePurchase, releaseHold, resumePurchase } from './purchases.ts';
import { remainingQuota } from './quotas.ts';
import { type Reconciliation, reconcile } from './reconciliation.ts';
import { cancelOrder, placeRedemption } from './redemptions.ts';
import { type SalesLedger, type SalesQuery, salesLedger } from './sales.ts';
import { investingDb, type PlanStatus } from './schema.ts';

/** Orders for every investment kind from every channel, their settlement, and the holdings. */
export interface InvestingService {
  /**
   * A fund subscription by amount at the unknown price: suitability first, then the minimum, then a
   * hold on the customer's cash; confirmed at T+1 by the end-of-day job.
   * @example await investing.subscribe({ customerId, productId, channel: 'app', idempotencyKey, amount })
   */
  subscribe(input: OrderInput & { amount: Money }): Placed;
  /**
   * A redemption by shares (hundredths); the shares are reserved until T+1. `fast`: a money-market
   * fund paid out at once (T+0) within the daily limit per customer and fund.
   */
  redeem(input: OrderInput & { shares: bigint; fast?: boolean | undefined }): Placed;
  /**
   * Converts fund shares into another fund of the same company at both funds' NAVs of the trade
   * date (confirmed at T+1); suitability is checked for the target fund.
   */
  convert(input: OrderInput & { shares: bigint; targetProductId: string }): Placed;
  /** A wealth product within its sales window, against its quota; cooling-off where it has one. */
  buyWealth(input: OrderInput & { amount: Money }): Placed;
  /** Fee, dates, suitability and estimates for the confirmation screen; nothing is held or recorded. */
  preview(input: PreviewInput): Promise<Result<OrderPreview, InvestingError>>;
  /** A time deposit, opened at once; `renew` rolls principal and interest over at maturity. */
  openDeposit(input: OrderInput & { amount: Money; renew?: boolean }): Placed;
  /** Withdraws a whole deposit before maturity, with interest at the demand rate. */
  withdrawDeposit(
    input: Omit<OrderInput, 'productId'> & { lotId: string },
  ): Promise<Result<Order, InvestingError>>;
  /** The lots of one holding (each deposit, each purchase), oldest first. */
  lots(customerId: string, productId: string): Promise<HoldingLot[]>;
  /** The customer confirms an order staff placed for them by phone or through an agent. */
  confirmOrder(customerId: string, orderId: string): Promise<Result<Order, InvestingError>>;
  /** The customer declines it: cancelled, nothing was held. */
  declineOrder(customerId: string, orderId: string): Promise<Result<Order, InvestingError>>;
  /** The agent confirms with the one-time code the customer received. */
  confirmWithCode(orderId: string, code: string): Promise<Result<Order, InvestingError>>;
  /** Cancels the customer's own pending order before its cut-off or within its cooling-off. */
  cancel(customerId: string, orderId: string): Promise<Result<Order, InvestingError>>;
  /** One order with its status history; `customerId` limits it to that customer's own. */
  getOrder(
    orderId: string,
    customerId?: string,
  ): Promise<Result<Order & { history: OrderEvent[] }, InvestingError>>;
  listOrders(q: OrderListQuery, from?: 'primary' | 'replica'): Promise<{ items: Order[]; next?: string }>;
  holdings(customerId: string): Promise<Holding[]>;
  assets(customerId: string, currency?: CurrencyCode): Promise<AssetSummary>;
  /** Daily closes of the customer's portfolio with the time- and money-weighted returns. */
  valueHistory(customerId: string, currency?: CurrencyCode, from?: string): Promise<ValueHistory>;
  /** Wealth products and deposits still to mature, soonest first, with what they pay. */
  maturities(customerId: string): Promise<Maturity[]>;
  /** What is left of a wealth product's size. */
  remainingQuota(productId: string): Promise<bigint | undefined>;
  /** Sales per channel and staff member over business days (a replica is enough). */
  salesLedger(q: SalesQuery, from?: 'primary' | 'replica'): Promise<SalesLedger>;
  /** The end-of-day job for one trade date (idempotent, resumable). */
  runEndOfDay(tradeDate: string): Promise<EndOfDayRun>;
  /** The trade date today's end-of-day settles (T, when today is T+1). */
  settleableTradeDate(): Promise<string>;
  endOfDayRuns(q: { before?: string; limit: number }): Promise<EndOfDayRun[]>;
  reconcile(currency?: CurrencyCode): Promise<Reconciliation>;
  /**
   * A regular investment plan (定投) into a fund: checked like its first run would be (suitability,
   * minimum), then run by the worker on every scheduled trading day.
   */
  createPlan(input: NewPlan): Promise<Result<Plan, InvestingError>>;
  plans(customerId: string): Promise<Plan[]>;
  /** One plan with its latest runs; `customerId` limits it to that customer's own. */
  plan(planId: string, customerId?: string): Promise<Result<Plan & { runs: PlanRun[] }, InvestingError>>;
  /** Pause, resume (from the next scheduled date after today) or stop for good. */
  setPlanStatus(
    customerId: string,
    planId: string,
    status: PlanStatus,
  ): Promise<Result<Plan, InvestingError>>;
  /** The worker's pass over the plans due today: each run placed, or skipped with a notice. */
  runDuePlans(): Promise<{ placed: number; skipped: number }>;
  /** The worker's pass over purchases a crash left between the order and its hold. */
  resumeSubmitted(olderThanMs?: number): Promise<number>;
}

export function createInvestingService(deps: InvestingDeps): InvestingService {
  const d = createContext(deps);
  return {
    subscribe: (input) => placePurchase(d, 'subscribe', input),
    buyWealth: (input) => placePurchase(d, 'wealth_buy', input),
    redeem: (input) => placeRedemption(d, input),
    convert: (input) => placeConversion(d, input),
    preview: (input) => previewOrder(d, input),
    confirmOrder: (customerId, orderId) => confirmByCustomer(d, customerId, orderId),
    declineOrder: (customerId, orderId) => declineByCustomer(d, customerId, orderId),
    confirmWithCode: (orderId, code) => confirmByCode(d, orderId, code),
    openDeposit: (input) => openDeposit(d, input),
    withdrawDeposit: (input) => withdrawDeposit(d, input),
    lots: (customerId, productId) => lotsOf(d, customerId, productId),
    cancel: (customerId, orderId) => cancelOrder(d, customerId, orderId),
    async getOrder(orderId, customerId) {
      const order = await getOrder(d.db, orderId);
      if (!order || (customerId !== undefined && order.customerId !== customerId))
        return fail('order_not_found');
      return ok({ ...order, history: await orderEvents(d.db, orderId) });
    },
    listOrders: (q, from = 'primary') => listOrders(from === 'replica' ? d.reads : d.db, q),
    holdings: (customerId) => holdingsOf(d, customerId),
    assets: (customerId, currency = 'CNY') => assetsOf(d, customerId, currency),
    remainingQuota: (productId) => remainingQuota(d.db, productId),
    valueHistory: (customerId, currency = 'CNY', from) => valueHistory(d, customerId, currency, from),
    maturities: (customerId) => maturityCalendar(d, customerId),
    salesLedger: (q, from = 'primary') =>
      salesLedger(from === 'replica' ? d.reads : d.db, businessDateOf(d.clock.now()), q),
    runEndOfDay: (tradeDate) => runEndOfDay(d, tradeDate),
    async settleableTradeDate() {
      return settleableTradeDate(businessDateOf(d.clock.now()), await d.products.tradingCalendar());
    },
    endOfDayRuns: (q) => endOfDayRuns(d.db, q),
    reconcile: (currency = 'CNY') => reconcile(d, currency),
    createPlan: (input) => createPlan(d, input),
    plans: (customerId) => plansOf(d, customerId),
    plan: (planId, customerId) => planWithRuns(d, planId, customerId),
    setPlanStatus: (customerId, planId, status) => setPlanStatus(d, customerId, planId, status),
    runDuePlans: () => runDuePlans(d),
    async resumeSubmitted(olderThanMs = 60_000) {
      const rows = await investingDb(d.db)
        .selectFrom('investing_orders')
        .selectAll()
        .where('status', '=', 'submitted')
        .where('order_type', 'in', ['subscribe', 'wealth_buy'])
        .where('created_at', '<', new Date(d.clock.now().getTime() - olderThanMs))
        .orderBy('id')
        .limit(500)
        .execute();
      let resumed = 0;
      for (const row of rows) if ((await resumePurchase(d, toOrder(row))).status !== 'submitted') resumed++;
      // A buyer who missed the quota had the hold released right after; a crash in between leaves
      // it open until this pass (releasing twice is harmless).
      const missed = await investingDb(d.db)
        .selectFrom('investing_orders')
        .select('id')
        .where('status', '=', 'failed')
        .where('failure_reason', '=', 'quota_exhausted')
        .where('completed_at', '>', new Date(d.clock.now().getTime() - 3_600_000))
        .execute();
      for (const { id } of missed) await releaseHold(d, id);
      return resumed + (await lapseAwaiting(d));
    },
  };
}
