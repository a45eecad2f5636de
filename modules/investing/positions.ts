import { type Executor, newId } from '@onefin/kernel';
import type { Deps } from './model.ts';
import type { LotSlice, OpenLot } from './money-rules.ts';
import { investingDb } from './schema.ts';

/**
 * Holdings: a position per customer and product (the row pending redemptions reserve shares on) and
 * the lots it is made of (what FIFO redemption fees and costs are taken from).
 */

/** Reserves shares for a redemption; false if fewer are held and not already reserved. */
export async function freezeShares(
  trx: Executor,
  customerId: string,
  productId: string,
  shares: bigint,
): Promise<boolean> {
  const row = await investingDb(trx)
    .updateTable('investing_positions')
    .set((eb) => ({ frozen: eb('frozen', '+', shares) }))
    .where('customer_id', '=', customerId)
    .where('product_id', '=', productId)
    .where((eb) => eb(eb('shares', '-', eb.ref('frozen')), '>=', shares))
    .returning('frozen')
    .executeTakeFirst();
  return row !== undefined;
}

export async function unfreezeShares(trx: Executor, customerId: string, productId: string, shares: bigint) {
  await investingDb(trx)
    .updateTable('investing_positions')
    .set((eb) => ({ frozen: eb('frozen', '-', shares) }))
    .where('customer_id', '=', customerId)
    .where('product_id', '=', productId)
    .execute();
}

export interface NewLot {
  customerId: string;
  productId: string;
  productKind: string;
  currency: string;
  orderId: string;
  acquiredOn: string;
  shares: bigint;
  cost: bigint;
  maturityDate?: string | null;
  renew?: boolean;
}

/** Adds a bought lot and grows its position; once per order (the lot's order id is unique). */
export async function addLot(d: Deps, trx: Executor, lot: NewLot): Promise<void> {
  const added = await investingDb(trx)
    .insertInto('investing_lots')
    .values({
      id: newId('lot'),
      customer_id: lot.customerId,
      product_id: lot.productId,
      order_id: lot.orderId,
      acquired_on: lot.acquiredOn,
      shares: lot.shares,
      remaining: lot.shares,
      cost: lot.cost,
      remaining_cost: lot.cost,
      maturity_date: lot.maturityDate ?? null,
      renew: lot.renew ?? false,
    })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!added) return;
  await investingDb(trx)
    .insertInto('investing_positions')
    .values({
      customer_id: lot.customerId,
      product_id: lot.productId,
      product_kind: lot.productKind,
      currency: lot.currency,
      shares: lot.shares,
      frozen: 0n,
      cost: lot.cost,
      realised_gain: 0n,
      income: 0n,
      updated_at: d.clock.now(),
    })
    .onConflict((oc) =>
      oc.columns(['customer_id', 'product_id']).doUpdateSet((eb) => ({
        shares: eb('investing_positions.shares', '+', lot.shares),
        cost: eb('investing_positions.cost', '+', lot.cost),
        updated_at: d.clock.now(),
      })),
    )
    .execute();
}

/** The lots of a holding that still hold shares, locked for a redemption. */
export async function openLotsForUpdate(
  trx: Executor,
  customerId: string,
  productId: string,
): Promise<OpenLot[]> {
  const rows = await investingDb(trx)
    .selectFrom('investing_lots')
    .select(['id', 'acquired_on', 'remaining', 'remaining_cost'])
    .where('customer_id', '=', customerId)
    .where('product_id', '=', productId)
    .where('remaining', '>', 0n)
    .orderBy('acquired_on')
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => ({
    id: r.id,
    acquiredOn: r.acquired_on,
    remaining: r.remaining,
    remainingCost: r.remaining_cost,
  }));
}

/** Takes sold slices out of their lots and the position, releasing the shares the order reserved. */
export async function removeSlices(
  d: Deps,
  trx: Executor,
  position: { customerId: string; productId: string },
  slices: readonly LotSlice[],
  realisedGain: bigint,
  opts: { reserved: boolean },
): Promise<void> {
  for (const s of slices) {
    await investingDb(trx)
      .updateTable('investing_lots')
      .set((eb) => ({
        remaining: eb('remaining', '-', s.shares),
        remaining_cost: eb('remaining_cost', '-', s.cost),
      }))
      .where('id', '=', s.lotId)
      .execute();
  }
  const shares = slices.reduce((sum, s) => sum + s.shares, 0n);
  const cost = slices.reduce((sum, s) => sum + s.cost, 0n);
  await investingDb(trx)
    .updateTable('investing_positions')
    .set((eb) => ({
      shares: eb('shares', '-', shares),
      frozen: opts.reserved ? eb('frozen', '-', shares) : eb.ref('frozen'),
      cost: eb('cost', '-', cost),
      realised_gain: eb('realised_gain', '+', realisedGain),
      updated_at: d.clock.now(),
    }))
    .where('customer_id', '=', position.customerId)
    .where('product_id', '=', position.productId)
    .execute();
}
