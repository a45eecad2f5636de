import { describe, expect, it } from 'vitest';
import { stratifiedKFold, timeOrderedFolds } from './validation.ts';

describe('stratified k-fold', () => {
  const labels = Array.from({ length: 103 }, (_, i) => (i % 5 === 0 ? 1 : 0)); // 21 positives

  it('tests every row exactly once and never trains on a fold’s own rows', () => {
    const folds = stratifiedKFold(labels, 5, 42);
    const tested = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    expect(tested).toEqual(labels.map((_, i) => i));
    for (const f of folds) {
      const test = new Set(f.test);
      expect(f.train.some((r) => test.has(r))).toBe(false);
      expect(f.train.length + f.test.length).toBe(labels.length);
    }
  });

  it('keeps the positive rate in every fold (4 or 5 of the 21 positives each)', () => {
    for (const f of stratifiedKFold(labels, 5, 42)) {
      const positives = f.test.filter((r) => labels[r] === 1).length;
      expect(positives).toBeGreaterThanOrEqual(4);
      expect(positives).toBeLessThanOrEqual(5);
    }
  });

  it('same seed, same folds; another seed, other folds', () => {
    expect(stratifiedKFold(labels, 5, 42)).toEqual(stratifiedKFold(labels, 5, 42));
    expect(stratifiedKFold(labels, 5, 43)).not.toEqual(stratifiedKFold(labels, 5, 42));
  });
});

describe('time-ordered folds', () => {
  // 12 rows over 6 periods, given out of order
  const times = [6, 1, 5, 2, 4, 3, 1, 2, 3, 4, 5, 6];

  it('trains only on the past and tests on the next block, moving a cut past a split period', () => {
    const folds = timeOrderedFolds(times, 3);
    expect(folds).toHaveLength(2);
    for (const f of folds) {
      const latestTrained = Math.max(...f.train.map((r) => times[r] as number));
      const earliestTested = Math.min(...f.test.map((r) => times[r] as number));
      expect(latestTrained).toBeLessThan(earliestTested);
    }
    // the first cut (after 4 rows) falls inside period 3, so it moves to after period 3
    expect(folds[0]?.train.map((r) => times[r])).toEqual([1, 1, 2, 2, 3, 3]);
    expect(folds[0]?.test.map((r) => times[r])).toEqual([4, 4, 5, 5]);
    expect(folds[1]?.test.map((r) => times[r])).toEqual([6, 6]);
  });
});
