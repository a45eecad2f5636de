import { type CalibrationRow, calibrationTable, type GainsRow, gainsTable, rocCurve } from './metrics.ts';

/**
 * What a model page draws, from cross-validated (out-of-fold) predictions so the charts show how the
 * model does on rows it did not learn from. Small enough to store with the version (a few kB).
 */
export type ModelReport = {
  rows: number;
  positives: number;
  /** ROC curve thinned to at most `ROC_POINTS` points, (0,0) to (1,1). */
  roc: { fpr: number; tpr: number }[];
  /**
   * Cumulative share of positives and negatives below each score cut (the KS chart), lowest first;
   * `ks` is the widest gap and `ksAt` the score where it is.
   */
  ksCurve: { score: number; positives: number; negatives: number }[];
  ks: number;
  ksAt: number;
  gains: GainsRow[];
  /** Score histogram split by outcome, in `bins` equal-width bins over the observed range. */
  distribution: { from: number; to: number; positives: number; negatives: number }[];
  calibration: CalibrationRow[];
  /**
   * Score deciles of the development sample: cuts between ten equal-count groups and each group's
   * share (near 10%; ties move shares), the baseline a population stability check compares against.
   */
  stability: { cuts: number[]; shares: number[] };
};

const ROC_POINTS = 101;
const HISTOGRAM_BINS = 20;

/**
 * `probabilities` rank the rows (higher = more likely positive); `scores` are what staff read (credit
 * points, where higher is safer, or propensity × 1000). Rows with a NaN prediction are left out.
 */
export function modelReport(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  scores: ArrayLike<number>,
): ModelReport {
  const kept: number[] = [];
  for (let i = 0; i < labels.length; i++) if (!Number.isNaN(probabilities[i] as number)) kept.push(i);
  const y = Float64Array.from(kept, (i) => labels[i] as number);
  const p = Float64Array.from(kept, (i) => probabilities[i] as number);
  const s = Float64Array.from(kept, (i) => scores[i] as number);
  const positives = y.reduce((a, b) => a + b, 0);
  const { curve, ks, ksAt } = ksOf(y, s, positives);
  return {
    rows: kept.length,
    positives,
    roc: thin(rocCurve(y, p)).map((r) => ({ fpr: round(r.fpr), tpr: round(r.tpr) })),
    ksCurve: curve,
    ks,
    ksAt,
    gains: gainsTable(y, p, 10),
    distribution: histogram(y, s),
    calibration: calibrationTable(y, p, 10),
    stability: decilesOf(s),
  };
}

/** Below this share a group counts as this share, so an empty group doesn't make PSI infinite. */
const PSI_FLOOR = 1e-4;

/** The group each score falls in: group k holds scores in [cuts[k-1], cuts[k]). */
function groupOf(cuts: readonly number[], v: number): number {
  let g = 0;
  while (g < cuts.length && v >= (cuts[g] as number)) g++;
  return g;
}

function decilesOf(s: Float64Array): ModelReport['stability'] {
  if (s.length === 0) return { cuts: [], shares: [] };
  const sorted = Float64Array.from(s).sort();
  const cuts = [
    ...new Set(
      Array.from({ length: 9 }, (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / 10)] as number),
    ),
  ];
  return { cuts, shares: sharesIn(cuts, s) };
}

function sharesIn(cuts: readonly number[], scores: ArrayLike<number>): number[] {
  const counts = new Array<number>(cuts.length + 1).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const g = groupOf(cuts, scores[i] as number);
    counts[g] = (counts[g] as number) + 1;
  }
  return counts.map((c) => round(c / Math.max(scores.length, 1)));
}

/**
 * Population stability index of today's scores against the development sample's deciles. Rule of
 * thumb: < 0.1 stable, 0.1–0.25 drifting, > 0.25 shifted (rebuild or recalibrate the model).
 */
export function populationStability(
  baseline: ModelReport['stability'],
  scores: ArrayLike<number>,
): { psi: number; shares: number[] } {
  const shares = sharesIn(baseline.cuts, scores);
  let psi = 0;
  shares.forEach((a, g) => {
    const actual = Math.max(a, PSI_FLOOR);
    const expected = Math.max(baseline.shares[g] as number, PSI_FLOOR);
    psi += (actual - expected) * Math.log(actual / expected);
  });
  return { psi: Math.round(psi * 1e4) / 1e4, shares };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

function thin<T>(points: T[]): T[] {
  if (points.length <= ROC_POINTS) return points;
  const step = (points.length - 1) / (ROC_POINTS - 1);
  return Array.from({ length: ROC_POINTS }, (_, k) => points[Math.round(k * step)] as T);
}

/** Cumulative distributions of positives and negatives by score, at up to 50 cuts. */
function ksOf(y: Float64Array, s: Float64Array, positives: number) {
  const order = Array.from(s.keys()).sort((a, b) => (s[a] as number) - (s[b] as number));
  const negatives = y.length - positives;
  const cuts = Math.min(50, order.length);
  const curve: ModelReport['ksCurve'] = [];
  let ks = 0;
  let ksAt = Number.NaN;
  let pos = 0;
  let neg = 0;
  let i = 0;
  for (let c = 1; c <= cuts; c++) {
    const end = Math.floor((c * order.length) / cuts);
    // A cut never splits equal scores: everything at the cut's score falls below it.
    const cutScore = s[order[end - 1] as number] as number;
    while (i < order.length && (i < end || s[order[i] as number] === cutScore)) {
      if (y[order[i] as number] === 1) pos++;
      else neg++;
      i++;
    }
    if (curve.length > 0 && curve[curve.length - 1]?.score === cutScore) continue;
    const point = { score: cutScore, positives: round(pos / positives), negatives: round(neg / negatives) };
    curve.push(point);
    const gap = Math.abs(pos / positives - neg / negatives);
    if (gap > ks) {
      ks = gap;
      ksAt = cutScore;
    }
  }
  return { curve, ks: round(ks), ksAt };
}

function histogram(y: Float64Array, s: Float64Array): ModelReport['distribution'] {
  if (s.length === 0) return [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of s) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const width = (hi - lo) / HISTOGRAM_BINS || 1;
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, b) => ({
    from: round(lo + b * width),
    to: round(lo + (b + 1) * width),
    positives: 0,
    negatives: 0,
  }));
  s.forEach((v, i) => {
    const bin = bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - lo) / width))] as (typeof bins)[number];
    if (y[i] === 1) bin.positives++;
    else bin.negatives++;
  });
  return bins;
}
