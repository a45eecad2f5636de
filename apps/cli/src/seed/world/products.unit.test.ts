import { productInput } from '@onefin/products';
import { describe, expect, it } from 'vitest';
import type { InsuranceTerms, ProductRecord, WealthTerms } from './catalogue-types.ts';
import { generateProducts } from './products.ts';
import { createRng } from './random.ts';

const END = '2025-06-30';
const products = generateProducts(createRng('products-test'), END);
const ofKind = <K extends ProductRecord['attributes']['kind']>(kind: K) =>
  products.filter((p) => p.attributes.kind === kind) as ProductRecord<
    Extract<ProductRecord['attributes'], { kind: K }>
  >[];

describe('the bank, wealth, insurance and corporate shelves', () => {
  it('is a valid create input for the product factory, every one of them, with unique codes', () => {
    for (const p of products) {
      const parsed = productInput.safeParse(p);
      expect(parsed.success ? 'ok' : { code: p.code, issues: parsed.error.issues }).toBe('ok');
    }
    expect(new Set(products.map((p) => p.code)).size).toBe(products.length);
    const kinds = new Set(products.map((p) => p.attributes.kind));
    expect([...kinds].sort()).toEqual(
      [
        'corporate_loan',
        'deposit',
        'enterprise_annuity',
        'group_insurance',
        'insurance',
        'loan',
        'wealth',
      ].sort(),
    );
  });

  it('offers wealth products at every risk level, some on sale now, some closed or coming', () => {
    const wealth = ofKind('wealth');
    expect(new Set(wealth.map((w) => w.riskLevel))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    const now = `${END}T04:00:00Z`;
    const onSale = wealth.filter((w) => (w.salesStart ?? '') <= now && now < (w.salesEnd ?? ''));
    expect(onSale.length).toBeGreaterThan(wealth.length / 3);
    expect(onSale.length).toBeLessThan(wealth.length);
    for (const w of wealth) {
      const min = Number(w.attributes.expectedYieldMin);
      const max = Number(w.attributes.expectedYieldMax);
      expect(min).toBeLessThanOrEqual(max);
      expect(max).toBeLessThan(0.15);
    }
  });

  it('sells private wealth to qualified investors only: ≥ ¥300,000 and 24 hours of cooling-off', () => {
    const terms = (w: ProductRecord<WealthTerms>) => w.attributes;
    for (const w of ofKind('wealth')) {
      if (terms(w).offering === 'private') {
        expect(terms(w).coolingOffHours).toBeGreaterThanOrEqual(24);
        expect(Number(terms(w).minimumAmount.amount)).toBeGreaterThanOrEqual(300_000);
      } else {
        expect(terms(w).minimumAmount).toEqual({ amount: '10000.00', currency: 'CNY' });
        expect(terms(w).increment).toEqual({ amount: '1000.00', currency: 'CNY' });
      }
    }
  });

  it('pays more on longer deposits, and more again on large CDs', () => {
    const deposits = ofKind('deposit').filter((d) => !d.code.includes('CD'));
    expect(deposits.map((d) => d.attributes.termDays)).toEqual([90, 180, 365, 730, 1095, 1825]);
    const rates = deposits.map((d) => Number(d.attributes.annualRate));
    expect(rates.every((r, i) => i === 0 || r >= (rates[i - 1] as number))).toBe(true);
    const cd1y = ofKind('deposit').find((d) => d.code === 'TD-CD-1Y');
    expect(Number(cd1y?.attributes.annualRate)).toBeGreaterThan(rates[2] as number);
  });

  it('prices term life by age, gender and term: older, male and longer cost more', () => {
    const life = ofKind('insurance').find(
      (p) => p.attributes.insuranceType === 'life',
    ) as ProductRecord<InsuranceTerms>;
    const rate = (ageFrom: number, gender: 'male' | 'female', termYears: number) =>
      Number(
        life.attributes.premiumRates.find(
          (r) => r.ageFrom === ageFrom && r.gender === gender && r.termYears === termYears,
        )?.ratePer1000,
      );
    expect(rate(26, 'male', 20)).toBeGreaterThan(0.8);
    expect(rate(26, 'male', 20)).toBeLessThan(3);
    expect(rate(41, 'male', 20)).toBeGreaterThan(rate(26, 'male', 20));
    expect(rate(26, 'female', 20)).toBeLessThan(rate(26, 'male', 20));
    expect(rate(26, 'male', 30)).toBeGreaterThan(rate(26, 'male', 20));
    // No cover runs past 80: a 56–60 year-old cannot buy 30 years.
    expect(life.attributes.premiumRates.some((r) => r.ageTo + r.termYears > 80)).toBe(false);
    expect(life.attributes.hesitationDays).toBeGreaterThanOrEqual(15);
  });

  it('keeps corporate products for corporates, sold by corporate teams and branches', () => {
    for (const p of products.filter((p) =>
      ['group_insurance', 'enterprise_annuity', 'corporate_loan'].includes(p.attributes.kind),
    )) {
      expect(p.customerTypes).toEqual(['corporate']);
      expect(p.channels).toEqual(['corporate', 'branch']);
    }
  });

  it('places the same catalogue for the same seed', () => {
    expect(generateProducts(createRng('products-test'), END)).toEqual(products);
  });
});
