/** Bank cards, BINs and the Luhn check: pure rules, shared with the seed and tests. */
export {
  BANKS,
  type Bank,
  type BankCode,
  bankByCode,
  bankOfCard,
  cardNumberFor,
  checkCardNumber,
  maskCardNumber,
  passesLuhn,
} from './banks.ts';
/** The channel interface a bank-card gateway implements. */
export type {
  ChannelCard,
  ChannelRequest,
  ChannelTransaction,
  ChannelTransactionKind,
  ChannelTransactionStatus,
  PaymentChannel,
} from './channel.ts';
/** Every refusal of the payments module and its problem+json. */
export { PAYMENTS_PROBLEMS, type PaymentsError } from './errors.ts';
/** Matching of the bank's file against the books (pure). */
export { type Break, type BreakKind, matchDay, parseReconciliationFile } from './matching.ts';
/** The payments module's migrations (owner `payments`). */
export { paymentsMigrations } from './migrations/index.ts';
/** Domain types and settings. */
export {
  type CardId,
  DEFAULT_PAYMENTS_SETTINGS,
  type PaymentCard,
  type PaymentEvent,
  type PaymentId,
  type PaymentKind,
  type PaymentOrder,
  type PaymentStatus,
  type PaymentsDeps,
  type PaymentsSettings,
} from './model.ts';
/** Reconciliation runs and their breaks. */
export type { ReconciliationBreak, ReconciliationRun, RunWithBreaks } from './reconciliation.ts';
/** Staff routes: reconciliation runs (Fastify plugin). */
export { type ConsolePaymentsOptions, paymentsConsoleRoutes } from './routes.console.ts';
/** Customer routes: cards, top-ups, withdrawals, history (Fastify plugin). */
export { type PortalPaymentsOptions, paymentsPortalRoutes } from './routes.portal.ts';
/** The service factory and its interface. */
export { createPaymentsService, type PaymentsService } from './service.ts';
/** The deterministic bank simulator and its rules. */
export {
  createSimulatedChannel,
  SIMULATOR_RULES,
  type SimulatedChannel,
  type SimulatorDeps,
} from './simulator.ts';
/** Input of top-ups and withdrawals. */
export type { PaymentInput } from './topup.ts';
/** What a settle pass did. */
export type { SettleReport } from './withdrawals.ts';
