import type { CurrencyCode, Executor, Money } from '@onefin/kernel';
import { sql } from 'kysely';

/**
 * The sales ledger: what each channel and each staff member sold over a period of business days
 * (Shanghai), from the orders themselves, so it always agrees with them. Self-service sales have no
 * staff member; the platform's own orders (maturities) are not sales and are left out.
 */
export interface SalesLine {
  channel: string;
  /** Null for self-service (web, app). */
  staffId: string | null;
  currency: CurrencyCode;
  /** Orders placed, refusals included (a refused sale is still work the channel did). */
  orders: number;
  confirmed: number;
  refused: number;
  customers: number;
  /** Confirmed purchases: subscriptions, wealth, deposits and conversions into a fund. */
  volume: Money;
  /** Purchases placed and not yet confirmed (money held). */
  pendingVolume: Money;
  /** Confirmed redemptions and conversions out: what left the products. */
  redemptions: Money;
  /** Fees of confirmed orders: what the sales earned the platform. */
  fees: Money;
}

export interface SalesQuery {
  /** Business days, inclusive; by default from the 1st of this month to today. */
  from?: string | undefined;
  to?: string | undefined;
  channel?: string | undefined;
  staffId?: string | undefined;
}

const BUYS = `('subscribe', 'convert_in', 'wealth_buy', 'deposit_open')`;
const SELLS = `('redeem', 'convert_out')`;

/** All lines of one currency together; customers counted once however many lines they appear on. */
export type SalesTotal = Omit<SalesLine, 'channel' | 'staffId'>;

export interface SalesLedger {
  from: string;
  to: string;
  lines: SalesLine[];
  /** One per currency (currencies never add up), in the order of the currency code. */
  totals: SalesTotal[];
}

export async function salesLedger(db: Executor, today: string, q: SalesQuery): Promise<SalesLedger> {
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 8)}01`;
  const { rows } = await sql<{
    /** 3 for a currency's total (channel and staff both rolled up), 0 for a line. */
    rolled_up: number;
    channel: string;
    staff_id: string | null;
    currency: string;
    orders: number;
    confirmed: number;
    refused: number;
    customers: number;
    volume: string;
    pending_volume: string;
    redemptions: string;
    fees: string;
  }>`
    SELECT GROUPING(channel, staff_id)::int AS rolled_up, channel, staff_id, currency,
      count(*)::int AS orders,
      count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
      count(*) FILTER (WHERE status = 'refused')::int AS refused,
      count(DISTINCT customer_id)::int AS customers,
      coalesce(sum(amount) FILTER (WHERE status = 'confirmed' AND order_type IN ${sql.raw(BUYS)}), 0)::text AS volume,
      coalesce(sum(amount) FILTER (WHERE status IN ('pending', 'awaiting_customer') AND order_type IN ${sql.raw(BUYS)}), 0)::text AS pending_volume,
      coalesce(sum(proceeds) FILTER (WHERE status = 'confirmed' AND order_type IN ${sql.raw(SELLS)}), 0)::text AS redemptions,
      coalesce(sum(fee) FILTER (WHERE status = 'confirmed'), 0)::text AS fees
    FROM investing_orders
    WHERE channel <> 'system'
      AND created_at >= ${`${from}T00:00:00+08:00`}::timestamptz
      AND created_at < (${`${to}T00:00:00+08:00`}::timestamptz + interval '1 day')
      ${q.channel ? sql`AND channel = ${q.channel}` : sql``}
      ${q.staffId ? sql`AND staff_id = ${q.staffId}` : sql``}
    -- the lines, and each currency's total in the same scan (its distinct customers need the rows)
    GROUP BY GROUPING SETS ((channel, staff_id, currency), (currency))
    ORDER BY currency`.execute(db);
  const figures = (r: (typeof rows)[number]): SalesTotal => {
    const currency = r.currency as CurrencyCode;
    const m = (text: string): Money => ({ amount: BigInt(text), currency });
    return {
      currency,
      orders: r.orders,
      confirmed: r.confirmed,
      refused: r.refused,
      customers: r.customers,
      volume: m(r.volume),
      pendingVolume: m(r.pending_volume),
      redemptions: m(r.redemptions),
      fees: m(r.fees),
    };
  };
  const lines = rows
    .filter((r) => r.rolled_up === 0)
    .map((r): SalesLine => ({ channel: r.channel, staffId: r.staff_id, ...figures(r) }));
  const totals = rows.filter((r) => r.rolled_up !== 0).map(figures);
  // Biggest sellers first.
  lines.sort((a, b) =>
    a.volume.amount === b.volume.amount
      ? a.channel.localeCompare(b.channel)
      : a.volume.amount > b.volume.amount
        ? -1
        : 1,
  );
  return { from, to, lines, totals };
}
