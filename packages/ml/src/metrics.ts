/** Labels are 1 for the positive class (a default, a subscription) and 0 otherwise. */
export type Labels = ArrayLike<number>;
export type Scores = ArrayLike<number>;

/** Row indices ordered by score, highest first; ties keep input order so results are deterministic. */
function byScoreDescending(scores: Scores): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
}

function countPositives(labels: Labels): number {
  let n = 0;
  for (let i = 0; i < labels.length; i++) n += labels[i] as number;
  return n;
}

/**
 * ROC AUC: the chance that a random positive outscores a random negative, ties counting half
 * (Mann–Whitney U with average ranks).
 */
export function rocAuc(labels: Labels, scores: Scores): number {
  const order = byScoreDescending(scores).reverse();
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    const s = scores[order[i] as number] as number;
    while (j + 1 < order.length && scores[order[j + 1] as number] === s) j++;
    const averageRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) rankSum += (labels[order[k] as number] as number) * averageRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Gini (accuracy ratio) = 2·AUC − 1, the figure credit risk teams quote. */
export function gini(labels: Labels, scores: Scores): number {
  return 2 * rocAuc(labels, scores) - 1;
}

/** One point of the ROC curve: cutting at `threshold` flags every row scoring at or above it. */
export type RocPoint = { threshold: number; tpr: number; fpr: number };

/** The ROC curve, one point per distinct score (ties move together), from (0,0) to (1,1). */
export function rocCurve(labels: Labels, scores: Scores): RocPoint[] {
  const order = byScoreDescending(scores);
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  const points: RocPoint[] = [{ threshold: Number.POSITIVE_INFINITY, tpr: 0, fpr: 0 }];
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < order.length) {
    const s = scores[order[i] as number] as number;
    while (i < order.length && scores[order[i] as number] === s) {
      if (labels[order[i] as number] === 1) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold: s, tpr: tp / positives, fpr: fp / negatives });
  }
  return points;
}

/** Kolmogorov–Smirnov: the widest gap between the positives' and negatives' cumulative score distributions. */
export function ks(labels: Labels, scores: Scores): number {
  let best = 0;
  for (const p of rocCurve(labels, scores)) best = Math.max(best, Math.abs(p.tpr - p.fpr));
  return best;
}

/** One row of a gains table: a group of equal size taken from the top of the ranking. */
export type GainsRow = {
  group: number;
  rows: number;
  positives: number;
  rate: number;
  /** rate in this group ÷ overall rate */
  lift: number;
  /** share of all positives found in this group and those above it */
  cumulativeGain: number;
  cumulativeLift: number;
};

/**
 * Gains table over `groups` equal-count groups of the ranking (deciles by default). Rows are split by
 * rank, so a tie straddling a boundary is cut at the boundary in input order.
 */
export function gainsTable(labels: Labels, scores: Scores, groups = 10): GainsRow[] {
  const order = byScoreDescending(scores);
  const n = order.length;
  const totalPositives = countPositives(labels);
  const baseRate = totalPositives / n;
  const rows: GainsRow[] = [];
  let cumulativeRows = 0;
  let cumulativePositives = 0;
  for (let g = 0; g < groups; g++) {
    const start = Math.floor((g * n) / groups);
    const end = Math.floor(((g + 1) * n) / groups);
    let positives = 0;
    for (let k = start; k < end; k++) positives += labels[order[k] as number] as number;
    cumulativeRows += end - start;
    cumulativePositives += positives;
    const rate = end > start ? positives / (end - start) : 0;
    rows.push({
      group: g + 1,
      rows: end - start,
      positives,
      rate,
      lift: rate / baseRate,
      cumulativeGain: cumulativePositives / totalPositives,
      cumulativeLift: cumulativePositives / cumulativeRows / baseRate,
    });
  }
  return rows;
}

/** Rate of positives among the top 10% of scores ÷ the overall rate. */
export function topDecileLift(labels: Labels, scores: Scores): number {
  return (gainsTable(labels, scores, 10)[0] as GainsRow).lift;
}

/** Brier score: mean squared error of predicted probabilities (0 is perfect; lower is better). */
export function brier(labels: Labels, probabilities: Scores): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += ((probabilities[i] as number) - (labels[i] as number)) ** 2;
  return sum / labels.length;
}

export type CalibrationRow = { group: number; rows: number; meanPredicted: number; observedRate: number };

/** Calibration table: equal-count groups of predicted probability, lowest first, predicted vs observed. */
export function calibrationTable(labels: Labels, probabilities: Scores, groups = 10): CalibrationRow[] {
  const order = byScoreDescending(probabilities).reverse();
  const n = order.length;
  const rows: CalibrationRow[] = [];
  for (let g = 0; g < groups; g++) {
    const start = Math.floor((g * n) / groups);
    const end = Math.floor(((g + 1) * n) / groups);
    let predicted = 0;
    let observed = 0;
    for (let k = start; k < end; k++) {
      predicted += probabilities[order[k] as number] as number;
      observed += labels[order[k] as number] as number;
    }
    const size = end - start;
    rows.push({ group: g + 1, rows: size, meanPredicted: predicted / size, observedRate: observed / size });
  }
  return rows;
}

/** Below this share a bin is treated as this share, so an empty bin doesn't make PSI infinite. */
const PSI_FLOOR = 1e-4;

/**
 * Population stability index of `actual` against `expected` scores, on bins cut at the expected scores'
 * quantiles. Rule of thumb: < 0.1 stable, 0.1–0.25 drifting, > 0.25 shifted.
 */
export function psi(expected: Scores, actual: Scores, bins = 10): number {
  const sorted = Array.from(expected).sort((a, b) => a - b);
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) edges.push(sorted[Math.floor((b * sorted.length) / bins)] as number);
  const cuts = [...new Set(edges)];
  const share = (values: Scores) => {
    const counts = new Array<number>(cuts.length + 1).fill(0);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      let bin = 0;
      while (bin < cuts.length && v >= (cuts[bin] as number)) bin++;
      counts[bin] = (counts[bin] as number) + 1;
    }
    return counts.map((c) => Math.max(c / values.length, PSI_FLOOR));
  };
  const e = share(expected);
  const a = share(actual);
  let total = 0;
  for (let i = 0; i < e.length; i++) {
    const ai = a[i] as number;
    const ei = e[i] as number;
    total += (ai - ei) * Math.log(ai / ei);
  }
  return total;
}
