import { type CurrencyCode, type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import { sql } from 'kysely';
import type { ProductAttributes } from './attributes.ts';
import type { Deps } from './context.ts';
import type { ProductsError } from './errors.ts';
import type {
  Channel,
  CustomerType,
  Product,
  ProductEvent,
  ProductId,
  ProductKind,
  ProductStatus,
  ProductSummary,
} from './model.ts';
import { filterColumnsOf, type ProductInput, riskNumber, riskOf } from './product-input.ts';
import { type NewProductRow, type ProductRow, productsDb } from './schema.ts';

/** NUMERIC comes back padded ("0.032500"); the API shows the shortest exact form ("0.0325"). */
export function trimDecimal(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/** The columns of a summary: lists never read the terms sheet or the disclosure (wide rows cost). */
export const SUMMARY_COLUMNS = [
  'id',
  'code',
  'kind',
  'category',
  'name_zh',
  'name_en',
  'risk_level',
  'currency',
  'channels',
  'customer_types',
  'status',
  'sales_start',
  'sales_end',
  'term_days_min',
  'term_days_max',
  'yield_min',
  'yield_max',
  'min_amount',
  'latest_nav_date',
  'latest_nav',
  'latest_acc_nav',
  'latest_daily_return',
  'latest_per_10k_income',
  'latest_yield_7d',
  'latest_return_1y',
  'published_at',
] as const satisfies readonly (keyof ProductRow)[];
type SummaryRow = Pick<ProductRow, (typeof SUMMARY_COLUMNS)[number]>;

export function toProduct(r: ProductRow): Product {
  return {
    ...toSummary(r),
    version: r.version,
    reviewApprovalId: r.review_approval_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    disclosure: { zh: r.disclosure_zh, en: r.disclosure_en },
    // Validated by productAttributes on every write; the table is this module's own.
    attributes: r.attributes as ProductAttributes,
  };
}

export function toSummary(r: SummaryRow): ProductSummary {
  const currency = r.currency as CurrencyCode;
  return {
    id: r.id as ProductId,
    code: r.code,
    kind: r.kind as ProductKind,
    category: r.category,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    riskLevel: riskOf(r.risk_level),
    currency,
    channels: r.channels as Channel[],
    customerTypes: r.customer_types as CustomerType[],
    status: r.status,
    salesStart: r.sales_start,
    salesEnd: r.sales_end,
    termDaysMin: r.term_days_min,
    termDaysMax: r.term_days_max,
    yieldMin: trimDecimal(r.yield_min),
    yieldMax: trimDecimal(r.yield_max),
    minimumAmount: r.min_amount === null ? null : { amount: BigInt(r.min_amount), currency },
    latestNav:
      r.latest_nav_date && r.latest_nav && r.latest_acc_nav
        ? {
            date: r.latest_nav_date,
            nav: r.latest_nav,
            accNav: r.latest_acc_nav,
            dailyReturn: trimDecimal(r.latest_daily_return),
            per10kIncome: r.latest_per_10k_income,
            yield7d: trimDecimal(r.latest_yield_7d),
            return1y: trimDecimal(r.latest_return_1y),
          }
        : null,
    publishedAt: r.published_at,
  };
}

/** The columns a product's input sets, the filter columns derived from its terms. */
export function inputColumns(input: ProductInput) {
  const f = filterColumnsOf(input.attributes);
  return {
    code: input.code,
    kind: input.attributes.kind,
    category: f.category,
    name_zh: input.nameZh,
    name_en: input.nameEn,
    risk_level: riskNumber(input.riskLevel),
    currency: input.currency,
    channels: input.channels,
    customer_types: input.customerTypes,
    disclosure_zh: input.disclosure.zh,
    disclosure_en: input.disclosure.en,
    attributes: JSON.stringify(input.attributes),
    sales_start: input.salesStart ? new Date(input.salesStart) : null,
    sales_end: input.salesEnd ? new Date(input.salesEnd) : null,
    term_days_min: f.termDaysMin,
    term_days_max: f.termDaysMax,
    yield_min: f.yieldMin,
    yield_max: f.yieldMax,
    min_amount: f.minimumAmount?.amount ?? null,
    fund_code: f.fundCode,
  } satisfies Partial<NewProductRow>;
}

/** Which unique rule a write broke, if it broke one. */
export function uniqueViolation(error: unknown): 'code_taken' | 'fund_code_taken' | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== '23505') return;
  const text = `${'constraint' in error ? String(error.constraint) : ''} ${String(error)}`;
  return text.includes('fund_code') ? 'fund_code_taken' : 'code_taken';
}

export async function recordEvent(
  trx: Executor,
  e: Omit<ProductEvent, 'detail'> & { productId: string; detail?: Record<string, unknown> },
): Promise<void> {
  await productsDb(trx)
    .insertInto('products_events')
    .values({
      product_id: e.productId,
      version: e.version,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      actor_id: e.actorId,
      approval_id: e.approvalId,
      detail: JSON.stringify(e.detail ?? {}),
      at: e.at,
    })
    .execute();
}

/** A new product, in draft. */
export async function createProduct(
  d: Deps,
  input: ProductInput,
  staffId: string,
): Promise<Result<Product, ProductsError>> {
  const now = d.clock.now();
  try {
    const row = await d.db.transaction().execute(async (trx) => {
      const created = await productsDb(trx)
        .insertInto('products_products')
        .values({
          id: newId('prd'),
          ...inputColumns(input),
          status: 'draft',
          version: 1,
          review_approval_id: null,
          created_by: staffId,
          created_at: now,
          updated_at: now,
          published_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(trx, {
        productId: created.id,
        version: 1,
        action: 'create',
        fromStatus: null,
        toStatus: 'draft',
        actorId: staffId,
        approvalId: null,
        at: now,
      });
      return created;
    });
    return ok(toProduct(row));
  } catch (error) {
    const taken = uniqueViolation(error);
    if (taken) return fail(taken, taken === 'code_taken' ? input.code : 'fund code');
    throw error;
  }
}

/** Replaces a draft's fields; refused unless the editor saw the current version. */
export async function editProduct(
  d: Deps,
  id: string,
  input: ProductInput & { version: number },
  staffId: string,
): Promise<Result<Product, ProductsError>> {
  const current = await getProduct(d.db, id);
  if (!current) return fail('product_not_found');
  if (current.version !== input.version) return fail('version_conflict');
  if (current.status !== 'draft')
    return fail(
      'invalid_transition',
      `only drafts are edited; this one is ${current.status} (reprice instead)`,
    );
  const now = d.clock.now();
  try {
    const row = await d.db.transaction().execute(async (trx) => {
      const updated = await productsDb(trx)
        .updateTable('products_products')
        .set({ ...inputColumns(input), version: input.version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .where('status', '=', 'draft')
        .returningAll()
        .executeTakeFirst();
      if (!updated) return undefined;
      await recordEvent(trx, {
        productId: id,
        version: updated.version,
        action: 'edit',
        fromStatus: 'draft',
        toStatus: 'draft',
        actorId: staffId,
        approvalId: null,
        at: now,
      });
      return updated;
    });
    if (!row) return fail('version_conflict');
    d.cache.clear();
    return ok(toProduct(row));
  } catch (error) {
    const taken = uniqueViolation(error);
    if (taken) return fail(taken, taken === 'code_taken' ? input.code : 'fund code');
    throw error;
  }
}

export async function getProduct(db: Executor, id: string): Promise<Product | undefined> {
  const row = await productsDb(db)
    .selectFrom('products_products')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toProduct(row) : undefined;
}

/** A product by id (`prd_…`) or by code. */
export async function findProduct(db: Executor, idOrCode: string): Promise<Product | undefined> {
  const row = await productsDb(db)
    .selectFrom('products_products')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
  return row ? toProduct(row) : undefined;
}

export interface ConsoleListQuery {
  status?: ProductStatus[] | undefined;
  kind?: ProductKind[] | undefined;
  q?: string | undefined;
  limit: number;
  before?: string | undefined;
}

/** Staff's product list (read replica), newest first, by id cursor. */
export async function listProducts(
  d: Deps,
  q: ConsoleListQuery,
): Promise<{ items: Product[]; next?: string }> {
  let query = productsDb(d.reads)
    .selectFrom('products_products')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.status?.length) query = query.where('status', 'in', q.status);
  if (q.kind?.length) query = query.where('kind', 'in', q.kind);
  if (q.before) query = query.where('id', '<', q.before);
  if (q.q) query = query.where(searchMatches(q.q));
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map(toProduct);
  const last = items.at(-1);
  return rows.length > q.limit && last ? { items, next: last.id } : { items };
}

/** Name (either language), product code or fund code contains the text, ignoring case. */
export function searchMatches(text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`(name_zh ILIKE ${pattern} OR name_en ILIKE ${pattern} OR code ILIKE ${pattern}
    OR fund_code LIKE ${pattern})`;
}

export async function productHistory(db: Executor, productId: string): Promise<ProductEvent[]> {
  const rows = await productsDb(db)
    .selectFrom('products_events')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    fromStatus: r.from_status as ProductStatus | null,
    toStatus: r.to_status as ProductStatus,
    actorId: r.actor_id,
    approvalId: r.approval_id,
    detail: (r.detail ?? {}) as Record<string, unknown>,
    at: r.at,
  }));
}
