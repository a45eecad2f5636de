import { type Executor, MINUTE_MS } from '@onefin/kernel';
import { sql } from 'kysely';
import type { IdentityDeps } from './deps.ts';
import type { IdentityTables } from './schema.ts';

type LoginTable = 'identity_customer_logins' | 'identity_staff';

export function isLocked(d: IdentityDeps, lockedUntil: Date | null): boolean {
  return lockedUntil !== null && lockedUntil > d.clock.now();
}

/**
 * Counts a failed log-in atomically; the failure that reaches the limit locks the account for the
 * lockout period and restarts the count. Returns whether the account is now locked.
 */
export async function recordFailedLogin(
  d: IdentityDeps,
  table: LoginTable,
  id: string,
  trx: Executor,
): Promise<boolean> {
  const db = trx.withTables<IdentityTables>();
  const lockUntil = new Date(d.clock.now().getTime() + d.settings.lockoutMinutes * MINUTE_MS);
  const row = await db
    .updateTable(table)
    .set({
      failed_logins: sql<number>`CASE WHEN failed_logins + 1 >= ${d.settings.maxFailedLogins} THEN 0 ELSE failed_logins + 1 END`,
      locked_until: sql<Date | null>`CASE WHEN failed_logins + 1 >= ${d.settings.maxFailedLogins} THEN ${lockUntil}::timestamptz ELSE locked_until END`,
    })
    .where('id', '=', id)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
  return isLocked(d, row.locked_until);
}

export async function clearFailedLogins(table: LoginTable, id: string, trx: Executor): Promise<void> {
  await trx
    .withTables<IdentityTables>()
    .updateTable(table)
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}
