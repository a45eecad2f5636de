import { type Kysely, sql } from 'kysely';

/** A fund's one-year return, kept with its latest NAV so the supermarket lists it without the history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products_products')
    .addColumn('latest_return_1y', sql`numeric(12, 6)`)
    .execute();
  // Funds that already have NAVs get theirs now (as navs.ts RETURN_1Y reckons it today; a migration
  // keeps its own copy so it never changes), later imports keep it current.
  await sql`UPDATE products_products AS p SET latest_return_1y = (
      SELECT CASE WHEN p.category = 'money_market' THEN NULL ELSE round(p.latest_acc_nav / y.acc_nav - 1, 6) END
      FROM products_navs AS y
      WHERE y.product_id = p.id AND y.nav_date <= p.latest_nav_date - interval '1 year'
      ORDER BY y.nav_date DESC LIMIT 1)
    WHERE p.latest_nav_date IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products_products').dropColumn('latest_return_1y').execute();
}
