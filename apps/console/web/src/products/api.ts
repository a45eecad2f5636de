import { api, type Page } from '../api.ts';
import type { MoneyDto } from '../ledger/api.ts';

/**
 * The products module's console API (modules/products/routes.console.ts, http-schemas.ts,
 * attributes.ts, product-input.ts); the zod schemas there are the contract. Rates, fees and yields
 * travel as annual fractions in decimal strings ("0.0325" is 3.25%), amounts as decimal-string money.
 */

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

export const PRODUCT_STATUSES = ['draft', 'under_review', 'on_sale', 'suspended', 'closed'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const RISK_LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type ProductRisk = (typeof RISK_LEVELS)[number];
export const CHANNELS = ['web', 'app', 'phone', 'agent', 'corporate', 'branch'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CUSTOMER_TYPES = ['individual', 'corporate'] as const;
export const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR', 'GBP', 'JPY'] as const;

export const FUND_TYPES = ['money_market', 'bond', 'equity', 'mixed', 'index'] as const;
export const LOAN_TYPES = ['consumer', 'mortgage', 'business', 'credit_line'] as const;
export const CORPORATE_LOAN_TYPES = ['working_capital', 'fixed_asset', 'trade_finance'] as const;
export const INSURANCE_TYPES = ['life', 'medical', 'accident'] as const;
export const REPAYMENT_METHODS = ['equal_installment', 'equal_principal', 'interest_only_bullet'] as const;
export const DAY_COUNTS = ['act_360', 'act_365'] as const;
export const PAYMENT_MODES = ['single', 'annual', 'monthly'] as const;

export type SubscriptionTier =
  | { fromAmount: MoneyDto; rate: string }
  | { fromAmount: MoneyDto; fixedFee: MoneyDto };
export interface RedemptionTier {
  minHoldingDays: number;
  rate: string;
}
export interface PremiumRate {
  ageFrom: number;
  ageTo: number;
  gender: 'male' | 'female';
  termYears: number;
  ratePer1000: string;
}
export interface MemberPremium {
  ageFrom: number;
  ageTo: number;
  annualPremium: MoneyDto;
}

/** Each kind's terms sheet (attributes.ts `productAttributes`, a union on `kind`). */
export type ProductAttributes =
  | {
      kind: 'fund';
      fundType: (typeof FUND_TYPES)[number];
      fundCode: string;
      company: string;
      manager: string;
      inceptionDate: string;
      benchmark?: string;
      minimumSubscription: MoneyDto;
      subscriptionFees: SubscriptionTier[];
      redemptionFees: RedemptionTier[];
      managementFeeRate: string;
      custodyFeeRate: string;
    }
  | {
      kind: 'wealth';
      offering: 'public' | 'private';
      issuer: string;
      termDays: number;
      expectedYieldMin: string;
      expectedYieldMax: string;
      minimumAmount: MoneyDto;
      increment: MoneyDto;
      coolingOffHours: number;
      size: MoneyDto;
    }
  | {
      kind: 'deposit';
      termDays: number;
      annualRate: string;
      earlyWithdrawalRate: string;
      minimumAmount: MoneyDto;
      interestPayment: 'at_maturity' | 'monthly';
      dayCount: (typeof DAY_COUNTS)[number];
      autoRenew: boolean;
    }
  | (Lending & {
      kind: 'loan';
      loanType: (typeof LOAN_TYPES)[number];
      penaltyRateMultiplier: string;
    })
  | (Lending & {
      kind: 'corporate_loan';
      loanType: (typeof CORPORATE_LOAN_TYPES)[number];
      collateralRequired: boolean;
    })
  | {
      kind: 'insurance';
      insuranceType: (typeof INSURANCE_TYPES)[number];
      insurer: string;
      coverageTermsYears: number[];
      premiumRates: PremiumRate[];
      minSumAssured: MoneyDto;
      maxSumAssured: MoneyDto;
      hesitationDays: number;
      waitingDays: number;
      paymentModes: (typeof PAYMENT_MODES)[number][];
    }
  | {
      kind: 'group_insurance';
      insuranceType: (typeof INSURANCE_TYPES)[number];
      insurer: string;
      minMembers: number;
      maxMembers: number;
      coverageTermYears: number;
      sumAssuredPerMember: MoneyDto;
      premiumPerMember: MemberPremium[];
      hesitationDays: number;
    }
  | {
      kind: 'enterprise_annuity';
      trustee: string;
      investmentManager: string;
      employerContributionMax: string;
      combinedContributionMax: string;
      vestingYears: number;
      managementFeeRate: string;
    };

interface Lending {
  rateMin: string;
  rateMax: string;
  termsMonths: number[];
  repaymentMethods: (typeof REPAYMENT_METHODS)[number][];
  minAmount: MoneyDto;
  maxAmount: MoneyDto;
  dayCount: (typeof DAY_COUNTS)[number];
}

export interface LatestNav {
  date: string;
  nav: string;
  accNav: string;
  dailyReturn: string | null;
  per10kIncome: string | null;
  yield7d: string | null;
  /** Change of the accumulated NAV over the last year, as a fraction; null without a year of history. */
  return1y: string | null;
}

/** A product as staff see it (`consoleProductDto`). */
export interface Product {
  id: string;
  code: string;
  kind: ProductKind;
  category: string;
  nameZh: string;
  nameEn: string;
  riskLevel: ProductRisk;
  currency: string;
  channels: Channel[];
  customerTypes: ('individual' | 'corporate')[];
  status: ProductStatus;
  yield: { min: string; max: string } | null;
  termDays: { min: number; max: number } | null;
  minimumAmount: MoneyDto | null;
  latestNav: LatestNav | null;
  salesStart: string | null;
  salesEnd: string | null;
  publishedAt: string | null;
  disclosure: { zh: string; en: string };
  attributes: ProductAttributes;
  version: number;
  reviewApprovalId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProductEvent {
  version: number;
  action: string;
  fromStatus: ProductStatus | null;
  toStatus: ProductStatus;
  actorId: string | null;
  approvalId: string | null;
  detail: Record<string, unknown>;
  at: string;
}

/** What staff create or edit (`productInput`); an edit adds the version it was made on. */
export interface ProductInput {
  code: string;
  nameZh: string;
  nameEn: string;
  riskLevel: ProductRisk;
  currency: string;
  channels: Channel[];
  customerTypes: ('individual' | 'corporate')[];
  disclosure: { zh: string; en: string };
  salesStart: string | null;
  salesEnd: string | null;
  attributes: ProductAttributes;
}

export interface NavPoint {
  date: string;
  nav: string;
  accNav: string;
  per10kIncome: string | null;
  yield7d: string | null;
}

export interface NavIssue {
  line: number;
  code: string;
  message: string;
  field?: string;
  fundCode?: string;
  date?: string;
}

/** What an import did, line by line; `accepted: false` means nothing was written. */
export interface NavImportReport {
  accepted: boolean;
  dryRun: boolean;
  importId: string | null;
  rows: number;
  inserted: number;
  unchanged: number;
  funds: number;
  errors: NavIssue[];
  warnings: NavIssue[];
}

/** The pricing terms a reprice may change, per kind (product-input.ts `PRICING_FIELDS`). */
export const PRICING_FIELDS: Readonly<Record<ProductKind, readonly string[]>> = {
  fund: ['subscriptionFees', 'redemptionFees', 'managementFeeRate', 'custodyFeeRate'],
  wealth: ['expectedYieldMin', 'expectedYieldMax'],
  deposit: ['annualRate', 'earlyWithdrawalRate'],
  loan: ['rateMin', 'rateMax', 'penaltyRateMultiplier'],
  insurance: ['premiumRates'],
  group_insurance: ['premiumPerMember'],
  enterprise_annuity: ['managementFeeRate'],
  corporate_loan: ['rateMin', 'rateMax'],
};

export interface ProductFilter {
  kind?: ProductKind | undefined;
  status?: ProductStatus | undefined;
  q?: string | undefined;
}

export function fetchProducts(filter: ProductFilter, before?: string): Promise<Page<Product>> {
  return api.get<Page<Product>>('/products', { ...filter, before, limit: 50 });
}

export function fetchProduct(id: string): Promise<Product & { history: ProductEvent[] }> {
  return api.get(`/products/${encodeURIComponent(id)}`);
}

export function createProduct(input: ProductInput): Promise<Product> {
  return api.post<Product>('/products', input);
}

export function editProduct(id: string, input: ProductInput & { version: number }): Promise<Product> {
  return api.put<Product>(`/products/${encodeURIComponent(id)}`, input);
}

export function submitForReview(
  id: string,
  version: number,
): Promise<{ product: Product; approvalId: string }> {
  return api.post(`/products/${encodeURIComponent(id)}/submit`, { version });
}

export type StaffAction = 'withdraw' | 'suspend' | 'resume' | 'close';

/** Withdraw and resume take the version only; suspend and close also a reason. */
export function runStaffAction(
  id: string,
  action: StaffAction,
  input: { version: number; reason?: string },
): Promise<Product> {
  return api.post<Product>(`/products/${encodeURIComponent(id)}/${action}`, input);
}

export function proposeReprice(
  id: string,
  input: { version: number; pricing: Record<string, unknown>; reason: string },
): Promise<{ approvalId: string }> {
  return api.post(`/products/${encodeURIComponent(id)}/reprice`, input);
}

export async function fetchNavs(id: string, range: { from?: string; to?: string }): Promise<NavPoint[]> {
  const { items } = await api.get<{ items: NavPoint[] }>(`/products/${encodeURIComponent(id)}/navs`, range);
  return items;
}

/**
 * Sends a NAV CSV as the body. A rejected file is a 422 problem carrying the same report, which
 * comes back here as a value: a rejection is an answer to show line by line, not a failure.
 */
export async function importNavCsv(csv: string, dryRun: boolean): Promise<NavImportReport> {
  try {
    return await api.postText<NavImportReport>(`/navs/import?dryRun=${dryRun}`, csv, 'text/csv');
  } catch (error) {
    const report = (error as { problem?: { report?: NavImportReport } }).problem?.report;
    if (report) return report;
    throw error;
  }
}

export const productKeys = {
  all: ['products'] as const,
  list: (filter: ProductFilter) => ['products', 'list', filter] as const,
  detail: (id: string) => ['products', 'detail', id] as const,
  navs: (id: string, range: object) => ['products', 'navs', id, range] as const,
};
