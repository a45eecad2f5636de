import type { Executor } from '@onefin/kernel';
import type { Generated, Selectable } from 'kysely';

/** The customers module's own tables; no other module reads or writes them. */
export type CustomersTables = {
  customers_customers: {
    /** Shares the id of the portal log-in (identity), when there is one. */
    id: string;
    customer_no: Generated<string>;
    customer_type: 'individual' | 'corporate';
    name: string;
    /** The name normalised for watch-list matching (screening.ts `nameKey`). */
    name_key: string;
    status: 'prospect' | 'active' | 'dormant' | 'closed';
    kyc_status: 'not_started' | 'pending' | 'under_review' | 'verified' | 'rejected';
    real_name_status: 'unverified' | 'verified' | 'failed';
    screening_status: 'not_screened' | 'clear' | 'potential_match' | 'confirmed_match';
    screened_at: Date | null;
    opened_channel: string;
    opened_by: string | null;
    created_at: Date;
    updated_at: Date;
    version: number;
  };
  customers_individuals: {
    customer_id: string;
    /** AES-256-GCM (PiiCipher); the keyed hash finds a number, the masked copy shows it. */
    id_number_enc: string | null;
    id_number_hash: string | null;
    id_number_masked: string | null;
    gender: 'male' | 'female' | null;
    birth_date: string | null;
    mobile_enc: string;
    mobile_hash: string;
    mobile_masked: string;
    email: string | null;
    province_code: string | null;
    city: string | null;
    address: string | null;
    occupation: string | null;
    income_band: string | null;
  };
  customers_corporates: {
    customer_id: string;
    /** Public registry data: stored as issued, not encrypted. */
    uscc: string;
    industry: string;
    size: string;
    legal_representative: string;
    province_code: string | null;
    city: string | null;
    address: string | null;
  };
  customers_relationships: {
    customer_id: string;
    related_id: string;
    /** What `related_id` is to `customer_id`; each pair is stored in both directions. */
    kind: 'spouse' | 'parent' | 'child' | 'employer' | 'employee';
    created_at: Date;
    created_by: string | null;
  };
  customers_households: {
    id: string;
    name: string;
    created_at: Date;
  };
  customers_household_members: {
    customer_id: string;
    household_id: string;
    joined_at: Date;
  };
  customers_corporate_contacts: {
    corporate_id: string;
    individual_id: string;
    role: string;
    authorised_at: Date;
    authorised_by: string | null;
  };
  customers_kyc_documents: {
    id: string;
    customer_id: string;
    kind: string;
    file_name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    recorded_by_type: string;
    recorded_by: string | null;
    recorded_at: Date;
  };
  customers_verifications: {
    id: string;
    customer_id: string;
    provider: string;
    outcome: 'match' | 'mismatch' | 'not_found';
    reference: string;
    requested_by_type: string;
    requested_by: string | null;
    channel: string;
    at: Date;
  };
  customers_watchlist: {
    id: string;
    list_kind: 'pep' | 'sanctions';
    entity_type: 'person' | 'organisation';
    name: string;
    name_key: string;
    birth_date: string | null;
    nationality: string | null;
    source: string;
    note: string | null;
    added_by: string | null;
    created_at: Date;
  };
  customers_screenings: {
    id: string;
    customer_id: string;
    trigger: 'onboarding' | 'on_demand' | 'profile_change' | 'watchlist_update';
    result: 'clear' | 'potential_match';
    hits: number;
    screened_by: string | null;
    screened_at: Date;
  };
  customers_screening_hits: {
    id: string;
    customer_id: string;
    entry_id: string;
    screening_id: string;
    matched_on: 'name' | 'name_and_birth_date';
    status: 'open' | 'dismissed' | 'confirmed';
    created_at: Date;
    resolved_by: string | null;
    resolved_at: Date | null;
    resolution_note: string | null;
  };
  customers_questionnaires: {
    id: string;
    customer_type: 'individual' | 'corporate';
    version: number;
    status: 'active' | 'retired';
    definition: unknown;
    created_at: Date;
  };
  customers_risk_assessments: {
    id: string;
    customer_id: string;
    questionnaire_id: string;
    answers: unknown;
    score: number;
    risk_level: 'C1' | 'C2' | 'C3' | 'C4' | 'C5';
    /** The question whose answer capped the level below what the score gave, if any. */
    capped_by: string | null;
    channel: string;
    answered_by_type: 'customer' | 'staff' | 'system';
    answered_by: string | null;
    assessed_at: Date;
    expires_at: Date;
  };
  customers_profile_changes: {
    id: Generated<bigint>;
    customer_id: string;
    field: string;
    /** PII (ID number, mobile) only ever masked here. */
    old_value: string | null;
    new_value: string | null;
    changed_by_type: 'customer' | 'staff' | 'system';
    changed_by: string | null;
    channel: string | null;
    changed_at: Date;
  };
};

export type CustomerRow = Selectable<CustomersTables['customers_customers']>;
export type IndividualRow = Selectable<CustomersTables['customers_individuals']>;
export type CorporateRow = Selectable<CustomersTables['customers_corporates']>;
export type WatchlistRow = Selectable<CustomersTables['customers_watchlist']>;
export type HitRow = Selectable<CustomersTables['customers_screening_hits']>;
export type AssessmentRow = Selectable<CustomersTables['customers_risk_assessments']>;
export type ChangeRow = Selectable<CustomersTables['customers_profile_changes']>;

export function customersDb(db: Executor) {
  return db.withTables<CustomersTables>();
}
