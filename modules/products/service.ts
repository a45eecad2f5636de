import type { ApprovalHandler, RequestContext, StaffUser } from '@onefin/identity';
import { createCoalescer, type Executor, fail, ok, type Result } from '@onefin/kernel';
import { type PublishPayload, productApprovalHandlers, type RepricePayload } from './approvals.ts';
import { type BulkNav, type BulkProduct, bulkLoadNavs, bulkLoadProducts } from './bulk.ts';
import {
  type ConsoleListQuery,
  createProduct,
  editProduct,
  getProduct,
  listProducts,
  productHistory,
} from './catalogue.ts';
import { createDeps } from './context.ts';
import type { ProductsError } from './errors.ts';
import {
  closeProduct,
  resumeProduct,
  settleReview,
  settleReviewOf,
  submitForReview,
  suspendProduct,
  withdrawSubmission,
} from './lifecycle.ts';
import type {
  Channel,
  NavPoint,
  Product,
  ProductEvent,
  ProductId,
  ProductSummary,
  ProductsDeps,
  SuitabilityProfile,
} from './model.ts';
import type { NavInputRow } from './nav-csv.ts';
import { importNavCsv, importNavs, type NavImportReport, navHistory, navsOn } from './navs.ts';
import type { ProductInput } from './product-input.ts';
import { proposeReprice } from './reprice.ts';
import { checkSuitability, type SuitabilityDecision } from './suitability.ts';
import { browseCatalogue, catalogueProduct, compareProducts, type SupermarketQuery } from './supermarket.ts';
import type { TradingCalendar } from './trading-calendar.ts';

type Changed = Promise<Result<Product, ProductsError>>;
type NavRowInput = Omit<NavInputRow, 'line'>;

/** The product factory, the financial supermarket, the NAV feed and the suitability check. */
export interface ProductsService {
  /** A new product in draft (`products.manage`). */
  createProduct(input: ProductInput, staffId: string): Changed;
  /** Replaces a draft's fields if `version` is current; on-sale products are repriced instead. */
  editProduct(id: string, input: ProductInput & { version: number }, staffId: string): Changed;
  /** For staff: any status, with its history; a rejected review is settled back to draft first. */
  getProduct(id: string): Promise<(Product & { history: ProductEvent[] }) | undefined>;
  /** For staff (read replica): every status, newest first. */
  listProducts(q: ConsoleListQuery): Promise<{ items: Product[]; next?: string }>;
  /** Draft → under review, proposing `products.publish`; a second person's approval puts it on sale. */
  submitForReview(
    id: string,
    input: { version: number },
    maker: StaffUser,
    ctx: RequestContext,
  ): Promise<Result<{ product: Product; approvalId: string }, ProductsError>>;
  /** Under review → draft by staff; the pending approval then fails if approved. */
  withdrawSubmission(id: string, input: { version: number }, staffId: string): Changed;
  suspend(id: string, input: { version: number; reason: string }, staffId: string): Changed;
  /** Suspended → on sale again (the product was approved already). */
  resume(id: string, input: { version: number }, staffId: string): Changed;
  close(id: string, input: { version: number; reason: string }, staffId: string): Changed;
  /** Proposes new rates/fees/yields of an on-sale product (`products.reprice`); they apply when approved. */
  proposeReprice(
    id: string,
    input: { version: number; pricing: Record<string, unknown>; reason: string },
    maker: StaffUser,
    ctx: RequestContext,
  ): Promise<Result<{ approvalId: string }, ProductsError>>;
  /** The maker–checker actions to register with identity (compose.ts). */
  approvalHandlers(): [ApprovalHandler<PublishPayload>, ApprovalHandler<RepricePayload>];

  /** The portal's list: filters, search, sort, keyset cursor. */
  browse(q: SupermarketQuery): Promise<Result<{ items: ProductSummary[]; next?: string }, ProductsError>>;
  /** A product as the portal shows it (on sale or suspended), by id or code. */
  catalogueProduct(idOrCode: string): Promise<Product | undefined>;
  /** 1–4 products side by side, in the order given. */
  compare(ids: readonly string[]): Promise<Result<Product[], ProductsError>>;
  /** A fund's NAVs, ascending; staff lists read the replica. */
  navHistory(
    productId: string,
    range: { from: string; to: string },
    from?: 'primary' | 'replica',
  ): Promise<Result<NavPoint[], ProductsError>>;

  /**
   * Every order path asks this before taking an order: allowed, or refused with the reason.
   * @example await products.suitability({ customerId, productId, channel: 'app' }, trx)
   */
  suitability(
    input: { customerId: string; productId: string; channel: Channel },
    trx?: Executor,
  ): Promise<Result<SuitabilityDecision, ProductsError>>;
  /** The same check for a product the caller has just read (saves reading it twice); fresh customer facts. */
  suitabilityFor(customerId: string, product: Product, channel: Channel): Promise<SuitabilityDecision>;
  /** The same check for many products and one customer (the supermarket's "suitable for me"). */
  suitabilityOf(
    customerId: string,
    products: readonly ProductSummary[],
    channel: Channel,
  ): Promise<Map<string, SuitabilityDecision>>;

  /** Imports a NAV CSV: all of it or, with any error, none of it; the report says why line by line. */
  importNavCsv(text: string, staffId: string, opts?: { dryRun?: boolean }): Promise<NavImportReport>;
  /** The same through the JSON API; `line` in the report is the row's position from 1. */
  importNavRows(
    rows: readonly NavRowInput[],
    staffId: string,
    opts?: { dryRun?: boolean },
  ): Promise<NavImportReport>;
  /** Every fund's NAV of a date, by product id (the end-of-day job's prices). */
  navsOn(date: string): Promise<Map<string, NavPoint>>;
  /** The exchanges' trading calendar as stored (for T+1 dates). */
  tradingCalendar(): Promise<TradingCalendar>;

  /** Seed and migration path: many products at once, without maker–checker. */
  bulkLoadProducts(
    items: readonly BulkProduct[],
    trx?: Executor,
  ): Promise<Result<{ ids: ProductId[] }, ProductsError>>;
  /** Seed and migration path: NAV history set-wise (shape and trading-day checks only). */
  bulkLoadNavs(
    navs: readonly BulkNav[],
    trx?: Executor,
  ): Promise<Result<{ inserted: number }, ProductsError>>;
}

export function createProductsService(deps: ProductsDeps): ProductsService {
  const d = createDeps(deps);
  // Fresh facts for every order, but orders arriving together read them in one query.
  const batchedFacts = d.customers.suitabilityProfiles?.bind(d.customers);
  const freshProfile = batchedFacts
    ? createCoalescer(async (ids: string[]) => {
        const found = await batchedFacts([...new Set(ids)]);
        return ids.map((id) => found.get(id));
      })
    : (id: string) => d.customers.suitabilityProfile(id);
  const handlers = productApprovalHandlers(d);
  return {
    createProduct: (input, staffId) => createProduct(d, input, staffId),
    async editProduct(id, input, staffId) {
      await settleReviewOf(d, id);
      return editProduct(d, id, input, staffId);
    },
    async getProduct(id) {
      const found = await getProduct(d.db, id);
      if (!found) return undefined;
      const product = await settleReview(d, found);
      return { ...product, history: await productHistory(d.db, id) };
    },
    async listProducts(q) {
      const page = await listProducts(d, q);
      return { ...page, items: await Promise.all(page.items.map((p) => settleReview(d, p))) };
    },
    submitForReview: (id, input, maker, ctx) => submitForReview(d, id, input, maker, ctx),
    async withdrawSubmission(id, input, staffId) {
      await settleReviewOf(d, id);
      return withdrawSubmission(d, id, input, staffId);
    },
    suspend: (id, input, staffId) => suspendProduct(d, id, input, staffId),
    resume: (id, input, staffId) => resumeProduct(d, id, input, staffId),
    async close(id, input, staffId) {
      await settleReviewOf(d, id);
      return closeProduct(d, id, input, staffId);
    },
    proposeReprice: (id, input, maker, ctx) => proposeReprice(d, id, input, maker, ctx),
    approvalHandlers: () => handlers,

    browse: (q) => browseCatalogue(d, q),
    catalogueProduct: (idOrCode) => catalogueProduct(d, idOrCode),
    compare: (ids) => compareProducts(d, ids),
    navHistory: (productId, range, from = 'primary') =>
      navHistory(from === 'replica' ? d.reads : d.db, productId, range),

    async suitability(input, trx) {
      const product = await getProduct(trx ?? d.db, input.productId);
      if (!product) return fail('product_not_found');
      const customer = await d.customers.suitabilityProfile(input.customerId, trx);
      return ok(checkSuitability(customer, product, input.channel, d.clock.now()));
    },
    async suitabilityFor(customerId, product, channel) {
      const customer = await freshProfile(customerId);
      return checkSuitability(customer, product, channel, d.clock.now());
    },
    async suitabilityOf(customerId, products, channel) {
      // Markers only: a list page asks once per request, so a signed-in customer browsing is not a query per page.
      const remembered = d.markerProfiles.get<{ profile: SuitabilityProfile | undefined }>(customerId);
      const customer = remembered ? remembered.profile : await d.customers.suitabilityProfile(customerId);
      if (!remembered) d.markerProfiles.set(customerId, { profile: customer });
      const now = d.clock.now();
      return new Map(products.map((p) => [p.id, checkSuitability(customer, p, channel, now)]));
    },

    importNavCsv: (text, staffId, opts) => importNavCsv(d, text, staffId, opts?.dryRun ?? false),
    importNavRows: (rows, staffId, opts) =>
      importNavs(d, {
        source: 'api',
        rows: rows.map((r, i) => ({ ...r, line: i + 1 })),
        staffId,
        dryRun: opts?.dryRun ?? false,
      }),
    navsOn: (date) => navsOn(d.db, date),
    tradingCalendar: () => d.calendar(),

    bulkLoadProducts: (items, trx) => bulkLoadProducts(d, items, trx),
    bulkLoadNavs: (navs, trx) => bulkLoadNavs(d, navs, trx),
  };
}
