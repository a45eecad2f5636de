import { numberColumn, type Table } from '../csv.ts';
import { type BoostedTrees, type BoostingOptions, fitBoostedTrees, treesLogOdds } from '../gbt.ts';
import { sigmoid } from '../stats.ts';
import { pick } from '../validation.ts';
import { CREDIT_TARGET } from './columns.ts';
import { CREDIT_CANDIDATES, CREDIT_VARIABLES } from './variables.ts';

/** Tuned by 5-fold cross-validation on train.csv only (docs/models.md). */
export const CREDIT_BOOSTING: BoostingOptions = {
  trees: 400,
  learningRate: 0.05,
  maxDepth: 3,
  l2: 1,
  minChildWeight: 5,
  subsample: 0.8,
  maxBins: 64,
  seed: 20261125,
};

export type CreditChallenger = { variables: string[]; trees: BoostedTrees };

/** The challenger: gradient-boosted trees on the same candidate variables as the scorecard (SEX and MARRIAGE on request). */
export function trainCreditChallenger(
  table: Table,
  rows: readonly number[],
  columns: Map<string, Float64Array>,
  options: BoostingOptions = CREDIT_BOOSTING,
  includeSensitive = false,
): CreditChallenger {
  const variables = CREDIT_VARIABLES.filter(
    (v) => CREDIT_CANDIDATES.includes(v.name) || (includeSensitive && v.isSensitive),
  ).map((v) => v.name);
  const features = variables.map((name) => pick(columns.get(name) as Float64Array, rows));
  const labels = pick(numberColumn(table, CREDIT_TARGET), rows);
  return { variables, trees: fitBoostedTrees(features, labels, options) };
}

export function predictChallengerRows(
  model: CreditChallenger,
  columns: Map<string, Float64Array>,
  rows: readonly number[],
): Float64Array {
  const used = model.variables.map((name) => columns.get(name) as Float64Array);
  const x = new Float64Array(used.length);
  return Float64Array.from(rows, (r) => {
    for (let j = 0; j < used.length; j++) x[j] = (used[j] as Float64Array)[r] as number;
    return sigmoid(treesLogOdds(model.trees, x));
  });
}
