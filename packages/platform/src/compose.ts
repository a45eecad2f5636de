import { type AuditService, createAuditService } from '@onefin/audit';
import type { Database } from '@onefin/db';
import {
  createIdentityService,
  DEFAULT_IDENTITY_SETTINGS,
  type IdentityService,
  type IdentitySettings,
} from '@onefin/identity';
import {
  type Clock,
  createEventPublisher,
  createPiiCipher,
  type EventPublisher,
  systemClock,
} from '@onefin/kernel';
import { createLedgerService, type LedgerService } from '@onefin/ledger';
import type { Secrets } from './config.ts';

/** Every module's service, wired by hand (no container): the one place that knows them all. */
export interface Services {
  clock: Clock;
  events: EventPublisher;
  audit: AuditService;
  identity: IdentityService;
  ledger: LedgerService;
}

export interface ComposeOptions {
  db: Database;
  secrets: Secrets;
  clock?: Clock;
  identity?: Partial<IdentitySettings>;
}

export function composeServices(opts: ComposeOptions): Services {
  const clock = opts.clock ?? systemClock;
  const base = { db: opts.db.primary, reads: opts.db.replica, clock };
  const events = createEventPublisher(clock);
  const audit = createAuditService(base);
  const pii = createPiiCipher(opts.secrets.piiKey, opts.secrets.piiHashKey);
  const identity = createIdentityService({
    ...base,
    audit,
    pii,
    settings: { ...DEFAULT_IDENTITY_SETTINGS, ...opts.identity },
  });
  // Batched transfers; PGlite is a single connection, so a second writer would only wait for the first.
  const ledger = createLedgerService({
    ...base,
    engine: { kind: 'batched', writers: opts.db.engine === 'postgres' ? 2 : 1 },
  });
  return { clock, events, audit, identity, ledger };
}
