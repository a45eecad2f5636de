import { numberColumn, type Table, textColumn } from '../csv.ts';
import {
  type FeaturePipeline,
  type FeatureSpec,
  fitPipeline,
  transformMatrix,
  transformRows,
} from '../features.ts';
import {
  type BoostedTrees,
  type BoostingOptions,
  fitBoostedTrees,
  predictBoostedMatrix,
  toColumns,
} from '../gbt.ts';
import { fitLogistic, type LogisticModel, predictLogistic } from '../logistic.ts';
import { pick } from '../validation.ts';
import { MARKETING_ID, MARKETING_TARGET } from './columns.ts';
import { checkNoLeakage, type LeakageRefusal, MARKETING_FEATURES, withDerived } from './features.ts';

/** Tuned by 5-fold cross-validation on train.csv only (docs/models.md). */
export const MARKETING_BOOSTING: BoostingOptions = {
  trees: 300,
  learningRate: 0.05,
  maxDepth: 4,
  l2: 1,
  minChildWeight: 5,
  subsample: 0.8,
  maxBins: 64,
  seed: 20261125,
};

export type PropensityLearner =
  | { kind: 'logistic'; l2: number }
  | { kind: 'trees'; options: BoostingOptions };

export const DEFAULT_PROPENSITY_LEARNER: PropensityLearner = { kind: 'trees', options: MARKETING_BOOSTING };

export type PropensityModel =
  | { kind: 'logistic'; pipeline: FeaturePipeline; logistic: LogisticModel }
  | { kind: 'trees'; pipeline: FeaturePipeline; trees: BoostedTrees };

/** 1 for a subscription ("yes"). */
export function marketingLabels(table: Table): Float64Array {
  return Float64Array.from(textColumn(table, MARKETING_TARGET), (y) => (y === 'yes' ? 1 : 0));
}

/**
 * Trains the propensity model on the given rows. The feature list is checked first: one that reads
 * `duration` or `row_id` is refused and nothing is trained.
 */
export function trainPropensity(
  table: Table,
  rows: readonly number[],
  learner: PropensityLearner = DEFAULT_PROPENSITY_LEARNER,
  features: readonly FeatureSpec[] = MARKETING_FEATURES,
): { ok: true; model: PropensityModel } | LeakageRefusal {
  const check = checkNoLeakage(features);
  if (!check.ok) return check;
  const t = withDerived(table);
  const pipeline = fitPipeline(t, rows, features);
  const x = transformRows(pipeline, t, rows);
  const labels = pick(marketingLabels(table), rows);
  if (learner.kind === 'logistic')
    return {
      ok: true,
      model: { kind: 'logistic', pipeline, logistic: fitLogistic(x, labels, { l2: learner.l2 }) },
    };
  return {
    ok: true,
    model: { kind: 'trees', pipeline, trees: fitBoostedTrees(toColumns(x), labels, learner.options) },
  };
}

/** Subscription probabilities of the given rows (all rows when none are given). */
export function predictPropensity(
  model: PropensityModel,
  table: Table,
  rows?: readonly number[],
): Float64Array {
  const t = withDerived(table);
  if (model.kind === 'logistic')
    return predictLogistic(model.logistic, transformRows(model.pipeline, t, rows));
  return predictBoostedMatrix(
    model.trees,
    transformMatrix(model.pipeline, t, rows),
    model.pipeline.names.length,
  );
}

export type PropensityScore = { id: number; probability: number; score: number };

/** Scores a table: the score is the probability × 1000, rounded, as the campaign list shows it. */
export function scorePropensityTable(model: PropensityModel, table: Table): PropensityScore[] {
  const ids = numberColumn(table, MARKETING_ID);
  const p = predictPropensity(model, table);
  return Array.from(p, (probability, i) => ({
    id: ids[i] as number,
    probability,
    score: Math.round(probability * 1000),
  }));
}
