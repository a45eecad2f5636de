import type { CurrencyCode } from '@onefin/kernel';
import type { NavPoint, Product } from '@onefin/products';
import { sql } from 'kysely';
import type { Context } from './context.ts';
import { moneyWeightedReturn, timeWeightedReturn, type ValuePoint } from './returns.ts';
import { investingDb } from './schema.ts';

/** Orders that put money into products, and those that bring it back to cash. */
const IN = sql.raw(`('subscribe', 'convert_in', 'wealth_buy', 'deposit_open')`);
const OUT = sql.raw(`('redeem', 'convert_out', 'wealth_maturity', 'deposit_withdraw', 'deposit_maturity')`);

/**
 * Every customer's portfolio at a trade date's close, set-wise in one statement: funds at the
 * date's NAV (`navs`, by product), wealth and deposits at principal, and the net money invested by
 * the orders confirmed so far. Written once per date: a rerun of the day keeps the first close.
 */
export async function snapshotPortfolios(
  d: Context,
  valueDate: string,
  navs: ReadonlyMap<string, string>,
): Promise<number> {
  const ids = [...navs.keys()];
  const prices = ids.map((id) => navs.get(id) as string);
  const { rows } = await sql<{ n: number }>`
    WITH nav AS (
      SELECT * FROM unnest(${ids}::text[], ${prices}::numeric[]) AS n(product_id, nav)
    ), val AS (
      SELECT p.customer_id, p.currency,
        sum(CASE WHEN p.product_kind = 'fund' THEN round(p.shares * coalesce(n.nav, 1))::bigint
          ELSE p.cost END) AS value
      FROM investing_positions p LEFT JOIN nav n USING (product_id)
      WHERE p.shares > 0 GROUP BY p.customer_id, p.currency
    ), inv AS (
      SELECT customer_id, currency, sum(CASE
          WHEN order_type IN ${IN} THEN amount - coalesce(refund, 0)
          WHEN order_type IN ${OUT} THEN -proceeds ELSE 0 END) AS net
      FROM investing_orders WHERE status = 'confirmed' GROUP BY customer_id, currency
    ), written AS (
      INSERT INTO investing_portfolio_days (customer_id, value_date, currency, market_value, net_invested)
      SELECT coalesce(val.customer_id, inv.customer_id), ${valueDate}::date, coalesce(val.currency, inv.currency),
        coalesce(val.value, 0), coalesce(inv.net, 0)
      FROM val FULL JOIN inv ON inv.customer_id = val.customer_id AND inv.currency = val.currency
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM written`.execute(d.db);
  return rows[0]?.n ?? 0;
}

/**
 * The NAV each held fund closed the trade date at: the date's own, or for a fund without one that
 * day (not imported yet, or a fund that does not publish daily) the latest it has.
 */
export async function closingNavs(
  d: Context,
  onDate: ReadonlyMap<string, NavPoint>,
  product: (id: string) => Promise<Product | undefined>,
): Promise<Map<string, string>> {
  const navs = new Map([...onDate].map(([id, n]) => [id, n.nav]));
  const held = await investingDb(d.db)
    .selectFrom('investing_positions')
    .select('product_id')
    .distinct()
    .where('product_kind', '=', 'fund')
    .where('shares', '>', 0n)
    .execute();
  for (const { product_id } of held) {
    if (navs.has(product_id)) continue;
    const latest = (await product(product_id))?.latestNav?.nav;
    if (latest) navs.set(product_id, latest);
  }
  return navs;
}

export interface ValueHistory {
  currency: CurrencyCode;
  points: ValuePoint[];
  /** Over the points shown; null until there are two closes to compare. */
  timeWeightedReturn: number | null;
  moneyWeightedReturn: number | null;
}

/** The customer's daily closes from `from` (default: a year back from the latest) with both returns. */
export async function valueHistory(
  d: Context,
  customerId: string,
  currency: CurrencyCode,
  from?: string,
): Promise<ValueHistory> {
  let q = investingDb(d.db)
    .selectFrom('investing_portfolio_days')
    .select(['value_date', 'market_value', 'net_invested'])
    .where('customer_id', '=', customerId)
    .where('currency', '=', currency)
    .orderBy('value_date', 'desc')
    .limit(400);
  if (from) q = q.where('value_date', '>=', from);
  const rows = (await q.execute()).reverse();
  const points = rows.map((r) => ({
    date: r.value_date,
    value: r.market_value,
    netInvested: r.net_invested,
  }));
  return {
    currency,
    points,
    timeWeightedReturn: timeWeightedReturn(points),
    moneyWeightedReturn: moneyWeightedReturn(points),
  };
}
