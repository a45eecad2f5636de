import { numberColumn, type Table } from '../csv.ts';
import {
  type CompiledCard,
  compileCard,
  compiledBin,
  fitScorecard,
  refitPerBin,
  type Scorecard,
} from '../scorecard.ts';
import { sigmoid } from '../stats.ts';
import { pick } from '../validation.ts';
import { binCodes, binNumeric, type WoeFeature } from '../woe.ts';
import { CREDIT_ID, CREDIT_TARGET } from './columns.ts';
import { CREDIT_CANDIDATES, CREDIT_VARIABLES, type CreditVariable, type Words } from './variables.ts';

export type CreditScorecardOptions = {
  /** false for the fair-lending variant: no SEX, no MARRIAGE */
  includeSensitive: boolean;
  l2: number;
  /** variables below this information value are left out (0.02 = "useless" in the usual scale) */
  minIv: number;
  maxBins: number;
  /** smallest share of rows in a range bin (default 0.05) and quantile bins to start from (default 20) */
  minBinShare?: number;
  fineBins?: number;
  /** false to bin every range variable without the expected direction (experiments only) */
  isMonotone?: boolean;
  /** candidate variables by name (default: every one in CREDIT_VARIABLES) */
  candidates?: readonly string[];
  /**
   * L2 penalty of the per-bin refit (`refitPerBin`: one effect per bin, kept monotone in WoE);
   * undefined scores coefficient·WoE as the variable-choosing fit has it.
   */
  perBinL2?: number;
};

export const DEFAULT_CREDIT_OPTIONS: CreditScorecardOptions = {
  includeSensitive: false,
  l2: 1,
  minIv: 0.02,
  maxBins: 8,
  candidates: CREDIT_CANDIDATES,
  perBinL2: 50,
};

export type CreditScorecard = { card: Scorecard; variables: string[] };

/** Every candidate variable (or only the named ones) computed once for the whole table, by name. */
export function creditVariableColumns(table: Table, names?: readonly string[]): Map<string, Float64Array> {
  return new Map(
    CREDIT_VARIABLES.filter((v) => names === undefined || names.includes(v.name)).map((v) => [
      v.name,
      v.compute(table),
    ]),
  );
}

const isSensitive = (name: string) => CREDIT_VARIABLES.some((v) => v.name === name && v.isSensitive);

function binVariable(
  v: CreditVariable,
  values: Float64Array,
  labels: Float64Array,
  options: CreditScorecardOptions,
): WoeFeature {
  if (v.binning === 'codes') return binCodes(v.name, values, labels, { minBinShare: 0.02 });
  return binNumeric(v.name, values, labels, {
    monotone: options.isMonotone === false ? 'none' : v.monotone,
    maxBins: options.maxBins,
    minBinShare: options.minBinShare ?? 0.05,
    fineBins: options.fineBins ?? 20,
  });
}

/**
 * Trains the WoE scorecard on the given rows: bins every candidate, keeps those with enough IV (and SEX
 * and MARRIAGE when they are asked for), fits
 * the logistic regression and drops any variable whose coefficient has the wrong sign (a higher WoE must
 * never raise the risk, or the points would read backwards), refitting until none does. Then, by
 * default, the chosen variables are refitted with one effect per bin, monotone in WoE (5-fold AUC
 * 0.7802 against 0.7764 for coefficient·WoE, docs/models.md).
 */
export function trainCreditScorecard(
  table: Table,
  rows: readonly number[],
  options: CreditScorecardOptions = DEFAULT_CREDIT_OPTIONS,
  columns: Map<string, Float64Array> = creditVariableColumns(table),
): CreditScorecard {
  const labels = pick(numberColumn(table, CREDIT_TARGET), rows);
  const candidates = CREDIT_VARIABLES.filter(
    (v) =>
      (options.includeSensitive || !v.isSensitive) &&
      (options.candidates === undefined || options.candidates.includes(v.name) || v.isSensitive),
  )
    .map((v) => binVariable(v, pick(columns.get(v.name) as Float64Array, rows), labels, options))
    // asked-for sensitive variables stay in whatever their IV, so the comparison shows what they add
    .filter((f) => (f.iv >= options.minIv || isSensitive(f.column)) && f.bins.length > 1);
  let kept = candidates;
  for (;;) {
    const values = kept.map((f) => pick(columns.get(f.column) as Float64Array, rows));
    const card = fitScorecard(kept, values, labels, { l2: options.l2 });
    const wrongSign = card.features.filter((f) => f.coefficient > 0).map((f) => f.column);
    if (wrongSign.length === 0) {
      const variables = kept.map((f) => f.column);
      if (options.perBinL2 === undefined) return { card, variables };
      return { card: refitPerBin(card, values, labels, { l2: options.perBinL2 }), variables };
    }
    kept = kept.filter((f) => !wrongSign.includes(f.column));
  }
}

/** A reason code in plain words: which variable cost points, and how many. */
export type CreditReason = { variable: string; pointsBelowBest: number; words: Words };

export type CreditScore = { id: number; probability: number; score: number; reasons: CreditReason[] };

const wordsByName = new Map(CREDIT_VARIABLES.map((v) => [v.name, v.words]));

/**
 * Scores every row of a table (target column optional) with its reason codes. Same figures as
 * `scoreWithCard` + `reasonCodes` row by row, on the compiled card (typed-array bin lookups).
 */
export function scoreCreditTable(model: CreditScorecard, table: Table, reasonCount = 4): CreditScore[] {
  const columns = creditVariableColumns(table, model.variables);
  const used = model.variables.map((name) => columns.get(name) as Float64Array);
  const ids = numberColumn(table, CREDIT_ID);
  const compiled = compileCard(model.card);
  const features = compiled.features;
  const lost = new Int32Array(used.length);
  const out: CreditScore[] = new Array(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) {
    let logOddsBad = compiled.intercept;
    let score = 0;
    for (let j = 0; j < used.length; j++) {
      const f = features[j] as CompiledCard['features'][number];
      const at = compiledBin(f, (used[j] as Float64Array)[i] as number);
      const earned = at < 0 ? compiled.neutral : (f.points[at] as number);
      if (at >= 0) logOddsBad += f.logOdds[at] as number;
      score += earned;
      lost[j] = f.best - earned;
    }
    out[i] = {
      id: ids[i] as number,
      probability: sigmoid(logOddsBad),
      score,
      reasons: topReasons(lost, reasonCount, model.card.features),
    };
  }
  return out;
}

/** The `count` features that lost most points, worst first, ties in card order (as `reasonCodes`). */
function topReasons(lost: Int32Array, count: number, features: Scorecard['features']): CreditReason[] {
  const picked: number[] = [];
  for (let j = 0; j < lost.length; j++) {
    const p = lost[j] as number;
    if (p <= 0) continue;
    let k = picked.length;
    while (k > 0 && (lost[picked[k - 1] as number] as number) < p) k--;
    if (k < count) {
      picked.splice(k, 0, j);
      if (picked.length > count) picked.pop();
    }
  }
  return picked.map((j) => {
    const column = (features[j] as Scorecard['features'][number]).column;
    return { variable: column, pointsBelowBest: lost[j] as number, words: wordsByName.get(column) as Words };
  });
}

/** Default probabilities of the given rows (cross-validation needs only these). */
export function predictCreditRows(
  model: CreditScorecard,
  columns: Map<string, Float64Array>,
  rows: readonly number[],
): Float64Array {
  const used = model.variables.map((name) => columns.get(name) as Float64Array);
  const compiled = compileCard(model.card);
  return Float64Array.from(rows, (r) => {
    let logOddsBad = compiled.intercept;
    for (let j = 0; j < used.length; j++) {
      const f = compiled.features[j] as CompiledCard['features'][number];
      const at = compiledBin(f, (used[j] as Float64Array)[r] as number);
      if (at >= 0) logOddsBad += f.logOdds[at] as number;
    }
    return sigmoid(logOddsBad);
  });
}
