import { describe, expect, it } from 'vitest';
import { modelReport, populationStability } from './report.ts';

describe('modelReport', () => {
  // Four rows; scores are "higher is safer" points, probabilities the chance of the positive class.
  const labels = [1, 0, 1, 0];
  const probabilities = [0.9, 0.4, 0.6, 0.1];
  const scores = [500, 620, 580, 700];

  it('draws the ROC from (0,0) to (1,1) and counts rows and positives', () => {
    const r = modelReport(labels, probabilities, scores);
    expect(r.rows).toBe(4);
    expect(r.positives).toBe(2);
    expect(r.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(r.roc.at(-1)).toEqual({ fpr: 1, tpr: 1 });
  });

  it('finds KS where both positives are below the cut and no negative is', () => {
    const r = modelReport(labels, probabilities, scores);
    expect(r.ks).toBe(1);
    expect(r.ksAt).toBe(580);
    expect(r.ksCurve.at(-1)).toEqual({ score: 700, positives: 1, negatives: 1 });
  });

  it('splits the score histogram by outcome and leaves out rows without a prediction', () => {
    const r = modelReport([...labels, 1], [...probabilities, Number.NaN], [...scores, 0]);
    expect(r.rows).toBe(4);
    const total = r.distribution.reduce((a, b) => a + b.positives + b.negatives, 0);
    expect(total).toBe(4);
    expect(r.distribution[0]).toMatchObject({ from: 500, positives: 1, negatives: 0 });
    expect(r.distribution.at(-1)).toMatchObject({ to: 700, positives: 0, negatives: 1 });
  });

  it('measures population stability against the sample deciles: 0 for the same scores, large for shifted ones', () => {
    const sample = Array.from({ length: 1000 }, (_, i) => 400 + (i % 200));
    const r = modelReport(
      sample.map((_, i) => i % 2),
      sample.map((_, i) => (i % 7) / 7),
      sample,
    );
    expect(r.stability.cuts).toHaveLength(9);
    expect(r.stability.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(populationStability(r.stability, sample).psi).toBe(0);
    const shifted = populationStability(
      r.stability,
      sample.map((s) => s + 60),
    );
    expect(shifted.psi).toBeGreaterThan(0.25);
    expect(shifted.shares[0]).toBe(0);
  });
});
