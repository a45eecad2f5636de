import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import type { Kysely } from 'kysely';
import type { IdentityDeps, RequestContext } from './deps.ts';
import type { IdentityError } from './errors.ts';
import { auditCtx, checkPassword, clearFailedLogins } from './lockout.ts';
import { isRole, type Permission, permissionsOf, type Role } from './roles.ts';
import type { IdentityTables, StaffRow } from './schema.ts';
import { openSession, type Session } from './sessions.ts';

/** A staff user with the roles and the permissions those roles carry. */
export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  roles: Role[];
  permissions: Permission[];
  createdAt: Date;
  version: number;
}

async function rolesOf(db: Executor, staffIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>();
  if (staffIds.length === 0) return map;
  const rows = await db
    .withTables<IdentityTables>()
    .selectFrom('identity_staff_roles')
    .select(['staff_id', 'role'])
    .where('staff_id', 'in', staffIds)
    .orderBy('role')
    .execute();
  for (const r of rows) if (isRole(r.role)) map.set(r.staff_id, [...(map.get(r.staff_id) ?? []), r.role]);
  return map;
}

function toStaff(row: StaffRow, roles: Role[]): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    status: row.status,
    roles,
    permissions: permissionsOf(roles),
    createdAt: row.created_at,
    version: row.version,
  };
}

/** One staff user read from `db` (the primary unless the caller says otherwise). */
export async function getStaff(db: Executor, staffId: string): Promise<StaffUser | undefined> {
  const row = await db
    .withTables<IdentityTables>()
    .selectFrom('identity_staff')
    .selectAll()
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!row) return undefined;
  return toStaff(row, (await rolesOf(db, [row.id])).get(row.id) ?? []);
}

/** Every staff user, from the read replica. */
export async function listStaff(d: IdentityDeps): Promise<StaffUser[]> {
  const rows = await d.reads
    .withTables<IdentityTables>()
    .selectFrom('identity_staff')
    .selectAll()
    .orderBy('username')
    .execute();
  const roles = await rolesOf(
    d.reads,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toStaff(r, roles.get(r.id) ?? []));
}

/**
 * Creates a staff user at once. Only bootstrap paths (seed, first admin) call this directly; the
 * console goes through maker–checker (`identity.create_staff`).
 */
export async function createStaff(
  d: IdentityDeps,
  input: {
    username: string;
    displayName: string;
    passwordHash: string;
    roles: readonly Role[];
    approvalId?: string;
  },
  trx: Executor,
): Promise<Result<StaffUser, IdentityError>> {
  const db = trx.withTables<IdentityTables>();
  const now = d.clock.now();
  const row: StaffRow = {
    id: newId('stf'),
    username: input.username,
    display_name: input.displayName,
    password_hash: input.passwordHash,
    status: 'active',
    failed_logins: 0,
    locked_until: null,
    created_at: now,
    version: 1,
  };
  const result = await db
    .insertInto('identity_staff')
    .values(row)
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst();
  if ((result.numInsertedOrUpdatedRows ?? 0n) === 0n) return fail('username_taken');
  const roles = [...new Set(input.roles)].sort();
  if (roles.length > 0) {
    await db
      .insertInto('identity_staff_roles')
      .values(
        roles.map((role) => ({
          staff_id: row.id,
          role,
          granted_at: now,
          approval_id: input.approvalId ?? null,
        })),
      )
      .execute();
  }
  return ok(toStaff(row, roles));
}

/**
 * Changes a staff user's roles under a row lock on the user, bumps the user's version (so an edit
 * based on an older read is refused) and returns the user as changed.
 */
async function changeRoles(
  trx: Executor,
  staffId: string,
  change: (db: Kysely<IdentityTables>) => Promise<IdentityError | undefined>,
): Promise<Result<StaffUser, IdentityError>> {
  const db = trx.withTables<IdentityTables>();
  const staff = await db
    .selectFrom('identity_staff')
    .select('id')
    .where('id', '=', staffId)
    .forUpdate()
    .executeTakeFirst();
  if (!staff) return fail('staff_not_found');
  const refused = await change(db);
  if (refused) return fail(refused);
  await db
    .updateTable('identity_staff')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', staffId)
    .execute();
  return ok((await getStaff(trx, staffId)) as StaffUser);
}

export function grantRole(
  d: IdentityDeps,
  input: { staffId: string; role: Role; approvalId: string },
  trx: Executor,
): Promise<Result<StaffUser, IdentityError>> {
  return changeRoles(trx, input.staffId, async (db) => {
    const inserted = await db
      .insertInto('identity_staff_roles')
      .values({
        staff_id: input.staffId,
        role: input.role,
        granted_at: d.clock.now(),
        approval_id: input.approvalId,
      })
      .onConflict((oc) => oc.columns(['staff_id', 'role']).doNothing())
      .executeTakeFirst();
    return (inserted.numInsertedOrUpdatedRows ?? 0n) === 0n ? 'role_already_granted' : undefined;
  });
}

export function revokeRole(
  input: { staffId: string; role: Role },
  trx: Executor,
): Promise<Result<StaffUser, IdentityError>> {
  return changeRoles(trx, input.staffId, async (db) => {
    const deleted = await db
      .deleteFrom('identity_staff_roles')
      .where('staff_id', '=', input.staffId)
      .where('role', '=', input.role)
      .executeTakeFirst();
    return deleted.numDeletedRows === 0n ? 'role_not_granted' : undefined;
  });
}

export async function loginStaff(
  d: IdentityDeps,
  input: { username: string; password: string },
  ctx: RequestContext,
): Promise<Result<{ token: string; session: Session; staff: StaffUser }, IdentityError>> {
  const db = d.db.withTables<IdentityTables>();
  const row = await db
    .selectFrom('identity_staff')
    .selectAll()
    .where('username', '=', input.username)
    .executeTakeFirst();
  const target = { targetType: 'staff_username', targetId: input.username.slice(0, 64) };
  const checked = await checkPassword(d, {
    realm: 'staff',
    table: 'identity_staff',
    row,
    password: input.password,
    target,
    ctx,
  });
  if (!checked.ok || !row) return checked.ok ? fail('invalid_credentials') : checked;
  const actor = { actorType: 'staff' as const, actorId: row.id, ...target, ...auditCtx(ctx) };
  if (row.status === 'disabled') {
    await d.audit.record({
      ...actor,
      action: 'staff.login',
      outcome: 'denied',
      detail: { reason: 'disabled' },
    });
    return fail('account_disabled');
  }
  return d.db.transaction().execute(async (trx) => {
    await clearFailedLogins('identity_staff', row, trx);
    const opened = await openSession(d, 'staff', row.id, ctx, trx);
    await d.audit.record(
      { ...actor, action: 'staff.login', outcome: 'success', detail: { session: opened.session.id } },
      trx,
    );
    const staff = (await getStaff(trx, row.id)) as StaffUser;
    return ok({ ...opened, staff });
  });
}
