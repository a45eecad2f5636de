import { businessDateOf, type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import { sql } from 'kysely';
import type { FundType } from './attributes.ts';
import type { Deps } from './context.ts';
import type { ProductsError } from './errors.ts';
import type { NavPoint } from './model.ts';
import { type CheckedNavs, checkNavRows, type FundRef, type NavToWrite } from './nav-checks.ts';
import { type NavInputRow, type NavIssue, parseNavCsv } from './nav-csv.ts';
import { productsDb } from './schema.ts';

/** What an import did, line by line. Rejected (`accepted: false`) means nothing was written. */
export interface NavImportReport {
  accepted: boolean;
  dryRun: boolean;
  importId: string | null;
  rows: number;
  /** New NAVs written (or, on a dry run, that would be). */
  inserted: number;
  /** Rows identical to stored NAVs, skipped. */
  unchanged: number;
  funds: number;
  errors: NavIssue[];
  warnings: NavIssue[];
}

const navPoint = (r: {
  nav_date: string;
  nav: string;
  acc_nav: string;
  per_10k_income: string | null;
  yield_7d: string | null;
}): NavPoint => ({
  date: r.nav_date,
  nav: r.nav,
  accNav: r.acc_nav,
  per10kIncome: r.per_10k_income,
  yield7d: r.yield_7d,
});

async function fundsByCode(db: Executor, codes: string[]): Promise<Map<string, FundRef>> {
  if (codes.length === 0) return new Map();
  const rows = await productsDb(db)
    .selectFrom('products_products')
    .select(['id', 'fund_code', 'category'])
    .where('fund_code', 'in', codes)
    .execute();
  return new Map(
    rows.map((r) => [
      r.fund_code ?? '',
      { productId: r.id, fundCode: r.fund_code ?? '', fundType: r.category as FundType },
    ]),
  );
}

/** Stored NAVs within the file's dates, plus each fund's neighbours just outside them. */
async function storedAround(db: Executor, productIds: string[], from: string, to: string) {
  const stored = new Map<string, NavPoint[]>();
  if (productIds.length === 0) return stored;
  const result = await sql<{
    product_id: string;
    nav_date: string;
    nav: string;
    acc_nav: string;
    per_10k_income: string | null;
    yield_7d: string | null;
  }>`
    SELECT product_id, nav_date, nav, acc_nav, per_10k_income, yield_7d FROM products_navs
      WHERE product_id = ANY(${productIds}::text[]) AND nav_date BETWEEN ${from}::date AND ${to}::date
    UNION ALL (SELECT DISTINCT ON (product_id) product_id, nav_date, nav, acc_nav, per_10k_income, yield_7d
      FROM products_navs WHERE product_id = ANY(${productIds}::text[]) AND nav_date < ${from}::date
      ORDER BY product_id, nav_date DESC)
    UNION ALL (SELECT DISTINCT ON (product_id) product_id, nav_date, nav, acc_nav, per_10k_income, yield_7d
      FROM products_navs WHERE product_id = ANY(${productIds}::text[]) AND nav_date > ${to}::date
      ORDER BY product_id, nav_date)
    ORDER BY product_id, nav_date`.execute(db);
  for (const r of result.rows) {
    const list = stored.get(r.product_id);
    if (list) list.push(navPoint(r));
    else stored.set(r.product_id, [navPoint(r)]);
  }
  return stored;
}

/** Validates rows against the catalogue, the calendar and the stored history; writes nothing. */
export async function checkNavImport(d: Deps, rows: readonly NavInputRow[]): Promise<CheckedNavs> {
  const codes = [...new Set(rows.map((r) => r.fundCode))];
  const funds = await fundsByCode(d.db, codes);
  const dates = rows
    .map((r) => r.date)
    .filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s))
    .sort();
  const stored =
    dates.length > 0
      ? await storedAround(
          d.db,
          [...new Set([...funds.values()].map((f) => f.productId))],
          dates[0] ?? '',
          dates.at(-1) ?? '',
        )
      : new Map<string, NavPoint[]>();
  return checkNavRows(rows, {
    funds,
    stored,
    calendar: await d.calendar(),
    today: businessDateOf(d.clock.now()),
  });
}

/** Writes NAVs set-wise (unnest arrays, chunked); answers how many were new. */
export async function insertNavs(
  trx: Executor,
  navs: readonly (NavPoint & { productId: string })[],
  importId: string | null,
) {
  let inserted = 0;
  for (let i = 0; i < navs.length; i += 10_000) {
    const chunk = navs.slice(i, i + 10_000);
    const result = await sql`
      INSERT INTO products_navs (product_id, nav_date, nav, acc_nav, per_10k_income, yield_7d, import_id)
      SELECT p, d, n, a, i, y, ${importId}::text FROM unnest(
        ${chunk.map((r) => r.productId)}::text[], ${chunk.map((r) => r.date)}::date[],
        ${chunk.map((r) => r.nav)}::numeric[], ${chunk.map((r) => r.accNav)}::numeric[],
        ${chunk.map((r) => r.per10kIncome)}::numeric[], ${chunk.map((r) => r.yield7d)}::numeric[]
      ) AS t(p, d, n, a, i, y)
      ON CONFLICT (product_id, nav_date) DO NOTHING`.execute(trx);
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  return inserted;
}

/**
 * The change of `p`'s accumulated NAV (as dailyReturn and the chart's range return measure it) from the
 * last NAV a year or more before its latest one; null for money-market funds (their NAV stays at 1)
 * and for funds with less than a year of history.
 */
export const RETURN_1Y = sql`(
  SELECT CASE WHEN p.category = 'money_market' THEN NULL ELSE round(p.latest_acc_nav / y.acc_nav - 1, 6) END
  FROM products_navs AS y
  WHERE y.product_id = p.id AND y.nav_date <= p.latest_nav_date - interval '1 year'
  ORDER BY y.nav_date DESC LIMIT 1)`;

/**
 * Copies each fund's latest NAV (and its day-on-day change) onto the product for the supermarket
 * list; a money-market fund's 7-day yield becomes its yield for filtering and sorting.
 */
export async function refreshLatestNav(
  trx: Executor,
  productIds: readonly string[],
  now: Date,
): Promise<void> {
  if (productIds.length === 0) return;
  await sql`
    UPDATE products_products AS p SET
      latest_nav_date = l.nav_date, latest_nav = l.nav, latest_acc_nav = l.acc_nav,
      latest_per_10k_income = l.per_10k_income, latest_yield_7d = l.yield_7d,
      latest_daily_return = CASE WHEN l.prev_acc IS NULL THEN NULL ELSE round(l.acc_nav / l.prev_acc - 1, 6) END,
      yield_min = CASE WHEN p.category = 'money_market' THEN l.yield_7d ELSE p.yield_min END,
      yield_max = CASE WHEN p.category = 'money_market' THEN l.yield_7d ELSE p.yield_max END,
      updated_at = ${now}
    FROM (
      SELECT DISTINCT ON (product_id) product_id, nav_date, nav, acc_nav, per_10k_income, yield_7d,
        lag(acc_nav) OVER (PARTITION BY product_id ORDER BY nav_date) AS prev_acc
      FROM products_navs WHERE product_id = ANY(${[...productIds]}::text[])
      ORDER BY product_id, nav_date DESC
    ) AS l
    WHERE p.id = l.product_id`.execute(trx);
  // A second statement, as the one-year figure reads the latest NAV the first one set.
  await sql`UPDATE products_products AS p SET latest_return_1y = ${RETURN_1Y}
    WHERE p.id = ANY(${[...productIds]}::text[])`.execute(trx);
}

/** Thrown inside the import transaction to roll it back when another import wrote the same days. */
class ConcurrentImport extends Error {}

export async function importNavs(
  d: Deps,
  input: {
    source: 'csv' | 'api';
    rows: NavInputRow[];
    parseErrors?: NavIssue[];
    staffId: string;
    dryRun: boolean;
  },
): Promise<NavImportReport> {
  const checked = await checkNavImport(d, input.rows);
  const errors = [...(input.parseErrors ?? []), ...checked.errors].sort((a, b) => a.line - b.line);
  const report: NavImportReport = {
    accepted: errors.length === 0,
    dryRun: input.dryRun,
    importId: null,
    rows: input.rows.length,
    inserted: errors.length === 0 ? checked.toWrite.length : 0,
    unchanged: checked.unchanged,
    funds: new Set(checked.toWrite.map((r) => r.productId)).size,
    errors,
    warnings: checked.warnings.sort((a, b) => a.line - b.line),
  };
  if (!report.accepted || input.dryRun) return report;
  const importId = newId('nav');
  try {
    await d.db.transaction().execute(async (trx) => {
      const now = d.clock.now();
      await productsDb(trx)
        .insertInto('products_nav_imports')
        .values({
          id: importId,
          source: input.source,
          staff_id: input.staffId,
          row_count: report.rows,
          inserted: report.inserted,
          unchanged: report.unchanged,
          fund_count: report.funds,
          warnings: JSON.stringify(report.warnings),
          created_at: now,
        })
        .execute();
      const inserted = await insertNavs(trx, checked.toWrite, importId);
      if (inserted !== checked.toWrite.length) throw new ConcurrentImport();
      const productIds = [...new Set(checked.toWrite.map((r: NavToWrite) => r.productId))];
      await refreshLatestNav(trx, productIds, now);
      await d.events.publish(trx, {
        aggregateType: 'nav_import',
        aggregateId: importId,
        type: 'products.navs_imported',
        payload: { importId, source: input.source, inserted, funds: productIds.length },
      });
    });
  } catch (error) {
    if (!(error instanceof ConcurrentImport)) throw error;
    return {
      ...report,
      accepted: false,
      inserted: 0,
      errors: [
        {
          line: 1,
          code: 'concurrent_import',
          message: 'another import wrote some of these NAVs meanwhile; retry',
        },
      ],
    };
  }
  d.cache.clear();
  return { ...report, importId };
}

export function importNavCsv(
  d: Deps,
  text: string,
  staffId: string,
  dryRun: boolean,
): Promise<NavImportReport> {
  const parsed = parseNavCsv(text);
  return importNavs(d, { source: 'csv', rows: parsed.rows, parseErrors: parsed.errors, staffId, dryRun });
}

/** A fund's NAVs between two dates, ascending (for the chart). */
/** Every fund's NAV of one date, by product id: the end-of-day job prices a day's orders from it. */
export async function navsOn(db: Executor, date: string): Promise<Map<string, NavPoint>> {
  const rows = await productsDb(db)
    .selectFrom('products_navs')
    .select(['product_id', 'nav_date', 'nav', 'acc_nav', 'per_10k_income', 'yield_7d'])
    .where('nav_date', '=', date)
    .execute();
  return new Map(rows.map((r) => [r.product_id, navPoint(r)]));
}

export async function navHistory(
  db: Executor,
  productId: string,
  range: { from: string; to: string },
): Promise<Result<NavPoint[], ProductsError>> {
  const product = await productsDb(db)
    .selectFrom('products_products')
    .select(['kind'])
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!product) return fail('product_not_found');
  if (product.kind !== 'fund') return fail('not_a_fund');
  const rows = await productsDb(db)
    .selectFrom('products_navs')
    .select(['nav_date', 'nav', 'acc_nav', 'per_10k_income', 'yield_7d'])
    .where('product_id', '=', productId)
    .where('nav_date', '>=', range.from)
    .where('nav_date', '<=', range.to)
    .orderBy('nav_date')
    .execute();
  return ok(rows.map(navPoint));
}
