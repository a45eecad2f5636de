/**
 * Weight of Evidence binning, the banking scorecard's way of turning a variable into a few bins whose
 * log-odds read like a table: WoE = ln(share of goods in the bin ÷ share of bads in the bin), so a bin
 * riskier than average has a negative WoE. Labels: 1 = bad (default), 0 = good.
 */

/** Numeric bins cover (lower, upper]; the first starts at −∞ and the last ends at +∞. */
export type WoeBin =
  | { kind: 'range'; lower: number; upper: number; goods: number; bads: number; woe: number }
  | { kind: 'values'; values: number[]; goods: number; bads: number; woe: number };

export type WoeFeature = { column: string; bins: WoeBin[]; iv: number };

export type Monotone = 'increasing' | 'decreasing' | 'auto' | 'none';

export type BinningOptions = {
  /** quantile bins to start from before merging */
  fineBins?: number;
  /** smallest share of rows a final bin may hold */
  minBinShare?: number;
  maxBins?: number;
  /** direction the bad rate must follow across bins, when the business expects one */
  monotone?: Monotone;
  /** added to goods and bads of each bin so an all-good bin has a finite WoE */
  smoothing?: number;
};

type Counts = { goods: number; bads: number };
type Draft = { lower: number; upper: number } & Counts;

/** WoE of one bin and its IV term, with the smoothing the scorecard uses. */
export function woeOf(bin: Counts, totals: Counts, smoothing: number): { woe: number; iv: number } {
  const goodShare = (bin.goods + smoothing) / (totals.goods + smoothing);
  const badShare = (bin.bads + smoothing) / (totals.bads + smoothing);
  const woe = Math.log(goodShare / badShare);
  return { woe, iv: (goodShare - badShare) * woe };
}

/** Information Value of a set of bins: < 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, > 0.3 strong. */
export function informationValue(bins: readonly Counts[], smoothing = 0.5): number {
  const totals = sumCounts(bins);
  let iv = 0;
  for (const b of bins) iv += woeOf(b, totals, smoothing).iv;
  return iv;
}

function sumCounts(bins: readonly Counts[]): Counts {
  let goods = 0;
  let bads = 0;
  for (const b of bins) {
    goods += b.goods;
    bads += b.bads;
  }
  return { goods, bads };
}

const badRate = (b: Counts) => b.bads / Math.max(b.goods + b.bads, 1);

/**
 * Bins a numeric variable: quantile fine bins, then merges adjacent bins until the bad rate moves in the
 * expected direction, every bin holds at least `minBinShare` of the rows and at most `maxBins` remain.
 */
export function binNumeric(
  column: string,
  values: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: BinningOptions = {},
): WoeFeature {
  const fineBins = options.fineBins ?? 20;
  const minShare = options.minBinShare ?? 0.05;
  const maxBins = options.maxBins ?? 8;
  const smoothing = options.smoothing ?? 0.5;
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  for (let q = 1; q < fineBins; q++) {
    // the last value of the q-th quantile group, since a bin ends at (and includes) its cut
    const v = sorted[Math.max(Math.floor((q * sorted.length) / fineBins) - 1, 0)] as number;
    if (v < (sorted.at(-1) as number) && (cuts.length === 0 || v > (cuts.at(-1) as number))) cuts.push(v);
  }
  let bins: Draft[] = [...cuts, Number.POSITIVE_INFINITY].map((upper, i) => ({
    lower: i === 0 ? Number.NEGATIVE_INFINITY : (cuts[i - 1] as number),
    upper,
    goods: 0,
    bads: 0,
  }));
  for (let i = 0; i < values.length; i++) {
    const bin = bins[rangeIndex(bins, values[i] as number)] as Draft;
    if (labels[i] === 1) bin.bads++;
    else bin.goods++;
  }
  const direction = options.monotone === 'auto' ? trendOf(bins) : (options.monotone ?? 'none');
  if (direction !== 'none') bins = mergeUntilMonotone(bins, direction);
  bins = mergeSmall(bins, minShare * values.length);
  while (bins.length > maxBins) bins = mergeClosest(bins);
  const totals = sumCounts(bins);
  const out: WoeBin[] = bins.map((b) => ({ kind: 'range', ...b, woe: woeOf(b, totals, smoothing).woe }));
  return { column, bins: out, iv: informationValue(bins, smoothing) };
}

/**
 * Bins a coded variable (education, marital status): one bin per code, codes rarer than `minBinShare`
 * pooled into one bin of their own.
 */
export function binCodes(
  column: string,
  values: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: BinningOptions = {},
): WoeFeature {
  const minShare = options.minBinShare ?? 0.05;
  const smoothing = options.smoothing ?? 0.5;
  const byCode = new Map<number, Counts>();
  for (let i = 0; i < values.length; i++) {
    const c = byCode.get(values[i] as number) ?? { goods: 0, bads: 0 };
    if (labels[i] === 1) c.bads++;
    else c.goods++;
    byCode.set(values[i] as number, c);
  }
  const drafts: { values: number[]; goods: number; bads: number }[] = [];
  const rare = { values: [] as number[], goods: 0, bads: 0 };
  for (const [code, c] of [...byCode].sort((a, b) => a[0] - b[0])) {
    if (c.goods + c.bads >= minShare * values.length) drafts.push({ values: [code], ...c });
    else {
      rare.values.push(code);
      rare.goods += c.goods;
      rare.bads += c.bads;
    }
  }
  if (rare.values.length > 0) drafts.push(rare);
  const totals = sumCounts(drafts);
  const bins: WoeBin[] = drafts.map((d) => ({ kind: 'values', ...d, woe: woeOf(d, totals, smoothing).woe }));
  return { column, bins, iv: informationValue(drafts, smoothing) };
}

function rangeIndex(bins: readonly { upper: number }[], v: number): number {
  let lo = 0;
  let hi = bins.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= (bins[mid] as { upper: number }).upper) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The bin a value falls in; a code never seen in training falls in none (undefined). */
export function binIndex(feature: WoeFeature, v: number): number | undefined {
  const first = feature.bins[0];
  if (first?.kind === 'range') return rangeIndex(feature.bins as { upper: number }[], v);
  const at = feature.bins.findIndex((b) => b.kind === 'values' && b.values.includes(v));
  return at < 0 ? undefined : at;
}

/** WoE of a value; an unseen code gets 0, the population average, rather than a guess. */
export function woeValue(feature: WoeFeature, v: number): number {
  const at = binIndex(feature, v);
  return at === undefined ? 0 : (feature.bins[at] as WoeBin).woe;
}

/** Direction of the bad rate from the first fine bins to the last (weighted by size). */
function trendOf(bins: readonly Draft[]): 'increasing' | 'decreasing' {
  const half = Math.floor(bins.length / 2);
  const low = sumCounts(bins.slice(0, Math.max(half, 1)));
  const high = sumCounts(bins.slice(half));
  return badRate(high) >= badRate(low) ? 'increasing' : 'decreasing';
}

function merged(a: Draft, b: Draft): Draft {
  return { lower: a.lower, upper: b.upper, goods: a.goods + b.goods, bads: a.bads + b.bads };
}

/** Pool-adjacent-violators on the bad rate: merge neighbours until the rate moves one way only. */
function mergeUntilMonotone(bins: Draft[], direction: 'increasing' | 'decreasing'): Draft[] {
  const out: Draft[] = [];
  for (const bin of bins) {
    out.push(bin);
    while (out.length > 1) {
      const last = out[out.length - 1] as Draft;
      const before = out[out.length - 2] as Draft;
      const isViolation =
        direction === 'increasing' ? badRate(last) < badRate(before) : badRate(last) > badRate(before);
      if (!isViolation) break;
      out.splice(out.length - 2, 2, merged(before, last));
    }
  }
  return out;
}

/** Merges each too-small bin into the neighbour whose bad rate is nearest (monotonicity survives). */
function mergeSmall(bins: Draft[], minRows: number): Draft[] {
  let out = bins;
  for (;;) {
    const at = out.findIndex((b) => b.goods + b.bads < minRows);
    if (at < 0 || out.length === 1) return out;
    out = mergeWithNearestNeighbour(out, at);
  }
}

function mergeWithNearestNeighbour(bins: Draft[], at: number): Draft[] {
  const bin = bins[at] as Draft;
  const left = bins[at - 1];
  const right = bins[at + 1];
  const useLeft =
    left !== undefined &&
    (right === undefined ||
      Math.abs(badRate(left) - badRate(bin)) <= Math.abs(badRate(right) - badRate(bin)));
  const out = bins.slice();
  if (useLeft) out.splice(at - 1, 2, merged(left, bin));
  else out.splice(at, 2, merged(bin, right as Draft));
  return out;
}

/** Merges the adjacent pair with the closest bad rates (the merge that loses the least separation). */
function mergeClosest(bins: Draft[]): Draft[] {
  let best = 0;
  let bestGap = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < bins.length; i++) {
    const gap = Math.abs(badRate(bins[i] as Draft) - badRate(bins[i + 1] as Draft));
    if (gap < bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  const out = bins.slice();
  out.splice(best, 2, merged(bins[best] as Draft, bins[best + 1] as Draft));
  return out;
}
