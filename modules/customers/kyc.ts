import type { Executor } from '@onefin/kernel';
import { recordChanges } from './changes.ts';
import type { Actor, RealNameStatus, ScreeningStatus } from './model.ts';
import { deriveKycStatus, statusAfterKyc } from './rules.ts';
import { type CustomerRow, customersDb, type IndividualRow } from './schema.ts';

/**
 * Applies a change to the parts KYC is made of (real-name result, screening result, identity data)
 * and moves the KYC status, and the lifecycle status with it, accordingly, recording both in the
 * change history. The customer row must be locked by the caller.
 */
export async function refreshKyc(
  trx: Executor,
  rows: { customer: CustomerRow; individual?: IndividualRow | undefined },
  update: {
    realName?: RealNameStatus;
    screening?: ScreeningStatus;
    screenedAt?: Date;
    hasIdentity?: boolean;
  },
  actor: Actor,
  now: Date,
): Promise<CustomerRow> {
  const c = rows.customer;
  const realName = update.realName ?? c.real_name_status;
  const screening = update.screening ?? c.screening_status;
  const hasIdentity =
    update.hasIdentity ??
    (c.customer_type === 'corporate' || (rows.individual?.id_number_hash ?? null) !== null);
  const kyc = deriveKycStatus({ hasIdentity, realName, screening });
  const status = statusAfterKyc(c.status, kyc);
  const next: CustomerRow = {
    ...c,
    real_name_status: realName,
    screening_status: screening,
    screened_at: update.screenedAt ?? c.screened_at,
    kyc_status: kyc,
    status,
  };
  const unchanged =
    next.real_name_status === c.real_name_status &&
    next.screening_status === c.screening_status &&
    next.screened_at === c.screened_at &&
    next.kyc_status === c.kyc_status &&
    next.status === c.status;
  if (unchanged) return c;
  const saved = await customersDb(trx)
    .updateTable('customers_customers')
    .set({
      real_name_status: next.real_name_status,
      screening_status: next.screening_status,
      screened_at: next.screened_at,
      kyc_status: next.kyc_status,
      status: next.status,
      updated_at: now,
      version: c.version + 1,
    })
    .where('id', '=', c.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // the system moved these as a consequence of what the actor did
  const system: Actor = { type: 'system', ...(actor.channel ? { channel: actor.channel } : {}) };
  const changes = [
    { field: 'kycStatus', oldValue: c.kyc_status, newValue: kyc },
    { field: 'status', oldValue: c.status, newValue: status },
  ].filter((x) => x.oldValue !== x.newValue);
  await recordChanges(trx, c.id, changes, system, now);
  return saved;
}
