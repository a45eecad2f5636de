import { CURRENCIES, type CurrencyCode, MINOR_UNITS, parseMoney } from '@onefin/kernel';
import { z } from 'zod';

/**
 * Each kind's terms sheet as one zod discriminated union on `kind`: validated at the edge and again
 * when read back from storage. Amounts are wire-form money (`{amount:"1000.00",currency:"CNY"}`),
 * rates and yields annual fractions as decimal strings ("0.0325" is 3.25%).
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** A real calendar date, YYYY-MM-DD. */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date');

/** An annual rate, fee or yield as a fraction between 0 and 1 with at most 6 decimals. */
export const rate = z
  .string()
  .regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, 'a fraction from 0 to 1 with up to 6 decimals, e.g. "0.0325"');

const positiveDecimal = (decimals: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,9}(\\.\\d{1,${decimals}})?$`), `a decimal with up to ${decimals} decimals`)
    .refine((v) => Number(v) > 0, 'must be greater than zero');

/** Money in a terms sheet; `positive` refuses zero. */
export function amount(positive: boolean) {
  return z
    .strictObject({ amount: z.string().min(1).max(32), currency: z.enum(CURRENCIES as [CurrencyCode]) })
    .superRefine((value, ctx) => {
      let minor: bigint;
      try {
        minor = parseMoney(value.amount, value.currency).amount;
      } catch {
        const digits = MINOR_UNITS[value.currency];
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: `must be a decimal string with at most ${digits} decimals`,
        });
        return;
      }
      if (minor < 0n || (positive && minor === 0n))
        ctx.addIssue({ code: 'custom', path: ['amount'], message: positive ? 'must be > 0' : 'must be ≥ 0' });
    });
}
export type AmountDto = z.infer<ReturnType<typeof amount>>;

const minor = (m: AmountDto) => parseMoney(m.amount, m.currency).amount;
const lte = (a: string, b: string) => Number(a) <= Number(b);
const uniqueSorted = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? x));

const subscriptionTier = z.union([
  z.strictObject({ fromAmount: amount(false), rate }),
  z.strictObject({ fromAmount: amount(false), fixedFee: amount(false) }),
]);
const redemptionTier = z.strictObject({ minHoldingDays: z.number().int().min(0).max(36_500), rate });

export const FUND_TYPES = ['money_market', 'bond', 'equity', 'mixed', 'index'] as const;
export type FundType = (typeof FUND_TYPES)[number];

const fund = z
  .strictObject({
    kind: z.literal('fund'),
    fundType: z.enum(FUND_TYPES),
    fundCode: z.string().regex(/^\d{6}$/, 'six digits'),
    company: text(60),
    manager: text(60),
    inceptionDate: businessDate,
    benchmark: text(200).optional(),
    minimumSubscription: amount(true),
    /** By amount, ascending from 0: a rate of the amount, or a fixed fee per order at the top. */
    subscriptionFees: z.array(subscriptionTier).min(1).max(10),
    /** By holding period, ascending from 0 days (e.g. < 7 days: 1.5%). */
    redemptionFees: z.array(redemptionTier).min(1).max(10),
    managementFeeRate: rate,
    custodyFeeRate: rate,
  })
  .superRefine((f, ctx) => {
    const from = f.subscriptionFees.map((t) => minor(t.fromAmount));
    if (from[0] !== 0n || !from.every((x, i) => i === 0 || x > (from[i - 1] ?? x)))
      ctx.addIssue({ code: 'custom', path: ['subscriptionFees'], message: 'tiers ascend from 0' });
    const days = f.redemptionFees.map((t) => t.minHoldingDays);
    if (days[0] !== 0 || !uniqueSorted(days))
      ctx.addIssue({ code: 'custom', path: ['redemptionFees'], message: 'tiers ascend from 0 days' });
  });

const wealth = z
  .strictObject({
    kind: z.literal('wealth'),
    /** Privately offered products are for qualified investors and carry a cooling-off period. */
    offering: z.enum(['public', 'private']),
    issuer: text(60),
    termDays: z.number().int().min(1).max(3650),
    expectedYieldMin: rate,
    expectedYieldMax: rate,
    minimumAmount: amount(true),
    increment: amount(true),
    coolingOffHours: z.number().int().min(0).max(720),
    /** The product's size: the total that may be sold. */
    size: amount(true),
  })
  .superRefine((w, ctx) => {
    if (!lte(w.expectedYieldMin, w.expectedYieldMax))
      ctx.addIssue({ code: 'custom', path: ['expectedYieldMax'], message: 'must be ≥ expectedYieldMin' });
    // DESIGN "Domain rules": privately offered wealth products have at least 24 hours of cooling-off.
    if (w.offering === 'private' && w.coolingOffHours < 24)
      ctx.addIssue({ code: 'custom', path: ['coolingOffHours'], message: 'private offerings need ≥ 24 h' });
    if (minor(w.minimumAmount) > minor(w.size))
      ctx.addIssue({ code: 'custom', path: ['minimumAmount'], message: 'must not exceed the size' });
  });

const deposit = z
  .strictObject({
    kind: z.literal('deposit'),
    termDays: z.number().int().min(1).max(3650),
    annualRate: rate,
    /** Paid instead when withdrawn before maturity (the demand rate). */
    earlyWithdrawalRate: rate,
    minimumAmount: amount(true),
    interestPayment: z.enum(['at_maturity', 'monthly']),
    dayCount: z.enum(['act_360', 'act_365']),
    autoRenew: z.boolean(),
  })
  .superRefine((d, ctx) => {
    if (!lte(d.earlyWithdrawalRate, d.annualRate))
      ctx.addIssue({ code: 'custom', path: ['earlyWithdrawalRate'], message: 'must be ≤ annualRate' });
  });

export const REPAYMENT_METHODS = ['equal_installment', 'equal_principal', 'interest_only_bullet'] as const;

const lending = {
  rateMin: rate,
  rateMax: rate,
  termsMonths: z.array(z.number().int().min(1).max(360)).min(1).max(30),
  repaymentMethods: z.array(z.enum(REPAYMENT_METHODS)).min(1).max(3),
  minAmount: amount(true),
  maxAmount: amount(true),
  dayCount: z.enum(['act_360', 'act_365']),
};
function checkLending(
  l: { rateMin: string; rateMax: string; termsMonths: number[]; repaymentMethods: string[] } & {
    minAmount: AmountDto;
    maxAmount: AmountDto;
  },
  ctx: z.RefinementCtx,
) {
  if (!lte(l.rateMin, l.rateMax))
    ctx.addIssue({ code: 'custom', path: ['rateMax'], message: 'must be ≥ rateMin' });
  if (!uniqueSorted(l.termsMonths))
    ctx.addIssue({ code: 'custom', path: ['termsMonths'], message: 'ascending, no repeats' });
  if (new Set(l.repaymentMethods).size !== l.repaymentMethods.length)
    ctx.addIssue({ code: 'custom', path: ['repaymentMethods'], message: 'no repeats' });
  if (minor(l.minAmount) > minor(l.maxAmount))
    ctx.addIssue({ code: 'custom', path: ['maxAmount'], message: 'must be ≥ minAmount' });
}

const loan = z
  .strictObject({
    kind: z.literal('loan'),
    loanType: z.enum(['consumer', 'mortgage', 'business', 'credit_line']),
    ...lending,
    /** Overdue penalty interest = contract rate × this (e.g. "1.5"). */
    penaltyRateMultiplier: positiveDecimal(2),
  })
  .superRefine(checkLending);

const corporateLoan = z
  .strictObject({
    kind: z.literal('corporate_loan'),
    loanType: z.enum(['working_capital', 'fixed_asset', 'trade_finance']),
    ...lending,
    collateralRequired: z.boolean(),
  })
  .superRefine(checkLending);

export const INSURANCE_TYPES = ['life', 'medical', 'accident'] as const;
const ageBand = { ageFrom: z.number().int().min(0).max(100), ageTo: z.number().int().min(0).max(100) };

/** Bands of one table must not overlap, or a quote would have two prices. */
function checkBands<T extends { ageFrom: number; ageTo: number }>(
  rows: readonly T[],
  groupOf: (r: T) => string,
  path: string,
  ctx: z.RefinementCtx,
) {
  const groups = new Map<string, T[]>();
  rows.forEach((r, i) => {
    if (r.ageFrom > r.ageTo)
      ctx.addIssue({ code: 'custom', path: [path, i, 'ageTo'], message: 'must be ≥ ageFrom' });
    groups.set(groupOf(r), [...(groups.get(groupOf(r)) ?? []), r]);
  });
  for (const [group, bands] of groups) {
    const sorted = [...bands].sort((a, b) => a.ageFrom - b.ageFrom);
    for (let i = 1; i < sorted.length; i++) {
      const [prev, cur] = [sorted[i - 1], sorted[i]];
      if (prev && cur && cur.ageFrom <= prev.ageTo)
        ctx.addIssue({ code: 'custom', path: [path], message: `overlapping age bands (${group})` });
    }
  }
}

const insurance = z
  .strictObject({
    kind: z.literal('insurance'),
    insuranceType: z.enum(INSURANCE_TYPES),
    insurer: text(60),
    coverageTermsYears: z.array(z.number().int().min(1).max(100)).min(1).max(20),
    /** Annual premium per 1,000 of sum assured, by age band, gender and coverage term. */
    premiumRates: z
      .array(
        z.strictObject({
          ...ageBand,
          gender: z.enum(['male', 'female']),
          termYears: z.number().int().min(1).max(100),
          ratePer1000: positiveDecimal(4),
        }),
      )
      .min(1)
      .max(2000),
    minSumAssured: amount(true),
    maxSumAssured: amount(true),
    /** Days after the policy starts in which the customer may cancel for a premium refund. */
    hesitationDays: z.number().int().min(0).max(60),
    waitingDays: z.number().int().min(0).max(365),
    paymentModes: z
      .array(z.enum(['single', 'annual', 'monthly']))
      .min(1)
      .max(3),
  })
  .superRefine((p, ctx) => {
    checkBands(p.premiumRates, (r) => `${r.gender}, ${r.termYears} years`, 'premiumRates', ctx);
    if (!uniqueSorted(p.coverageTermsYears))
      ctx.addIssue({ code: 'custom', path: ['coverageTermsYears'], message: 'ascending, no repeats' });
    if (p.premiumRates.some((r) => !p.coverageTermsYears.includes(r.termYears)))
      ctx.addIssue({ code: 'custom', path: ['premiumRates'], message: 'a rate for a term not offered' });
    if (minor(p.minSumAssured) > minor(p.maxSumAssured))
      ctx.addIssue({ code: 'custom', path: ['maxSumAssured'], message: 'must be ≥ minSumAssured' });
    // DESIGN "Domain rules": life insurance over one year has a hesitation period (at least 15 days).
    if (p.insuranceType === 'life' && p.coverageTermsYears.some((y) => y > 1) && p.hesitationDays < 15)
      ctx.addIssue({ code: 'custom', path: ['hesitationDays'], message: 'life over 1 year needs ≥ 15 days' });
  });

const groupInsurance = z
  .strictObject({
    kind: z.literal('group_insurance'),
    insuranceType: z.enum(INSURANCE_TYPES),
    insurer: text(60),
    minMembers: z.number().int().min(3).max(100_000),
    maxMembers: z.number().int().min(3).max(1_000_000),
    coverageTermYears: z.number().int().min(1).max(5),
    sumAssuredPerMember: amount(true),
    /** Annual premium per member by age band. */
    premiumPerMember: z
      .array(z.strictObject({ ...ageBand, annualPremium: amount(true) }))
      .min(1)
      .max(100),
    hesitationDays: z.number().int().min(0).max(60),
  })
  .superRefine((g, ctx) => {
    checkBands(g.premiumPerMember, () => 'members', 'premiumPerMember', ctx);
    if (g.minMembers > g.maxMembers)
      ctx.addIssue({ code: 'custom', path: ['maxMembers'], message: 'must be ≥ minMembers' });
  });

const enterpriseAnnuity = z
  .strictObject({
    kind: z.literal('enterprise_annuity'),
    trustee: text(60),
    investmentManager: text(60),
    /** Of the payroll; the Enterprise Annuity Measures cap the employer at 8% and both at 12%. */
    employerContributionMax: rate,
    combinedContributionMax: rate,
    vestingYears: z.number().int().min(0).max(8),
    managementFeeRate: rate,
  })
  .superRefine((a, ctx) => {
    if (!lte(a.employerContributionMax, '0.08'))
      ctx.addIssue({ code: 'custom', path: ['employerContributionMax'], message: 'at most 0.08' });
    if (!lte(a.combinedContributionMax, '0.12'))
      ctx.addIssue({ code: 'custom', path: ['combinedContributionMax'], message: 'at most 0.12' });
    if (!lte(a.employerContributionMax, a.combinedContributionMax))
      ctx.addIssue({ code: 'custom', path: ['employerContributionMax'], message: 'must be ≤ combined' });
  });

/** The terms of any product, by kind. */
export const productAttributes = z.discriminatedUnion('kind', [
  fund,
  wealth,
  deposit,
  loan,
  insurance,
  groupInsurance,
  enterpriseAnnuity,
  corporateLoan,
]);
export type ProductAttributes = z.infer<typeof productAttributes>;
export type FundAttributes = Extract<ProductAttributes, { kind: 'fund' }>;
export type InsuranceAttributes = Extract<ProductAttributes, { kind: 'insurance' }>;
