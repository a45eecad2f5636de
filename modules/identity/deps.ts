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
}

export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  customerSessionIdleMinutes: 30,
  staffSessionIdleMinutes: 60,
  sessionMaxHours: 12,
};

export interface IdentityDeps {
  db: Executor;
  reads: Executor;
  clock: Clock;
  audit: AuditService;
  pii: PiiCipher;
  settings: IdentitySettings;
}

/** Where a request came from, for the audit trail and the session record. */
export interface RequestContext {
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}
