import { describe, expect, it } from 'vitest';
import { brier, calibrationTable, gainsTable, gini, ks, psi, rocAuc, topDecileLift } from './metrics.ts';

describe('ROC AUC, Gini and KS on six hand-ranked rows', () => {
  // ranked 0.9 … 0.4: positive, positive, negative, positive, negative, negative
  const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
  const labels = [1, 1, 0, 1, 0, 0];

  it('counts 8 of the 9 positive–negative pairs ranked right: AUC 8/9, Gini 7/9', () => {
    expect(rocAuc(labels, scores)).toBeCloseTo(8 / 9, 12);
    expect(gini(labels, scores)).toBeCloseTo(7 / 9, 12);
  });

  it('gives half credit to a tie and does not care about input order', () => {
    expect(rocAuc([1, 0], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 0, 1, 1, 0, 1], [0.4, 0.5, 0.6, 0.8, 0.7, 0.9])).toBeCloseTo(8 / 9, 12);
  });

  it('finds the widest gap between the cumulative shares: 2/3 after the second row', () => {
    expect(ks(labels, scores)).toBeCloseTo(2 / 3, 12);
  });
});

describe('gains table on 20 rows with 4 positives (ranks 1, 2, 5 and 11)', () => {
  const scores = Array.from({ length: 20 }, (_, i) => 20 - i);
  const labels = scores.map((_, i) => ([0, 1, 4, 10].includes(i) ? 1 : 0));
  const table = gainsTable(labels, scores);

  it('puts both top rows in the first decile: rate 100% against a 20% base, lift 5', () => {
    expect(table[0]).toMatchObject({ rows: 2, positives: 2, rate: 1, lift: 5, cumulativeGain: 0.5 });
    expect(topDecileLift(labels, scores)).toBe(5);
  });

  it('accumulates gain and lift down the ranking', () => {
    expect(table[1]).toMatchObject({ positives: 0, lift: 0, cumulativeGain: 0.5, cumulativeLift: 2.5 });
    expect(table[2]).toMatchObject({ positives: 1, lift: 2.5, cumulativeGain: 0.75 });
    expect(table[9]?.cumulativeGain).toBe(1);
    expect(table.reduce((n, r) => n + r.rows, 0)).toBe(20);
  });
});

describe('probability quality', () => {
  it('Brier: (0.2² + 0.4²) / 2 = 0.1', () => {
    expect(brier([1, 0], [0.8, 0.4])).toBeCloseTo(0.1, 12);
  });

  it('calibration table groups by predicted probability, lowest first', () => {
    const rows = calibrationTable([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8], 2);
    expect(rows[0]).toMatchObject({ rows: 2, observedRate: 0 });
    expect(rows[0]?.meanPredicted).toBeCloseTo(0.2, 12);
    expect(rows[1]).toMatchObject({ rows: 2, observedRate: 1 });
    expect(rows[1]?.meanPredicted).toBeCloseTo(0.7, 12);
  });
});

describe('population stability index', () => {
  const expected = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('is 0 for the same distribution', () => {
    expect(psi(expected, expected, 5)).toBe(0);
  });

  it('is 0.3·ln(0.8/0.5) + 0.3·ln(0.5/0.2) ≈ 0.4159 when 80% fall below the median instead of 50%', () => {
    const actual = [1, 1, 1, 1, 1, 1, 1, 1, 9, 9];
    expect(psi(expected, actual, 2)).toBeCloseTo(0.3 * Math.log(0.8 / 0.5) + 0.3 * Math.log(0.5 / 0.2), 12);
  });
});
