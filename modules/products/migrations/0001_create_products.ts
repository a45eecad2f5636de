import { type Kysely, sql } from 'kysely';

const KINDS = `'fund', 'wealth', 'deposit', 'loan', 'insurance', 'group_insurance', 'enterprise_annuity', 'corporate_loan'`;
const STATUSES = `'draft', 'under_review', 'on_sale', 'suspended', 'closed'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('products_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind IN (${KINDS})`)))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'smallint', (c) => c.notNull().check(sql`risk_level BETWEEN 1 AND 5`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('channels', sql`text[]`, (c) => c.notNull().check(sql`cardinality(channels) > 0`))
    .addColumn('customer_types', sql`text[]`, (c) => c.notNull().check(sql`cardinality(customer_types) > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status IN (${STATUSES})`)))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('disclosure_zh', 'text', (c) => c.notNull())
    .addColumn('disclosure_en', 'text', (c) => c.notNull())
    .addColumn('attributes', 'jsonb', (c) => c.notNull())
    .addColumn('sales_start', 'timestamptz')
    .addColumn('sales_end', 'timestamptz')
    // Derived from the attributes so the supermarket filters on indexed columns, not inside JSON.
    .addColumn('term_days_min', 'integer')
    .addColumn('term_days_max', 'integer')
    .addColumn('yield_min', sql`numeric(9, 6)`)
    .addColumn('yield_max', sql`numeric(9, 6)`)
    .addColumn('min_amount', 'bigint')
    .addColumn('fund_code', 'text', (c) => c.unique())
    // Sold through the portal's own channels: a plain flag, so the supermarket never unpacks arrays per row.
    .addColumn('sold_online', 'boolean', (c) =>
      c.generatedAlwaysAs(sql`channels && ARRAY['web', 'app']::text[]`).stored().notNull(),
    )
    // The latest NAV, kept with the product so a list shows it without touching the history.
    .addColumn('latest_nav_date', 'date')
    .addColumn('latest_nav', sql`numeric(14, 4)`)
    .addColumn('latest_acc_nav', sql`numeric(14, 4)`)
    .addColumn('latest_daily_return', sql`numeric(12, 6)`)
    .addColumn('latest_per_10k_income', sql`numeric(12, 4)`)
    .addColumn('latest_yield_7d', sql`numeric(9, 6)`)
    .addColumn('review_approval_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addCheckConstraint('products_fund_code', sql`(kind = 'fund') = (fund_code IS NOT NULL)`)
    .addCheckConstraint('products_review', sql`(status = 'under_review') = (review_approval_id IS NOT NULL)`)
    .addCheckConstraint(
      'products_sales_window',
      sql`sales_start IS NULL OR sales_end IS NULL OR sales_start < sales_end`,
    )
    .execute();
  // The supermarket lists only what is on sale online; these partial indexes serve its sorts and filters.
  const onSale = `WHERE status = 'on_sale' AND sold_online`;
  await sql.raw(`CREATE INDEX products_catalogue_code ON products_products (code) ${onSale}`).execute(db);
  await sql
    .raw(`CREATE INDEX products_catalogue_kind ON products_products (kind, risk_level, code) ${onSale}`)
    .execute(db);
  await sql
    .raw(
      `CREATE INDEX products_catalogue_yield ON products_products ((coalesce(yield_max, -1)) DESC, code) ${onSale}`,
    )
    .execute(db);
  await db.schema
    .createIndex('products_by_status')
    .on('products_products')
    .columns(['status', 'code'])
    .execute();

  await db.schema
    .createTable('products_events')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('approval_id', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    // One event per version: two writers racing on the same version cannot both record it.
    .addPrimaryKeyConstraint('products_events_pk', ['product_id', 'version'])
    .execute();

  await db.schema
    .createTable('products_navs')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('nav_date', 'date', (c) => c.notNull())
    .addColumn('nav', sql`numeric(14, 4)`, (c) => c.notNull().check(sql`nav > 0`))
    .addColumn('acc_nav', sql`numeric(14, 4)`, (c) => c.notNull().check(sql`acc_nav > 0`))
    .addColumn('per_10k_income', sql`numeric(12, 4)`)
    .addColumn('yield_7d', sql`numeric(9, 6)`)
    .addColumn('import_id', 'text')
    .addCheckConstraint('products_navs_mmf', sql`(per_10k_income IS NULL) = (yield_7d IS NULL)`)
    .addPrimaryKeyConstraint('products_navs_pk', ['product_id', 'nav_date'])
    .execute();

  await db.schema
    .createTable('products_nav_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('csv', 'api', 'bulk')`))
    .addColumn('staff_id', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('fund_count', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}
