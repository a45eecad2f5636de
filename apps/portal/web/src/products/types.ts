import type { MoneyDto } from '../account/api.ts';
import type { InvestorLevel, ProductRiskLevel } from './risk.tsx';

/**
 * The catalogue as the portal API carries it (modules/products/routes.portal.ts is the contract):
 * amounts are decimal strings with a currency, rates and yields annual fractions ("0.0325" = 3.25%).
 */
export const RETAIL_KINDS = ['fund', 'wealth', 'deposit', 'loan', 'insurance'] as const;
export type ProductKind =
  | (typeof RETAIL_KINDS)[number]
  | 'group_insurance'
  | 'enterprise_annuity'
  | 'corporate_loan';

export const FUND_TYPES = ['money_market', 'bond', 'equity', 'mixed', 'index'] as const;
export type FundType = (typeof FUND_TYPES)[number];

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

export type SuitabilityRefusal =
  | 'customer_unknown'
  | 'customer_closed'
  | 'not_on_sale'
  | 'sales_window_closed'
  | 'channel_not_allowed'
  | 'customer_type_not_allowed'
  | 'kyc_incomplete'
  | 'assessment_missing'
  | 'assessment_expired'
  | 'risk_too_high';

/** May the signed-in customer buy this product? With the reason, in both languages, when not. */
export type Suitability =
  | { allowed: true; productRisk: ProductRiskLevel; customerRisk: InvestorLevel | null; reason?: undefined }
  | {
      allowed: false;
      reason: SuitabilityRefusal;
      messageZh: string;
      messageEn: string;
      productRisk: ProductRiskLevel;
      customerRisk: InvestorLevel | null;
    };

/** A range as the API gives it: both ends, or `null` when the kind has none. */
export interface Range<T> {
  min: T;
  max: T;
}

/** One product of the supermarket list: enough to show and filter, not the whole terms sheet. */
export interface ProductSummary {
  id: string;
  code: string;
  kind: ProductKind;
  /** The kind's sub-type: fund type, loan type, insurance type, wealth offering. */
  category: string;
  nameZh: string;
  nameEn: string;
  riskLevel: ProductRiskLevel;
  currency: string;
  channels: string[];
  customerTypes: string[];
  status: 'draft' | 'under_review' | 'on_sale' | 'suspended' | 'closed';
  /** Annual fractions: expected yield (wealth), rate (deposits), latest 7-day yield (money-market funds). */
  yield: Range<string> | null;
  termDays: Range<number> | null;
  minimumAmount: MoneyDto | null;
  latestNav: LatestNav | null;
  salesStart: string | null;
  salesEnd: string | null;
  publishedAt: string | null;
  /** Present when a customer is signed in. */
  suitability?: Suitability;
}

export type SubscriptionTier =
  | { fromAmount: MoneyDto; rate: string }
  | { fromAmount: MoneyDto; fixedFee: MoneyDto };

export type ProductAttributes =
  | {
      kind: 'fund';
      fundType: FundType;
      fundCode: string;
      company: string;
      manager: string;
      inceptionDate: string;
      benchmark?: string;
      minimumSubscription: MoneyDto;
      subscriptionFees: SubscriptionTier[];
      redemptionFees: { minHoldingDays: number; rate: string }[];
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
      dayCount: 'act_360' | 'act_365';
      autoRenew: boolean;
    }
  | {
      kind: 'loan' | 'corporate_loan';
      loanType: string;
      rateMin: string;
      rateMax: string;
      termsMonths: number[];
      repaymentMethods: string[];
      minAmount: MoneyDto;
      maxAmount: MoneyDto;
      dayCount: 'act_360' | 'act_365';
      penaltyRateMultiplier?: string;
      collateralRequired?: boolean;
    }
  | {
      kind: 'insurance';
      insuranceType: 'life' | 'medical' | 'accident';
      insurer: string;
      coverageTermsYears: number[];
      premiumRates: {
        ageFrom: number;
        ageTo: number;
        gender: 'male' | 'female';
        termYears: number;
        ratePer1000: string;
      }[];
      minSumAssured: MoneyDto;
      maxSumAssured: MoneyDto;
      hesitationDays: number;
      waitingDays: number;
      paymentModes: ('single' | 'annual' | 'monthly')[];
    }
  | {
      kind: 'group_insurance';
      insuranceType: 'life' | 'medical' | 'accident';
      insurer: string;
      minMembers: number;
      maxMembers: number;
      coverageTermYears: number;
      sumAssuredPerMember: MoneyDto;
      premiumPerMember: { ageFrom: number; ageTo: number; annualPremium: MoneyDto }[];
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

/** A product's full page: the list fields plus its terms sheet and disclosure. */
export interface ProductDetail extends ProductSummary {
  disclosure: { zh: string; en: string };
  attributes: ProductAttributes;
}

/** One day of a fund's history; money-market funds carry per-10,000 income and the 7-day yield. */
export interface NavPoint {
  date: string;
  nav: string;
  accNav: string;
  per10kIncome: string | null;
  yield7d: string | null;
}
