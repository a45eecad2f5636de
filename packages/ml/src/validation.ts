import type { Labels } from './metrics.ts';
import { seededRandom, shuffled } from './random.ts';

/** One train/test split of row indices. */
export type Fold = { train: number[]; test: number[] };

/**
 * Stratified k-fold: each class is shuffled with the seed and dealt round-robin to the folds, so every fold
 * keeps the overall positive rate (to within one row) and the same seed gives the same folds.
 */
export function stratifiedKFold(labels: Labels, k: number, seed: number): Fold[] {
  const random = seededRandom(seed);
  const byClass: number[][] = [[], []];
  for (let i = 0; i < labels.length; i++) (byClass[labels[i] === 1 ? 1 : 0] as number[]).push(i);
  const foldOf = new Int32Array(labels.length);
  let dealt = 0;
  for (const members of byClass) {
    for (const row of shuffled(members, random)) foldOf[row] = dealt++ % k;
  }
  return Array.from({ length: k }, (_, f) => {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < labels.length; i++) (foldOf[i] === f ? test : train).push(i);
    return { train, test };
  });
}

/**
 * Time-ordered (expanding window) validation: rows sorted by time are cut into `blocks` equal blocks;
 * fold f trains on every block before block f+1 and tests on block f+1, so no fold sees its future.
 * Rows sharing a time stay in one block (a block boundary never splits a period).
 */
export function timeOrderedFolds(times: ArrayLike<number>, blocks: number): Fold[] {
  const order = Array.from({ length: times.length }, (_, i) => i).sort(
    (a, b) => (times[a] as number) - (times[b] as number) || a - b,
  );
  const starts: number[] = [0];
  for (let b = 1; b < blocks; b++) {
    let cut = Math.floor((b * order.length) / blocks);
    const t = times[order[cut] as number];
    while (cut < order.length && times[order[cut] as number] === t) cut++;
    if (cut > (starts.at(-1) as number) && cut < order.length) starts.push(cut);
  }
  starts.push(order.length);
  const folds: Fold[] = [];
  for (let b = 1; b + 1 < starts.length; b++) {
    folds.push({
      train: order.slice(0, starts[b]),
      test: order.slice(starts[b], starts[b + 1]),
    });
  }
  return folds;
}

/** Picks rows of a column by index (a fold's train or test part). */
export function pick<T extends ArrayLike<number>>(values: T, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as number;
  return out;
}
