import type { Clock, Executor, PiiCipher } from '@onefin/kernel';
import type { EnterpriseSize, IncomeBand, Industry, Occupation, ProvinceCode } from './reference.ts';
import type { RealNameVerifier } from './verification.ts';

export type CustomerType = 'individual' | 'corporate';
/** prospect → active (KYC verified) → dormant ⇄ active; any → closed (final). */
export type CustomerStatus = 'prospect' | 'active' | 'dormant' | 'closed';
export type KycStatus = 'not_started' | 'pending' | 'under_review' | 'verified' | 'rejected';
export type RealNameStatus = 'unverified' | 'verified' | 'failed';
export type ScreeningStatus = 'not_screened' | 'clear' | 'potential_match' | 'confirmed_match';
export type RiskLevel = 'C1' | 'C2' | 'C3' | 'C4' | 'C5';
export const RISK_LEVELS: readonly RiskLevel[] = ['C1', 'C2', 'C3', 'C4', 'C5'];
/** Every channel a customer is served through (DESIGN: every order records its channel). */
export type Channel = 'web' | 'app' | 'phone' | 'agent' | 'corporate' | 'branch';
export const CHANNELS: readonly Channel[] = ['web', 'app', 'phone', 'agent', 'corporate', 'branch'];
export const CUSTOMER_STATUSES: readonly CustomerStatus[] = ['prospect', 'active', 'dormant', 'closed'];
export const KYC_STATUSES: readonly KycStatus[] = [
  'not_started',
  'pending',
  'under_review',
  'verified',
  'rejected',
];

/** Who did something to a customer record, and through which channel. */
export type Actor =
  | { type: 'customer'; id: string; channel: Channel }
  | { type: 'staff'; id: string; channel: Channel }
  | { type: 'system'; channel?: Channel };

export interface IndividualDetails {
  /** `110105********1234`; null until the customer gives it. The number itself is never returned. */
  idNumberMasked: string | null;
  gender: 'male' | 'female' | null;
  /** YYYY-MM-DD, from the ID number. */
  birthDate: string | null;
  mobileMasked: string;
  email: string | null;
  provinceCode: ProvinceCode | null;
  city: string | null;
  address: string | null;
  occupation: Occupation | null;
  incomeBand: IncomeBand | null;
}

export interface CorporateDetails {
  uscc: string;
  industry: Industry;
  size: EnterpriseSize;
  legalRepresentative: string;
  provinceCode: ProvinceCode | null;
  city: string | null;
  address: string | null;
}

/** A customer record as shown: PII masked. */
export interface Customer {
  id: string;
  customerNo: string;
  type: CustomerType;
  name: string;
  status: CustomerStatus;
  kycStatus: KycStatus;
  realNameStatus: RealNameStatus;
  screeningStatus: ScreeningStatus;
  screenedAt: Date | null;
  openedChannel: Channel;
  openedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency: staff edits send the version they read. */
  version: number;
  individual: IndividualDetails | null;
  corporate: CorporateDetails | null;
}

/** What suitability needs to know about a customer (products consume exactly this shape). */
export interface SuitabilityProfile {
  customerId: string;
  customerType: CustomerType;
  status: CustomerStatus;
  kycStatus: KycStatus;
  riskLevel: RiskLevel | null;
  assessedAt: Date | null;
  expiresAt: Date | null;
}

export interface CustomersSettings {
  /** A risk assessment is valid this many calendar months (suitability rules: renew yearly). */
  assessmentValidityMonths: number;
}

export const DEFAULT_CUSTOMERS_SETTINGS: CustomersSettings = { assessmentValidityMonths: 12 };

export interface CustomersDeps {
  db: Executor;
  /** Read replica for staff search. */
  reads: Executor;
  clock: Clock;
  pii: PiiCipher;
  verifier: RealNameVerifier;
  settings?: Partial<CustomersSettings>;
}

/** The deps as operations use them: settings filled in. */
export interface Deps extends Omit<CustomersDeps, 'settings'> {
  settings: CustomersSettings;
}

export interface Page<T> {
  items: T[];
  next?: string;
}
