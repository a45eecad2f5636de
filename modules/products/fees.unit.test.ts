import { money } from '@onefin/kernel';
import { describe, expect, it } from 'vitest';
import type { FundAttributes, InsuranceAttributes } from './attributes.ts';
import { annualPremium, redemptionFeeRate, subscriptionFee } from './fees.ts';
import { productInput } from './product-input.ts';
import { sampleProduct } from './testing.ts';

const fund = productInput.parse(sampleProduct('fund')).attributes as FundAttributes;
const life = productInput.parse(sampleProduct('insurance')).attributes as InsuranceAttributes;

describe('a fund subscription of 10,000.00 at 1.5% (net-amount method)', () => {
  it('costs 147.78: net 9,852.22 = 10,000 / 1.015', () => {
    expect(subscriptionFee(fund.subscriptionFees, money(1_000_000n))).toEqual(money(14_778n));
  });
  it('takes the 1.2% tier from 1,000,000.00 and the fixed 1,000.00 from 5,000,000.00', () => {
    expect(subscriptionFee(fund.subscriptionFees, money(100_000_000n))).toEqual(money(1_185_771n)); // 11,857.71
    expect(subscriptionFee(fund.subscriptionFees, money(600_000_000n))).toEqual(money(100_000n));
  });
});

describe('redemption fees by holding period', () => {
  it.each([
    [0, '0.015'],
    [6, '0.015'],
    [7, '0.005'],
    [729, '0.005'],
    [730, '0'],
  ])('held %i days: %s', (days, rate) => {
    expect(redemptionFeeRate(fund.redemptionFees, days)).toBe(rate);
  });
});

describe('premiums from the rate table', () => {
  it('a 35-year-old man, 10 years, 500,000.00 assured at 1.20 per 1,000 pays 600.00 a year', () => {
    expect(
      annualPremium(life, { age: 35, gender: 'male', termYears: 10, sumAssured: money(50_000_000n) }),
    ).toEqual({
      ok: true,
      value: money(60_000n),
    });
  });
  it('has no rate for a 50-year-old woman and refuses a sum assured out of range', () => {
    expect(
      annualPremium(life, { age: 50, gender: 'female', termYears: 10, sumAssured: money(50_000_000n) }),
    ).toMatchObject({ ok: false, error: 'no_rate' });
    expect(
      annualPremium(life, { age: 30, gender: 'male', termYears: 10, sumAssured: money(100n) }),
    ).toMatchObject({ ok: false, error: 'sum_assured_out_of_range' });
  });
});
