import { type Random, seededRandom } from './random.ts';
import { sigmoid } from './stats.ts';

/** A split node sends x[feature] <= threshold left; a leaf adds its value to the log-odds. */
export type TreeNode =
  | { kind: 'split'; feature: number; threshold: number; left: TreeNode; right: TreeNode }
  | { kind: 'leaf'; value: number };

/** Gradient-boosted trees for a binary target: log-odds = baseLogOdds + Σ tree(x). */
export type BoostedTrees = { baseLogOdds: number; trees: TreeNode[] };

export type BoostingOptions = {
  trees: number;
  learningRate: number;
  maxDepth: number;
  /** L2 penalty on leaf values (XGBoost's λ) */
  l2: number;
  /** smallest hessian sum a child may have (XGBoost's min_child_weight) */
  minChildWeight: number;
  /** share of rows drawn (without replacement) for each tree */
  subsample: number;
  /** histogram bins per feature; split candidates are their edges */
  maxBins: number;
  seed: number;
};

/** Columns of a feature matrix binned once: codes per row and the cut value each code ends at. */
type Binned = { codes: Uint8Array[]; cuts: Float64Array[] };

/** Quantile cut points per feature (at most maxBins − 1 of them, ≤ 255 so codes fit a byte). */
function binColumns(columns: readonly Float64Array[], maxBins: number): Binned {
  const codes: Uint8Array[] = [];
  const cuts: Float64Array[] = [];
  for (const column of columns) {
    const sorted = Float64Array.from(column).sort();
    const edges: number[] = [];
    for (let b = 1; b < maxBins; b++) {
      const v = sorted[Math.max(Math.floor((b * sorted.length) / maxBins) - 1, 0)] as number;
      if (edges.length === 0 || v > (edges.at(-1) as number)) edges.push(v);
    }
    // a cut sends x <= cut left, so drop the maximum (it would split nothing off)
    const top = sorted[sorted.length - 1] as number;
    const featureCuts = Float64Array.from(edges.filter((e) => e < top));
    const code = new Uint8Array(column.length);
    for (let i = 0; i < column.length; i++) code[i] = binOf(featureCuts, column[i] as number);
    codes.push(code);
    cuts.push(featureCuts);
  }
  return { codes, cuts };
}

/** Index of the first cut at or above v (binary search); values above every cut get the last code. */
function binOf(cuts: Float64Array, v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cuts[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Grow = {
  binned: Binned;
  gradient: Float64Array;
  hessian: Float64Array;
  options: BoostingOptions;
};

/**
 * Fits boosted trees with the logistic loss on column-major features (columns[j][i] = feature j of row i),
 * growing each tree depth-first on gradient/hessian histograms, as LightGBM and XGBoost's `hist` do.
 */
export function fitBoostedTrees(
  columns: readonly Float64Array[],
  labels: ArrayLike<number>,
  options: BoostingOptions,
): BoostedTrees {
  const n = labels.length;
  const binned = binColumns(columns, options.maxBins);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] as number;
  const baseRate = Math.min(Math.max(positives / n, 1e-6), 1 - 1e-6);
  const baseLogOdds = Math.log(baseRate / (1 - baseRate));
  const margin = new Float64Array(n).fill(baseLogOdds);
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n);
  const random = seededRandom(options.seed);
  const trees: TreeNode[] = [];
  for (let t = 0; t < options.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i] as number);
      gradient[i] = p - (labels[i] as number);
      hessian[i] = Math.max(p * (1 - p), 1e-12);
    }
    const rows = sampleRows(n, options.subsample, random);
    const tree = growNode({ binned, gradient, hessian, options }, rows, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i] = (margin[i] as number) + leafValueBinned(tree, binned, i);
  }
  return { baseLogOdds, trees };
}

function sampleRows(n: number, share: number, random: Random): Int32Array {
  if (share >= 1) return Int32Array.from({ length: n }, (_, i) => i);
  const picked: number[] = [];
  for (let i = 0; i < n; i++) if (random() < share) picked.push(i);
  return Int32Array.from(picked);
}

function growNode(g: Grow, rows: Int32Array, depth: number): TreeNode {
  let gSum = 0;
  let hSum = 0;
  for (const r of rows) {
    gSum += g.gradient[r] as number;
    hSum += g.hessian[r] as number;
  }
  const leaf: TreeNode = { kind: 'leaf', value: (-gSum / (hSum + g.options.l2)) * g.options.learningRate };
  if (depth >= g.options.maxDepth || hSum < 2 * g.options.minChildWeight) return leaf;
  const best = bestSplit(g, rows, gSum, hSum);
  if (!best) return leaf;
  const codes = g.binned.codes[best.feature] as Uint8Array;
  const left: number[] = [];
  const right: number[] = [];
  for (const r of rows) ((codes[r] as number) <= best.bin ? left : right).push(r);
  return {
    kind: 'split',
    feature: best.feature,
    threshold: (g.binned.cuts[best.feature] as Float64Array)[best.bin] as number,
    left: growNode(g, Int32Array.from(left), depth + 1),
    right: growNode(g, Int32Array.from(right), depth + 1),
  };
}

/** The split with the largest loss reduction, XGBoost's gain: G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ). */
function bestSplit(g: Grow, rows: Int32Array, gSum: number, hSum: number) {
  const { l2, minChildWeight } = g.options;
  const parentScore = (gSum * gSum) / (hSum + l2);
  let best: { feature: number; bin: number; gain: number } | undefined;
  for (let f = 0; f < g.binned.codes.length; f++) {
    const cutCount = (g.binned.cuts[f] as Float64Array).length;
    if (cutCount === 0) continue;
    const codes = g.binned.codes[f] as Uint8Array;
    const gHist = new Float64Array(cutCount + 1);
    const hHist = new Float64Array(cutCount + 1);
    for (const r of rows) {
      const c = codes[r] as number;
      gHist[c] = (gHist[c] as number) + (g.gradient[r] as number);
      hHist[c] = (hHist[c] as number) + (g.hessian[r] as number);
    }
    let gLeft = 0;
    let hLeft = 0;
    for (let b = 0; b < cutCount; b++) {
      gLeft += gHist[b] as number;
      hLeft += hHist[b] as number;
      const hRight = hSum - hLeft;
      if (hLeft < minChildWeight || hRight < minChildWeight) continue;
      const gRight = gSum - gLeft;
      const gain = (gLeft * gLeft) / (hLeft + l2) + (gRight * gRight) / (hRight + l2) - parentScore;
      if (gain > 1e-12 && (!best || gain > best.gain)) best = { feature: f, bin: b, gain };
    }
  }
  return best;
}

function leafValueBinned(node: TreeNode, binned: Binned, row: number): number {
  let at = node;
  while (at.kind === 'split') {
    const code = (binned.codes[at.feature] as Uint8Array)[row] as number;
    const cut = (binned.cuts[at.feature] as Float64Array)[code];
    // the row's bin ends at or below the threshold exactly when its code's cut is ≤ threshold
    at = cut !== undefined && cut <= at.threshold ? at.left : at.right;
  }
  return at.value;
}

/**
 * The trees laid out in typed arrays for scoring: node k splits on `feature[k]` at `threshold[k]` and
 * goes to `left[k]` or `left[k] + 1`; a leaf has feature −1 and its value in `threshold[k]`. One
 * contiguous layout scores several times faster than walking the JSON objects.
 */
export type FlatTrees = {
  baseLogOdds: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
};

const flatCache = new WeakMap<BoostedTrees, FlatTrees>();

/** Flattens a model once (cached per model object; the artifact itself stays plain JSON trees). */
export function flattenTrees(model: BoostedTrees): FlatTrees {
  const cached = flatCache.get(model);
  if (cached) return cached;
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const roots: number[] = [];
  for (const tree of model.trees) {
    roots.push(feature.length);
    // breadth-first, so the two children of a split sit side by side
    const queue: TreeNode[] = [tree];
    const at: number[] = [feature.length];
    feature.push(0);
    threshold.push(0);
    left.push(0);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q] as TreeNode;
      const k = at[q] as number;
      if (node.kind === 'leaf') {
        feature[k] = -1;
        threshold[k] = node.value;
        continue;
      }
      feature[k] = node.feature;
      threshold[k] = node.threshold;
      left[k] = feature.length;
      for (const child of [node.left, node.right]) {
        queue.push(child);
        at.push(feature.length);
        feature.push(0);
        threshold.push(0);
        left.push(0);
      }
    }
  }
  const flat: FlatTrees = {
    baseLogOdds: model.baseLogOdds,
    roots: Int32Array.from(roots),
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
  };
  flatCache.set(model, flat);
  return flat;
}

/** Log-odds of the row starting at `offset` of a row-major matrix (`x` may be one row, offset 0). */
function flatLogOdds(f: FlatTrees, x: ArrayLike<number>, offset: number): number {
  const { roots, feature, threshold, left } = f;
  let z = f.baseLogOdds;
  for (let t = 0; t < roots.length; t++) {
    let k = roots[t] as number;
    let j = feature[k] as number;
    while (j >= 0) {
      k =
        (x[offset + j] as number) <= (threshold[k] as number) ? (left[k] as number) : (left[k] as number) + 1;
      j = feature[k] as number;
    }
    z += threshold[k] as number;
  }
  return z;
}

/** Log-odds of one row given as feature values. */
export function treesLogOdds(model: BoostedTrees, x: ArrayLike<number>): number {
  return flatLogOdds(flattenTrees(model), x, 0);
}

/** Probability of the positive class for each row. */
export function predictBoostedTrees(model: BoostedTrees, rows: readonly ArrayLike<number>[]): Float64Array {
  const flat = flattenTrees(model);
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = sigmoid(flatLogOdds(flat, rows[r] as ArrayLike<number>, 0));
  return out;
}

/** Probability for each row of a row-major matrix of `width` columns (one Float64Array, no row objects). */
export function predictBoostedMatrix(model: BoostedTrees, matrix: Float64Array, width: number): Float64Array {
  const flat = flattenTrees(model);
  const n = width === 0 ? 0 : matrix.length / width;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) out[r] = sigmoid(flatLogOdds(flat, matrix, r * width));
  return out;
}

/** Row-major rows to the column-major layout the trainer bins. */
export function toColumns(rows: readonly ArrayLike<number>[]): Float64Array[] {
  const p = rows[0]?.length ?? 0;
  const columns = Array.from({ length: p }, () => new Float64Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r] as ArrayLike<number>;
    for (let j = 0; j < p; j++) (columns[j] as Float64Array)[r] = x[j] as number;
  }
  return columns;
}
