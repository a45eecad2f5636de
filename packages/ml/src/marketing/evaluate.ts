import type { Table } from '../csv.ts';
import { type CrossValidation, crossValidate } from '../evaluation.ts';
import { stratifiedKFold, timeOrderedFolds } from '../validation.ts';
import { contactPeriods } from './period.ts';
import {
  DEFAULT_PROPENSITY_LEARNER,
  marketingLabels,
  type PropensityLearner,
  predictPropensity,
  trainPropensity,
} from './propensity.ts';

export type MarketingEvaluation = { randomFolds: CrossValidation; timeOrdered: CrossValidation };

/**
 * Stratified k-fold on random folds, and time-ordered validation (train on the past, test on the next
 * block of contacts), for one learner.
 */
export function evaluateMarketing(
  table: Table,
  options: { folds: number; timeBlocks: number; seed: number; learner?: PropensityLearner },
): MarketingEvaluation {
  const labels = marketingLabels(table);
  const learner = options.learner ?? DEFAULT_PROPENSITY_LEARNER;
  const fitAndPredict = (train: number[], test: number[]) => {
    const trained = trainPropensity(table, train, learner);
    if (!trained.ok) throw new Error(trained.detail);
    return predictPropensity(trained.model, table, test);
  };
  return {
    randomFolds: crossValidate(stratifiedKFold(labels, options.folds, options.seed), labels, fitAndPredict),
    timeOrdered: crossValidate(
      timeOrderedFolds(contactPeriods(table), options.timeBlocks),
      labels,
      fitAndPredict,
    ),
  };
}
