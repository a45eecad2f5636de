import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './logistic.ts';
import { seededRandom } from './random.ts';

describe('L2 logistic regression', () => {
  it('with no signal, the intercept is the log-odds of the base rate (3 in 10 → ln(3/7))', () => {
    const rows = Array.from({ length: 10 }, () => [0]);
    const labels = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    const model = fitLogistic(rows, labels, { l2: 1 });
    expect(model.intercept).toBeCloseTo(Math.log(3 / 7), 8);
    expect(model.coefficients[0]).toBeCloseTo(0, 12);
  });

  it('recovers the coefficients a sample was drawn from, and shrinks them as the penalty grows', () => {
    const random = seededRandom(7);
    const rows = Array.from({ length: 4000 }, () => [random() * 4 - 2, random() * 4 - 2]);
    const labels = rows.map(([a, b]) =>
      random() < 1 / (1 + Math.exp(-(0.5 + 1.5 * (a as number) - (b as number)))) ? 1 : 0,
    );
    const model = fitLogistic(rows, labels, { l2: 0.01 });
    expect(model.intercept).toBeCloseTo(0.5, 0);
    expect(model.coefficients[0]).toBeCloseTo(1.5, 0);
    expect(model.coefficients[1]).toBeCloseTo(-1, 0);
    const shrunk = fitLogistic(rows, labels, { l2: 2000 });
    expect(Math.abs(shrunk.coefficients[0] as number)).toBeLessThan(
      Math.abs(model.coefficients[0] as number) / 2,
    );
  });

  it('gives the same coefficients and probabilities on every run', () => {
    const rows = [[0], [1], [2], [3], [4], [5]];
    const labels = [0, 0, 1, 0, 1, 1];
    const a = fitLogistic(rows, labels, { l2: 0.5 });
    const b = fitLogistic(rows, labels, { l2: 0.5 });
    expect(b).toEqual(a);
    expect(Array.from(predictLogistic(a, rows))).toEqual(Array.from(predictLogistic(b, rows)));
  });
});
