import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreditApplicant } from './inputs.ts';
import { creditApplicant } from './inputs.ts';
import { scoreCreditApplicants } from './scoring.ts';
import { trainedSample } from './testing.ts';

const trained = trainedSample('credit', 2000);
if (trained.artifact.set !== 'credit') throw new Error('expected a credit artifact');
const model = trained.artifact.model;

const status = fc.integer({ min: -2, max: 8 });
const bill = fc.integer({ min: -50_000, max: 800_000 });
const paid = fc.integer({ min: 0, max: 300_000 });
/** Any applicant the console form accepts. */
const applicant: fc.Arbitrary<CreditApplicant> = fc.record({
  LIMIT_BAL: fc.integer({ min: 10_000, max: 1_000_000 }),
  SEX: fc.constantFrom(1 as const, 2 as const),
  EDUCATION: fc.integer({ min: 0, max: 6 }),
  MARRIAGE: fc.integer({ min: 0, max: 3 }),
  AGE: fc.integer({ min: 18, max: 100 }),
  PAY_0: status,
  PAY_2: status,
  PAY_3: status,
  PAY_4: status,
  PAY_5: status,
  PAY_6: status,
  BILL_AMT1: bill,
  BILL_AMT2: bill,
  BILL_AMT3: bill,
  BILL_AMT4: bill,
  BILL_AMT5: bill,
  BILL_AMT6: bill,
  PAY_AMT1: paid,
  PAY_AMT2: paid,
  PAY_AMT3: paid,
  PAY_AMT4: paid,
  PAY_AMT5: paid,
  PAY_AMT6: paid,
});

describe('credit scores of applicants', () => {
  it('always add up: the points of the bins sum to the score, reasons are the costliest bins, worst first', () => {
    fc.assert(
      fc.property(applicant, (a) => {
        expect(creditApplicant.safeParse(a).success).toBe(true);
        const [s] = scoreCreditApplicants(model, [a]);
        if (!s) throw new Error('no score');
        expect(s.points.reduce((sum, p) => sum + p.points, 0)).toBe(s.score);
        expect(s.points.map((p) => p.variable)).toEqual(model.variables);
        expect(s.probability).toBeGreaterThan(0);
        expect(s.probability).toBeLessThan(1);
        const costs = s.reasons.map((r) => r.pointsBelowBest);
        expect(costs).toEqual([...costs].sort((x, y) => y - x));
        const worstElsewhere = s.points
          .filter((p) => !s.reasons.some((r) => r.variable === p.variable))
          .map((p) => p.pointsBelowBest);
        if (s.reasons.length > 0)
          expect(Math.max(0, ...worstElsewhere)).toBeLessThanOrEqual(Math.min(...costs));
        for (const r of s.reasons) expect(r.words.zh.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('score the same applicant the same way alone and in a batch', () => {
    const batch = fc.sample(applicant, { numRuns: 50, seed: 7 });
    const together = scoreCreditApplicants(model, batch);
    batch.forEach((a, i) => {
      expect(scoreCreditApplicants(model, [a])[0]).toEqual(together[i]);
    });
  });
});
