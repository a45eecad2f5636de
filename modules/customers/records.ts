import { type Executor, maskIdNumber, maskMobile, type PiiCipher } from '@onefin/kernel';
import type { Channel, Customer } from './model.ts';
import type { EnterpriseSize, IncomeBand, Industry, Occupation, ProvinceCode } from './reference.ts';
import { type CorporateRow, type CustomerRow, customersDb, type IndividualRow } from './schema.ts';

/** The three stored forms of an ID number: sealed, keyed hash for look-ups, masked for display. */
export function sealIdNumber(pii: PiiCipher, idNumber: string) {
  // `x` and `X` are the same check character: one spelling, so both find the same person
  const id = idNumber.toUpperCase();
  return {
    id_number_enc: pii.encrypt(id),
    id_number_hash: idNumberHash(pii, id),
    id_number_masked: maskIdNumber(id),
  };
}

export const idNumberHash = (pii: PiiCipher, idNumber: string) => pii.lookupHash(idNumber.toUpperCase());

export function sealMobile(pii: PiiCipher, mobile: string) {
  return {
    mobile_enc: pii.encrypt(mobile),
    mobile_hash: pii.lookupHash(mobile),
    mobile_masked: maskMobile(mobile),
  };
}

export function toCustomer(
  c: CustomerRow,
  i: IndividualRow | undefined,
  k: CorporateRow | undefined,
): Customer {
  return {
    id: c.id,
    customerNo: c.customer_no,
    type: c.customer_type,
    name: c.name,
    status: c.status,
    kycStatus: c.kyc_status,
    realNameStatus: c.real_name_status,
    screeningStatus: c.screening_status,
    screenedAt: c.screened_at,
    openedChannel: c.opened_channel as Channel,
    openedBy: c.opened_by,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    version: c.version,
    individual: i
      ? {
          idNumberMasked: i.id_number_masked,
          gender: i.gender,
          birthDate: i.birth_date,
          mobileMasked: i.mobile_masked,
          email: i.email,
          provinceCode: i.province_code as ProvinceCode | null,
          city: i.city,
          address: i.address,
          occupation: i.occupation as Occupation | null,
          incomeBand: i.income_band as IncomeBand | null,
        }
      : null,
    corporate: k
      ? {
          uscc: k.uscc,
          industry: k.industry as Industry,
          size: k.size as EnterpriseSize,
          legalRepresentative: k.legal_representative,
          provinceCode: k.province_code as ProvinceCode | null,
          city: k.city,
          address: k.address,
        }
      : null,
  };
}

/** A customer's rows; `forUpdate` locks the customer row (edits compare its version under the lock). */
export async function loadRows(
  db: Executor,
  customerId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ customer: CustomerRow; individual?: IndividualRow; corporate?: CorporateRow } | undefined> {
  const q = customersDb(db);
  let select = q.selectFrom('customers_customers').selectAll().where('id', '=', customerId);
  if (opts.forUpdate) select = select.forUpdate();
  const customer = await select.executeTakeFirst();
  if (!customer) return undefined;
  if (customer.customer_type === 'individual') {
    const individual = await q
      .selectFrom('customers_individuals')
      .selectAll()
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    return { customer, individual };
  }
  const corporate = await q
    .selectFrom('customers_corporates')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return { customer, corporate };
}

export async function loadCustomer(db: Executor, customerId: string): Promise<Customer | undefined> {
  const rows = await loadRows(db, customerId);
  return rows ? toCustomer(rows.customer, rows.individual, rows.corporate) : undefined;
}

/** True when the unique index named was what a failed insert or update ran into. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}
