import { type Executor, MAINLAND_MOBILE, type PiiCipher } from '@onefin/kernel';
import { sql } from 'kysely';
import type { CustomerStatus, CustomerType, KycStatus, Page, RiskLevel } from './model.ts';
import { idNumberHash } from './records.ts';
import { escapeLike } from './screening.ts';

/** A search result row: enough to pick the right customer, PII masked. */
export interface CustomerSummary {
  id: string;
  customerNo: string;
  type: CustomerType;
  name: string;
  status: CustomerStatus;
  kycStatus: KycStatus;
  riskLevel: RiskLevel | null;
  mobileMasked: string | null;
  idNumberMasked: string | null;
  uscc: string | null;
  createdAt: Date;
}

export interface CustomerQuery {
  /** One box for everything: see `searchKey`. */
  q?: string | undefined;
  type?: CustomerType | undefined;
  status?: CustomerStatus | undefined;
  kycStatus?: KycStatus | undefined;
  /** Only these customers (a list another module ranked, e.g. a campaign's targets). */
  ids?: readonly string[] | undefined;
  limit: number;
  /** Cursor: the last id of the previous page. */
  after?: string | undefined;
}

export type SearchKey =
  | { by: 'id'; value: string }
  | { by: 'customer_no'; value: string }
  | { by: 'mobile'; value: string }
  | { by: 'mobile_masked'; value: string }
  | { by: 'mobile_last4'; value: string }
  | { by: 'id_number'; value: string }
  | { by: 'uscc'; value: string }
  | { by: 'name'; value: string };

/**
 * What a search box entry means: a customer id, a 10-digit customer number, a full mobile (found by
 * its keyed hash), a masked one as printed (`138****8000`), a mobile's last four digits, an 18-character
 * ID number (keyed hash) or USCC, otherwise part of a name.
 */
export function searchKey(text: string): SearchKey {
  const v = text.trim();
  if (/^cus_[0-9a-f-]{36}$/.test(v)) return { by: 'id', value: v };
  if (/^\d{10}$/.test(v)) return { by: 'customer_no', value: v };
  if (MAINLAND_MOBILE.test(v)) return { by: 'mobile', value: v };
  if (/^1[3-9]\d\*{4}\d{4}$/.test(v)) return { by: 'mobile_masked', value: v };
  if (/^\d{4}$/.test(v)) return { by: 'mobile_last4', value: v };
  if (/^\d{17}[\dXx]$/.test(v)) return { by: 'id_number', value: v.toUpperCase() };
  if (/^[0-9A-HJ-NP-RTUW-Y]{18}$/i.test(v)) return { by: 'uscc', value: v.toUpperCase() };
  return { by: 'name', value: v };
}

function condition(pii: PiiCipher, key: SearchKey) {
  switch (key.by) {
    case 'id':
      return sql`c.id = ${key.value}`;
    case 'customer_no':
      return sql`c.customer_no = ${key.value}`;
    case 'mobile':
      return sql`i.mobile_hash = ${pii.lookupHash(key.value)}`;
    case 'mobile_masked':
      return sql`i.mobile_masked = ${key.value}`;
    case 'mobile_last4':
      return sql`i.mobile_masked LIKE ${`%${key.value}`}`;
    case 'id_number':
      return sql`i.id_number_hash = ${idNumberHash(pii, key.value)}`;
    case 'uscc':
      return sql`k.uscc = ${key.value}`;
    case 'name':
      return sql`c.name ILIKE ${`%${escapeLike(key.value)}%`}`;
  }
}

/** Staff search, newest customers first, cursor-paged; runs on the read replica. */
export async function searchCustomers(
  reads: Executor,
  pii: PiiCipher,
  query: CustomerQuery,
): Promise<Page<CustomerSummary>> {
  const filters = [
    query.q?.trim() ? condition(pii, searchKey(query.q)) : undefined,
    query.type ? sql`c.customer_type = ${query.type}` : undefined,
    query.status ? sql`c.status = ${query.status}` : undefined,
    query.kycStatus ? sql`c.kyc_status = ${query.kycStatus}` : undefined,
    query.after ? sql`c.id < ${query.after}` : undefined,
    query.ids ? sql`c.id = ANY(${[...query.ids]}::text[])` : undefined,
  ].filter((f) => f !== undefined);
  const where = filters.length > 0 ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``;
  const result = await sql<{
    id: string;
    customer_no: string;
    customer_type: CustomerType;
    name: string;
    status: CustomerStatus;
    kyc_status: KycStatus;
    risk_level: RiskLevel | null;
    mobile_masked: string | null;
    id_number_masked: string | null;
    uscc: string | null;
    created_at: Date;
  }>`
    SELECT c.id, c.customer_no, c.customer_type, c.name, c.status, c.kyc_status, a.risk_level,
      i.mobile_masked, i.id_number_masked, k.uscc, c.created_at
    FROM customers_customers c
    LEFT JOIN customers_individuals i ON i.customer_id = c.id
    LEFT JOIN customers_corporates k ON k.customer_id = c.id
    LEFT JOIN LATERAL (
      SELECT risk_level FROM customers_risk_assessments
      WHERE customer_id = c.id ORDER BY assessed_at DESC, id DESC LIMIT 1
    ) a ON true
    ${where}
    ORDER BY c.id DESC
    LIMIT ${query.limit + 1}`.execute(reads);
  const items = result.rows.slice(0, query.limit).map(
    (r): CustomerSummary => ({
      id: r.id,
      customerNo: r.customer_no,
      type: r.customer_type,
      name: r.name,
      status: r.status,
      kycStatus: r.kyc_status,
      riskLevel: r.risk_level,
      mobileMasked: r.mobile_masked,
      idNumberMasked: r.id_number_masked,
      uscc: r.uscc,
      createdAt: new Date(r.created_at),
    }),
  );
  const last = items[items.length - 1];
  return result.rows.length > query.limit && last ? { items, next: last.id } : { items };
}
