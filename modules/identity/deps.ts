import type { AuditService } from '@onefin/audit';
import type { Clock, Executor, PiiCipher } from '@onefin/kernel';

export interface IdentitySettings {
  /** Failed log-ins in a row that lock an account. */
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** Idle timeout and absolute lifetime of sessions, per realm. */
  customerSessionIdleMinutes: number;
  staffSessionIdleMinutes: number;
  sessionMaxHours: number;
  /**
   * How long a process may answer from memory for a session or a customer profile before asking the
   * database again. Revocation in the same process is immediate; in another process it takes effect
   * within this time (decision 0008). 0 turns caching off.
   */
  cacheMs: number;
}

export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  customerSessionIdleMinutes: 30,
  staffSessionIdleMinutes: 60,
  sessionMaxHours: 12,
  cacheMs: 2000,
};

export interface IdentityDeps {
  db: Executor;
  reads: Executor;
  clock: Clock;
  audit: AuditService;
  pii: PiiCipher;
  settings: IdentitySettings;
  /**
   * Called inside the registration transaction with the new log-in's id, so the customer record
   * (customers module) exists exactly when the log-in does. Wired in compose.ts.
   */
  onCustomerRegistered?: (
    customer: { id: string; displayName: string; mobile: string },
    trx: Executor,
  ) => Promise<void>;
}

/** Where a request came from, for the audit trail and the session record. */
export interface RequestContext {
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}
