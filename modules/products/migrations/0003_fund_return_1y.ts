import { type Kysely, sql } from 'kysely';
import { RETURN_1Y } from '../navs.ts';

/** A fund's one-year return, kept with its latest NAV so the supermarket lists it without the history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products_products')
    .addColumn('latest_return_1y', sql`numeric(12, 6)`)
    .execute();
  // Funds that already have NAVs get theirs now; later imports keep it current.
  await sql`UPDATE products_products AS p SET latest_return_1y = ${RETURN_1Y}
    WHERE p.latest_nav_date IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products_products').dropColumn('latest_return_1y').execute();
}
