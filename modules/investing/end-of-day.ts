import type { CurrencyCode } from '@onefin/kernel';
import {
  isTradingDay,
  type NavPoint,
  nextTradingDay,
  type Product,
  previousTradingDay,
} from '@onefin/products';
import type { Context } from './context.ts';
import { confirmConversions, type PricedConversion } from './conversions.ts';
import { accrueMoneyMarketIncome } from './income.ts';
import { payMaturities } from './maturities.ts';
import { type Order, targetOf, toOrder } from './model.ts';
import { closingNavs, snapshotPortfolios } from './portfolio-history.ts';
import { type Reconciliation, reconcile } from './reconciliation.ts';
import { investingDb, type OrderType } from './schema.ts';
import {
  type ChunkOutcome,
  confirmRedemptions,
  confirmSubscriptions,
  confirmWealthPurchases,
} from './settle-orders.ts';

export interface EndOfDayReport {
  tradeDate: string;
  confirmDate: string;
  subscriptions: ChunkOutcome & { awaitingNav: number };
  redemptions: ChunkOutcome & { awaitingNav: number };
  conversions: ChunkOutcome & { awaitingNav: number };
  wealth: ChunkOutcome;
  maturities: { paid: number; amount: string };
  income: { funds: number; holdings: number; amount: string };
  reconciliation: Reconciliation;
  /** Customers whose portfolio close was recorded for the value history. */
  portfolios: number;
}

export interface EndOfDayRun {
  tradeDate: string;
  status: 'running' | 'completed' | 'incomplete';
  startedAt: Date;
  finishedAt: Date | null;
  report: Partial<EndOfDayReport>;
}

const CURRENCY: CurrencyCode = 'CNY';

/** The trade date whose orders can be confirmed today: the trading day before the latest one so far. */
export function settleableTradeDate(today: string, cal: Parameters<typeof isTradingDay>[1]): string {
  const latest = isTradingDay(today, cal) ? today : previousTradingDay(today, cal);
  return previousTradingDay(latest, cal);
}

/**
 * The end-of-day job for trade date T, run on T+1: money-market income of T first (shares confirmed
 * today do not earn it), then every open subscription and redemption traded on or before T at its
 * own trade date's NAV, wealth purchases past their cooling-off, maturities due by T+1, and last
 * the reconciliation with the ledger. Each chunk is its own transaction and only open orders are
 * read, so a rerun changes nothing and a run killed halfway finishes on the next. Orders whose NAV
 * is not imported yet stay open and the run is `incomplete` until it is.
 */
export async function runEndOfDay(d: Context, tradeDate: string): Promise<EndOfDayRun> {
  const cal = await d.products.tradingCalendar();
  const confirmDate = nextTradingDay(tradeDate, cal);
  const startedAt = d.clock.now();
  await investingDb(d.db)
    .insertInto('investing_eod_runs')
    .values({ trade_date: tradeDate, status: 'running', started_at: startedAt, report: '{}' })
    .onConflict((oc) => oc.column('trade_date').doUpdateSet({ status: 'running', started_at: startedAt }))
    .execute();

  const products = new Map<string, Promise<Product | undefined>>();
  const productOf = (id: string) => {
    let p = products.get(id);
    if (!p) {
      p = d.products.getProduct(id);
      products.set(id, p);
    }
    return p;
  };
  const navs = new Map<string, Promise<Map<string, NavPoint>>>();
  const navsOf = (date: string) => {
    let n = navs.get(date);
    if (!n) {
      n = d.products.navsOn(date);
      navs.set(date, n);
    }
    return n;
  };

  const income = { funds: 0, holdings: 0, amount: 0n };
  for (const [productId, nav] of await navsOf(tradeDate)) {
    if (nav.per10kIncome === null) continue;
    const accrued = await accrueMoneyMarketIncome(d, productId, tradeDate, nav.per10kIncome);
    if (!accrued) continue;
    income.funds++;
    income.holdings += accrued.holdings;
    income.amount += accrued.income;
  }

  const fundOrders = async (
    type: OrderType,
    confirm: (
      ...args: Parameters<typeof confirmSubscriptions>
    ) => Promise<ChunkOutcome & { awaitingNav?: number }>,
  ) => {
    const total = { confirmed: 0, cancelled: 0, failed: 0, awaitingNav: 0 };
    let after = '';
    for (;;) {
      const chunk = (
        await investingDb(d.db)
          .selectFrom('investing_orders')
          .selectAll()
          .where('status', '=', 'pending')
          .where('order_type', '=', type)
          .where('trade_date', '<=', tradeDate)
          .where('id', '>', after)
          .orderBy('id')
          .limit(d.settings.settleChunk)
          .execute()
      ).map(toOrder);
      if (chunk.length === 0) return total;
      after = chunk.at(-1)?.id ?? after;
      const priced: Order[] = [];
      const prices = new Map<string, NavPoint>();
      const terms = new Map<string, Product>();
      for (const o of chunk) {
        const nav = (await navsOf(o.tradeDate ?? tradeDate)).get(o.productId);
        const product = await productOf(o.productId);
        if (!nav || !product) {
          total.awaitingNav++;
          continue;
        }
        prices.set(o.id, nav);
        terms.set(o.id, product);
        priced.push(o);
      }
      const out = await confirm(
        d,
        priced,
        (o) => prices.get(o.id) as NavPoint,
        (o) => terms.get(o.id) as Product,
        confirmDate,
      );
      total.confirmed += out.confirmed;
      total.cancelled += out.cancelled;
      total.failed += out.failed;
      total.awaitingNav += out.awaitingNav ?? 0;
    }
  };
  const subscriptions = await fundOrders('subscribe', confirmSubscriptions);
  const redemptions = await fundOrders('redeem', confirmRedemptions);
  // A conversion needs the target fund's NAV of the same trade date too.
  const conversions = await fundOrders('convert_out', async (d, orders, price, product, confirmDate) => {
    const priced: PricedConversion[] = [];
    for (const order of orders) {
      const target = targetOf(order);
      const to = target && (await productOf(target.targetProductId));
      const nav = target && (await navsOf(order.tradeDate ?? tradeDate)).get(target.targetProductId);
      if (to && nav) priced.push({ order, from: product(order), to, navs: { from: price(order), to: nav } });
    }
    const out = await confirmConversions(d, priced, confirmDate);
    return { ...out, awaitingNav: orders.length - priced.length };
  });

  const wealth = { confirmed: 0, cancelled: 0, failed: 0 };
  for (;;) {
    const chunk = (
      await investingDb(d.db)
        .selectFrom('investing_orders')
        .selectAll()
        .where('status', '=', 'pending')
        .where('order_type', '=', 'wealth_buy')
        // Without a cooling-off, once its trade date has ended; with one, once that has.
        .where((eb) =>
          eb.or([
            eb.and([eb('cooling_off_until', 'is', null), eb('trade_date', '<=', tradeDate)]),
            eb('cooling_off_until', '<=', startedAt),
          ]),
        )
        .orderBy('id')
        .limit(d.settings.settleChunk)
        .execute()
    ).map(toOrder);
    if (chunk.length === 0) break;
    const terms = new Map<string, Product>();
    for (const o of chunk) {
      const p = await productOf(o.productId);
      if (p) terms.set(o.productId, p);
    }
    const out = await confirmWealthPurchases(
      d,
      chunk.filter((o) => terms.has(o.productId)),
      (o) => terms.get(o.productId) as Product,
      confirmDate,
    );
    wealth.confirmed += out.confirmed;
    wealth.cancelled += out.cancelled;
    wealth.failed += out.failed;
    if (out.confirmed + out.cancelled + out.failed === 0) break;
  }

  const maturities = { paid: 0, amount: 0n };
  for (;;) {
    const paid = await payMaturities(d, confirmDate, productOf, d.settings.settleChunk);
    maturities.paid += paid.paid;
    maturities.amount += paid.amount;
    if (paid.paid === 0) break;
  }

  const reconciliation = await reconcile(d, CURRENCY);
  const portfolios = await snapshotPortfolios(
    d,
    tradeDate,
    await closingNavs(d, await navsOf(tradeDate), productOf),
  );
  const report: EndOfDayReport = {
    tradeDate,
    confirmDate,
    subscriptions,
    redemptions,
    conversions,
    wealth,
    maturities: { paid: maturities.paid, amount: maturities.amount.toString() },
    income: { funds: income.funds, holdings: income.holdings, amount: income.amount.toString() },
    reconciliation,
    portfolios,
  };
  const awaiting = subscriptions.awaitingNav + redemptions.awaitingNav + conversions.awaitingNav;
  const status = awaiting > 0 ? 'incomplete' : 'completed';
  const finishedAt = d.clock.now();
  await investingDb(d.db)
    .updateTable('investing_eod_runs')
    .set({ status, finished_at: finishedAt, report: JSON.stringify(report) })
    .where('trade_date', '=', tradeDate)
    .execute();
  return { tradeDate, status, startedAt, finishedAt, report };
}

export async function endOfDayRuns(
  db: Context['db'],
  q: { before?: string | undefined; limit: number },
): Promise<EndOfDayRun[]> {
  let query = investingDb(db)
    .selectFrom('investing_eod_runs')
    .selectAll()
    .orderBy('trade_date', 'desc')
    .limit(q.limit);
  if (q.before) query = query.where('trade_date', '<', q.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    tradeDate: r.trade_date,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    report: r.report as Partial<EndOfDayReport>,
  }));
}
