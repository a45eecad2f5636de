import { type Executor, newId } from '@onefin/kernel';
import { sql } from 'kysely';
import type { CorporateInput } from './corporates.ts';
import { parseResidentId } from './id-numbers.ts';
import type { IndividualInput } from './individuals.ts';
import type { Channel, CustomerStatus, CustomerType, Deps } from './model.ts';
import { sealIdNumber, sealMobile } from './records.ts';
import { deriveKycStatus, nameKey, statusAfterKyc } from './rules.ts';
import { customersDb, type WatchlistRow } from './schema.ts';
import { matchEntry, screeningStatusOf } from './screening.ts';

/** What the seed (or a migration from another system) knows beyond the profile itself. */
interface BulkExtras {
  id?: string;
  /** Default: active when real-name verified (and screened clear), else prospect. */
  status?: CustomerStatus;
  isRealNameVerified?: boolean;
  channel?: Channel;
  openedBy?: string | null;
  createdAt?: Date;
}

/** An already-validated individual: a valid ID number, a mainland mobile, known codes. */
export type IndividualRecord = IndividualInput & BulkExtras;
export type CorporateRecord = CorporateInput & BulkExtras;

export interface BulkCreated {
  id: string;
  customerNo: string;
}

const CHUNK = 1000;

interface Prepared {
  id: string;
  type: CustomerType;
  name: string;
  key: string;
  birthDate: string | null;
  extras: BulkExtras;
  now: Date;
}

/**
 * Customer rows for one chunk, screened against the watch list in memory (one query for the chunk's
 * names), written with one statement per table.
 */
async function insertCustomers(trx: Executor, batch: Prepared[]): Promise<Map<string, string>> {
  const keys = [...new Set(batch.map((p) => p.key))];
  const entries = await customersDb(trx)
    .selectFrom('customers_watchlist')
    .selectAll()
    .where(sql<boolean>`name_key = ANY(${keys}::text[])`)
    .execute();
  const byKey = new Map<string, WatchlistRow[]>();
  for (const e of entries) byKey.set(e.name_key, [...(byKey.get(e.name_key) ?? []), e]);
  const hits: { id: string; customer: string; entry: string; screening: string; on: string; at: Date }[] = [];
  const rows = batch.map((p) => {
    const screeningId = newId('scr');
    const matched = (byKey.get(p.key) ?? []).flatMap((e) => {
      const on = matchEntry(e, { nameKey: p.key, type: p.type, birthDate: p.birthDate });
      return on
        ? [{ id: newId('hit'), customer: p.id, entry: e.id, screening: screeningId, on, at: p.now }]
        : [];
    });
    hits.push(...matched);
    const screening = screeningStatusOf(matched.map(() => ({ status: 'open' as const })));
    const realName = p.extras.isRealNameVerified ? ('verified' as const) : ('unverified' as const);
    const kyc = deriveKycStatus({ hasIdentity: true, realName, screening });
    return {
      p,
      screeningId,
      screening,
      realName,
      kyc,
      status: p.extras.status ?? statusAfterKyc('prospect', kyc),
      hits: matched.length,
    };
  });
  const inserted = await sql<{ id: string; customer_no: string }>`
    INSERT INTO customers_customers (id, customer_type, name, name_key, status, kyc_status, real_name_status,
      screening_status, screened_at, opened_channel, opened_by, created_at, updated_at, version)
    SELECT id, customer_type, name, name_key, status, kyc_status, real_name_status, screening_status,
      created_at, opened_channel, opened_by, created_at, created_at, 1
    FROM unnest(
      ${rows.map((r) => r.p.id)}::text[], ${rows.map((r) => r.p.type)}::text[],
      ${rows.map((r) => r.p.name)}::text[], ${rows.map((r) => r.p.key)}::text[],
      ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.kyc)}::text[],
      ${rows.map((r) => r.realName)}::text[], ${rows.map((r) => r.screening)}::text[],
      ${rows.map((r) => r.p.extras.channel ?? (r.p.type === 'corporate' ? 'corporate' : 'branch'))}::text[],
      ${rows.map((r) => r.p.extras.openedBy ?? null)}::text[],
      ${rows.map((r) => r.p.now.toISOString())}::timestamptz[]
    ) AS u(id, customer_type, name, name_key, status, kyc_status, real_name_status, screening_status,
      opened_channel, opened_by, created_at)
    RETURNING id, customer_no`.execute(trx);
  await sql`
    INSERT INTO customers_screenings (id, customer_id, trigger, result, hits, screened_by, screened_at)
    SELECT id, customer_id, 'onboarding', result, hits, NULL, screened_at
    FROM unnest(${rows.map((r) => r.screeningId)}::text[], ${rows.map((r) => r.p.id)}::text[],
      ${rows.map((r) => (r.hits > 0 ? 'potential_match' : 'clear'))}::text[], ${rows.map((r) => r.hits)}::int[],
      ${rows.map((r) => r.p.now.toISOString())}::timestamptz[]) AS u(id, customer_id, result, hits, screened_at)`.execute(
    trx,
  );
  if (hits.length > 0) {
    await sql`
      INSERT INTO customers_screening_hits (id, customer_id, entry_id, screening_id, matched_on, status, created_at)
      SELECT id, customer_id, entry_id, screening_id, matched_on, 'open', created_at
      FROM unnest(${hits.map((h) => h.id)}::text[], ${hits.map((h) => h.customer)}::text[],
        ${hits.map((h) => h.entry)}::text[], ${hits.map((h) => h.screening)}::text[],
        ${hits.map((h) => h.on)}::text[], ${hits.map((h) => h.at.toISOString())}::timestamptz[])
        AS u(id, customer_id, entry_id, screening_id, matched_on, created_at)`.execute(trx);
  }
  return new Map(inserted.rows.map((r) => [r.id, r.customer_no]));
}

function inTransaction<T>(d: Deps, trx: Executor | undefined, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return trx ? fn(trx) : d.db.transaction().execute(fn);
}

const orNull = <T>(v: T | null | undefined): T | null => v ?? null;

/**
 * Writes many individuals set-wise: every value encrypted on its own, one statement per table per
 * chunk of 1,000. All or nothing. Records are trusted to be valid (the seed generates them so); an
 * ID number that does not parse is a bug and throws.
 */
export async function createIndividualsBulk(
  d: Deps,
  records: readonly IndividualRecord[],
  trx?: Executor,
): Promise<BulkCreated[]> {
  return inTransaction(d, trx, async (t) => {
    const created: BulkCreated[] = [];
    for (let start = 0; start < records.length; start += CHUNK) {
      const chunk = records.slice(start, start + CHUNK);
      const prepared = chunk.map((r) => {
        const facts = parseResidentId(r.idNumber);
        if (!facts) throw new RangeError(`bulk record ${r.name}: invalid ID number`);
        const id = r.id ?? newId('cus');
        return {
          base: {
            id,
            type: 'individual' as const,
            name: r.name,
            key: nameKey(r.name),
            birthDate: facts.birthDate,
            extras: r,
            now: r.createdAt ?? d.clock.now(),
          },
          facts,
          sealedId: sealIdNumber(d.pii, r.idNumber),
          sealedMobile: sealMobile(d.pii, r.mobile),
          r,
        };
      });
      const numbers = await insertCustomers(
        t,
        prepared.map((p) => p.base),
      );
      const col = <T>(f: (p: (typeof prepared)[number]) => T) => prepared.map(f);
      await sql`
        INSERT INTO customers_individuals (customer_id, id_number_enc, id_number_hash, id_number_masked, gender,
          birth_date, mobile_enc, mobile_hash, mobile_masked, email, province_code, city, address, occupation, income_band)
        SELECT * FROM unnest(
          ${col((p) => p.base.id)}::text[], ${col((p) => p.sealedId.id_number_enc)}::text[],
          ${col((p) => p.sealedId.id_number_hash)}::text[], ${col((p) => p.sealedId.id_number_masked)}::text[],
          ${col((p) => p.facts.gender)}::text[], ${col((p) => p.facts.birthDate)}::date[],
          ${col((p) => p.sealedMobile.mobile_enc)}::text[], ${col((p) => p.sealedMobile.mobile_hash)}::text[],
          ${col((p) => p.sealedMobile.mobile_masked)}::text[], ${col((p) => orNull(p.r.email))}::text[],
          ${col((p) => orNull(p.r.provinceCode))}::text[], ${col((p) => orNull(p.r.city))}::text[],
          ${col((p) => orNull(p.r.address))}::text[], ${col((p) => orNull(p.r.occupation))}::text[],
          ${col((p) => orNull(p.r.incomeBand))}::text[])`.execute(t);
      for (const p of prepared) created.push({ id: p.base.id, customerNo: numbers.get(p.base.id) ?? '' });
    }
    return created;
  });
}

/** Writes many corporates set-wise, like `createIndividualsBulk`. */
export async function createCorporatesBulk(
  d: Deps,
  records: readonly CorporateRecord[],
  trx?: Executor,
): Promise<BulkCreated[]> {
  return inTransaction(d, trx, async (t) => {
    const created: BulkCreated[] = [];
    for (let start = 0; start < records.length; start += CHUNK) {
      const chunk = records.slice(start, start + CHUNK).map((r) => ({
        base: {
          id: r.id ?? newId('cus'),
          type: 'corporate' as const,
          name: r.name,
          key: nameKey(r.name),
          birthDate: null,
          extras: r,
          now: r.createdAt ?? d.clock.now(),
        },
        r,
      }));
      const numbers = await insertCustomers(
        t,
        chunk.map((c) => c.base),
      );
      const col = <T>(f: (c: (typeof chunk)[number]) => T) => chunk.map(f);
      await sql`
        INSERT INTO customers_corporates (customer_id, uscc, industry, size, legal_representative, province_code,
          city, address)
        SELECT * FROM unnest(
          ${col((c) => c.base.id)}::text[], ${col((c) => c.r.uscc)}::text[], ${col((c) => c.r.industry)}::text[],
          ${col((c) => c.r.size)}::text[], ${col((c) => c.r.legalRepresentative)}::text[],
          ${col((c) => orNull(c.r.provinceCode))}::text[], ${col((c) => orNull(c.r.city))}::text[],
          ${col((c) => orNull(c.r.address))}::text[])`.execute(t);
      for (const c of chunk) created.push({ id: c.base.id, customerNo: numbers.get(c.base.id) ?? '' });
    }
    return created;
  });
}
