import { type AuditService, createAuditService } from '@onefin/audit';
import {
  type CustomersService,
  type CustomersSettings,
  createCustomersService,
  createSimulatedVerifier,
} from '@onefin/customers';
import type { Database } from '@onefin/db';
import {
  createIdentityService,
  DEFAULT_IDENTITY_SETTINGS,
  type IdentityService,
  type IdentitySettings,
} from '@onefin/identity';
import { createInvestingService, type InvestingService, type InvestingSettings } from '@onefin/investing';
import {
  type Clock,
  createEventPublisher,
  createPiiCipher,
  type EventPublisher,
  systemClock,
} from '@onefin/kernel';
import { createLedgerService, type LedgerService, ledgerApprovalHandlers } from '@onefin/ledger';
import { createModelsService, type ModelsService } from '@onefin/models';
import {
  createPaymentsService,
  createSimulatedChannel,
  type PaymentsService,
  type SimulatedChannel,
} from '@onefin/payments';
import { createProductsService, type ProductsService, type ProductsSettings } from '@onefin/products';
import type { Secrets } from './config.ts';

/** Every module's service, wired by hand (no container): the one place that knows them all. */
export interface Services {
  clock: Clock;
  events: EventPublisher;
  audit: AuditService;
  identity: IdentityService;
  customers: CustomersService;
  ledger: LedgerService;
  payments: PaymentsService;
  products: ProductsService;
  investing: InvestingService;
  models: ModelsService;
  /** The bank-card channel: the simulator until a real gateway is wired (its `settle` is a worker job). */
  paymentChannel: SimulatedChannel;
}

export interface ComposeOptions {
  db: Database;
  secrets: Secrets;
  clock?: Clock;
  identity?: Partial<IdentitySettings>;
  customers?: Partial<CustomersSettings>;
  products?: Partial<ProductsSettings>;
  investing?: Partial<InvestingSettings>;
  /** How long the simulated bank keeps a payout `submitted` (default 30 s). */
  payoutDelayMs?: number;
}

export function composeServices(opts: ComposeOptions): Services {
  const clock = opts.clock ?? systemClock;
  const base = { db: opts.db.primary, reads: opts.db.replica, clock };
  const events = createEventPublisher(clock);
  const audit = createAuditService(base);
  const pii = createPiiCipher(opts.secrets.piiKey, opts.secrets.piiHashKey);
  // Real-name checks go to the simulator until a registry provider is contracted.
  const customers = createCustomersService({
    ...base,
    pii,
    verifier: createSimulatedVerifier(),
    settings: opts.customers,
  });
  const identity = createIdentityService({
    ...base,
    audit,
    pii,
    settings: { ...DEFAULT_IDENTITY_SETTINGS, ...opts.identity },
    // A portal registration opens the prospect customer with the log-in's id, in the same transaction.
    onCustomerRegistered: (c, trx) =>
      customers.openProspect({ id: c.id, name: c.displayName, mobile: c.mobile }, trx),
  });
  // Batched transfers; PGlite is a single connection, so a second writer would only wait for the first.
  const ledger = createLedgerService({
    ...base,
    engine: { kind: 'batched', writers: opts.db.engine === 'postgres' ? 2 : 1 },
  });
  // Manual adjustments and reversals of the books run through identity's maker–checker.
  const [adjust, reverse] = ledgerApprovalHandlers({ ledger });
  identity.registerApprovalHandler(adjust);
  identity.registerApprovalHandler(reverse);
  const paymentChannel = createSimulatedChannel({ db: base.db, clock, payoutDelayMs: opts.payoutDelayMs });
  const payments = createPaymentsService({ ...base, ledger, channel: paymentChannel, pii });
  // The product factory: suitability reads the customers module's facts; publishing and repricing
  // run through identity's maker–checker.
  const products = createProductsService({
    ...base,
    events,
    customers,
    approvals: identity,
    settings: opts.products,
  });
  const [publish, reprice] = products.approvalHandlers();
  identity.registerApprovalHandler(publish);
  identity.registerApprovalHandler(reprice);
  // Orders of every investment kind: suitability and prices from products, money through the ledger.
  const investing = createInvestingService({
    ...base,
    events,
    ledger,
    products,
    settings: opts.investing,
  });
  // The model registry and scoring; activating a version runs through identity's maker–checker.
  const models = createModelsService({ ...base, audit, approvals: identity, customers });
  for (const h of models.approvalHandlers()) identity.registerApprovalHandler(h);
  return {
    clock,
    events,
    audit,
    identity,
    customers,
    ledger,
    payments,
    products,
    investing,
    models,
    paymentChannel,
  };
}
