import type { CurrencyCode } from '@onefin/kernel';
import { sql } from 'kysely';
import type { Context } from './context.ts';

/** One disagreement between what investing recorded and what the ledger (or its own lots) say. */
export interface ReconciliationBreak {
  check: string;
  /** The product, for the per-holding checks. */
  productId?: string;
  investing: string;
  other: string;
}

export interface Reconciliation {
  currency: CurrencyCode;
  checks: number;
  breaks: ReconciliationBreak[];
}

const toBig = (v: unknown) => BigInt(String(v ?? 0));

/**
 * Investing against the ledger's clearing accounts, and its positions against its lots and orders:
 * - fund subscription clearing holds the net amount of every confirmed subscription (conversions
 *   into a fund included), and its open holds are the pending subscriptions;
 * - fund redemption clearing holds the gross of every confirmed redemption (and conversion out);
 * - wealth principal holds the outstanding principal, its open holds the pending purchases, and the
 *   issuer clearing the yields paid at maturity;
 * - time deposits hold the open deposits' principal, interest expense the interest paid on them;
 * - each product's positions equal the sum of their lots, and the shares its orders and income moved.
 */
export async function reconcile(d: Context, currency: CurrencyCode): Promise<Reconciliation> {
  const { rows } = await sql<Record<string, string>>`
    SELECT
      coalesce(sum(amount - refund - fee) FILTER (WHERE order_type IN ('subscribe', 'convert_in') AND status = 'confirmed'), 0) AS sub_net,
      coalesce(sum(amount) FILTER (WHERE order_type = 'subscribe' AND status = 'pending'), 0) AS sub_pending,
      coalesce(sum(proceeds + fee) FILTER (WHERE order_type IN ('redeem', 'convert_out') AND status = 'confirmed'), 0) AS red_gross,
      coalesce(sum(amount) FILTER (WHERE order_type = 'wealth_buy' AND status = 'pending'), 0) AS wealth_pending,
      coalesce(sum(proceeds - amount) FILTER (WHERE order_type = 'wealth_maturity' AND status = 'confirmed'), 0) AS yields,
      coalesce(sum(proceeds - amount) FILTER (WHERE order_type IN ('deposit_withdraw', 'deposit_maturity') AND status = 'confirmed'), 0) AS interest
    FROM investing_orders WHERE currency = ${currency}`.execute(d.db);
  const totals = rows[0] ?? {};
  const { rows: wealth } = await sql<{ principal: string; deposits: string }>`
    SELECT coalesce(sum(cost) FILTER (WHERE product_kind = 'wealth'), 0) AS principal,
      coalesce(sum(cost) FILTER (WHERE product_kind = 'deposit'), 0) AS deposits
    FROM investing_positions WHERE currency = ${currency}`.execute(d.db);
  const accounts = await d.internal(currency);
  const fresh = async (id: (typeof accounts)[keyof typeof accounts]['id']) => {
    const account = await d.ledger.getAccount(id);
    if (!account) throw new Error(`ledger account ${id} is missing`);
    return account;
  };
  const subscription = await fresh(accounts.fundSubscriptionClearing.id);
  const redemption = await fresh(accounts.fundRedemptionClearing.id);
  const principal = await fresh(accounts.wealthPrincipal.id);
  const issuer = await fresh(accounts.wealthIssuerClearing.id);
  const deposits = await fresh(accounts.timeDeposits.id);
  const interest = await fresh(accounts.interestExpense.id);
  const pairs: [string, bigint, bigint][] = [
    ['fund_subscription_clearing', toBig(totals.sub_net), subscription.balance.amount],
    ['fund_subscription_holds', toBig(totals.sub_pending), subscription.pendingCredits.amount],
    ['fund_redemption_clearing', toBig(totals.red_gross), redemption.balance.amount],
    ['wealth_principal', toBig(wealth[0]?.principal), principal.balance.amount],
    ['wealth_purchase_holds', toBig(totals.wealth_pending), principal.pendingCredits.amount],
    ['wealth_issuer_clearing', toBig(totals.yields), issuer.balance.amount],
    ['time_deposits', toBig(wealth[0]?.deposits), deposits.balance.amount],
    ['deposit_interest_expense', toBig(totals.interest), interest.balance.amount],
  ];
  const breaks: ReconciliationBreak[] = pairs
    .filter(([, a, b]) => a !== b)
    .map(([check, a, b]) => ({ check, investing: a.toString(), other: b.toString() }));

  // Per product: positions against their lots, and against the shares orders and income moved.
  const { rows: units } = await sql<{
    product_id: string;
    positions: string;
    lots: string;
    moved: string;
    cost: string;
    lot_cost: string;
  }>`
    WITH p AS (
      SELECT product_id, sum(shares) AS shares, sum(cost) AS cost, sum(income) AS income
      FROM investing_positions WHERE currency = ${currency} GROUP BY product_id
    ), l AS (
      SELECT product_id, sum(remaining) AS shares, sum(remaining_cost) AS cost
      FROM investing_lots GROUP BY product_id
    ), o AS (
      SELECT product_id, sum(CASE
          WHEN order_type IN ('subscribe', 'convert_in', 'wealth_buy', 'deposit_open') THEN shares
          WHEN order_type IN ('redeem', 'convert_out', 'wealth_maturity', 'deposit_withdraw', 'deposit_maturity') THEN -shares
          END) AS shares
      FROM investing_orders WHERE status = 'confirmed' AND currency = ${currency} GROUP BY product_id
    )
    SELECT p.product_id, p.shares AS positions, coalesce(l.shares, 0) AS lots,
      coalesce(o.shares, 0) + p.income AS moved, p.cost, coalesce(l.cost, 0) AS lot_cost
    FROM p LEFT JOIN l USING (product_id) LEFT JOIN o USING (product_id)
    WHERE p.shares <> coalesce(l.shares, 0) OR p.cost <> coalesce(l.cost, 0)
      OR p.shares <> coalesce(o.shares, 0) + p.income`.execute(d.db);
  const { rows: counted } = await sql<{ n: number }>`
    SELECT count(DISTINCT product_id)::int AS n FROM investing_positions WHERE currency = ${currency}`.execute(
    d.db,
  );
  for (const u of units) {
    if (u.positions !== u.lots)
      breaks.push({ check: 'position_lots', productId: u.product_id, investing: u.positions, other: u.lots });
    if (u.cost !== u.lot_cost)
      breaks.push({ check: 'position_cost', productId: u.product_id, investing: u.cost, other: u.lot_cost });
    if (u.positions !== u.moved)
      breaks.push({
        check: 'position_orders',
        productId: u.product_id,
        investing: u.positions,
        other: u.moved,
      });
  }
  return { currency, checks: pairs.length + 3 * (counted[0]?.n ?? 0), breaks };
}
