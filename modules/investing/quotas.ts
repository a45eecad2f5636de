import type { Executor } from '@onefin/kernel';
import { investingDb } from './schema.ts';

/**
 * A wealth product's size as a quota: a sale takes its amount with one conditional update, so
 * concurrent buyers queue on the quota row and the total sold never passes the size.
 */
export async function reserveQuota(
  trx: Executor,
  product: { id: string; currency: string; size: bigint },
  amount: bigint,
): Promise<boolean> {
  const db = investingDb(trx);
  await db
    .insertInto('investing_quotas')
    .values({ product_id: product.id, currency: product.currency, size: product.size, sold: 0n })
    .onConflict((oc) => oc.column('product_id').doNothing())
    .execute();
  const row = await db
    .updateTable('investing_quotas')
    .set((eb) => ({ sold: eb('sold', '+', amount) }))
    .where('product_id', '=', product.id)
    .where((eb) => eb(eb('sold', '+', amount), '<=', eb.ref('size')))
    .returning('sold')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a cancelled or failed sale's amount back to the quota. */
export async function releaseQuota(trx: Executor, productId: string, amount: bigint): Promise<void> {
  await investingDb(trx)
    .updateTable('investing_quotas')
    .set((eb) => ({ sold: eb('sold', '-', amount) }))
    .where('product_id', '=', productId)
    .execute();
}

/** What is left to sell of a product; the whole size before the first sale. */
export async function remainingQuota(db: Executor, productId: string): Promise<bigint | undefined> {
  const row = await investingDb(db)
    .selectFrom('investing_quotas')
    .select(['size', 'sold'])
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return row ? row.size - row.sold : undefined;
}
