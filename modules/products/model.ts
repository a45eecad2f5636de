import type { IdentityService } from '@onefin/identity';
import type { Clock, EventPublisher, Executor, Id, Money } from '@onefin/kernel';
import type { ProductAttributes } from './attributes.ts';

export type ProductId = Id<'prd'>;

/** Every kind the group sells; corporate products are kinds of their own (sold to corporates only). */
export const PRODUCT_KINDS = [
  'fund',
  'wealth',
  'deposit',
  'loan',
  'insurance',
  'group_insurance',
  'enterprise_annuity',
  'corporate_loan',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Kinds only corporate customers buy. */
export const CORPORATE_KINDS: readonly ProductKind[] = [
  'group_insurance',
  'enterprise_annuity',
  'corporate_loan',
];

export const RISK_LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CHANNELS = ['web', 'app', 'phone', 'agent', 'corporate', 'branch'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CUSTOMER_TYPES = ['individual', 'corporate'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const PRODUCT_STATUSES = ['draft', 'under_review', 'on_sale', 'suspended', 'closed'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Plain-language risk disclosure, shown before every purchase. */
export interface Disclosure {
  zh: string;
  en: string;
}

/** One product of the catalogue: the common attributes plus its kind's terms sheet. */
export interface Product extends ProductSummary {
  version: number;
  /** The pending publication review, while under review. */
  reviewApprovalId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  disclosure: Disclosure;
  /**
   * The kind's terms (fees, yields, rates, tables), validated by `productAttributes`. Kept in wire
   * form (amounts as decimal strings with currency) because it is stored and shown as a document.
   */
  attributes: ProductAttributes;
}

/** What a list shows of a product: everything but the terms sheet and the disclosure. */
export interface ProductSummary {
  id: ProductId;
  code: string;
  kind: ProductKind;
  /** The kind's sub-type: fund type, loan type, insurance type, wealth offering (public/private). */
  category: string;
  nameZh: string;
  nameEn: string;
  riskLevel: RiskLevel;
  currency: Money['currency'];
  channels: Channel[];
  customerTypes: CustomerType[];
  status: ProductStatus;
  /** When the product may be bought; `null` ends mean open. Wealth products always have a window. */
  salesStart: Date | null;
  salesEnd: Date | null;
  /** Derived from the attributes for the supermarket's filters. */
  termDaysMin: number | null;
  termDaysMax: number | null;
  yieldMin: string | null;
  yieldMax: string | null;
  minimumAmount: Money | null;
  /** Funds: the latest NAV imported (4 dp) and, for money-market funds, its yields. */
  latestNav: LatestNav | null;
  publishedAt: Date | null;
}

export interface LatestNav {
  date: string;
  nav: string;
  accNav: string;
  /** Day-on-day change of the accumulated NAV, as a fraction; null on a fund's first NAV. */
  dailyReturn: string | null;
  per10kIncome: string | null;
  yield7d: string | null;
  /** Change of the accumulated NAV over the last year, as a fraction; null without a year of history. */
  return1y: string | null;
}

/** One day of a fund's NAV history. Money-market funds carry per-10,000 income and 7-day yield. */
export interface NavPoint {
  date: string;
  nav: string;
  accNav: string;
  per10kIncome: string | null;
  yield7d: string | null;
}

/** A product's history: every state change and reprice, keyed by the version it produced. */
export interface ProductEvent {
  version: number;
  action: string;
  fromStatus: ProductStatus | null;
  toStatus: ProductStatus;
  actorId: string | null;
  approvalId: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

/** What the customers module knows about a customer that suitability needs. */
export interface SuitabilityProfile {
  customerId: string;
  customerType: CustomerType;
  status: 'prospect' | 'active' | 'dormant' | 'closed';
  /** `verified` means KYC is complete; anything else is not. */
  kycStatus: string;
  riskLevel: 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | null;
  assessedAt: Date | null;
  expiresAt: Date | null;
}

/** Implemented by the customers module and wired in compose.ts. */
export interface CustomerFacts {
  suitabilityProfile(customerId: string, trx?: Executor): Promise<SuitabilityProfile | undefined>;
  /** Many at once, when the implementation can (orders arriving together share one read). */
  suitabilityProfiles?(customerIds: readonly string[]): Promise<Map<string, SuitabilityProfile>>;
}

export interface ProductsSettings {
  /**
   * How long the portal may answer catalogue lists from memory (ms); 0 turns it off. Writes in the
   * same process clear it at once; this bounds how late another process's changes show.
   */
  catalogueCacheMs: number;
  /**
   * How long the "suitable for me" markers of a list may use a customer's facts from memory (ms).
   * Never used by `suitability()`, which every order path calls: that always reads fresh facts.
   */
  markerProfileCacheMs: number;
}

export const DEFAULT_PRODUCTS_SETTINGS: ProductsSettings = {
  catalogueCacheMs: 5000,
  markerProfileCacheMs: 2000,
};

export interface ProductsDeps {
  db: Executor;
  /** Read replica for staff lists. */
  reads: Executor;
  clock: Clock;
  events: EventPublisher;
  customers: CustomerFacts;
  /** Identity's maker–checker: proposing publication and repricing, reading how a review ended. */
  approvals: Pick<IdentityService, 'propose' | 'getApproval'>;
  settings?: Partial<ProductsSettings>;
}
