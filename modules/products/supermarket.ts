import { fail, type Money, ok, type Result } from '@onefin/kernel';
import { sql } from 'kysely';
import { SUMMARY_COLUMNS, searchMatches, toProduct, toSummary } from './catalogue.ts';
import type { Deps } from './context.ts';
import type { ProductsError } from './errors.ts';
import type { CustomerType, Product, ProductKind, ProductSummary, RiskLevel } from './model.ts';
import { riskNumber } from './product-input.ts';
import { productsDb } from './schema.ts';

/**
 * The financial supermarket: what customers browse in the portal. It shows products on sale
 * through the self-service channels (web, app) whose sales window has not ended; upcoming ones are
 * shown (pre-sale) and refused by suitability until their window opens.
 */
export const SUPERMARKET_SORTS = [
  'code',
  'yield_desc',
  'return_1y_desc',
  'risk_asc',
  'risk_desc',
  'term_asc',
  'min_amount_asc',
  'newest',
] as const;
export type SupermarketSort = (typeof SUPERMARKET_SORTS)[number];

export interface SupermarketQuery {
  kinds?: ProductKind[] | undefined;
  categories?: string[] | undefined;
  /** At most this risk level. */
  maxRisk?: RiskLevel | undefined;
  /** Term range in days: products whose term range overlaps it (products without a term are left out). */
  termMin?: number | undefined;
  termMax?: number | undefined;
  /** At least this (upper) yield, an annual fraction. */
  minYield?: string | undefined;
  /** Products whose minimum purchase is at most this (no minimum counts as 0), in its currency. */
  maxMinimumAmount?: Money | undefined;
  customerType?: CustomerType | undefined;
  /** In the name (zh or en), product code or fund code. */
  q?: string | undefined;
  sort: SupermarketSort;
  limit: number;
  cursor?: string | undefined;
}

/** Each sort is one SQL expression plus the product code as tie-break, so paging is by keyset. */
const SORTS: Record<SupermarketSort, { expr: string; dir: 'asc' | 'desc'; type: string }> = {
  code: { expr: 'code', dir: 'asc', type: 'text' },
  yield_desc: { expr: 'coalesce(yield_max, -1)', dir: 'desc', type: 'numeric' },
  // a return is never below -100%, so -2 puts the funds without a year of history (and the rest) last
  return_1y_desc: { expr: 'coalesce(latest_return_1y, -2)', dir: 'desc', type: 'numeric' },
  risk_asc: { expr: 'risk_level', dir: 'asc', type: 'integer' },
  risk_desc: { expr: 'risk_level', dir: 'desc', type: 'integer' },
  term_asc: { expr: 'coalesce(term_days_min, 2147483647)', dir: 'asc', type: 'integer' },
  min_amount_asc: { expr: 'coalesce(min_amount, 0)', dir: 'asc', type: 'bigint' },
  newest: { expr: 'coalesce(published_at, created_at)', dir: 'desc', type: 'timestamptz' },
};

const encodeCursor = (key: string, code: string) =>
  Buffer.from(JSON.stringify([key, code])).toString('base64url');

function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    )
      return [value[0], value[1]];
  } catch {
    // not ours
  }
  return undefined;
}

/** On sale, sold through the portal's channels, window not over. */
function visibleInPortal(d: Deps) {
  return sql<boolean>`status = 'on_sale' AND sold_online AND (sales_end IS NULL OR sales_end > ${d.clock.now()})`;
}

export async function browseCatalogue(
  d: Deps,
  q: SupermarketQuery,
): Promise<Result<{ items: ProductSummary[]; next?: string }, ProductsError>> {
  const cacheKey = `list:${JSON.stringify(q, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
  const cached = d.cache.get<{ items: ProductSummary[]; next?: string }>(cacheKey);
  if (cached) return ok(cached);
  const sort = SORTS[q.sort];
  const expr = sql.raw(sort.expr);
  let query = productsDb(d.db)
    .selectFrom('products_products')
    .select(SUMMARY_COLUMNS)
    .select(sql<string>`(${expr})::text`.as('sort_key'))
    .where(visibleInPortal(d))
    .orderBy(expr, sort.dir)
    .orderBy('code')
    .limit(q.limit + 1);
  if (q.kinds?.length) query = query.where('kind', 'in', q.kinds);
  if (q.categories?.length) query = query.where('category', 'in', q.categories);
  if (q.maxRisk) query = query.where('risk_level', '<=', riskNumber(q.maxRisk));
  if (q.termMin !== undefined) query = query.where('term_days_max', '>=', q.termMin);
  if (q.termMax !== undefined) query = query.where('term_days_min', '<=', q.termMax);
  if (q.minYield !== undefined) query = query.where('yield_max', '>=', q.minYield);
  if (q.maxMinimumAmount) {
    const { amount, currency } = q.maxMinimumAmount;
    query = query.where('currency', '=', currency).where(sql<boolean>`coalesce(min_amount, 0) <= ${amount}`);
  }
  if (q.customerType) query = query.where(sql<boolean>`${q.customerType} = ANY(customer_types)`);
  if (q.q) query = query.where(searchMatches(q.q));
  if (q.cursor) {
    const after = decodeCursor(q.cursor);
    if (!after) return fail('invalid_cursor');
    const [key, code] = after;
    const value = sql`CAST(${key} AS ${sql.raw(sort.type)})`;
    const beyond = sort.dir === 'asc' ? sql`${expr} > ${value}` : sql`${expr} < ${value}`;
    query = query.where(sql<boolean>`(${beyond} OR (${expr} = ${value} AND code > ${code}))`);
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const result = {
    items: page.map(toSummary),
    ...(rows.length > q.limit && last ? { next: encodeCursor(last.sort_key, last.code) } : {}),
  };
  d.cache.set(cacheKey, result);
  return ok(result);
}

/** A product as the portal shows it: on sale or suspended (holders still look at it), else not found. */
export async function catalogueProduct(d: Deps, idOrCode: string): Promise<Product | undefined> {
  const row = await productsDb(d.db)
    .selectFrom('products_products')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .where('status', 'in', ['on_sale', 'suspended'])
    .executeTakeFirst();
  return row ? toProduct(row) : undefined;
}

/** Up to four products side by side, in the order asked; any not in the portal is not found. */
export async function compareProducts(
  d: Deps,
  ids: readonly string[],
): Promise<Result<Product[], ProductsError>> {
  const rows = await productsDb(d.db)
    .selectFrom('products_products')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', ids), eb('code', 'in', ids)]))
    .where('status', 'in', ['on_sale', 'suspended'])
    .execute();
  const products = rows.map(toProduct);
  const found = ids.map((id) => products.find((p) => p.id === id || p.code === id));
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) return fail('product_not_found', missing.join(', '));
  return ok(found.filter((p): p is Product => p !== undefined));
}
