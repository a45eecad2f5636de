import { artifactFromJson, artifactToJson, sha256Hex } from './artifact.ts';
import { CREDIT_ID, CREDIT_SCHEMA, CREDIT_TARGET } from './credit/columns.ts';
import { evaluateCredit } from './credit/evaluate.ts';
import { type CreditScorecard, scoreCreditTable, trainCreditScorecard } from './credit/scorecard.ts';
import { type CsvProblem, readTable, type Table } from './csv.ts';
import { type CrossValidation, type MetricSummary, measure } from './evaluation.ts';
import { MARKETING_ID, MARKETING_SCHEMA, MARKETING_TARGET } from './marketing/columns.ts';
import { evaluateMarketing } from './marketing/evaluate.ts';
import {
  MARKETING_BOOSTING,
  marketingLabels,
  type PropensityModel,
  predictPropensity,
  scorePropensityTable,
  trainPropensity,
} from './marketing/propensity.ts';
import { calibrationTable } from './metrics.ts';
import { type ModelReport, modelReport } from './report.ts';
import { scalingConstants } from './scorecard.ts';

export type ModelSet = 'credit' | 'marketing';

type Trained = { sha256: string; rows: number; seed: number };

/** What `onefin model train` writes: the model, the data it learned from, and its cross-validated AUC. */
export type ModelArtifact =
  | {
      set: 'credit';
      format: 1;
      trainedOn: Trained;
      crossValidatedAuc?: MetricSummary;
      model: CreditScorecard;
    }
  | {
      set: 'marketing';
      format: 1;
      trainedOn: Trained;
      crossValidatedAuc?: MetricSummary;
      model: PropensityModel;
    };

/** A training run: the artifact, the one-line figures, and what the registry keeps beside it. */
export type TrainedModelFile = {
  artifact: ModelArtifact;
  figures: object;
  /** Per-fold metrics of the delivered model (random stratified folds), when cross-validated. */
  crossValidation?: CrossValidation;
  /** Chart data from the out-of-fold predictions, when cross-validated. */
  report?: ModelReport;
};

export type FileResult<T> = { ok: true; value: T } | { ok: false; problems: CsvProblem[] };

const schemaOf = (set: ModelSet) => (set === 'credit' ? CREDIT_SCHEMA : MARKETING_SCHEMA);

export function readModelFile(set: ModelSet, text: string): FileResult<Table> {
  const read = readTable(text, schemaOf(set));
  return read.ok ? { ok: true, value: read.table } : read;
}

/**
 * Cross-validates (5 stratified folds, and time-ordered ones for marketing) unless told not to, then
 * trains on every row of the file. `onProgress` is called after each stage so the CLI can draw a bar.
 */
export function trainModelFile(
  set: ModelSet,
  text: string,
  options: { seed: number; isCrossValidated: boolean },
  onProgress: (stage: string) => void = () => undefined,
): FileResult<TrainedModelFile> {
  const { seed, isCrossValidated } = options;
  const read = readModelFile(set, text);
  if (!read.ok) return read;
  const table = read.value;
  const all = Array.from({ length: table.rowCount }, (_, i) => i);
  const trainedOn = { sha256: sha256Hex(text), rows: table.rowCount, seed };
  if (set === 'credit') {
    const cv = isCrossValidated ? evaluateCredit(table, { folds: 5, seed, withChallenger: true }) : undefined;
    onProgress('cross-validated');
    const model = trainCreditScorecard(table, all);
    onProgress('trained');
    const artifact: ModelArtifact = { set, format: 1, trainedOn, model };
    if (!cv) return { ok: true, value: { artifact, figures: {} } };
    artifact.crossValidatedAuc = cv.scorecard.summary.auc;
    const labels = table.numbers.get(CREDIT_TARGET) as Float64Array;
    const report = modelReport(labels, cv.scorecard.outOfFold, creditPoints(model, cv.scorecard.outOfFold));
    const figures = {
      ...cv.scorecard.summary,
      // The fair-lending view: what SEX and MARRIAGE would add, and what the boosted challenger gets.
      withSensitive: { auc: cv.scorecardWithSensitive.summary.auc },
      ...(cv.challenger ? { challenger: { auc: cv.challenger.summary.auc } } : {}),
    };
    return { ok: true, value: { artifact, figures, crossValidation: cv.scorecard, report } };
  }
  const cv = isCrossValidated ? evaluateMarketing(table, { folds: 5, timeBlocks: 5, seed }) : undefined;
  onProgress('cross-validated');
  const trained = trainPropensity(table, all, { kind: 'trees', options: { ...MARKETING_BOOSTING, seed } });
  if (!trained.ok) throw new Error(trained.detail); // the delivered feature list never leaks
  onProgress('trained');
  const artifact: ModelArtifact = { set, format: 1, trainedOn, model: trained.model };
  if (!cv) return { ok: true, value: { artifact, figures: {} } };
  artifact.crossValidatedAuc = cv.randomFolds.summary.auc;
  const figures = { ...cv.randomFolds.summary, timeOrdered: cv.timeOrdered.summary };
  const outOfFold = cv.randomFolds.outOfFold;
  const report = modelReport(marketingLabels(table), outOfFold, outOfFold.map(propensityPoints));
  return { ok: true, value: { artifact, figures, crossValidation: cv.randomFolds, report } };
}

/** A default probability as scorecard points (unrounded: the card's scaling of the log-odds of good). */
function creditPoints(model: CreditScorecard, probabilities: Float64Array): Float64Array {
  const { factor, offset } = scalingConstants(model.card.scaling);
  return probabilities.map((p) => offset + factor * Math.log((1 - p) / p));
}

/** Propensity as staff read it: probability × 1000. */
export const propensityPoints = (p: number) => Math.round(p * 1000);

export const writeArtifact = (artifact: ModelArtifact) => artifactToJson(artifact);
export const parseArtifact = (text: string) => artifactFromJson<ModelArtifact>(text);

const csvNumber = (v: number) => String(Math.round(v * 1e6) / 1e6);

/**
 * Scores a file of the training file's format (target optional) to CSV, one line per input row:
 * credit `ID,probability,score,reasons` (reason variables, worst first, `;`-separated); marketing
 * `row_id,probability,score` with score = probability × 1000. A bad file gives problems and no output.
 */
export function scoreModelFile(artifact: ModelArtifact, text: string): FileResult<string> {
  const read = readModelFile(artifact.set, text);
  if (!read.ok) return read;
  if (artifact.set === 'credit') {
    const lines = [`${CREDIT_ID},probability,score,reasons`];
    for (const s of scoreCreditTable(artifact.model, read.value))
      lines.push(
        `${s.id},${csvNumber(s.probability)},${s.score},${s.reasons.map((r) => r.variable).join(';')}`,
      );
    return { ok: true, value: `${lines.join('\n')}\n` };
  }
  const lines = [`${MARKETING_ID},probability,score`];
  for (const s of scorePropensityTable(artifact.model, read.value))
    lines.push(`${s.id},${csvNumber(s.probability)},${s.score}`);
  return { ok: true, value: `${lines.join('\n')}\n` };
}

/** AUC, KS, lift, Brier and the calibration table on a file that has the target column. */
export function evaluateModelFile(
  artifact: ModelArtifact,
  text: string,
): FileResult<object> | { ok: false; problems: CsvProblem[] } {
  const read = readModelFile(artifact.set, text);
  if (!read.ok) return read;
  const table = read.value;
  const target = artifact.set === 'credit' ? CREDIT_TARGET : MARKETING_TARGET;
  if (!table.columns.includes(target))
    return {
      ok: false,
      problems: [{ line: 1, column: target, message: `missing column "${target}" (the target)` }],
    };
  const labels =
    artifact.set === 'credit' ? (table.numbers.get(CREDIT_TARGET) as Float64Array) : marketingLabels(table);
  const probabilities =
    artifact.set === 'credit'
      ? scoreCreditTable(artifact.model, table).map((s) => s.probability)
      : Array.from(predictPropensity(artifact.model, table));
  return {
    ok: true,
    value: {
      rows: table.rowCount,
      ...measure(labels, probabilities),
      calibration: calibrationTable(labels, probabilities),
    },
  };
}
