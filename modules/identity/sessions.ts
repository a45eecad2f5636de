import { createHash, randomBytes } from 'node:crypto';
import { type Executor, HOUR_MS, MINUTE_MS, newId } from '@onefin/kernel';
import type { IdentityContext } from './caches.ts';
import type { IdentityDeps, RequestContext } from './deps.ts';
import type { Realm, Session } from './model.ts';

export type { Realm, Session } from './model.ts';

import type { IdentityTables, SessionRow } from './schema.ts';

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

// Touching last_seen_at on every request would turn each read into a write; once a minute is enough.
const TOUCH_EVERY_MS = MINUTE_MS;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');

function idleMs(d: IdentityDeps, realm: Realm): number {
  return (
    (realm === 'customer' ? d.settings.customerSessionIdleMinutes : d.settings.staffSessionIdleMinutes) *
    MINUTE_MS
  );
}

/** Opens a session; returns the secret token for the cookie (only its hash is stored). */
export async function openSession(
  d: IdentityDeps,
  realm: Realm,
  principalId: string,
  ctx: RequestContext,
  trx: Executor,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const now = d.clock.now();
  const expiresAt = new Date(now.getTime() + idleMs(d, realm));
  const id = newId('ses');
  await trx
    .withTables<IdentityTables>()
    .insertInto('identity_sessions')
    .values({
      id,
      token_hash: tokenHash(token),
      realm,
      principal_id: principalId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      ip: ctx.ip ?? null,
      user_agent: ctx.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, session: { id, realm, principalId, createdAt: now, expiresAt } };
}

/**
 * The session behind a cookie token in one realm, or undefined when unknown, revoked, expired or of
 * the other realm (a portal cookie is worthless on the console). Slides the idle timeout, capped at
 * the absolute lifetime.
 */
export async function resolveSession(
  d: IdentityContext,
  realm: Realm,
  token: string,
): Promise<Session | undefined> {
  const now = d.clock.now();
  const hash = tokenHash(token);
  const cached = d.caches.session(hash);
  // a cached answer is good until the idle timeout needs sliding again (once a minute)
  if (cached && now.getTime() - cached.checkedAt.getTime() < TOUCH_EVERY_MS) {
    const { session } = cached;
    return session.realm === realm && session.expiresAt > now ? session : undefined;
  }
  const db = d.db.withTables<IdentityTables>();
  const row = await db
    .selectFrom('identity_sessions')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.realm !== realm || row.revoked_at || row.expires_at <= now) return undefined;
  let expiresAt = row.expires_at;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    const cap = row.created_at.getTime() + d.settings.sessionMaxHours * HOUR_MS;
    expiresAt = new Date(Math.min(now.getTime() + idleMs(d, realm), cap));
    await db
      .updateTable('identity_sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id', '=', row.id)
      .execute();
  }
  const session: Session = {
    id: row.id,
    realm,
    principalId: row.principal_id,
    createdAt: row.created_at,
    expiresAt,
  };
  d.caches.rememberSession(hash, { session, checkedAt: now });
  return session;
}

/** Revokes one session of a principal; false when it is not theirs (or does not exist). */
export async function revokeSession(
  d: IdentityContext,
  principalId: string,
  sessionId: string,
): Promise<boolean> {
  const result = await d.db
    .withTables<IdentityTables>()
    .updateTable('identity_sessions')
    .set({ revoked_at: d.clock.now() })
    .where('id', '=', sessionId)
    .where('principal_id', '=', principalId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  // after the update: a request that read the row just before cannot re-cache it as live
  d.caches.forgetSessions(principalId, sessionId);
  return result.numUpdatedRows > 0n;
}

/** Revokes every session of a principal except `keep` (after a password change). */
export async function revokeOtherSessions(
  d: IdentityDeps,
  principalId: string,
  keep: string | undefined,
  trx: Executor,
) {
  let q = trx
    .withTables<IdentityTables>()
    .updateTable('identity_sessions')
    .set({ revoked_at: d.clock.now() })
    .where('principal_id', '=', principalId)
    .where('revoked_at', 'is', null);
  if (keep) q = q.where('id', '<>', keep);
  await q.execute();
}

/** A principal's sessions that are still live, newest first. */
export async function listSessions(d: IdentityDeps, principalId: string): Promise<SessionSummary[]> {
  const rows: SessionRow[] = await d.db
    .withTables<IdentityTables>()
    .selectFrom('identity_sessions')
    .selectAll()
    .where('principal_id', '=', principalId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', d.clock.now())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    ip: r.ip,
    userAgent: r.user_agent,
  }));
}
