import { numberColumn, type Table } from '../csv.ts';
import { type CrossValidation, crossValidate } from '../evaluation.ts';
import { stratifiedKFold } from '../validation.ts';
import { predictChallengerRows, trainCreditChallenger } from './challenger.ts';
import { CREDIT_TARGET } from './columns.ts';
import {
  type CreditScorecardOptions,
  creditVariableColumns,
  DEFAULT_CREDIT_OPTIONS,
  predictCreditRows,
  trainCreditScorecard,
} from './scorecard.ts';

export type CreditEvaluation = {
  scorecard: CrossValidation;
  scorecardWithSensitive: CrossValidation;
  challenger?: CrossValidation;
};

/**
 * Stratified k-fold cross-validation on one table: the scorecard without SEX and MARRIAGE (the one
 * delivered), the same with them (the fair-lending comparison) and, when asked, the boosted challenger.
 */
export function evaluateCredit(
  table: Table,
  options: { folds: number; seed: number; withChallenger: boolean; scorecard?: CreditScorecardOptions },
): CreditEvaluation {
  const labels = numberColumn(table, CREDIT_TARGET);
  const folds = stratifiedKFold(labels, options.folds, options.seed);
  const columns = creditVariableColumns(table);
  const base = options.scorecard ?? DEFAULT_CREDIT_OPTIONS;
  const scorecardOf = (includeSensitive: boolean) =>
    crossValidate(folds, labels, (train, test) =>
      predictCreditRows(
        trainCreditScorecard(table, train, { ...base, includeSensitive }, columns),
        columns,
        test,
      ),
    );
  const result: CreditEvaluation = {
    scorecard: scorecardOf(false),
    scorecardWithSensitive: scorecardOf(true),
  };
  if (options.withChallenger)
    result.challenger = crossValidate(folds, labels, (train, test) =>
      predictChallengerRows(trainCreditChallenger(table, train, columns), columns, test),
    );
  return result;
}
