import { describe, expect, it } from 'vitest';
import {
  type BoostedTrees,
  type BoostingOptions,
  fitBoostedTrees,
  predictBoostedMatrix,
  predictBoostedTrees,
  type TreeNode,
  toColumns,
} from './gbt.ts';
import { rocAuc } from './metrics.ts';
import { seededRandom } from './random.ts';
import { sigmoid } from './stats.ts';

const options: BoostingOptions = {
  trees: 40,
  learningRate: 0.2,
  maxDepth: 3,
  l2: 1,
  minChildWeight: 1,
  subsample: 0.8,
  maxBins: 32,
  seed: 1,
};

/** An interaction no additive model captures: positive when exactly one of x, y is above 0.5. */
function xorSample(n: number, seed: number) {
  const random = seededRandom(seed);
  const rows = Array.from({ length: n }, () => [random(), random(), random()]);
  const labels = rows.map(([x, y]) => ((x as number) > 0.5 !== (y as number) > 0.5 ? 1 : 0));
  return { rows, labels };
}

describe('gradient-boosted trees', () => {
  it('learns an interaction and ranks fresh rows almost perfectly', () => {
    const train = xorSample(2000, 1);
    const test = xorSample(500, 2);
    const model = fitBoostedTrees(toColumns(train.rows), train.labels, options);
    expect(rocAuc(test.labels, predictBoostedTrees(model, test.rows))).toBeGreaterThan(0.97);
  });

  it('splits a step at its edge: the first tree cuts feature 0 near 0.3, not the noise', () => {
    const random = seededRandom(5);
    const rows = Array.from({ length: 1000 }, () => [random(), random()]);
    const labels = rows.map(([x]) => ((x as number) > 0.3 ? 1 : 0));
    const model = fitBoostedTrees(toColumns(rows), labels, { ...options, trees: 1, subsample: 1 });
    const root = model.trees[0];
    expect(root?.kind).toBe('split');
    if (root?.kind !== 'split') return;
    expect(root.feature).toBe(0);
    expect(root.threshold).toBeCloseTo(0.3, 1);
  });

  it('same seed, same trees; another seed samples other rows', () => {
    const train = xorSample(500, 3);
    const a = fitBoostedTrees(toColumns(train.rows), train.labels, options);
    const b = fitBoostedTrees(toColumns(train.rows), train.labels, options);
    const c = fitBoostedTrees(toColumns(train.rows), train.labels, { ...options, seed: 2 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('scores through the flattened arrays exactly as walking the JSON trees does', () => {
    const train = xorSample(2000, 1);
    const test = xorSample(300, 3);
    const model = fitBoostedTrees(toColumns(train.rows), train.labels, options);
    const walk = (m: BoostedTrees, x: number[]) => {
      let z = m.baseLogOdds;
      for (const tree of m.trees) {
        let at: TreeNode = tree;
        while (at.kind === 'split') at = (x[at.feature] as number) <= at.threshold ? at.left : at.right;
        z += at.value;
      }
      return sigmoid(z);
    };
    const expected = test.rows.map((x) => walk(model, x));
    expect(Array.from(predictBoostedTrees(model, test.rows))).toEqual(expected);
    expect(Array.from(predictBoostedMatrix(model, Float64Array.from(test.rows.flat()), 3))).toEqual(expected);
  });
});
