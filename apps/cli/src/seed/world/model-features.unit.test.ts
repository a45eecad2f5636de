import { readFileSync } from 'node:fs';
import { CREDIT_SCHEMA, psi, readTable, scoreCreditTable, trainCreditScorecard } from '@onefin/ml';
import { creditApplicant, marketingContact } from '@onefin/models';
import { describe, expect, it } from 'vitest';
import { ageOn } from './dates.ts';
import {
  ECONOMY,
  type FeatureProfile,
  jobOf,
  maritalFromTies,
  maritalOf,
  modelFeatures,
  repaymentHistory,
} from './model-features.ts';
import { createRng } from './random.ts';
import { generateCustomers } from './world.ts';

const END = '2026-11-10';
const world = generateCustomers({ customers: 600, seed: 7, endDate: END });
const features = modelFeatures(world.individuals, world.relationships, END, createRng(7).fork('features'));
const all = world.individuals.map((p) => ({ p, f: features.get(p.ref) }));

describe('model features of the demo world', () => {
  it('gives every individual both models’ inputs, valid for the scoring schemas', () => {
    expect(features.size).toBe(world.individuals.length);
    for (const { f } of all) {
      expect(creditApplicant.safeParse(f?.credit).success).toBe(true);
      expect(marketingContact.safeParse(f?.marketing).success).toBe(true);
    }
  });

  it('agrees with the profile: age from the birth date, sex from gender, job from occupation', () => {
    for (const { p, f } of all) {
      const age = ageOn(p.birthDate, END);
      expect(f?.credit.AGE).toBe(age);
      expect(f?.marketing.age).toBe(age);
      expect(f?.credit.SEX).toBe(p.gender === 'male' ? 1 : 2);
      if (p.occupation === 'retired') expect(f?.marketing.job).toBe('retired');
      if (p.occupation === 'student') expect(f?.marketing.job).toBe('student');
    }
  });

  it('marries those the world gives a spouse, in both models’ codes', () => {
    const spouses = new Set(
      world.relationships.filter((r) => r.kind === 'spouse').flatMap((r) => [r.customerRef, r.relatedRef]),
    );
    expect(spouses.size).toBeGreaterThan(50);
    for (const ref of spouses) {
      expect(features.get(ref)?.credit.MARRIAGE).toBe(1);
      expect(features.get(ref)?.marketing.marital).toBe('married');
    }
  });

  it('draws limits on the data’s scale that grow with income, and puts a few customers behind', () => {
    const limits = (band: string) =>
      all.filter(({ p }) => p.incomeBand === band).map(({ f }) => f?.credit.LIMIT_BAL as number);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(limits('under_100k'))).toBeLessThan(mean(limits('300k_500k')));
    for (const { f } of all) {
      expect((f?.credit.LIMIT_BAL as number) % 10_000).toBe(0);
      expect(f?.credit.LIMIT_BAL).toBeGreaterThanOrEqual(10_000);
      expect(f?.credit.LIMIT_BAL).toBeLessThanOrEqual(1_000_000);
    }
    const late = all.filter(({ f }) => (f?.credit.PAY_0 as number) >= 1 || (f?.credit.PAY_2 as number) >= 1);
    expect(late.length / all.length).toBeGreaterThan(0.03);
    expect(late.length / all.length).toBeLessThan(0.25);
    const revolving = all.filter(({ f }) => f?.credit.PAY_0 === 0);
    expect(revolving.length / all.length).toBeGreaterThan(0.3);
  });

  it('scores like the development sample, so the model page does not call the demo population shifted', () => {
    const text = readFileSync(new URL('../../../../../data/credit/train.csv', import.meta.url), 'utf8');
    const sample = readTable(text, CREDIT_SCHEMA);
    if (!sample.ok) throw new Error('data/credit/train.csv does not read');
    const rows = Array.from({ length: sample.table.rowCount }, (_, i) => i);
    const model = trainCreditScorecard(sample.table, rows);
    const applicants = all.map(({ f }) => f?.credit as NonNullable<typeof f>['credit']);
    const names = Object.keys(applicants[0] ?? {});
    const csv = [
      ['ID', ...names].join(','),
      ...applicants.map((a, i) => [i + 1, ...names.map((n) => a[n as keyof typeof a])].join(',')),
    ].join('\n');
    const demo = readTable(csv, CREDIT_SCHEMA);
    if (!demo.ok) throw new Error(`the demo applicants do not read: ${JSON.stringify(demo.problems)}`);
    const development = scoreCreditTable(model, sample.table).map((s) => s.score);
    const today = scoreCreditTable(model, demo.table).map((s) => s.score);
    // < 0.1 stable, 0.1–0.25 drifting, > 0.25 shifted (the console's rule of thumb)
    expect(psi(development, today)).toBeLessThan(0.25);
  });

  it('uses one day’s economic indicators for everybody, and a contact history like the data’s', () => {
    for (const { f } of all) {
      expect(f?.marketing.euribor3m).toBe(ECONOMY.euribor3m);
      expect(f?.marketing['nr.employed']).toBe(ECONOMY['nr.employed']);
      const m = f?.marketing;
      if (m?.poutcome === 'nonexistent') expect([m.pdays, m.previous]).toEqual([999, 0]);
      if (m?.poutcome === 'success') expect(m.pdays).toBeLessThan(999);
      expect(['oct', 'nov']).toContain(m?.month);
    }
    const never = all.filter(({ f }) => f?.marketing.poutcome === 'nonexistent').length / all.length;
    expect(never).toBeGreaterThan(0.75);
  });

  it('is deterministic and each customer’s features are their own', () => {
    const again = modelFeatures(world.individuals, world.relationships, END, createRng(7).fork('features'));
    expect([...again.entries()]).toEqual([...features.entries()]);
    const alone = modelFeatures(
      world.individuals.slice(5, 6),
      world.relationships,
      END,
      createRng(7).fork('features'),
    );
    const ref = world.individuals[5]?.ref as string;
    expect(alone.get(ref)?.credit).toEqual(features.get(ref)?.credit);
  });
});

describe('repayment history', () => {
  it('pays a transactor’s whole bill each month, latest month first', () => {
    const h = repaymentHistory(100_000, 'transactor', createRng('t'));
    expect(h.status.every((s) => s === -1)).toBe(true);
    // PAY_AMT of a month settles the bill before it (one month older).
    for (let m = 0; m < 5; m++) expect(h.paid[m]).toBe(h.bills[m + 1]);
  });

  it('counts the months a late payer is behind', () => {
    const h = repaymentHistory(50_000, 'late', createRng('late'));
    expect(Math.max(...h.status)).toBeGreaterThanOrEqual(1);
    // Each month later in a run of missed payments is one month further behind.
    for (let m = 0; m < 5; m++) {
      const [now, before] = [h.status[m] as number, h.status[m + 1] as number];
      if (now > 1 && before >= 1) expect(now - before).toBeLessThanOrEqual(1);
    }
  });

  it('keeps an idle card at no balance', () => {
    const h = repaymentHistory(30_000, 'idle', createRng('i'));
    expect(h).toEqual({
      status: [-2, -2, -2, -2, -2, -2],
      bills: [0, 0, 0, 0, 0, 0],
      paid: [0, 0, 0, 0, 0, 0],
    });
  });
});

describe('profile mappings', () => {
  it('maps occupations to UCI jobs, income deciding for finance and business owners', () => {
    const rng = createRng(1);
    expect(jobOf('civil_servant', 'under_100k', rng)).toBe('admin.');
    expect(jobOf('finance', 'over_1m', rng)).toBe('management');
    expect(jobOf('finance', '100k_300k', rng)).toBe('admin.');
    expect(jobOf('business_owner', '500k_1m', rng)).toBe('entrepreneur');
    expect(jobOf('business_owner', 'under_100k', rng)).toBe('self-employed');
    expect(['blue-collar', 'services']).toContain(jobOf('worker', 'under_100k', rng));
    expect(jobOf(null, null, rng)).toBe('unknown');
  });

  it('reads marriage from family ties', () => {
    const ties = maritalFromTies([
      { customerRef: 'A', relatedRef: 'B', kind: 'spouse' },
      { customerRef: 'A', relatedRef: 'C', kind: 'child' },
      { customerRef: 'D', relatedRef: 'E', kind: 'parent' },
    ]);
    expect(ties.get('A')).toBe('married');
    expect(ties.get('B')).toBe('married');
    expect(ties.get('C')).toBeUndefined();
    expect(ties.get('E')).toBe('parent');
    expect(maritalOf('parent', 70, createRng(1))).toBe('divorced');
  });

  it('scores a demo log-in from the fields it has', () => {
    const demo: FeatureProfile = {
      ref: 'demo:13800138001',
      gender: 'male',
      birthDate: '1987-06-01',
      occupation: 'enterprise_staff',
      incomeBand: '300k_500k',
    };
    const f = modelFeatures([demo], [], END, createRng('demo')).get(demo.ref);
    expect(f?.credit.AGE).toBe(39);
    expect(f?.marketing.job).toBe('admin.');
  });
});
