import type { Executor } from '@onefin/kernel';
import { type RiskAssessment, riskHistory } from './assessments.ts';
import { type KycDocument, listKyc, type Verification } from './kyc-actions.ts';
import type { Customer } from './model.ts';
import { loadCustomer } from './records.ts';
import {
  type CorporateContact,
  type Household,
  householdOf,
  listContacts,
  listRelationships,
  type Relationship,
} from './relationships.ts';
import { customersDb } from './schema.ts';
import { type Screening, type ScreeningHit, type ScreeningTrigger, toHit } from './screening.ts';

/** Everything staff see on a customer's page. */
export interface CustomerProfile {
  customer: Customer;
  relationships: Relationship[];
  household: Household | null;
  /** A corporate's authorised contacts, or the corporates an individual acts for. */
  contacts: CorporateContact[];
  kyc: { documents: KycDocument[]; verifications: Verification[] };
  screening: { recent: Screening[]; hits: ScreeningHit[] };
  risk: { current: (RiskAssessment & { isExpired: boolean }) | null; history: RiskAssessment[] };
}

const RECENT_SCREENINGS = 20;

export async function screeningOf(db: Executor, customerId: string) {
  const q = customersDb(db);
  const [runs, hits] = await Promise.all([
    q
      .selectFrom('customers_screenings')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('screened_at', 'desc')
      .orderBy('id', 'desc')
      .limit(RECENT_SCREENINGS)
      .execute(),
    q
      .selectFrom('customers_screening_hits as h')
      .innerJoin('customers_watchlist as w', 'w.id', 'h.entry_id')
      .selectAll('h')
      .select([
        'w.list_kind',
        'w.entity_type',
        'w.name as entry_name',
        'w.name_key',
        'w.birth_date',
        'w.nationality',
        'w.source',
        'w.note',
        'w.added_by',
        'w.created_at as entry_created_at',
      ])
      .where('h.customer_id', '=', customerId)
      .orderBy('h.created_at', 'desc')
      .execute(),
  ]);
  return {
    recent: runs.map(
      (r): Screening => ({
        id: r.id,
        customerId: r.customer_id,
        trigger: r.trigger as ScreeningTrigger,
        result: r.result,
        hits: r.hits,
        screenedBy: r.screened_by,
        screenedAt: r.screened_at,
      }),
    ),
    hits: hits.map((h) =>
      toHit(h, {
        id: h.entry_id,
        list_kind: h.list_kind,
        entity_type: h.entity_type,
        name: h.entry_name,
        name_key: h.name_key,
        birth_date: h.birth_date,
        nationality: h.nationality,
        source: h.source,
        note: h.note,
        added_by: h.added_by,
        created_at: h.entry_created_at,
      }),
    ),
  };
}

/** The current assessment is the latest one; it still shows after expiry, marked so. */
export function currentOf(history: RiskAssessment[], now: Date) {
  const latest = history[0];
  return latest ? { ...latest, isExpired: now.getTime() >= latest.expiresAt.getTime() } : null;
}

export async function loadProfile(
  db: Executor,
  customerId: string,
  now: Date,
): Promise<CustomerProfile | undefined> {
  const customer = await loadCustomer(db, customerId);
  if (!customer) return undefined;
  const [relationships, household, contacts, kyc, screening, history] = await Promise.all([
    listRelationships(db, customerId),
    householdOf(db, customerId),
    listContacts(db, customerId),
    listKyc(db, customerId),
    screeningOf(db, customerId),
    riskHistory(db, customerId),
  ]);
  return {
    customer,
    relationships,
    household,
    contacts,
    kyc,
    screening,
    risk: { current: currentOf(history, now), history },
  };
}
