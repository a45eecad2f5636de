import { describe, expect, it } from 'vitest';
import { PRODUCT_KINDS } from './model.ts';
import { filterColumnsOf, productInput, repricedAttributes } from './product-input.ts';
import { sampleProduct } from './testing.ts';

const issues = (body: unknown) => {
  const r = productInput.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const withAttrs = (
  kind: Parameters<typeof sampleProduct>[0],
  attributes: Record<string, unknown>,
  extra = {},
) => sampleProduct(kind, { attributes, ...extra });

describe('one catalogue for every kind', () => {
  it.each([...PRODUCT_KINDS])('accepts a valid %s', (kind) => {
    expect(issues(sampleProduct(kind))).toEqual([]);
  });

  it('derives the supermarket columns from the terms', () => {
    const parse = (kind: Parameters<typeof sampleProduct>[0]) => {
      const p = productInput.parse(sampleProduct(kind));
      return filterColumnsOf(p.attributes);
    };
    expect(parse('wealth')).toMatchObject({ category: 'public', termDaysMin: 182, yieldMax: '0.035' });
    expect(parse('wealth').minimumAmount?.amount).toBe(1_000_000n);
    expect(parse('loan')).toMatchObject({
      category: 'consumer',
      termDaysMin: 183,
      termDaysMax: 1095,
      yieldMax: null,
    });
    expect(parse('fund')).toMatchObject({ category: 'equity', fundCode: '110011', termDaysMin: null });
    expect(parse('deposit')).toMatchObject({ yieldMin: '0.0165', termDaysMax: 365 });
  });
});

describe('rules of each kind', () => {
  it('privately offered wealth products need at least 24 hours of cooling-off', () => {
    expect(issues(withAttrs('wealth', { offering: 'private', coolingOffHours: 12 }))).toContain(
      'attributes.coolingOffHours: private offerings need ≥ 24 h',
    );
    expect(issues(withAttrs('wealth', { offering: 'private', coolingOffHours: 24 }))).toEqual([]);
  });

  it('life insurance over a year needs a hesitation period of at least 15 days', () => {
    expect(issues(withAttrs('insurance', { hesitationDays: 10 }))).toContain(
      'attributes.hesitationDays: life over 1 year needs ≥ 15 days',
    );
  });

  it('refuses overlapping age bands and rates for terms not offered', () => {
    const rates = [
      { ageFrom: 18, ageTo: 40, gender: 'male', termYears: 10, ratePer1000: '1.2' },
      { ageFrom: 40, ageTo: 60, gender: 'male', termYears: 10, ratePer1000: '3.8' },
      { ageFrom: 18, ageTo: 40, gender: 'male', termYears: 30, ratePer1000: '3.8' },
    ];
    const found = issues(withAttrs('insurance', { premiumRates: rates }));
    expect(found).toContain('attributes.premiumRates: overlapping age bands (male, 10 years)');
    expect(found).toContain('attributes.premiumRates: a rate for a term not offered');
  });

  it('refuses yields the wrong way round, unsorted fee tiers and percent-looking rates', () => {
    expect(issues(withAttrs('wealth', { expectedYieldMin: '0.05' }))).toContain(
      'attributes.expectedYieldMax: must be ≥ expectedYieldMin',
    );
    const tiers = [
      { fromAmount: { amount: '100.00', currency: 'CNY' }, rate: '0.01' },
      { fromAmount: { amount: '0.00', currency: 'CNY' }, rate: '0.015' },
    ];
    expect(issues(withAttrs('fund', { subscriptionFees: tiers }))).toContain(
      'attributes.subscriptionFees: tiers ascend from 0',
    );
    expect(issues(withAttrs('deposit', { annualRate: '1.65' })).join()).toContain('a fraction from 0 to 1');
  });

  it('keeps corporate products for corporates, deposits at R1 and every amount in the product currency', () => {
    expect(issues(sampleProduct('corporate_loan', { customerTypes: ['individual', 'corporate'] }))).toContain(
      'customerTypes: corporate products sell to corporates',
    );
    expect(issues(sampleProduct('deposit', { riskLevel: 'R3' }))).toContain('riskLevel: deposits are R1');
    expect(issues(sampleProduct('deposit', { currency: 'USD' }))).toContain(
      'attributes: every amount must be in USD',
    );
  });

  it('needs a sales window for wealth products, ending after it starts', () => {
    expect(issues(sampleProduct('wealth', { salesStart: null }))).toContain(
      'salesStart: wealth products need a sales window',
    );
    const now = new Date('2026-01-01T00:00:00Z');
    expect(issues(sampleProduct('wealth', { now, salesEnd: '2025-12-01T00:00:00Z' }))).toContain(
      'salesEnd: must be after salesStart',
    );
  });

  it('refuses unknown fields anywhere, a wrong kind and a money amount as a number', () => {
    expect(issues(sampleProduct('deposit', { colour: 'red' })).join()).toMatch(/colour/);
    expect(issues(withAttrs('deposit', { bonus: '1' })).join()).toMatch(/bonus/);
    expect(issues(withAttrs('deposit', { kind: 'stock' })).join()).toMatch(/attributes.kind/);
    expect(issues(withAttrs('deposit', { minimumAmount: { amount: 50, currency: 'CNY' } })).join()).toMatch(
      /minimumAmount/,
    );
  });
});

describe('repricing changes only pricing', () => {
  const wealth = productInput.parse(sampleProduct('wealth')).attributes;
  it('applies new yields', () => {
    const r = repricedAttributes(wealth, { expectedYieldMin: '0.03', expectedYieldMax: '0.038' }, 'CNY');
    expect(r).toMatchObject({
      ok: true,
      value: { expectedYieldMin: '0.03', expectedYieldMax: '0.038', termDays: 182 },
    });
  });
  it('refuses a term change, no change at all and invalid results', () => {
    expect(repricedAttributes(wealth, { termDays: 90 }, 'CNY')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/termDays/),
    });
    expect(repricedAttributes(wealth, { expectedYieldMax: '0.035' }, 'CNY')).toEqual({
      ok: false,
      detail: 'nothing changes',
    });
    expect(repricedAttributes(wealth, { expectedYieldMax: '0.01' }, 'CNY')).toMatchObject({ ok: false });
  });
});
