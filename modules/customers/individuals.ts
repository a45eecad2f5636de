import { businessDateOf, type Executor, fail, maskMobile, newId, ok, type Result } from '@onefin/kernel';
import { changedFields, recordChanges } from './changes.ts';
import type { CustomersError } from './errors.ts';
import { parseResidentId } from './id-numbers.ts';
import { refreshKyc } from './kyc.ts';
import type { Actor, Customer, Deps } from './model.ts';
import {
  idNumberHash,
  isUniqueViolation,
  loadCustomer,
  loadRows,
  sealIdNumber,
  sealMobile,
} from './records.ts';
import type { IncomeBand, Occupation, ProvinceCode } from './reference.ts';
import { nameKey } from './rules.ts';
import { customersDb, type IndividualRow } from './schema.ts';
import { screenCustomer } from './screening.ts';

/** An individual as staff open one (walk-in at a branch, phone, agent): identity given up front. */
export interface IndividualInput {
  name: string;
  idNumber: string;
  mobile: string;
  email?: string | null | undefined;
  provinceCode?: ProvinceCode | null | undefined;
  city?: string | null | undefined;
  address?: string | null | undefined;
  occupation?: Occupation | null | undefined;
  incomeBand?: IncomeBand | null | undefined;
}

/** An edit: only the fields given change. */
export type IndividualPatch = Partial<IndividualInput>;

const ID_NUMBER_INDEX = 'customers_individuals_id_number_hash';

/** The fields as the change history shows them: PII masked. */
function shownFields(name: string, i: IndividualRow) {
  return {
    name,
    idNumber: i.id_number_masked,
    mobile: i.mobile_masked,
    email: i.email,
    provinceCode: i.province_code,
    city: i.city,
    address: i.address,
    occupation: i.occupation,
    incomeBand: i.income_band,
  };
}

function optionalFields(input: IndividualPatch) {
  return {
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.provinceCode !== undefined ? { province_code: input.provinceCode } : {}),
    ...(input.city !== undefined ? { city: input.city } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.occupation !== undefined ? { occupation: input.occupation } : {}),
    ...(input.incomeBand !== undefined ? { income_band: input.incomeBand } : {}),
  };
}

/** The portal registration's record: a prospect with a name and a mobile, identity to follow. */
export async function openProspect(
  d: Deps,
  input: { id: string; name: string; mobile: string },
  trx: Executor,
): Promise<void> {
  const now = d.clock.now();
  const q = customersDb(trx);
  await q
    .insertInto('customers_customers')
    .values({
      id: input.id,
      customer_type: 'individual',
      name: input.name,
      name_key: nameKey(input.name),
      status: 'prospect',
      kyc_status: 'not_started',
      real_name_status: 'unverified',
      screening_status: 'not_screened',
      screened_at: null,
      opened_channel: 'web',
      opened_by: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  await q
    .insertInto('customers_individuals')
    .values({ customer_id: input.id, ...sealMobile(d.pii, input.mobile) })
    .execute();
  await screenCustomer(d, trx, input.id, 'onboarding', { type: 'customer', id: input.id, channel: 'web' });
}

export async function createIndividual(
  d: Deps,
  input: IndividualInput,
  actor: Actor,
): Promise<Result<Customer, CustomersError>> {
  const facts = parseResidentId(input.idNumber, businessDateOf(d.clock.now()));
  if (!facts) return fail('invalid_id_number');
  try {
    return await d.db.transaction().execute(async (trx) => {
      const q = customersDb(trx);
      const taken = await q
        .selectFrom('customers_individuals')
        .select('customer_id')
        .where('id_number_hash', '=', idNumberHash(d.pii, input.idNumber))
        .executeTakeFirst();
      if (taken) return fail('id_number_taken');
      const id = newId('cus');
      const now = d.clock.now();
      await q
        .insertInto('customers_customers')
        .values({
          id,
          customer_type: 'individual',
          name: input.name,
          name_key: nameKey(input.name),
          status: 'prospect',
          kyc_status: 'pending',
          real_name_status: 'unverified',
          screening_status: 'not_screened',
          screened_at: null,
          opened_channel: actor.channel ?? 'branch',
          opened_by: actor.type === 'staff' ? actor.id : null,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      await q
        .insertInto('customers_individuals')
        .values({
          customer_id: id,
          ...sealIdNumber(d.pii, input.idNumber),
          gender: facts.gender,
          birth_date: facts.birthDate,
          ...sealMobile(d.pii, input.mobile),
          ...optionalFields(input),
        })
        .execute();
      await screenCustomer(d, trx, id, 'onboarding', actor);
      return ok((await loadCustomer(trx, id)) as Customer);
    });
  } catch (error) {
    if (isUniqueViolation(error, ID_NUMBER_INDEX)) return fail('id_number_taken');
    throw error;
  }
}

/**
 * Edits an individual. A customer may not change name or ID number once the registry verified them
 * (a branch corrects them, with documents); when staff do, verification starts over. A new name or
 * birth date is screened again.
 */
export async function updateIndividual(
  d: Deps,
  customerId: string,
  patch: IndividualPatch,
  actor: Actor,
  expectedVersion?: number,
): Promise<Result<Customer, CustomersError>> {
  const now = d.clock.now();
  const facts =
    patch.idNumber === undefined ? undefined : parseResidentId(patch.idNumber, businessDateOf(now));
  if (patch.idNumber !== undefined && !facts) return fail('invalid_id_number');
  try {
    return await d.db.transaction().execute(async (trx) => {
      const rows = await loadRows(trx, customerId, { forUpdate: true });
      if (!rows) return fail('customer_not_found');
      const { customer, individual } = rows;
      if (!individual) return fail('not_an_individual');
      if (customer.status === 'closed') return fail('customer_closed');
      if (expectedVersion !== undefined && expectedVersion !== customer.version)
        return fail('version_conflict');
      const q = customersDb(trx);
      const newHash = patch.idNumber === undefined ? undefined : idNumberHash(d.pii, patch.idNumber);
      const idChanges = newHash !== undefined && newHash !== individual.id_number_hash;
      const nameChanges = patch.name !== undefined && patch.name !== customer.name;
      if ((idChanges || nameChanges) && customer.real_name_status === 'verified' && actor.type === 'customer')
        return fail('identity_locked');
      if (idChanges) {
        const taken = await q
          .selectFrom('customers_individuals')
          .select('customer_id')
          .where('id_number_hash', '=', newHash)
          .executeTakeFirst();
        if (taken) return fail('id_number_taken');
      }
      const before = shownFields(customer.name, individual);
      const after = {
        name: patch.name,
        idNumber:
          idChanges && patch.idNumber ? sealIdNumber(d.pii, patch.idNumber).id_number_masked : undefined,
        mobile: patch.mobile === undefined ? undefined : maskMobile(patch.mobile),
        email: patch.email,
        provinceCode: patch.provinceCode,
        city: patch.city,
        address: patch.address,
        occupation: patch.occupation,
        incomeBand: patch.incomeBand,
      };
      const changes = changedFields(before, after);
      // a new mobile with the same mask is still a change
      const mobileChanges =
        patch.mobile !== undefined && d.pii.lookupHash(patch.mobile) !== individual.mobile_hash;
      if (mobileChanges && !changes.some((c) => c.field === 'mobile'))
        changes.push({ field: 'mobile', oldValue: before.mobile, newValue: after.mobile ?? null });
      if (changes.length === 0) return ok((await loadCustomer(trx, customerId)) as Customer);
      await q
        .updateTable('customers_individuals')
        .set({
          ...optionalFields(patch),
          ...(idChanges && patch.idNumber && facts
            ? { ...sealIdNumber(d.pii, patch.idNumber), gender: facts.gender, birth_date: facts.birthDate }
            : {}),
          ...(mobileChanges && patch.mobile ? sealMobile(d.pii, patch.mobile) : {}),
        })
        .where('customer_id', '=', customerId)
        .execute();
      const identityChanged = idChanges || nameChanges;
      await q
        .updateTable('customers_customers')
        .set({
          ...(nameChanges && patch.name ? { name: patch.name, name_key: nameKey(patch.name) } : {}),
          ...(identityChanged ? { real_name_status: 'unverified' as const } : {}),
          updated_at: now,
          version: customer.version + 1,
        })
        .where('id', '=', customerId)
        .execute();
      await recordChanges(trx, customerId, changes, actor, now);
      const fresh = await loadRows(trx, customerId, { forUpdate: true });
      if (fresh) await refreshKyc(trx, fresh, {}, actor, now);
      const rescreen = nameChanges || (facts !== undefined && facts.birthDate !== individual.birth_date);
      if (rescreen) await screenCustomer(d, trx, customerId, 'profile_change', actor);
      return ok((await loadCustomer(trx, customerId)) as Customer);
    });
  } catch (error) {
    if (isUniqueViolation(error, ID_NUMBER_INDEX)) return fail('id_number_taken');
    throw error;
  }
}
