/** Investment orders, their settlement and the holdings they make. */

export { cancellableUntil } from './cancellation.ts';
/** The end-of-day job's runs and report. */
export type { EndOfDayReport, EndOfDayRun } from './end-of-day.ts';
export { settleableTradeDate } from './end-of-day.ts';
/** Every refusal of an order and its problem+json. */
export { INVESTING_PROBLEMS, type InvestingError } from './errors.ts';
/** The investing module's migrations (owner `investing`). */
export { investingMigrations } from './migrations/index.ts';
/** Domain types and settings. */
export {
  DEFAULT_INVESTING_SETTINGS,
  type InvestingDeps,
  type InvestingSettings,
  type Order,
  type OrderChannel,
  type OrderEvent,
  type OrderId,
} from './model.ts';
/** The money rules of orders (pure): fees, shares, FIFO lots, income, interest. */
export {
  confirmRedemption,
  confirmSubscription,
  formatShares,
  marketValue,
  moneyMarketIncome,
  simpleInterest,
  takeFifo,
} from './money-rules.ts';
export type { OrderListQuery } from './orders.ts';
export type { AssetSummary, Holding, HoldingLot } from './portfolio.ts';
export type { OrderPreview, PreviewInput } from './preview.ts';
export type { OrderInput } from './purchases.ts';
export type { Reconciliation, ReconciliationBreak } from './reconciliation.ts';
/** Staff routes: order search, assisted orders, holdings, end-of-day runs (Fastify plugin). */
export { type ConsoleInvestingOptions, investingConsoleRoutes } from './routes.console.ts';
/** Customer routes: orders, previews, cancellation, "my assets" (Fastify plugin). */
export { investingPortalRoutes, type PortalInvestingOptions } from './routes.portal.ts';
export { ORDER_STATUSES, ORDER_TYPES, type OrderStatus, type OrderType } from './schema.ts';
/** The service factory and its interface. */
export { createInvestingService, type InvestingService } from './service.ts';
