import { sql } from 'kysely';
import type { Context } from './context.ts';
import { investingDb } from './schema.ts';

/**
 * A money-market fund's daily income, reinvested as shares (NAV 1.0000): every holding gets
 * round(shares × per-10,000 income / 10,000) to the fen (numeric round is half-up), set-wise.
 * The day's marker row is written in the same transaction, so a rerun of the date adds nothing.
 * Reinvested income goes into one income lot per holding (money-market funds charge no
 * holding-period fee, so its date matters to nothing but the lot's order).
 */
export async function accrueMoneyMarketIncome(
  d: Context,
  productId: string,
  date: string,
  per10kIncome: string,
): Promise<{ holdings: number; income: bigint } | undefined> {
  return d.db.transaction().execute(async (trx) => {
    const marked = await investingDb(trx)
      .insertInto('investing_income_days')
      .values({ product_id: productId, income_date: date, holdings: 0, income: 0n })
      .onConflict((oc) => oc.columns(['product_id', 'income_date']).doNothing())
      .returning('product_id')
      .executeTakeFirst();
    if (!marked) return undefined;
    const { rows } = await sql<{ holdings: number; income: bigint | string }>`
      WITH credit AS (
        SELECT customer_id, round(shares * ${per10kIncome}::numeric / 10000)::bigint AS amount
        FROM investing_positions WHERE product_id = ${productId} AND shares > 0
      ), grown AS (
        UPDATE investing_positions pos SET
          shares = pos.shares + c.amount, cost = pos.cost + c.amount, income = pos.income + c.amount,
          updated_at = ${d.clock.now()}
        FROM credit c
        WHERE pos.product_id = ${productId} AND pos.customer_id = c.customer_id AND c.amount > 0
        RETURNING pos.customer_id, c.amount
      ), lots AS (
        INSERT INTO investing_lots
          (id, customer_id, product_id, order_id, acquired_on, shares, remaining, cost, remaining_cost)
        SELECT 'inc:' || customer_id || ':' || ${productId}, customer_id, ${productId}, NULL, ${date}::date,
          amount, amount, amount, amount
        FROM grown
        ON CONFLICT (id) DO UPDATE SET
          shares = investing_lots.shares + excluded.shares,
          remaining = investing_lots.remaining + excluded.remaining,
          cost = investing_lots.cost + excluded.cost,
          remaining_cost = investing_lots.remaining_cost + excluded.remaining_cost
        RETURNING 1
      )
      SELECT count(*)::int AS holdings, coalesce(sum(amount), 0)::bigint AS income FROM grown`.execute(trx);
    const holdings = rows[0]?.holdings ?? 0;
    const income = BigInt(rows[0]?.income ?? 0);
    await investingDb(trx)
      .updateTable('investing_income_days')
      .set({ holdings, income })
      .where('product_id', '=', productId)
      .where('income_date', '=', date)
      .execute();
    return { holdings, income };
  });
}
