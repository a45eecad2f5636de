import type { Executor, Money } from '@onefin/kernel';
import type { AccountId, LedgerCommand, TransferResult } from '@onefin/ledger';
import { addCalendarDays, type NavPoint, type Product } from '@onefin/products';
import { sql } from 'kysely';
import type { Context } from './context.ts';
import type { Order } from './model.ts';
import { transferIds } from './model.ts';
import { confirmRedemption, confirmSubscription, type LotSlice, takeFifo } from './money-rules.ts';
import { transition } from './orders.ts';
import { addLot, openLotsForUpdate, removeSlices, unfreezeShares } from './positions.ts';
import { releaseQuota } from './quotas.ts';

/**
 * Confirmation of a chunk of orders in one transaction: the ledger posts every order's linked group
 * with one lock of the touched accounts, then each order, lot and position is written. An order
 * already confirmed is not selected again, and its transfers would answer `exists`: rerunning a
 * chunk changes nothing.
 */

export interface ChunkOutcome {
  confirmed: number;
  cancelled: number;
  failed: number;
}

const account = (customerId: string): never => {
  throw new Error(`no cash account looked up for ${customerId}`);
};
const posted = (results: readonly TransferResult[]) => results.every((r) => r.ok);
const money = (amount: bigint, currency: Money['currency']): Money => ({ amount, currency });

function fundTerms(product: Product) {
  if (product.attributes.kind !== 'fund') throw new Error(`${product.code} is not a fund`);
  return product.attributes;
}

/** How an order whose hold could not be posted ends: cancelled if the customer released it. */
async function endUnposted(
  d: Context,
  trx: Executor,
  order: Order,
  result: TransferResult,
  out: ChunkOutcome,
) {
  const error = result.ok ? 'linked_event_failed' : result.error;
  const isCancelled = error === 'hold_already_voided';
  const ended = isCancelled
    ? await transition(d, trx, order.id, ['pending'], 'cancelled')
    : await transition(d, trx, order.id, ['pending'], 'failed', { failure_reason: error });
  // The quota goes back with the move it belongs to, never twice.
  if (!ended) return;
  if (isCancelled) out.cancelled++;
  else out.failed++;
  if (order.type === 'wealth_buy' && order.amount)
    await releaseQuota(trx, order.productId, order.amount.amount);
}

/** Subscriptions at their trade date's NAV: shares, fee and refund; the hold posted less the refund. */
export async function confirmSubscriptions(
  d: Context,
  orders: readonly Order[],
  price: (o: Order) => NavPoint,
  product: (o: Order) => Product,
  confirmDate: string,
): Promise<ChunkOutcome> {
  const out: ChunkOutcome = { confirmed: 0, cancelled: 0, failed: 0 };
  if (orders.length === 0) return out;
  const internal = await d.internal(orders[0]?.currency ?? 'CNY');
  const plans = orders.map((o) => {
    const amount = o.amount ?? money(0n, o.currency);
    const nav = price(o).nav;
    const c = confirmSubscription(fundTerms(product(o)), amount, nav);
    const ids = transferIds(o.id);
    const commands: LedgerCommand[] = [
      {
        type: 'post_hold',
        id: ids.post,
        holdId: ids.hold,
        amount: money(amount.amount - c.refund.amount, o.currency),
        code: 'fund_subscription',
        reference: o.id,
      },
    ];
    if (c.fee.amount > 0n)
      commands.push({
        type: 'transfer',
        id: ids.fee,
        debitAccountId: internal.fundSubscriptionClearing.id,
        creditAccountId: internal.feeIncome.id,
        amount: c.fee,
        code: 'fund_subscription_fee',
        reference: o.id,
      });
    return { order: o, nav, c, commands };
  });
  await d.db.transaction().execute(async (trx) => {
    const results = await d.ledger.transferGroupsIn(
      trx,
      plans.map((p) => p.commands),
    );
    const confirmable: typeof plans = [];
    for (const [i, p] of plans.entries()) {
      const r = results[i] ?? [];
      if (posted(r)) confirmable.push(p);
      else await endUnposted(d, trx, p.order, r.find((x) => !x.ok) ?? (r[0] as TransferResult), out);
    }
    out.confirmed += await confirmPosted(d, trx, confirmable, confirmDate);
  });
  return out;
}

/**
 * The posted subscriptions of a chunk, set-wise in one statement: orders confirmed (only those still
 * pending, so a rerun confirms none twice), their events, one lot each (the cost is what the
 * customer paid, fee included) and the positions grown once per customer and fund.
 */
async function confirmPosted(
  d: Context,
  trx: Executor,
  plans: readonly { order: Order; nav: string; c: ReturnType<typeof confirmSubscription> }[],
  confirmDate: string,
): Promise<number> {
  if (plans.length === 0) return 0;
  const now = d.clock.now();
  const col = <T>(f: (p: (typeof plans)[number]) => T) => plans.map(f);
  const { rows } = await sql<{ n: number }>`
    WITH u AS (
      SELECT * FROM unnest(
        ${col((p) => p.order.id)}::text[], ${col((p) => p.nav)}::text[],
        ${col((p) => p.c.shares.toString())}::bigint[], ${col((p) => p.c.fee.amount.toString())}::bigint[],
        ${col((p) => p.c.refund.amount.toString())}::bigint[],
        ${col((p) => (p.c.fee.amount + p.c.invested.amount).toString())}::bigint[]
      ) AS u(id, nav, shares, fee, refund, cost)
    ), moved AS (
      UPDATE investing_orders o SET status = 'confirmed', confirm_date = ${confirmDate}::date, nav = u.nav,
        shares = u.shares, fee = u.fee, refund = u.refund, updated_at = ${now}, completed_at = ${now}
      FROM u WHERE o.id = u.id AND o.status = 'pending'
      RETURNING o.id, o.customer_id, o.product_id, o.currency, u.shares, u.cost
    ), recorded AS (
      INSERT INTO investing_order_events (order_id, status, at, detail)
      SELECT id, 'confirmed', ${now}, NULL FROM moved
      ON CONFLICT DO NOTHING
    ), lots AS (
      INSERT INTO investing_lots
        (id, customer_id, product_id, order_id, acquired_on, shares, remaining, cost, remaining_cost)
      SELECT 'lot_' || id, customer_id, product_id, id, ${confirmDate}::date, shares, shares, cost, cost
      FROM moved
      ON CONFLICT (order_id) DO NOTHING
      RETURNING order_id, customer_id, product_id, shares, cost
    ), grown AS (
      INSERT INTO investing_positions
        (customer_id, product_id, product_kind, currency, shares, frozen, cost, realised_gain, income, updated_at)
      SELECT l.customer_id, l.product_id, 'fund', m.currency, sum(l.shares), 0, sum(l.cost), 0, 0, ${now}
      FROM lots l JOIN moved m ON m.id = l.order_id
      GROUP BY l.customer_id, l.product_id, m.currency
      ON CONFLICT (customer_id, product_id) DO UPDATE SET
        shares = investing_positions.shares + excluded.shares,
        cost = investing_positions.cost + excluded.cost,
        updated_at = excluded.updated_at
    )
    SELECT count(*)::int AS n FROM moved`.execute(trx);
  return rows[0]?.n ?? 0;
}

/** Redemptions at their trade date's NAV: FIFO lots, holding-period fees, proceeds to cash. */
export async function confirmRedemptions(
  d: Context,
  orders: readonly Order[],
  price: (o: Order) => NavPoint,
  product: (o: Order) => Product,
  confirmDate: string,
): Promise<ChunkOutcome> {
  const out: ChunkOutcome = { confirmed: 0, cancelled: 0, failed: 0 };
  if (orders.length === 0) return out;
  const internal = await d.internal(orders[0]?.currency ?? 'CNY');
  // Looked up before the transaction: on PGlite a query outside it would wait for it forever.
  const cash = new Map<string, AccountId>();
  for (const o of orders) {
    if (cash.has(o.customerId)) continue;
    cash.set(o.customerId, await d.cashAccountId(o.customerId, o.currency));
  }
  await d.db.transaction().execute(async (trx) => {
    const plans: { order: Order; slices: LotSlice[]; r: ReturnType<typeof confirmRedemption> }[] = [];
    for (const o of orders) {
      const slices = takeFifo(await openLotsForUpdate(trx, o.customerId, o.productId), o.shares ?? 0n);
      if (!slices) {
        if (
          await transition(d, trx, o.id, ['pending'], 'failed', { failure_reason: 'insufficient_shares' })
        ) {
          out.failed++;
          await unfreezeShares(trx, o.customerId, o.productId, o.shares ?? 0n);
        }
        continue;
      }
      const r = confirmRedemption(
        fundTerms(product(o)),
        slices,
        price(o).nav,
        o.tradeDate ?? confirmDate,
        o.currency,
      );
      plans.push({ order: o, slices, r });
    }
    const groups = plans.map((p) => {
      const ids = transferIds(p.order.id);
      const commands: LedgerCommand[] = [];
      if (p.r.net.amount > 0n)
        commands.push({
          type: 'transfer',
          id: ids.proceeds,
          debitAccountId: internal.fundRedemptionClearing.id,
          creditAccountId: cash.get(p.order.customerId) ?? account(p.order.customerId),
          amount: p.r.net,
          code: 'fund_redemption',
          reference: p.order.id,
        });
      if (p.r.fee.amount > 0n)
        commands.push({
          type: 'transfer',
          id: ids.fee,
          debitAccountId: internal.fundRedemptionClearing.id,
          creditAccountId: internal.feeIncome.id,
          amount: p.r.fee,
          code: 'fund_redemption_fee',
          reference: p.order.id,
        });
      return commands;
    });
    const results = await d.ledger.transferGroupsIn(
      trx,
      groups.filter((g) => g.length > 0),
    );
    let next = 0;
    for (const [i, p] of plans.entries()) {
      const r = (groups[i]?.length ?? 0) > 0 ? (results[next++] ?? []) : [];
      if (!posted(r)) {
        const failed = await transition(d, trx, p.order.id, ['pending'], 'failed', {
          failure_reason: 'ledger_refused',
        });
        if (failed) {
          out.failed++;
          await unfreezeShares(trx, p.order.customerId, p.order.productId, p.order.shares ?? 0n);
        }
        continue;
      }
      const done = await transition(d, trx, p.order.id, ['pending'], 'confirmed', {
        confirm_date: confirmDate,
        nav: price(p.order).nav,
        fee: p.r.fee.amount,
        proceeds: p.r.net.amount,
        detail: {
          ...p.order.detail,
          gross: p.r.gross.amount.toString(),
          realisedGain: p.r.realisedGain.amount.toString(),
          lots: p.r.slices.map((s) => ({
            lotId: s.lotId,
            shares: s.shares.toString(),
            holdingDays: s.holdingDays,
            rate: s.rate,
            fee: s.fee.amount.toString(),
          })),
        },
      });
      if (!done) continue;
      out.confirmed++;
      await removeSlices(d, trx, p.order, p.slices, p.r.realisedGain.amount, { reserved: true });
    }
  });
  return out;
}

/** Wealth purchases whose cooling-off has ended: the hold is posted and the principal starts to earn. */
export async function confirmWealthPurchases(
  d: Context,
  orders: readonly Order[],
  product: (o: Order) => Product,
  confirmDate: string,
): Promise<ChunkOutcome> {
  const out: ChunkOutcome = { confirmed: 0, cancelled: 0, failed: 0 };
  if (orders.length === 0) return out;
  await d.db.transaction().execute(async (trx) => {
    const groups = orders.map((o): LedgerCommand[] => [
      {
        type: 'post_hold',
        id: transferIds(o.id).post,
        holdId: transferIds(o.id).hold,
        code: 'wealth_purchase',
        reference: o.id,
      },
    ]);
    const results = await d.ledger.transferGroupsIn(trx, groups);
    for (const [i, o] of orders.entries()) {
      const r = results[i] ?? [];
      const amount = o.amount?.amount ?? 0n;
      if (!posted(r)) {
        await endUnposted(d, trx, o, r[0] as TransferResult, out);
        continue;
      }
      const terms = product(o).attributes;
      const termDays = terms.kind === 'wealth' ? terms.termDays : 0;
      const done = await transition(d, trx, o.id, ['pending'], 'confirmed', {
        confirm_date: confirmDate,
        nav: '1.0000',
        shares: amount,
        fee: 0n,
      });
      if (!done) continue;
      out.confirmed++;
      await addLot(d, trx, {
        customerId: o.customerId,
        productId: o.productId,
        productKind: 'wealth',
        currency: o.currency,
        orderId: o.id,
        acquiredOn: confirmDate,
        shares: amount,
        cost: amount,
        maturityDate: addCalendarDays(confirmDate, termDays),
      });
    }
  });
  return out;
}
