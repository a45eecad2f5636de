import { type Executor, fail, ok } from '@onefin/kernel';
import { z } from 'zod';
import type { ApprovalHandler } from './approvals.ts';
import type { IdentityContext } from './caches.ts';
import { hashPassword } from './passwords.ts';
import { ROLES } from './roles.ts';
import type { IdentityTables } from './schema.ts';
import { createStaff, grantRole, revokeRole } from './staff.ts';

/** Staff usernames: lower-case letters, digits, dot, dash, underscore. */
export const USERNAME = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '3–32 lower-case letters, digits, . _ -');
/** Passwords: 8–64 characters with at least one letter and one digit. */
export const PASSWORD = z
  .string()
  .min(8)
  .max(64)
  .regex(/[A-Za-z]/, 'needs a letter')
  .regex(/\d/, 'needs a digit');

const createStaffPayload = z.strictObject({
  username: USERNAME,
  displayName: z.string().trim().min(1).max(60),
  // the maker sends a password; only its argon2id hash is ever stored in the proposal
  password: PASSWORD.optional(),
  passwordHash: z.string().startsWith('$argon2id$').optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
});
type CreateStaffPayload = z.infer<typeof createStaffPayload>;

const rolePayload = z.strictObject({ staffId: z.string().min(1).max(64), role: z.enum(ROLES) });
type RolePayload = z.infer<typeof rolePayload>;

async function staffState(db: Executor, staffId: string) {
  const t = db.withTables<IdentityTables>();
  const staff = await t
    .selectFrom('identity_staff')
    .select(['id', 'username'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  const roles = staff
    ? (
        await t.selectFrom('identity_staff_roles').select('role').where('staff_id', '=', staffId).execute()
      ).map((r) => r.role)
    : [];
  return { staff, roles };
}

export function staffApprovalHandlers(
  d: IdentityContext,
): [ApprovalHandler<CreateStaffPayload>, ApprovalHandler<RolePayload>, ApprovalHandler<RolePayload>] {
  return [
    {
      action: 'identity.create_staff',
      proposePermission: 'staff.propose',
      approvePermission: 'staff.approve',
      schema: createStaffPayload,
      async prepare(p, db) {
        const taken = await db
          .withTables<IdentityTables>()
          .selectFrom('identity_staff')
          .select('id')
          .where('username', '=', p.username)
          .executeTakeFirst();
        if (taken) return fail('username_taken');
        if (!p.password) return fail('invalid_payload', 'password is required');
        const { password, ...rest } = p;
        return ok({ ...rest, passwordHash: await hashPassword(password) });
      },
      describe: (p) => ({
        summary: `Create staff user ${p.username} with roles ${p.roles.join(', ') || '(none)'}`,
        targetType: 'staff_username',
        targetId: p.username,
      }),
      display: (p) => ({ username: p.username, displayName: p.displayName, roles: p.roles }),
      async execute(p, ctx) {
        if (!p.passwordHash) return fail('invalid_payload');
        const created = await createStaff(
          d,
          {
            username: p.username,
            displayName: p.displayName,
            passwordHash: p.passwordHash,
            roles: p.roles,
            approvalId: ctx.approvalId,
          },
          ctx.trx,
        );
        return created.ok ? ok({ staffId: created.value.id }) : created;
      },
    },
    {
      action: 'identity.grant_role',
      proposePermission: 'staff.propose',
      approvePermission: 'staff.approve',
      schema: rolePayload,
      async prepare(p, db) {
        const { staff, roles } = await staffState(db, p.staffId);
        if (!staff) return fail('staff_not_found');
        if (roles.includes(p.role)) return fail('role_already_granted');
        return ok(p);
      },
      describe: (p) => ({
        summary: `Grant role ${p.role} to ${p.staffId}`,
        targetType: 'staff',
        targetId: p.staffId,
      }),
      display: (p) => ({ staffId: p.staffId, role: p.role }),
      async execute(p, ctx) {
        const granted = await grantRole(d, { ...p, approvalId: ctx.approvalId }, ctx.trx);
        d.caches.forgetStaff(p.staffId);
        return granted.ok ? ok({ staffId: p.staffId, roles: granted.value.roles }) : granted;
      },
    },
    {
      action: 'identity.revoke_role',
      proposePermission: 'staff.propose',
      approvePermission: 'staff.approve',
      schema: rolePayload,
      async prepare(p, db) {
        const { staff, roles } = await staffState(db, p.staffId);
        if (!staff) return fail('staff_not_found');
        if (!roles.includes(p.role)) return fail('role_not_granted');
        return ok(p);
      },
      describe: (p) => ({
        summary: `Revoke role ${p.role} from ${p.staffId}`,
        targetType: 'staff',
        targetId: p.staffId,
      }),
      display: (p) => ({ staffId: p.staffId, role: p.role }),
      async execute(p, ctx) {
        const revoked = await revokeRole(p, ctx.trx);
        d.caches.forgetStaff(p.staffId);
        return revoked.ok ? ok({ staffId: p.staffId, roles: revoked.value.roles }) : revoked;
      },
    },
  ];
}
