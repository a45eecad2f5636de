import { brier, gini, ks, rocAuc, topDecileLift } from './metrics.ts';
import { mean, sampleSd } from './stats.ts';
import { type Fold, pick } from './validation.ts';

/** The figures reported for every fold and model. */
export type FoldMetrics = { auc: number; gini: number; ks: number; topDecileLift: number; brier: number };

export type MetricSummary = { mean: number; sd: number };
export type CrossValidation = {
  folds: FoldMetrics[];
  summary: Record<keyof FoldMetrics, MetricSummary>;
  /** Every row's prediction by the fold model that did not learn from it (NaN for rows in no test fold). */
  outOfFold: Float64Array;
};

/** All metrics of one set of predicted probabilities. */
export function measure(labels: ArrayLike<number>, probabilities: ArrayLike<number>): FoldMetrics {
  return {
    auc: rocAuc(labels, probabilities),
    gini: gini(labels, probabilities),
    ks: ks(labels, probabilities),
    topDecileLift: topDecileLift(labels, probabilities),
    brier: brier(labels, probabilities),
  };
}

/**
 * Runs `fitAndPredict` once per fold (it must learn from the train rows only) and measures its
 * predictions on the test rows, then summarises each metric as mean ± sample sd over the folds.
 */
export function crossValidate(
  folds: readonly Fold[],
  labels: ArrayLike<number>,
  fitAndPredict: (train: number[], test: number[]) => ArrayLike<number>,
): CrossValidation {
  const outOfFold = new Float64Array(labels.length).fill(Number.NaN);
  const results = folds.map((fold) => {
    const predicted = fitAndPredict(fold.train, fold.test);
    fold.test.forEach((row, i) => {
      outOfFold[row] = predicted[i] as number;
    });
    return measure(pick(labels, fold.test), predicted);
  });
  return { folds: results, summary: summarise(results), outOfFold };
}

export function summarise(folds: readonly FoldMetrics[]): Record<keyof FoldMetrics, MetricSummary> {
  const keys: (keyof FoldMetrics)[] = ['auc', 'gini', 'ks', 'topDecileLift', 'brier'];
  const entries = keys.map((k) => {
    const values = folds.map((f) => f[k]);
    return [k, { mean: mean(values), sd: sampleSd(values) }] as const;
  });
  return Object.fromEntries(entries) as Record<keyof FoldMetrics, MetricSummary>;
}
