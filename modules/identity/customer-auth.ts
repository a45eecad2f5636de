import { fail, maskMobile, newId, ok, type Result } from '@onefin/kernel';
import type { IdentityContext } from './caches.ts';
import type { IdentityDeps, RequestContext } from './deps.ts';
import type { CustomerAccount } from './model.ts';

export type { CustomerAccount } from './model.ts';

import type { IdentityError } from './errors.ts';
import { auditCtx, checkPassword, clearFailedLogins } from './lockout.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { CustomerLoginRow, IdentityTables } from './schema.ts';
import { openSession, revokeOtherSessions, type Session } from './sessions.ts';

function toAccount(d: IdentityDeps, row: CustomerLoginRow): CustomerAccount {
  return {
    id: row.id,
    displayName: row.display_name,
    mobileMasked: maskMobile(d.pii.decrypt(row.mobile_enc)),
    createdAt: row.created_at,
  };
}

export async function registerCustomer(
  d: IdentityDeps,
  input: { mobile: string; password: string; displayName: string },
  ctx: RequestContext,
): Promise<Result<CustomerAccount, IdentityError>> {
  const mobileHash = d.pii.lookupHash(input.mobile);
  const passwordHash = await hashPassword(input.password);
  const now = d.clock.now();
  const row: CustomerLoginRow = {
    id: newId('cus'),
    mobile_hash: mobileHash,
    mobile_enc: d.pii.encrypt(input.mobile),
    display_name: input.displayName,
    password_hash: passwordHash,
    failed_logins: 0,
    locked_until: null,
    created_at: now,
    password_changed_at: now,
  };
  const inserted = await d.db.transaction().execute(async (trx) => {
    const result = await trx
      .withTables<IdentityTables>()
      .insertInto('identity_customer_logins')
      .values(row)
      .onConflict((oc) => oc.column('mobile_hash').doNothing())
      .executeTakeFirst();
    if ((result.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
    await d.onCustomerRegistered?.({ id: row.id, displayName: row.display_name, mobile: input.mobile }, trx);
    await d.audit.record(
      {
        actorType: 'customer',
        actorId: row.id,
        action: 'customer.register',
        outcome: 'success',
        ...auditCtx(ctx),
      },
      trx,
    );
    return true;
  });
  return inserted ? ok(toAccount(d, row)) : fail('mobile_taken');
}

/**
 * Checks the password and opens a session. Unknown numbers cost the same time as known ones. A locked
 * account is refused even with the right password; the failure that reaches the limit locks it.
 */
export async function loginCustomer(
  d: IdentityDeps,
  input: { mobile: string; password: string },
  ctx: RequestContext,
): Promise<Result<{ token: string; session: Session; account: CustomerAccount }, IdentityError>> {
  const db = d.db.withTables<IdentityTables>();
  const row = await db
    .selectFrom('identity_customer_logins')
    .selectAll()
    .where('mobile_hash', '=', d.pii.lookupHash(input.mobile))
    .executeTakeFirst();
  const target = { targetType: 'mobile', targetId: maskMobile(input.mobile) };
  const checked = await checkPassword(d, {
    realm: 'customer',
    table: 'identity_customer_logins',
    row,
    password: input.password,
    target,
    ctx,
  });
  if (!checked.ok || !row) return checked.ok ? fail('invalid_credentials') : checked;
  const actor = { actorType: 'customer' as const, actorId: row.id, ...target, ...auditCtx(ctx) };
  return d.db.transaction().execute(async (trx) => {
    await clearFailedLogins('identity_customer_logins', row, trx);
    const opened = await openSession(d, 'customer', row.id, ctx, trx);
    await d.audit.record(
      { ...actor, action: 'customer.login', outcome: 'success', detail: { session: opened.session.id } },
      trx,
    );
    return ok({ ...opened, account: toAccount(d, row) });
  });
}

export async function getCustomerAccount(
  d: IdentityContext,
  customerId: string,
): Promise<CustomerAccount | undefined> {
  const cached = d.caches.account(customerId);
  if (cached) return cached;
  const row = await d.db
    .withTables<IdentityTables>()
    .selectFrom('identity_customer_logins')
    .selectAll()
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!row) return undefined;
  const account = toAccount(d, row);
  d.caches.rememberAccount(account);
  return account;
}

/** Changes the password after checking the current one; every other session of the customer ends. */
export async function changeCustomerPassword(
  d: IdentityContext,
  customerId: string,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  ctx: RequestContext,
): Promise<Result<void, IdentityError>> {
  const db = d.db.withTables<IdentityTables>();
  const row = await db
    .selectFrom('identity_customer_logins')
    .select(['password_hash'])
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  const actor = { actorType: 'customer' as const, actorId: customerId, ...auditCtx(ctx) };
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    await d.audit.record({ ...actor, action: 'customer.change_password', outcome: 'failure' });
    return fail('wrong_current_password');
  }
  if (input.currentPassword === input.newPassword) return fail('same_password');
  const newHash = await hashPassword(input.newPassword);
  await d.db.transaction().execute(async (trx) => {
    await trx
      .withTables<IdentityTables>()
      .updateTable('identity_customer_logins')
      .set({ password_hash: newHash, password_changed_at: d.clock.now() })
      .where('id', '=', customerId)
      .execute();
    await revokeOtherSessions(d, customerId, sessionId, trx);
    await d.audit.record({ ...actor, action: 'customer.change_password', outcome: 'success' }, trx);
  });
  d.caches.forgetSessions(customerId);
  return ok(undefined);
}
