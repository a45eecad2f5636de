import { fail, newId, ok, type Result } from '@onefin/kernel';
import { changedFields, recordChanges } from './changes.ts';
import type { CustomersError } from './errors.ts';
import { isValidUscc } from './id-numbers.ts';
import { refreshKyc } from './kyc.ts';
import type { Actor, Customer, Deps } from './model.ts';
import { isUniqueViolation, loadCustomer, loadRows } from './records.ts';
import type { EnterpriseSize, Industry, ProvinceCode } from './reference.ts';
import { nameKey } from './rules.ts';
import { customersDb } from './schema.ts';
import { screenCustomer } from './screening.ts';

export interface CorporateInput {
  name: string;
  uscc: string;
  industry: Industry;
  size: EnterpriseSize;
  legalRepresentative: string;
  provinceCode?: ProvinceCode | null | undefined;
  city?: string | null | undefined;
  address?: string | null | undefined;
}

export type CorporatePatch = Partial<CorporateInput>;

const USCC_INDEX = 'customers_corporates_uscc_key';

function detailFields(input: CorporatePatch) {
  return {
    ...(input.uscc !== undefined ? { uscc: input.uscc } : {}),
    ...(input.industry !== undefined ? { industry: input.industry } : {}),
    ...(input.size !== undefined ? { size: input.size } : {}),
    ...(input.legalRepresentative !== undefined ? { legal_representative: input.legalRepresentative } : {}),
    ...(input.provinceCode !== undefined ? { province_code: input.provinceCode } : {}),
    ...(input.city !== undefined ? { city: input.city } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
  };
}

/** Opens a corporate customer (staff only: corporate sales or a branch); screened at once. */
export async function createCorporate(
  d: Deps,
  input: CorporateInput,
  actor: Actor,
): Promise<Result<Customer, CustomersError>> {
  if (!isValidUscc(input.uscc)) return fail('invalid_uscc');
  try {
    return await d.db.transaction().execute(async (trx) => {
      const q = customersDb(trx);
      const taken = await q
        .selectFrom('customers_corporates')
        .select('customer_id')
        .where('uscc', '=', input.uscc)
        .executeTakeFirst();
      if (taken) return fail('uscc_taken');
      const id = newId('cus');
      const now = d.clock.now();
      await q
        .insertInto('customers_customers')
        .values({
          id,
          customer_type: 'corporate',
          name: input.name,
          name_key: nameKey(input.name),
          status: 'prospect',
          kyc_status: 'pending',
          real_name_status: 'unverified',
          screening_status: 'not_screened',
          screened_at: null,
          opened_channel: actor.channel ?? 'corporate',
          opened_by: actor.type === 'staff' ? actor.id : null,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      await q
        .insertInto('customers_corporates')
        .values({
          customer_id: id,
          uscc: input.uscc,
          industry: input.industry,
          size: input.size,
          legal_representative: input.legalRepresentative,
          province_code: input.provinceCode ?? null,
          city: input.city ?? null,
          address: input.address ?? null,
        })
        .execute();
      await screenCustomer(d, trx, id, 'onboarding', actor);
      return ok((await loadCustomer(trx, id)) as Customer);
    });
  } catch (error) {
    if (isUniqueViolation(error, USCC_INDEX)) return fail('uscc_taken');
    throw error;
  }
}

/** Edits a corporate; a new name or USCC is verified again, and a new name screened again. */
export async function updateCorporate(
  d: Deps,
  customerId: string,
  patch: CorporatePatch,
  actor: Actor,
  expectedVersion?: number,
): Promise<Result<Customer, CustomersError>> {
  if (patch.uscc !== undefined && !isValidUscc(patch.uscc)) return fail('invalid_uscc');
  try {
    return await d.db.transaction().execute(async (trx) => {
      const rows = await loadRows(trx, customerId, { forUpdate: true });
      if (!rows) return fail('customer_not_found');
      const { customer, corporate } = rows;
      if (!corporate) return fail('not_a_corporate');
      if (customer.status === 'closed') return fail('customer_closed');
      if (expectedVersion !== undefined && expectedVersion !== customer.version)
        return fail('version_conflict');
      const q = customersDb(trx);
      const usccChanges = patch.uscc !== undefined && patch.uscc !== corporate.uscc;
      const nameChanges = patch.name !== undefined && patch.name !== customer.name;
      if (usccChanges) {
        const taken = await q
          .selectFrom('customers_corporates')
          .select('customer_id')
          .where('uscc', '=', patch.uscc ?? '')
          .executeTakeFirst();
        if (taken) return fail('uscc_taken');
      }
      const before = {
        name: customer.name,
        uscc: corporate.uscc,
        industry: corporate.industry,
        size: corporate.size,
        legalRepresentative: corporate.legal_representative,
        provinceCode: corporate.province_code,
        city: corporate.city,
        address: corporate.address,
      };
      const changes = changedFields(before, { ...patch });
      if (changes.length === 0) return ok((await loadCustomer(trx, customerId)) as Customer);
      const now = d.clock.now();
      const details = detailFields(patch);
      if (Object.keys(details).length > 0) {
        await q
          .updateTable('customers_corporates')
          .set(details)
          .where('customer_id', '=', customerId)
          .execute();
      }
      await q
        .updateTable('customers_customers')
        .set({
          ...(nameChanges && patch.name ? { name: patch.name, name_key: nameKey(patch.name) } : {}),
          ...(usccChanges || nameChanges ? { real_name_status: 'unverified' as const } : {}),
          updated_at: now,
          version: customer.version + 1,
        })
        .where('id', '=', customerId)
        .execute();
      await recordChanges(trx, customerId, changes, actor, now);
      const fresh = await loadRows(trx, customerId, { forUpdate: true });
      if (fresh) await refreshKyc(trx, fresh, {}, actor, now);
      if (nameChanges) await screenCustomer(d, trx, customerId, 'profile_change', actor);
      return ok((await loadCustomer(trx, customerId)) as Customer);
    });
  } catch (error) {
    if (isUniqueViolation(error, USCC_INDEX)) return fail('uscc_taken');
    throw error;
  }
}
