import type { MoneyDto } from '@onefin/kernel';
import type { ProductAttributes, ProductInput, NavPoint as ProductsNavPoint } from '@onefin/products';

/**
 * The product records the demo world produces are the product factory's own create input
 * (`ProductInput` of @onefin/products): terms sheets in wire form (amounts `{amount:"1000.00",
 * currency:"CNY"}`, rates as annual fractions, "0.0325" = 3.25%), so the products service's bulk load
 * takes them as they are and a change to its schema fails typecheck here. The tests also parse every
 * record with its zod schema, for the rules types cannot carry.
 */
export type ProductTerms = ProductAttributes;
type TermsOf<K extends ProductTerms['kind']> = Extract<ProductTerms, { kind: K }>;
export type FundTerms = TermsOf<'fund'>;
export type WealthTerms = TermsOf<'wealth'>;
export type DepositTerms = TermsOf<'deposit'>;
export type LoanTerms = TermsOf<'loan'>;
export type CorporateLoanTerms = TermsOf<'corporate_loan'>;
export type InsuranceTerms = TermsOf<'insurance'>;
export type GroupInsuranceTerms = TermsOf<'group_insurance'>;
export type EnterpriseAnnuityTerms = TermsOf<'enterprise_annuity'>;
export type SubscriptionTier = FundTerms['subscriptionFees'][number];
export type PremiumRate = InsuranceTerms['premiumRates'][number];
export type FundType = FundTerms['fundType'];
export type RiskRating = ProductInput['riskLevel'];
export type SalesChannel = ProductInput['channels'][number];

/** One catalogue entry, as the product factory's create input, with its kind's terms. */
export type ProductRecord<T extends ProductTerms = ProductTerms> = Omit<ProductInput, 'attributes'> & {
  attributes: T;
};

/**
 * One day of a fund's NAV history, as products' `NavPoint`. NAVs 4 dp ("1.0000" for money-market
 * funds); money-market funds also carry the income per 10,000 shares over the days since the previous
 * NAV (4 dp) and the 7-day annualised yield as a fraction (6 dp, "0.018250" = 1.825%); null otherwise.
 */
export type NavPoint = ProductsNavPoint;

/** CNY wire money from whole yuan. */
export function yuan(value: number | bigint): MoneyDto {
  return { amount: `${BigInt(value)}.00`, currency: 'CNY' };
}

export const ALL_CHANNELS: SalesChannel[] = ['web', 'app', 'phone', 'agent', 'corporate', 'branch'];
