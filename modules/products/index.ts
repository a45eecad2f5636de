/** The product factory's domain: kinds, statuses, channels, the product and its NAVs. */

/** The maker–checker actions products registers with identity. */
export type { PublishPayload, RepricePayload } from './approvals.ts';
/** Each kind's terms sheet (zod discriminated union on `kind`). */
export {
  FUND_TYPES,
  type FundAttributes,
  type FundType,
  INSURANCE_TYPES,
  type InsuranceAttributes,
  type ProductAttributes,
  productAttributes,
  REPAYMENT_METHODS,
} from './attributes.ts';
/** Seed and migration path. */
export type { BulkNav, BulkProduct } from './bulk.ts';
/** Every refusal of the products module and its problem+json. */
export { PRODUCTS_PROBLEMS, type ProductsError } from './errors.ts';
/** Fee and premium rules of the terms sheets (pure). */
export { annualPremium, redemptionFeeRate, subscriptionFee } from './fees.ts';
export { PRODUCT_ACTIONS } from './lifecycle.ts';
/** The products module's migrations (owner `products`). */
export { productsMigrations } from './migrations/index.ts';
export {
  CHANNELS,
  type Channel,
  CORPORATE_KINDS,
  CUSTOMER_TYPES,
  type CustomerFacts,
  type CustomerType,
  DEFAULT_PRODUCTS_SETTINGS,
  type Disclosure,
  type LatestNav,
  type NavPoint,
  PRODUCT_KINDS,
  PRODUCT_STATUSES,
  type Product,
  type ProductEvent,
  type ProductId,
  type ProductKind,
  type ProductStatus,
  type ProductSummary,
  type ProductsDeps,
  type ProductsSettings,
  RISK_LEVELS,
  type RiskLevel,
  type SuitabilityProfile,
} from './model.ts';
export { OUTLIER_THRESHOLDS } from './nav-checks.ts';
/** The NAV feed: file format, checks, report. */
export {
  MAX_NAV_ROWS,
  NAV_COLUMNS,
  type NavInputRow,
  type NavIssue,
  type NavIssueCode,
  parseNavCsv,
} from './nav-csv.ts';
export type { NavImportReport } from './navs.ts';
/** A product as staff create it, and what a reprice may change per kind. */
export { PRICING_FIELDS, PRODUCT_CODE, type ProductInput, productInput } from './product-input.ts';
/** Staff routes: the product factory and the NAV feed (Fastify plugin). */
export { type ConsoleProductsOptions, productsConsoleRoutes } from './routes.console.ts';
/** Customer routes: the financial supermarket (Fastify plugin). */
export { type PortalProductsOptions, productsPortalRoutes } from './routes.portal.ts';
/** The service factory and its interface. */
export { createProductsService, type ProductsService } from './service.ts';
/** The lifecycle state machine (pure). */
export { LIFECYCLE_ACTIONS, type LifecycleAction, nextStatus } from './status.ts';
/** Suitability: the pure check every order path uses, its refusals in order of precedence. */
export {
  checkSuitability,
  needsRiskAssessment,
  SUITABILITY_REFUSALS,
  type SuitabilityDecision,
  type SuitabilityProduct,
  type SuitabilityRefusal,
} from './suitability.ts';
/** The supermarket's query. */
export { SUPERMARKET_SORTS, type SupermarketQuery, type SupermarketSort } from './supermarket.ts';
/** The mainland exchanges' trading calendar (pure), for T+1 dates and the NAV feed. */
export {
  addCalendarDays,
  addTradingDays,
  type Closure,
  CN_EXCHANGE_CALENDAR,
  closureOf,
  createTradingCalendar,
  FUND_CUTOFF_MINUTES,
  isCovered,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  type TradingCalendar,
  tradeDateOf,
  tradingDaysBetween,
} from './trading-calendar.ts';
