import { type Executor, fail, MINUTE_MS, ok, type Result } from '@onefin/kernel';
import { sql } from 'kysely';
import type { IdentityDeps, RequestContext } from './deps.ts';
import { verifyAgainstNobody, verifyPassword } from './passwords.ts';
import type { IdentityTables } from './schema.ts';

type LoginTable = 'identity_customer_logins' | 'identity_staff';

export function isLocked(d: IdentityDeps, lockedUntil: Date | null): boolean {
  return lockedUntil !== null && lockedUntil > d.clock.now();
}

/**
 * Counts a failed log-in atomically; the failure that reaches the limit locks the account for the
 * lockout period and restarts the count. Returns whether the account is now locked.
 */
async function recordFailedLogin(
  d: IdentityDeps,
  table: LoginTable,
  id: string,
  trx: Executor,
): Promise<boolean> {
  const db = trx.withTables<IdentityTables>();
  const lockUntil = new Date(d.clock.now().getTime() + d.settings.lockoutMinutes * MINUTE_MS);
  const limit = d.settings.maxFailedLogins;
  const row = await db
    .updateTable(table)
    .set({
      failed_logins: sql<number>`CASE WHEN failed_logins + 1 >= ${limit} THEN 0 ELSE failed_logins + 1 END`,
      locked_until: sql<Date | null>`CASE WHEN failed_logins + 1 >= ${limit} THEN ${lockUntil}::timestamptz ELSE locked_until END`,
    })
    .where('id', '=', id)
    .returning(['locked_until'])
    .executeTakeFirstOrThrow();
  return isLocked(d, row.locked_until);
}

/** Forgets earlier failures after a successful log-in. */
export async function clearFailedLogins(
  table: LoginTable,
  row: { id: string; failed_logins: number; locked_until: Date | null },
  trx: Executor,
): Promise<void> {
  if (row.failed_logins === 0 && row.locked_until === null) return;
  await trx
    .withTables<IdentityTables>()
    .updateTable(table)
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', row.id)
    .execute();
}

export interface LoginAttempt {
  realm: 'customer' | 'staff';
  table: LoginTable;
  /** The account found for the identifier, if any. */
  row: { id: string; password_hash: string; locked_until: Date | null } | undefined;
  password: string;
  /** What the audit trail names as the target (a masked mobile, a username). */
  target: { targetType: string; targetId: string };
  ctx: RequestContext;
}

function auditCtx(ctx: RequestContext): { ip?: string; requestId?: string } {
  return { ...(ctx.ip ? { ip: ctx.ip } : {}), ...(ctx.requestId ? { requestId: ctx.requestId } : {}) };
}

/**
 * The password check both realms share. Unknown identifiers cost the same time as known ones and
 * answer the same; a locked account is refused even with the right password; the failure that
 * reaches the limit locks it. Every outcome but success is audited here (success is audited with
 * the session it opens).
 */
export async function checkPassword(
  d: IdentityDeps,
  attempt: LoginAttempt,
): Promise<Result<void, 'invalid_credentials' | 'account_locked'>> {
  const { row, realm, target, ctx } = attempt;
  const action = `${realm}.login`;
  if (!row) {
    await verifyAgainstNobody(attempt.password);
    await d.audit.record({
      actorType: 'anonymous',
      actorId: 'unknown',
      action,
      outcome: 'failure',
      ...target,
      detail: { reason: 'unknown_identifier' },
      ...auditCtx(ctx),
    });
    return fail('invalid_credentials');
  }
  const actor = { actorType: realm, actorId: row.id, ...target, ...auditCtx(ctx) };
  if (isLocked(d, row.locked_until)) {
    await d.audit.record({ ...actor, action, outcome: 'denied', detail: { reason: 'locked' } });
    return fail('account_locked', `locked until ${row.locked_until?.toISOString()}`);
  }
  if (await verifyPassword(row.password_hash, attempt.password)) return ok(undefined);
  const locked = await d.db.transaction().execute(async (trx) => {
    const nowLocked = await recordFailedLogin(d, attempt.table, row.id, trx);
    await d.audit.record({ ...actor, action, outcome: 'failure', detail: { reason: 'wrong_password' } }, trx);
    if (nowLocked) {
      await d.audit.record(
        {
          ...actor,
          action: `${realm}.lockout`,
          outcome: 'success',
          detail: { minutes: d.settings.lockoutMinutes },
        },
        trx,
      );
    }
    return nowLocked;
  });
  return locked
    ? fail('account_locked', `locked for ${d.settings.lockoutMinutes} minutes`)
    : fail('invalid_credentials');
}

export { auditCtx };
