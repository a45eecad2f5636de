import type { Executor, Result } from '@onefin/kernel';
import {
  activeQuestionnaire,
  publishQuestionnaire,
  type RiskAssessment,
  riskHistory,
  submitAssessment,
  suitabilityProfile,
  suitabilityProfiles,
} from './assessments.ts';
import {
  type BulkCreated,
  type CorporateRecord,
  createCorporatesBulk,
  createIndividualsBulk,
  type IndividualRecord,
} from './bulk-customers.ts';
import {
  type AssessmentRecord,
  addCorporateContactsBulk,
  addRelationshipsBulk,
  type ContactRecord,
  type RelationshipRecord,
  recordAssessmentsBulk,
} from './bulk-links.ts';
import { listChanges, type ProfileChange } from './changes.ts';
import { type CorporateInput, type CorporatePatch, createCorporate, updateCorporate } from './corporates.ts';
import type { CustomersError } from './errors.ts';
import {
  createIndividual,
  type IndividualInput,
  type IndividualPatch,
  openProspect,
  updateIndividual,
} from './individuals.ts';
import {
  addKycDocument,
  changeStatus,
  type KycDocument,
  type Verification,
  verifyRealName,
} from './kyc-actions.ts';
import {
  type Actor,
  type Customer,
  type CustomerStatus,
  type CustomersDeps,
  type CustomerType,
  DEFAULT_CUSTOMERS_SETTINGS,
  type Deps,
  type Page,
  type SuitabilityProfile,
} from './model.ts';
import { type CustomerProfile, currentOf, loadProfile } from './profile.ts';
import type { Answer, Questionnaire } from './questionnaire.ts';
import { loadCustomer } from './records.ts';
import {
  addCorporateContact,
  addRelationship,
  type CorporateContact,
  type Relationship,
  type RelationshipKind,
} from './relationships.ts';
import {
  addWatchlistEntry,
  listWatchlist,
  type NewWatchlistEntry,
  resolveHit,
  type Screening,
  type ScreeningHit,
  screenCustomer,
  type WatchlistEntry,
} from './screening.ts';
import { type CustomerQuery, type CustomerSummary, searchCustomers } from './search.ts';

/** Customers (individuals and corporates), their ties, KYC, watch-list screening and risk profiling. */
export interface CustomersService {
  /** Identity's registration hook: the prospect behind a new portal log-in, same id, same transaction. */
  openProspect(input: { id: string; name: string; mobile: string }, trx: Executor): Promise<void>;
  /** Staff open an individual (ID number required); screened against the watch list at once. */
  createIndividual(input: IndividualInput, actor: Actor): Promise<Result<Customer, CustomersError>>;
  createCorporate(input: CorporateInput, actor: Actor): Promise<Result<Customer, CustomersError>>;
  /** Seed path: already-validated records, written set-wise in chunks, all or nothing. */
  createIndividualsBulk(records: readonly IndividualRecord[], trx?: Executor): Promise<BulkCreated[]>;
  createCorporatesBulk(records: readonly CorporateRecord[], trx?: Executor): Promise<BulkCreated[]>;
  addRelationshipsBulk(links: readonly RelationshipRecord[], trx?: Executor): Promise<void>;
  addCorporateContactsBulk(contacts: readonly ContactRecord[], trx?: Executor): Promise<void>;
  recordAssessmentsBulk(records: readonly AssessmentRecord[], trx?: Executor): Promise<void>;

  /** The record alone (primary), PII masked. */
  getCustomer(customerId: string, trx?: Executor): Promise<Customer | undefined>;
  /** The whole staff view: ties, household, contacts, KYC, screening, risk (primary: carries the version to edit). */
  getProfile(customerId: string): Promise<CustomerProfile | undefined>;
  /** Staff search on the read replica; see `searchKey` for what the box understands. */
  search(query: CustomerQuery): Promise<Page<CustomerSummary>>;
  listChanges(
    customerId: string,
    page: { limit: number; before?: string | undefined },
  ): Promise<Page<ProfileChange>>;

  /** `expectedVersion`: staff send the version they read; a stale one is `version_conflict`. */
  updateIndividual(
    customerId: string,
    patch: IndividualPatch,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<Result<Customer, CustomersError>>;
  updateCorporate(
    customerId: string,
    patch: CorporatePatch,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<Result<Customer, CustomersError>>;
  changeStatus(
    customerId: string,
    input: { status: CustomerStatus; reason: string },
    actor: Actor,
    expectedVersion: number,
  ): Promise<Result<Customer, CustomersError>>;
  addRelationship(
    customerId: string,
    input: { relatedId: string; kind: RelationshipKind },
    actor: Actor,
  ): Promise<Result<Relationship[], CustomersError>>;
  addCorporateContact(
    corporateId: string,
    input: { individualId: string; role: string },
    actor: Actor,
  ): Promise<Result<CorporateContact[], CustomersError>>;

  /** Real-name verification through the configured adapter. */
  verifyRealName(
    customerId: string,
    actor: Actor,
  ): Promise<Result<{ verification: Verification; customer: Customer }, CustomersError>>;
  addKycDocument(
    customerId: string,
    doc: Pick<KycDocument, 'kind' | 'fileName' | 'contentType' | 'sizeBytes' | 'sha256'>,
    actor: Actor,
  ): Promise<Result<KycDocument, CustomersError>>;

  listWatchlist(query: {
    q?: string | undefined;
    listKind?: 'pep' | 'sanctions' | undefined;
    limit: number;
    before?: string | undefined;
  }): Promise<Page<WatchlistEntry>>;
  /** Adds an entry and screens the customers of that name at once. */
  addWatchlistEntry(
    input: NewWatchlistEntry,
    actor: Actor,
  ): Promise<{ entry: WatchlistEntry; matchedCustomers: string[] }>;
  screen(
    customerId: string,
    actor: Actor,
  ): Promise<Result<{ screening: Screening; hits: ScreeningHit[] }, CustomersError>>;
  resolveScreeningHit(
    customerId: string,
    hitId: string,
    input: { decision: 'dismiss' | 'confirm'; note: string },
    actor: Actor,
  ): Promise<Result<ScreeningHit, CustomersError>>;

  /** The questionnaire in use for a kind of customer. */
  currentQuestionnaire(type: CustomerType): Promise<Questionnaire>;
  publishQuestionnaire(questionnaire: Questionnaire): Promise<Result<Questionnaire, CustomersError>>;
  /** Scores the answers; `actor` says who answered (the customer, or staff on their behalf) and where. */
  submitAssessment(
    customerId: string,
    input: { questionnaireId: string; answers: Answer[] },
    actor: Actor,
  ): Promise<Result<RiskAssessment, CustomersError>>;
  riskAssessments(
    customerId: string,
  ): Promise<{ current: (RiskAssessment & { isExpired: boolean }) | null; history: RiskAssessment[] }>;
  /** The facts suitability decides on; undefined for an unknown customer. */
  suitabilityProfile(customerId: string, trx?: Executor): Promise<SuitabilityProfile | undefined>;
  /** The same for many customers in one query. */
  suitabilityProfiles(customerIds: readonly string[]): Promise<Map<string, SuitabilityProfile>>;
}

export function createCustomersService(deps: CustomersDeps): CustomersService {
  const d: Deps = { ...deps, settings: { ...DEFAULT_CUSTOMERS_SETTINGS, ...deps.settings } };
  const inTransaction = <T>(fn: (trx: Executor) => Promise<T>) => d.db.transaction().execute(fn);
  return {
    openProspect: (input, trx) => openProspect(d, input, trx),
    createIndividual: (input, actor) => createIndividual(d, input, actor),
    createCorporate: (input, actor) => createCorporate(d, input, actor),
    createIndividualsBulk: (records, trx) => createIndividualsBulk(d, records, trx),
    createCorporatesBulk: (records, trx) => createCorporatesBulk(d, records, trx),
    addRelationshipsBulk: (links, trx) => addRelationshipsBulk(d, links, trx),
    addCorporateContactsBulk: (contacts, trx) => addCorporateContactsBulk(d, contacts, trx),
    recordAssessmentsBulk: (records, trx) => recordAssessmentsBulk(d, records, trx),
    getCustomer: (id, trx) => loadCustomer(trx ?? d.db, id),
    getProfile: (id) => loadProfile(d.db, id, d.clock.now()),
    search: (query) => searchCustomers(d.reads, d.pii, query),
    listChanges: (id, page) => listChanges(d.db, id, page),
    updateIndividual: (id, patch, actor, version) => updateIndividual(d, id, patch, actor, version),
    updateCorporate: (id, patch, actor, version) => updateCorporate(d, id, patch, actor, version),
    changeStatus: (id, input, actor, version) => changeStatus(d, id, input, actor, version),
    addRelationship: (id, input, actor) => addRelationship(d, id, input, actor),
    addCorporateContact: (id, input, actor) => addCorporateContact(d, id, input, actor),
    verifyRealName: (id, actor) => verifyRealName(d, id, actor),
    addKycDocument: (id, doc, actor) => addKycDocument(d, id, doc, actor),
    listWatchlist: (query) => listWatchlist(d.reads, query),
    addWatchlistEntry: (input, actor) => addWatchlistEntry(d, input, actor),
    screen: (id, actor) => inTransaction((trx) => screenCustomer(d, trx, id, 'on_demand', actor)),
    resolveScreeningHit: (id, hitId, input, actor) => resolveHit(d, id, hitId, input, actor),
    currentQuestionnaire: (type) => activeQuestionnaire(d.db, type),
    publishQuestionnaire: (q) => publishQuestionnaire(d, q),
    submitAssessment: (id, input, actor) => submitAssessment(d, id, input, actor),
    riskAssessments: async (id) => {
      const history = await riskHistory(d.db, id);
      return { current: currentOf(history, d.clock.now()), history };
    },
    suitabilityProfile: (id, trx) => suitabilityProfile(trx ?? d.db, id),
    suitabilityProfiles: (ids) => suitabilityProfiles(d.db, ids),
  };
}
