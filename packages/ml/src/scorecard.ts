import { fitLogistic } from './logistic.ts';
import { sigmoid } from './stats.ts';
import { binIndex, type WoeBin, type WoeFeature, woeValue } from './woe.ts';

/** Points scaling: `baseScore` points at good:bad odds of `baseOdds`, and every `pdo` points double the odds. */
export type Scaling = { baseScore: number; baseOdds: number; pdo: number };

/** The bank's convention for this scorecard: 600 points at 50:1, 20 points to double the odds. */
export const STANDARD_SCALING: Scaling = { baseScore: 600, baseOdds: 50, pdo: 20 };

/**
 * One bin's row of the card. `logOdds` is the bin's own fitted share of ln(bad odds) when the card
 * was refitted per bin (`refitPerBin`); without it the bin scores coefficient·WoE.
 */
export type ScorecardBin = { label: string; woe: number; points: number; logOdds?: number };
/** `coefficient`: the variable's weight on WoE in the fit that chose the variables. */
export type ScorecardFeature = { column: string; coefficient: number; bins: ScorecardBin[]; woe: WoeFeature };

/** A bin's contribution to ln(bad odds): its own fitted effect, or the variable's coefficient times its WoE. */
export function binLogOdds(f: ScorecardFeature, k: number): number {
  const bin = f.bins[k] as ScorecardBin;
  return bin.logOdds ?? f.coefficient * bin.woe;
}

/** A points table: an applicant's score is the sum of the points of their bins, one bin per feature. */
export type Scorecard = { scaling: Scaling; intercept: number; features: ScorecardFeature[] };

/** Factor and offset with score = offset + factor · ln(good:bad odds). */
export function scalingConstants(s: Scaling): { factor: number; offset: number } {
  const factor = s.pdo / Math.LN2;
  return { factor, offset: s.baseScore - factor * Math.log(s.baseOdds) };
}

export function binLabel(bin: WoeBin): string {
  if (bin.kind === 'values') return bin.values.join('|');
  const lower = Number.isFinite(bin.lower) ? String(bin.lower) : '-inf';
  const upper = Number.isFinite(bin.upper) ? String(bin.upper) : '+inf';
  return `(${lower}, ${upper}]`;
}

/**
 * Fits the logistic regression on WoE values and turns it into points. The model predicts a bad, so
 * ln(good:bad odds) = −(intercept + Σ βⱼ·WoEⱼ); each bin gets −factor·βⱼ·WoE plus an even share of the
 * intercept and offset, rounded to whole points as printed scorecards are.
 */
export function fitScorecard(
  features: readonly WoeFeature[],
  columns: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  options: { l2: number; scaling?: Scaling },
): Scorecard {
  const scaling = options.scaling ?? STANDARD_SCALING;
  const rows = Array.from({ length: labels.length }, (_, i) => {
    const x = new Float64Array(features.length);
    features.forEach((f, j) => {
      x[j] = woeValue(f, (columns[j] as ArrayLike<number>)[i] as number);
    });
    return x;
  });
  const model = fitLogistic(rows, labels, { l2: options.l2 });
  const { factor, offset } = scalingConstants(scaling);
  const share = (offset + factor * -model.intercept) / features.length;
  return {
    scaling,
    intercept: model.intercept,
    features: features.map((woe, j) => {
      const coefficient = model.coefficients[j] as number;
      const bins = woe.bins.map((bin) => ({
        label: binLabel(bin),
        woe: bin.woe,
        points: Math.round(share - factor * coefficient * bin.woe),
      }));
      return { column: woe.column, coefficient, bins, woe };
    }),
  };
}

/**
 * Refits a card with one effect per bin instead of one coefficient per variable (a dummy-coded
 * scorecard: each bin's points follow its own fitted log-odds, shrunk toward the average by the L2
 * penalty), on the same variables and bins. Points must still never reward risk: within a variable
 * the bins are ordered by WoE, and wherever a safer bin would earn fewer points than the riskier one
 * before it, the two pool into one shared effect and the fit is repeated, until the points rise
 * with WoE in every variable.
 */
export function refitPerBin(
  card: Scorecard,
  columns: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  options: { l2: number },
): Scorecard {
  const features = card.features;
  const binOf = features.map((f, j) => {
    const values = columns[j] as ArrayLike<number>;
    return Int32Array.from({ length: labels.length }, (_, i) => binIndex(f.woe, values[i] as number) ?? -1);
  });
  // per variable, pools of bins sharing one effect, riskiest (lowest WoE) first
  const pools = features.map((f) =>
    f.bins
      .map((_, k) => k)
      .sort((a, b) => (f.bins[a] as ScorecardBin).woe - (f.bins[b] as ScorecardBin).woe)
      .map((k) => [k]),
  );
  for (;;) {
    const columnOf = features.map((f) => new Int32Array(f.bins.length));
    let width = 0;
    pools.forEach((variable, j) => {
      for (const pool of variable) {
        for (const k of pool) (columnOf[j] as Int32Array)[k] = width;
        width += 1;
      }
    });
    const rows = Array.from({ length: labels.length }, (_, i) => {
      const x = new Float64Array(width);
      features.forEach((_, j) => {
        const k = (binOf[j] as Int32Array)[i] as number;
        if (k >= 0) x[(columnOf[j] as Int32Array)[k] as number] = 1;
      });
      return x;
    });
    const model = fitLogistic(rows, labels, { l2: options.l2 });
    const effect = (j: number, k: number) =>
      model.coefficients[(columnOf[j] as Int32Array)[k] as number] as number;
    let pooled = false;
    pools.forEach((variable, j) => {
      const at = variable.findIndex(
        (pool, p) =>
          p > 0 && effect(j, pool[0] as number) > effect(j, (variable[p - 1] as number[])[0] as number),
      );
      if (at < 0) return;
      variable.splice(at - 1, 2, [...(variable[at - 1] as number[]), ...(variable[at] as number[])]);
      pooled = true;
    });
    if (pooled) continue;
    const { factor, offset } = scalingConstants(card.scaling);
    const share = (offset + factor * -model.intercept) / features.length;
    return {
      scaling: card.scaling,
      intercept: model.intercept,
      features: features.map((f, j) => ({
        ...f,
        bins: f.bins.map((bin, k) => ({
          ...bin,
          logOdds: effect(j, k),
          points: Math.round(share - factor * effect(j, k)),
        })),
      })),
    };
  }
}

/** What one feature contributed: its bin, its points, and how many it cost against its best bin. */
export type FeaturePoints = { column: string; bin: string; points: number; pointsBelowBest: number };

export type ScoredApplicant = { score: number; probability: number; points: FeaturePoints[] };

/**
 * A card prepared for fast scoring: per feature, the bin uppers (range bins) or a code → bin map, the
 * points and coefficient·WoE of every bin, and the neutral points of an unseen code. Cached per card.
 */
export type CompiledCard = {
  features: {
    uppers?: Float64Array;
    codes?: Map<number, number>;
    points: Int32Array;
    logOdds: Float64Array;
    best: number;
  }[];
  intercept: number;
  neutral: number;
};

const compiledCache = new WeakMap<Scorecard, CompiledCard>();

export function compileCard(card: Scorecard): CompiledCard {
  const cached = compiledCache.get(card);
  if (cached) return cached;
  const { factor, offset } = scalingConstants(card.scaling);
  const compiled: CompiledCard = {
    intercept: card.intercept,
    neutral: Math.round((offset + factor * -card.intercept) / card.features.length),
    features: card.features.map((f) => {
      const first = f.woe.bins[0];
      const codes = new Map<number, number>();
      f.woe.bins.forEach((b, k) => {
        if (b.kind === 'values') for (const v of b.values) if (!codes.has(v)) codes.set(v, k);
      });
      return {
        ...(first?.kind === 'range'
          ? { uppers: Float64Array.from(f.woe.bins, (b) => (b.kind === 'range' ? b.upper : 0)) }
          : { codes }),
        points: Int32Array.from(f.bins, (b) => b.points),
        logOdds: Float64Array.from(f.bins, (_, k) => binLogOdds(f, k)),
        best: Math.max(...f.bins.map((b) => b.points)),
      };
    }),
  };
  compiledCache.set(card, compiled);
  return compiled;
}

/** The bin of value v in a compiled feature (same answer as woe.ts binIndex); −1 for an unseen code. */
export function compiledBin(f: CompiledCard['features'][number], v: number): number {
  const uppers = f.uppers;
  if (uppers) {
    let lo = 0;
    let hi = uppers.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= (uppers[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  return f.codes?.get(v) ?? -1;
}

/** Each feature's best points, worked out once per card rather than once per applicant. */
export function bestPointsOf(card: Scorecard): number[] {
  return card.features.map((f) => Math.max(...f.bins.map((b) => b.points)));
}

/**
 * Scores one applicant (values in the order of `card.features`). The score is the sum of the printed
 * points; the probability comes from the unrounded log-odds. An unseen code scores the feature's
 * neutral (WoE 0) points.
 */
export function scoreWithCard(
  card: Scorecard,
  values: ArrayLike<number>,
  bestPoints: readonly number[] = bestPointsOf(card),
): ScoredApplicant {
  const { factor, offset } = scalingConstants(card.scaling);
  const neutral = Math.round((offset + factor * -card.intercept) / card.features.length);
  let logOddsBad = card.intercept;
  let score = 0;
  const points = card.features.map((f, j) => {
    const at = binIndex(f.woe, values[j] as number);
    const bin = at === undefined ? undefined : f.bins[at];
    if (at !== undefined) logOddsBad += binLogOdds(f, at);
    const earned = bin ? bin.points : neutral;
    score += earned;
    return {
      column: f.column,
      bin: bin?.label ?? 'unseen',
      points: earned,
      pointsBelowBest: (bestPoints[j] as number) - earned,
    };
  });
  return { score, probability: sigmoid(logOddsBad), points };
}

/** The features that cost the most points against their best bin, worst first (ties by column order). */
export function reasonCodes(scored: ScoredApplicant, count = 4): FeaturePoints[] {
  return scored.points
    .filter((p) => p.pointsBelowBest > 0)
    .sort((a, b) => b.pointsBelowBest - a.pointsBelowBest)
    .slice(0, count);
}

/** The scorecard as CSV rows: feature, bin, WoE, points. */
export function scorecardCsv(card: Scorecard): string {
  const lines = ['feature,bin,woe,points'];
  for (const f of card.features) {
    for (const b of f.bins) lines.push(`${f.column},"${b.label}",${b.woe.toFixed(4)},${b.points}`);
  }
  return `${lines.join('\n')}\n`;
}
