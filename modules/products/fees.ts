import {
  Dec,
  decimalToMoney,
  fail,
  type Money,
  moneyToDecimal,
  ok,
  parseMoney,
  type Result,
} from '@onefin/kernel';
import type { FundAttributes, InsuranceAttributes } from './attributes.ts';

/**
 * Price rules of the terms sheets, pure, for the order paths (investing, insurance) to share.
 * Amount tiers pick the highest `fromAmount` not above the amount.
 */

/**
 * A fund subscription's front-end fee by amount tier. Rate tiers use the net-amount method the
 * CSRC prescribes: net = amount / (1 + rate), fee = amount − net, half-up to the fen; the top tier
 * is usually a fixed fee per order.
 * @example subscriptionFee(tiers, money(1_000_000n)) // 10,000.00 at 1.5% → fee 147.78
 */
export function subscriptionFee(tiers: FundAttributes['subscriptionFees'], amount: Money): Money {
  const tier = [...tiers]
    .reverse()
    .find((t) => parseMoney(t.fromAmount.amount, amount.currency).amount <= amount.amount);
  if (!tier) return { amount: 0n, currency: amount.currency };
  if ('fixedFee' in tier) {
    const fixed = parseMoney(tier.fixedFee.amount, amount.currency);
    return fixed.amount > amount.amount ? amount : fixed;
  }
  const gross = moneyToDecimal(amount);
  const net = gross.div(new Dec(1).add(tier.rate));
  return decimalToMoney(gross.sub(net), amount.currency);
}

/** The redemption fee rate for shares held `holdingDays` (e.g. under 7 days: 1.5%). */
export function redemptionFeeRate(tiers: FundAttributes['redemptionFees'], holdingDays: number): string {
  const tier = [...tiers].reverse().find((t) => t.minHoldingDays <= holdingDays);
  return tier?.rate ?? '0';
}

/** The annual premium of a policy from the product's rate table (per 1,000 of sum assured). */
export function annualPremium(
  terms: InsuranceAttributes,
  applicant: { age: number; gender: 'male' | 'female'; termYears: number; sumAssured: Money },
): Result<Money, 'no_rate' | 'sum_assured_out_of_range'> {
  const min = parseMoney(terms.minSumAssured.amount, applicant.sumAssured.currency).amount;
  const max = parseMoney(terms.maxSumAssured.amount, applicant.sumAssured.currency).amount;
  if (applicant.sumAssured.amount < min || applicant.sumAssured.amount > max)
    return fail('sum_assured_out_of_range');
  const row = terms.premiumRates.find(
    (r) =>
      r.gender === applicant.gender &&
      r.termYears === applicant.termYears &&
      r.ageFrom <= applicant.age &&
      applicant.age <= r.ageTo,
  );
  if (!row)
    return fail(
      'no_rate',
      `no rate for a ${applicant.age}-year-old ${applicant.gender}, ${applicant.termYears} years`,
    );
  return ok(
    decimalToMoney(
      moneyToDecimal(applicant.sumAssured).div(1000).mul(row.ratePer1000),
      applicant.sumAssured.currency,
    ),
  );
}
