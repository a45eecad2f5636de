import { LRUCache } from 'lru-cache';
import type { IdentityDeps } from './deps.ts';
import type { CustomerAccount, Session } from './model.ts';
import type { StaffUser } from './staff.ts';

/**
 * Short-lived, in-process copies of what every request asks for: the session behind a cookie, the
 * customer's profile and the staff member with their roles. They keep the database off the hot path (GET /api/v1/me); entries are dropped
 * at once when this process revokes or changes them, and expire after `cacheMs` otherwise.
 */
export interface IdentityCaches {
  session(tokenHash: string): CachedSession | undefined;
  rememberSession(tokenHash: string, entry: CachedSession): void;
  /** Drops every cached session of a principal, or just one of them. */
  forgetSessions(principalId: string, sessionId?: string): void;
  account(customerId: string): CustomerAccount | undefined;
  rememberAccount(account: CustomerAccount): void;
  staff(staffId: string): StaffUser | undefined;
  rememberStaff(staff: StaffUser): void;
  forgetStaff(staffId: string): void;
}

/** A session as last read from the database, and when (by the injected clock). */
export interface CachedSession {
  session: Session;
  checkedAt: Date;
}

const MAX_ENTRIES = 50_000;

export function createIdentityCaches(cacheMs: number): IdentityCaches {
  if (cacheMs <= 0) {
    return {
      session: () => undefined,
      rememberSession: () => undefined,
      forgetSessions: () => undefined,
      account: () => undefined,
      rememberAccount: () => undefined,
      staff: () => undefined,
      rememberStaff: () => undefined,
      forgetStaff: () => undefined,
    };
  }
  const sessions = new LRUCache<string, CachedSession>({ max: MAX_ENTRIES, ttl: cacheMs });
  const accounts = new LRUCache<string, CustomerAccount>({ max: MAX_ENTRIES, ttl: cacheMs });
  const staff = new LRUCache<string, StaffUser>({ max: MAX_ENTRIES, ttl: cacheMs });
  return {
    session: (hash) => sessions.get(hash),
    rememberSession: (hash, entry) => void sessions.set(hash, entry),
    forgetSessions(principalId, sessionId) {
      for (const [hash, { session: s }] of sessions.entries()) {
        if (s.principalId === principalId && (sessionId === undefined || s.id === sessionId))
          sessions.delete(hash);
      }
    },
    account: (id) => accounts.get(id),
    rememberAccount: (account) => void accounts.set(account.id, account),
    staff: (id) => staff.get(id),
    rememberStaff: (s) => void staff.set(s.id, s),
    forgetStaff: (id) => void staff.delete(id),
  };
}

/** The deps plus the service's own in-process caches. */
export interface IdentityContext extends IdentityDeps {
  caches: IdentityCaches;
}
