import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import { sql } from 'kysely';
import { inputColumns } from './catalogue.ts';
import type { Deps } from './context.ts';
import type { ProductsError } from './errors.ts';
import type { NavPoint, ProductId, ProductStatus } from './model.ts';
import { insertNavs, refreshLatestNav } from './navs.ts';
import { productInput } from './product-input.ts';
import { productsDb } from './schema.ts';
import { isCovered, isTradingDay } from './trading-calendar.ts';

/**
 * Loading a demo world or a migration from another system, set-wise and without maker–checker
 * (like identity's bootstrapStaff): the same shape validation as the API, one multi-row INSERT per
 * few hundred products, NAVs through unnest arrays. Not reachable over HTTP.
 */
export interface BulkProduct {
  /** The product as the create API takes it (wire form). */
  input: unknown;
  /** Default `on_sale`; `under_review` needs an approval and cannot be bulk-loaded. */
  status?: Exclude<ProductStatus, 'under_review'>;
  publishedAt?: Date;
}

const PRODUCT_CHUNK = 2000;

type BulkRow = ReturnType<typeof inputColumns> & {
  id: ProductId;
  status: ProductStatus;
  published_at: Date | null;
};

/**
 * One statement per chunk: every column as one array parameter (`unnest`), so the cost does not
 * grow with thousands of bound parameters; the array columns travel comma-joined (codes have no commas).
 */
async function insertProducts(t: Executor, rows: readonly BulkRow[], now: Date): Promise<void> {
  const col = <K extends keyof BulkRow>(k: K) => rows.map((r) => r[k]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  await sql`
    INSERT INTO products_products (id, code, kind, category, name_zh, name_en, risk_level, currency, channels,
      customer_types, status, version, disclosure_zh, disclosure_en, attributes, sales_start, sales_end,
      term_days_min, term_days_max, yield_min, yield_max, min_amount, fund_code, created_at, updated_at, published_at)
    SELECT id, code, kind, category, name_zh, name_en, risk_level, currency, string_to_array(channels, ','),
      string_to_array(customer_types, ','), status, 1, disclosure_zh, disclosure_en, attributes::jsonb, sales_start,
      sales_end, term_days_min, term_days_max, yield_min, yield_max, min_amount, fund_code, ${now}, ${now}, published_at
    FROM unnest(
      ${col('id')}::text[], ${col('code')}::text[], ${col('kind')}::text[], ${col('category')}::text[],
      ${col('name_zh')}::text[], ${col('name_en')}::text[], ${col('risk_level')}::smallint[], ${col('currency')}::text[],
      ${rows.map((r) => r.channels.join(','))}::text[], ${rows.map((r) => r.customer_types.join(','))}::text[],
      ${col('status')}::text[], ${col('disclosure_zh')}::text[], ${col('disclosure_en')}::text[],
      ${col('attributes')}::text[], ${rows.map((r) => iso(r.sales_start))}::timestamptz[],
      ${rows.map((r) => iso(r.sales_end))}::timestamptz[], ${col('term_days_min')}::integer[],
      ${col('term_days_max')}::integer[], ${col('yield_min')}::numeric[], ${col('yield_max')}::numeric[],
      ${rows.map((r) => r.min_amount?.toString() ?? null)}::bigint[], ${col('fund_code')}::text[],
      ${rows.map((r) => iso(r.published_at))}::timestamptz[]
    ) AS t(id, code, kind, category, name_zh, name_en, risk_level, currency, channels, customer_types, status,
      disclosure_zh, disclosure_en, attributes, sales_start, sales_end, term_days_min, term_days_max, yield_min,
      yield_max, min_amount, fund_code, published_at)`.execute(t);
  await sql`
    INSERT INTO products_events (product_id, version, action, from_status, to_status, actor_id, approval_id, detail, at)
    SELECT id, 1, 'bulk_load', NULL, status, NULL, NULL, '{}'::jsonb, ${now}
    FROM unnest(${col('id')}::text[], ${col('status')}::text[]) AS t(id, status)`.execute(t);
}

export async function bulkLoadProducts(
  d: Deps,
  items: readonly BulkProduct[],
  trx?: Executor,
): Promise<Result<{ ids: ProductId[] }, ProductsError>> {
  const problems: string[] = [];
  const now = d.clock.now();
  const rows = items.map((item, i) => {
    const parsed = productInput.safeParse(item.input);
    if (!parsed.success) {
      problems.push(
        `#${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
      return undefined;
    }
    const status = item.status ?? 'on_sale';
    const isSold = status === 'on_sale' || status === 'suspended' || status === 'closed';
    const row: BulkRow = {
      id: newId('prd'),
      ...inputColumns(parsed.data),
      status,
      published_at: isSold ? (item.publishedAt ?? now) : null,
    };
    return row;
  });
  if (problems.length > 0) return fail('invalid_product', problems.slice(0, 20).join(' | '));
  const valid = rows.filter((r) => r !== undefined);
  const write = async (t: Executor) => {
    for (let i = 0; i < valid.length; i += PRODUCT_CHUNK)
      await insertProducts(t, valid.slice(i, i + PRODUCT_CHUNK), now);
  };
  try {
    await (trx ? write(trx) : d.db.transaction().execute(write));
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505')
      return fail('code_taken', String(error));
    throw error;
  }
  d.cache.clear();
  return ok({ ids: valid.map((r) => r.id) });
}

/** A NAV for the bulk path: the fund by its fund code, decimals as strings (NAV 4 dp). */
export interface BulkNav extends NavPoint {
  fundCode: string;
}

const NAV = /^\d{1,10}(\.\d{1,4})?$/;

/**
 * Loads NAV history set-wise: checks shapes, positive NAVs and trading days (cheap, and what keeps
 * charts honest) but not gaps or outliers. Days already stored are skipped, so a re-run adds
 * nothing. Updates each fund's latest NAV once at the end.
 */
export async function bulkLoadNavs(
  d: Deps,
  navs: readonly BulkNav[],
  trx?: Executor,
): Promise<Result<{ inserted: number }, ProductsError>> {
  const codes = [...new Set(navs.map((n) => n.fundCode))];
  const funds = codes.length
    ? await productsDb(trx ?? d.db)
        .selectFrom('products_products')
        .select(['id', 'fund_code'])
        .where('fund_code', 'in', codes)
        .execute()
    : [];
  const idOf = new Map(funds.map((f) => [f.fund_code, f.id]));
  const calendar = await d.calendar();
  const problems: string[] = [];
  const rows = navs.flatMap((n, i) => {
    const productId = idOf.get(n.fundCode);
    const bad = !productId
      ? 'unknown fund'
      : !NAV.test(n.nav) || !NAV.test(n.accNav) || Number(n.nav) <= 0 || Number(n.accNav) <= 0
        ? 'nav and acc_nav must be positive with at most 4 decimals'
        : !isCovered(n.date, calendar) || !isTradingDay(n.date, calendar)
          ? 'not a trading day'
          : (n.per10kIncome === null) !== (n.yield7d === null)
            ? 'per10kIncome and yield7d come together'
            : undefined;
    if (bad) problems.push(`#${i} ${n.fundCode} ${n.date}: ${bad}`);
    return productId && !bad ? [{ ...n, productId }] : [];
  });
  if (problems.length > 0) return fail('invalid_product', problems.slice(0, 20).join(' | '));
  const write = async (t: Executor) => {
    const inserted = await insertNavs(t, rows, null);
    await refreshLatestNav(t, [...new Set(rows.map((r) => r.productId))], d.clock.now());
    return inserted;
  };
  const inserted = await (trx ? write(trx) : d.db.transaction().execute(write));
  d.cache.clear();
  return ok({ inserted });
}
