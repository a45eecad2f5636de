import { numberColumn, type Table } from '../csv.ts';
import {
  bestPointsOf,
  type FeaturePoints,
  fitScorecard,
  reasonCodes,
  type Scorecard,
  scoreWithCard,
} from '../scorecard.ts';
import { pick } from '../validation.ts';
import { binCodes, binNumeric, type WoeFeature } from '../woe.ts';
import { CREDIT_ID, CREDIT_TARGET } from './columns.ts';
import { CREDIT_VARIABLES, type CreditVariable, type Words } from './variables.ts';

export type CreditScorecardOptions = {
  /** false for the fair-lending variant: no SEX, no MARRIAGE */
  includeSensitive: boolean;
  l2: number;
  /** variables below this information value are left out (0.02 = "useless" in the usual scale) */
  minIv: number;
  maxBins: number;
};

export const DEFAULT_CREDIT_OPTIONS: CreditScorecardOptions = {
  includeSensitive: false,
  l2: 1,
  minIv: 0.02,
  maxBins: 8,
};

export type CreditScorecard = { card: Scorecard; variables: string[] };

/** Every candidate variable computed once for the whole table, by name. */
export function creditVariableColumns(table: Table): Map<string, Float64Array> {
  return new Map(CREDIT_VARIABLES.map((v) => [v.name, v.compute(table)]));
}

const isSensitive = (name: string) => CREDIT_VARIABLES.some((v) => v.name === name && v.isSensitive);

function binVariable(
  v: CreditVariable,
  values: Float64Array,
  labels: Float64Array,
  maxBins: number,
): WoeFeature {
  if (v.binning === 'codes') return binCodes(v.name, values, labels, { minBinShare: 0.02 });
  return binNumeric(v.name, values, labels, { monotone: v.monotone, maxBins, minBinShare: 0.05 });
}

/**
 * Trains the WoE scorecard on the given rows: bins every candidate, keeps those with enough IV (and SEX
 * and MARRIAGE when they are asked for), fits
 * the logistic regression and drops any variable whose coefficient has the wrong sign (a higher WoE must
 * never raise the risk, or the points would read backwards), refitting until none does.
 */
export function trainCreditScorecard(
  table: Table,
  rows: readonly number[],
  options: CreditScorecardOptions = DEFAULT_CREDIT_OPTIONS,
  columns: Map<string, Float64Array> = creditVariableColumns(table),
): CreditScorecard {
  const labels = pick(numberColumn(table, CREDIT_TARGET), rows);
  const candidates = CREDIT_VARIABLES.filter((v) => options.includeSensitive || !v.isSensitive)
    .map((v) => binVariable(v, pick(columns.get(v.name) as Float64Array, rows), labels, options.maxBins))
    // asked-for sensitive variables stay in whatever their IV, so the comparison shows what they add
    .filter((f) => (f.iv >= options.minIv || isSensitive(f.column)) && f.bins.length > 1);
  let kept = candidates;
  for (;;) {
    const card = fitScorecard(
      kept,
      kept.map((f) => pick(columns.get(f.column) as Float64Array, rows)),
      labels,
      { l2: options.l2 },
    );
    const wrongSign = card.features.filter((f) => f.coefficient > 0).map((f) => f.column);
    if (wrongSign.length === 0) return { card, variables: kept.map((f) => f.column) };
    kept = kept.filter((f) => !wrongSign.includes(f.column));
  }
}

/** A reason code in plain words: which variable cost points, and how many. */
export type CreditReason = { variable: string; pointsBelowBest: number; words: Words };

export type CreditScore = { id: number; probability: number; score: number; reasons: CreditReason[] };

const wordsByName = new Map(CREDIT_VARIABLES.map((v) => [v.name, v.words]));

function toReason(p: FeaturePoints): CreditReason {
  return {
    variable: p.column,
    pointsBelowBest: p.pointsBelowBest,
    words: wordsByName.get(p.column) as Words,
  };
}

/** Scores every row of a table (target column optional) with its reason codes. */
export function scoreCreditTable(model: CreditScorecard, table: Table, reasonCount = 4): CreditScore[] {
  const columns = creditVariableColumns(table);
  const used = model.variables.map((name) => columns.get(name) as Float64Array);
  const ids = numberColumn(table, CREDIT_ID);
  const out: CreditScore[] = [];
  const values = new Float64Array(used.length);
  const best = bestPointsOf(model.card);
  for (let i = 0; i < table.rowCount; i++) {
    for (let j = 0; j < used.length; j++) values[j] = (used[j] as Float64Array)[i] as number;
    const scored = scoreWithCard(model.card, values, best);
    out.push({
      id: ids[i] as number,
      probability: scored.probability,
      score: scored.score,
      reasons: reasonCodes(scored, reasonCount).map(toReason),
    });
  }
  return out;
}

/** Default probabilities of the given rows (cross-validation needs only these). */
export function predictCreditRows(
  model: CreditScorecard,
  columns: Map<string, Float64Array>,
  rows: readonly number[],
): Float64Array {
  const used = model.variables.map((name) => columns.get(name) as Float64Array);
  const values = new Float64Array(used.length);
  const best = bestPointsOf(model.card);
  return Float64Array.from(rows, (r) => {
    for (let j = 0; j < used.length; j++) values[j] = (used[j] as Float64Array)[r] as number;
    return scoreWithCard(model.card, values, best).probability;
  });
}
