import { api, type Page } from '../api.ts';

/**
 * The customers module's console API (modules/customers/routes.console.ts, routes.console-kyc.ts);
 * the zod schemas there are the contract. PII arrives masked and is shown as it arrives.
 */

export type CustomerType = 'individual' | 'corporate';
export type CustomerStatus = 'prospect' | 'active' | 'dormant' | 'closed';
export type KycStatus = 'not_started' | 'pending' | 'under_review' | 'verified' | 'rejected';
export type RiskLevel = 'C1' | 'C2' | 'C3' | 'C4' | 'C5';
/** The channels staff serve through (web and app are the customer's own). */
export const STAFF_CHANNELS = ['branch', 'phone', 'agent', 'corporate'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** A code-list entry as the API labels it. */
export interface Labelled {
  code: string;
  nameZh: string;
  nameEn: string;
}

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
  createdAt: string;
}

export interface Customer {
  id: string;
  customerNo: string;
  type: CustomerType;
  name: string;
  status: CustomerStatus;
  kycStatus: KycStatus;
  realNameStatus: 'unverified' | 'verified' | 'failed';
  screeningStatus: 'not_screened' | 'clear' | 'potential_match' | 'confirmed_match';
  screenedAt: string | null;
  openedChannel: string;
  openedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  individual: {
    idNumberMasked: string | null;
    gender: 'male' | 'female' | null;
    birthDate: string | null;
    mobileMasked: string;
    email: string | null;
    province: Labelled | null;
    city: string | null;
    address: string | null;
    occupation: Labelled | null;
    incomeBand: Labelled | null;
  } | null;
  corporate: {
    uscc: string;
    industry: Labelled | null;
    size: Labelled | null;
    legalRepresentative: string;
    province: Labelled | null;
    city: string | null;
    address: string | null;
  } | null;
}

export type RelationshipKind = 'spouse' | 'parent' | 'child' | 'employer' | 'employee';

export interface Relationship {
  kind: RelationshipKind;
  customerId: string;
  customerNo: string;
  name: string;
  type: CustomerType;
  since: string;
}

export interface CorporateContact {
  corporateId: string;
  corporateName: string;
  individualId: string;
  individualName: string;
  role: string;
  authorisedAt: string;
  authorisedBy: string | null;
}

export interface KycDocument {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  recordedByType: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface Verification {
  id: string;
  provider: string;
  outcome: 'match' | 'mismatch' | 'not_found';
  reference: string;
  requestedByType: string;
  requestedBy: string | null;
  channel: string;
  at: string;
}

export interface WatchlistEntry {
  id: string;
  listKind: 'pep' | 'sanctions';
  entityType: 'person' | 'organisation';
  name: string;
  birthDate: string | null;
  nationality: string | null;
  source: string;
  note: string | null;
  addedBy: string | null;
  createdAt: string;
}

export interface ScreeningHit {
  id: string;
  entry: WatchlistEntry;
  matchedOn: 'name' | 'name_and_birth_date';
  status: 'open' | 'dismissed' | 'confirmed';
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export interface Screening {
  id: string;
  trigger: 'onboarding' | 'on_demand' | 'profile_change' | 'watchlist_update';
  result: 'clear' | 'potential_match';
  hits: number;
  screenedBy: string | null;
  screenedAt: string;
}

export interface RiskAssessment {
  id: string;
  questionnaireId: string;
  answers: { questionId: string; optionId: string }[];
  score: number;
  riskLevel: RiskLevel;
  riskLabelZh: string;
  riskLabelEn: string;
  descriptionZh: string;
  descriptionEn: string;
  cappedBy: string | null;
  channel: string;
  answeredByType: 'customer' | 'staff' | 'system';
  answeredBy: string | null;
  assessedAt: string;
  expiresAt: string;
  isExpired: boolean;
}

/** Everything staff see on a customer's page (`GET /customers/:id`). */
export interface CustomerProfile {
  customer: Customer;
  relationships: Relationship[];
  household: {
    id: string;
    name: string;
    members: { customerId: string; customerNo: string; name: string }[];
  } | null;
  contacts: CorporateContact[];
  kyc: { documents: KycDocument[]; verifications: Verification[] };
  screening: { recent: Screening[]; hits: ScreeningHit[] };
  risk: { current: RiskAssessment | null; items: RiskAssessment[] };
}

export interface ProfileChange {
  id: string;
  customerId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedByType: 'customer' | 'staff' | 'system';
  changedBy: string | null;
  channel: string | null;
  changedAt: string;
}

export interface QuestionnaireOption {
  id: string;
  textZh: string;
  textEn: string;
}

export interface Questionnaire {
  id: string;
  customerType: CustomerType;
  version: number;
  titleZh: string;
  titleEn: string;
  questions: { id: string; textZh: string; textEn: string; options: QuestionnaireOption[] }[];
  bands: { level: string; minScore: number; maxScore: number; labelZh: string; labelEn: string }[];
}

export interface CustomerFilter {
  q?: string | undefined;
  type?: CustomerType | undefined;
  status?: CustomerStatus | undefined;
  kycStatus?: KycStatus | undefined;
}

export function searchCustomers(filter: CustomerFilter, cursor?: string): Promise<Page<CustomerSummary>> {
  return api.get<Page<CustomerSummary>>('/customers', { ...filter, cursor, limit: 50 });
}

export function fetchProfile(id: string): Promise<CustomerProfile> {
  return api.get<CustomerProfile>(`/customers/${encodeURIComponent(id)}`);
}

export interface IndividualInput {
  name: string;
  idNumber: string;
  mobile: string;
  email?: string | null;
  provinceCode?: string | null;
  city?: string | null;
  address?: string | null;
  occupation?: string | null;
  incomeBand?: string | null;
  channel?: StaffChannel;
}

export interface CorporateInput {
  name: string;
  uscc: string;
  industry: string;
  size: string;
  legalRepresentative: string;
  provinceCode?: string | null;
  city?: string | null;
  address?: string | null;
  channel?: StaffChannel;
}

export function createIndividual(input: IndividualInput): Promise<Customer> {
  return api.post<Customer>('/customers/individuals', input);
}

export function createCorporate(input: CorporateInput): Promise<Customer> {
  return api.post<Customer>('/customers/corporates', input);
}

/** Only the fields given change; `version` is the one the editor read (a stale one is a 409). */
export function updateCustomer(
  id: string,
  patch: { version: number; [field: string]: string | number | null | undefined },
): Promise<Customer> {
  return api.patch<Customer>(`/customers/${encodeURIComponent(id)}`, patch);
}

export function changeCustomerStatus(
  id: string,
  input: { status: 'active' | 'dormant' | 'closed'; reason: string; version: number },
): Promise<Customer> {
  return api.post<Customer>(`/customers/${encodeURIComponent(id)}/status`, input);
}

export function fetchChanges(id: string, before?: string): Promise<Page<ProfileChange>> {
  return api.get<Page<ProfileChange>>(`/customers/${encodeURIComponent(id)}/changes`, { before, limit: 50 });
}

export function addRelationship(
  id: string,
  input: { relatedId: string; kind: RelationshipKind },
): Promise<{ items: Relationship[] }> {
  return api.post(`/customers/${encodeURIComponent(id)}/relationships`, input);
}

export function addContact(
  corporateId: string,
  input: { individualId: string; role: string },
): Promise<{ items: CorporateContact[] }> {
  return api.post(`/customers/${encodeURIComponent(corporateId)}/contacts`, input);
}

export function verifyRealName(id: string): Promise<{ verification: Verification; customer: Customer }> {
  return api.post(`/customers/${encodeURIComponent(id)}/real-name-verification`);
}

export const DOCUMENT_KINDS = [
  'id_card_front',
  'id_card_back',
  'passport',
  'residence_permit',
  'business_licence',
  'authorisation_letter',
  'proof_of_address',
  'other',
] as const;
export const DOCUMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export function addKycDocument(
  id: string,
  input: { kind: string; fileName: string; contentType: string; sizeBytes: number; sha256: string },
): Promise<KycDocument> {
  return api.post<KycDocument>(`/customers/${encodeURIComponent(id)}/kyc-documents`, input);
}

export function screenCustomer(id: string): Promise<{ screening: Screening; hits: ScreeningHit[] }> {
  return api.post(`/customers/${encodeURIComponent(id)}/screenings`);
}

export function resolveHit(
  id: string,
  hitId: string,
  input: { decision: 'dismiss' | 'confirm'; note: string },
): Promise<ScreeningHit> {
  const path = `/customers/${encodeURIComponent(id)}/screening-hits/${encodeURIComponent(hitId)}/resolve`;
  return api.post<ScreeningHit>(path, input);
}

export function fetchQuestionnaire(type: CustomerType): Promise<Questionnaire> {
  return api.get<Questionnaire>(`/risk-questionnaires/${type}`);
}

export function submitAssessment(
  id: string,
  input: {
    questionnaireId: string;
    answers: { questionId: string; optionId: string }[];
    channel: StaffChannel;
  },
): Promise<RiskAssessment> {
  return api.post<RiskAssessment>(`/customers/${encodeURIComponent(id)}/risk-assessments`, input);
}

export const customerKeys = {
  all: ['customers'] as const,
  search: (filter: CustomerFilter) => ['customers', 'search', filter] as const,
  profile: (id: string) => ['customers', 'profile', id] as const,
  changes: (id: string) => ['customers', 'changes', id] as const,
  questionnaire: (type: CustomerType) => ['customers', 'questionnaire', type] as const,
};
