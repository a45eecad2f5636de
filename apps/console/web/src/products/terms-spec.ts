import { fractionToPercent, percentToFraction } from '@onefin/ui';
import type { MoneyDto } from '../ledger/api.ts';
import {
  CORPORATE_LOAN_TYPES,
  DAY_COUNTS,
  FUND_TYPES,
  INSURANCE_TYPES,
  LOAN_TYPES,
  PAYMENT_MODES,
  type ProductAttributes,
  type ProductKind,
  REPAYMENT_METHODS,
} from './api.ts';

/**
 * Each kind's terms sheet as the form shows it, field by field, following attributes.ts: which fields
 * are rates (typed as percentages, sent as fractions), amounts (typed as decimals, sent as money in the
 * product's currency), whole numbers, code lists or tables of rows.
 */
export type FieldType =
  | 'text'
  | 'rate'
  | 'money'
  | 'int'
  | 'decimal'
  | 'date'
  | 'bool'
  | 'enum'
  | 'multi'
  | 'intList'
  | 'subscriptionTiers'
  | 'redemptionTiers'
  | 'premiumRates'
  | 'memberPremiums';

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** For `enum` and `multi`: the codes, labelled by `products.<labels>.<code>`. */
  options?: readonly string[];
  labels?: string;
  isOptional?: boolean;
  min?: number;
  max?: number;
}

const lending = (typeOptions: readonly string[]): FieldSpec[] => [
  { name: 'loanType', type: 'enum', options: typeOptions, labels: 'categories' },
  { name: 'rateMin', type: 'rate' },
  { name: 'rateMax', type: 'rate' },
  { name: 'termsMonths', type: 'intList', min: 1, max: 360 },
  { name: 'repaymentMethods', type: 'multi', options: REPAYMENT_METHODS, labels: 'fields.repayment' },
  { name: 'minAmount', type: 'money' },
  { name: 'maxAmount', type: 'money' },
  { name: 'dayCount', type: 'enum', options: DAY_COUNTS, labels: 'fields.dayCounts' },
];

export const TERMS: Readonly<Record<ProductKind, readonly FieldSpec[]>> = {
  fund: [
    { name: 'fundType', type: 'enum', options: FUND_TYPES, labels: 'categories' },
    { name: 'fundCode', type: 'text', max: 6 },
    { name: 'company', type: 'text', max: 60 },
    { name: 'manager', type: 'text', max: 60 },
    { name: 'inceptionDate', type: 'date' },
    { name: 'benchmark', type: 'text', max: 200, isOptional: true },
    { name: 'minimumSubscription', type: 'money' },
    { name: 'managementFeeRate', type: 'rate' },
    { name: 'custodyFeeRate', type: 'rate' },
    { name: 'subscriptionFees', type: 'subscriptionTiers' },
    { name: 'redemptionFees', type: 'redemptionTiers' },
  ],
  wealth: [
    { name: 'offering', type: 'enum', options: ['public', 'private'], labels: 'categories' },
    { name: 'issuer', type: 'text', max: 60 },
    { name: 'termDays', type: 'int', min: 1, max: 3650 },
    { name: 'coolingOffHours', type: 'int', min: 0, max: 720 },
    { name: 'expectedYieldMin', type: 'rate' },
    { name: 'expectedYieldMax', type: 'rate' },
    { name: 'minimumAmount', type: 'money' },
    { name: 'increment', type: 'money' },
    { name: 'size', type: 'money' },
  ],
  deposit: [
    { name: 'termDays', type: 'int', min: 1, max: 3650 },
    { name: 'annualRate', type: 'rate' },
    { name: 'earlyWithdrawalRate', type: 'rate' },
    { name: 'minimumAmount', type: 'money' },
    {
      name: 'interestPayment',
      type: 'enum',
      options: ['at_maturity', 'monthly'],
      labels: 'fields.interestPayments',
    },
    { name: 'dayCount', type: 'enum', options: DAY_COUNTS, labels: 'fields.dayCounts' },
    { name: 'autoRenew', type: 'bool' },
  ],
  loan: [...lending(LOAN_TYPES), { name: 'penaltyRateMultiplier', type: 'decimal' }],
  corporate_loan: [...lending(CORPORATE_LOAN_TYPES), { name: 'collateralRequired', type: 'bool' }],
  insurance: [
    { name: 'insuranceType', type: 'enum', options: INSURANCE_TYPES, labels: 'categories' },
    { name: 'insurer', type: 'text', max: 60 },
    { name: 'coverageTermsYears', type: 'intList', min: 1, max: 100 },
    { name: 'paymentModes', type: 'multi', options: PAYMENT_MODES, labels: 'fields.paymentModeNames' },
    { name: 'minSumAssured', type: 'money' },
    { name: 'maxSumAssured', type: 'money' },
    { name: 'hesitationDays', type: 'int', min: 0, max: 60 },
    { name: 'waitingDays', type: 'int', min: 0, max: 365 },
    { name: 'premiumRates', type: 'premiumRates' },
  ],
  group_insurance: [
    { name: 'insuranceType', type: 'enum', options: INSURANCE_TYPES, labels: 'categories' },
    { name: 'insurer', type: 'text', max: 60 },
    { name: 'minMembers', type: 'int', min: 3, max: 100_000 },
    { name: 'maxMembers', type: 'int', min: 3, max: 1_000_000 },
    { name: 'coverageTermYears', type: 'int', min: 1, max: 5 },
    { name: 'hesitationDays', type: 'int', min: 0, max: 60 },
    { name: 'sumAssuredPerMember', type: 'money' },
    { name: 'premiumPerMember', type: 'memberPremiums' },
  ],
  enterprise_annuity: [
    { name: 'trustee', type: 'text', max: 60 },
    { name: 'investmentManager', type: 'text', max: 60 },
    { name: 'employerContributionMax', type: 'rate' },
    { name: 'combinedContributionMax', type: 'rate' },
    { name: 'vestingYears', type: 'int', min: 0, max: 8 },
    { name: 'managementFeeRate', type: 'rate' },
  ],
};

type FormValue = string | number | boolean | null | undefined | FormValue[] | { [k: string]: FormValue };
/** The terms as the form holds them: percentages and plain decimals instead of fractions and money. */
export type TermsForm = Record<string, FormValue>;

const money = (amount: unknown, currency: string): MoneyDto => ({
  amount: String(amount ?? '').trim(),
  currency,
});
const amountOf = (m: unknown): string =>
  m && typeof m === 'object' && 'amount' in m ? String(m.amount) : '';
const percent = (fraction: unknown): string =>
  typeof fraction === 'string' ? fractionToPercent(fraction) : '';
const fraction = (value: unknown): string => {
  const text = String(value ?? '').trim();
  try {
    return percentToFraction(text);
  } catch {
    return text; // not a number: the API says what is wrong with it
  }
};
const rows = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : []);

/** API terms → form values. */
export function termsToForm(attributes: ProductAttributes): TermsForm {
  const source = attributes as unknown as Record<string, unknown>;
  const form: TermsForm = {};
  for (const spec of TERMS[attributes.kind]) {
    const value = source[spec.name];
    switch (spec.type) {
      case 'rate':
        form[spec.name] = percent(value);
        break;
      case 'money':
        form[spec.name] = amountOf(value);
        break;
      case 'intList':
        form[spec.name] = (Array.isArray(value) ? value : []).map(String);
        break;
      case 'subscriptionTiers':
        form[spec.name] = rows(value).map((tier) =>
          'fixedFee' in tier
            ? { fromAmount: amountOf(tier.fromAmount), mode: 'fixed', fixedFee: amountOf(tier.fixedFee) }
            : { fromAmount: amountOf(tier.fromAmount), mode: 'rate', rate: percent(tier.rate) },
        );
        break;
      case 'redemptionTiers':
        form[spec.name] = rows(value).map((tier) => ({
          minHoldingDays: tier.minHoldingDays as number,
          rate: percent(tier.rate),
        }));
        break;
      case 'premiumRates':
        form[spec.name] = rows(value) as TermsForm[];
        break;
      case 'memberPremiums':
        form[spec.name] = rows(value).map((band) => ({
          ageFrom: band.ageFrom as number,
          ageTo: band.ageTo as number,
          annualPremium: amountOf(band.annualPremium),
        }));
        break;
      default:
        form[spec.name] = value as FormValue;
    }
  }
  return form;
}

/** Form values → API terms, every amount in `currency`. */
export function formToTerms(kind: ProductKind, form: TermsForm, currency: string): ProductAttributes {
  const out: Record<string, unknown> = { kind };
  for (const spec of TERMS[kind]) {
    const value = form[spec.name];
    switch (spec.type) {
      case 'text': {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text || !spec.isOptional) out[spec.name] = text;
        break;
      }
      case 'rate':
        out[spec.name] = fraction(value);
        break;
      case 'decimal':
        out[spec.name] = String(value ?? '').trim();
        break;
      case 'money':
        out[spec.name] = money(value, currency);
        break;
      case 'intList':
        out[spec.name] = (Array.isArray(value) ? value : [])
          .map((v) => Number(v))
          .filter((n) => Number.isInteger(n))
          .sort((a, b) => a - b);
        break;
      case 'bool':
        out[spec.name] = value === true;
        break;
      case 'subscriptionTiers':
        out[spec.name] = rows(value).map((tier) =>
          tier.mode === 'fixed'
            ? { fromAmount: money(tier.fromAmount, currency), fixedFee: money(tier.fixedFee, currency) }
            : { fromAmount: money(tier.fromAmount, currency), rate: fraction(tier.rate) },
        );
        break;
      case 'redemptionTiers':
        out[spec.name] = rows(value).map((tier) => ({
          minHoldingDays: tier.minHoldingDays,
          rate: fraction(tier.rate),
        }));
        break;
      case 'premiumRates':
        out[spec.name] = rows(value).map((r) => ({
          ageFrom: r.ageFrom,
          ageTo: r.ageTo,
          gender: r.gender,
          termYears: r.termYears,
          ratePer1000: String(r.ratePer1000 ?? '').trim(),
        }));
        break;
      case 'memberPremiums':
        out[spec.name] = rows(value).map((band) => ({
          ageFrom: band.ageFrom,
          ageTo: band.ageTo,
          annualPremium: money(band.annualPremium, currency),
        }));
        break;
      default:
        out[spec.name] = value;
    }
  }
  return out as unknown as ProductAttributes;
}

/** A new product's starting terms: the usual tiers and choices filled in, numbers left to the maker. */
export function blankTerms(kind: ProductKind): TermsForm {
  switch (kind) {
    case 'fund':
      return {
        fundType: 'mixed',
        subscriptionFees: [
          { fromAmount: '0', mode: 'rate', rate: '1.5' },
          { fromAmount: '1000000', mode: 'rate', rate: '1.0' },
          { fromAmount: '5000000', mode: 'fixed', fixedFee: '1000' },
        ],
        redemptionFees: [
          { minHoldingDays: 0, rate: '1.5' },
          { minHoldingDays: 7, rate: '0.5' },
          { minHoldingDays: 365, rate: '0' },
        ],
      };
    case 'wealth':
      return { offering: 'public', coolingOffHours: 0 };
    case 'deposit':
      return { interestPayment: 'at_maturity', dayCount: 'act_360', autoRenew: false };
    case 'loan':
      return { loanType: 'consumer', dayCount: 'act_360', repaymentMethods: ['equal_installment'] };
    case 'corporate_loan':
      return {
        loanType: 'working_capital',
        dayCount: 'act_360',
        repaymentMethods: ['equal_installment'],
        collateralRequired: false,
      };
    case 'insurance':
      return { insuranceType: 'medical', paymentModes: ['annual'], premiumRates: [] };
    case 'group_insurance':
      return { insuranceType: 'accident', premiumPerMember: [] };
    case 'enterprise_annuity':
      return {};
  }
}
