import { numberColumn, type Table, textColumn } from './csv.ts';
import { mean, sampleSd } from './stats.ts';

/** How a numeric column is reshaped before use: skewed amounts are logged, sign kept for credit balances. */
export type NumericTransform = 'none' | 'log1p' | 'signedLog1p';

/** What to build from a table, before fitting (levels, means and spreads come from training rows only). */
export type FeatureSpec =
  | { kind: 'numeric'; column: string; transform?: NumericTransform; isStandardised?: boolean }
  | { kind: 'oneHot'; column: string; minCount: number }
  | { kind: 'indicator'; column: string; equals: number; name: string };

/** A fitted step: everything needed to turn a new row into the same numbers. */
export type FittedFeature =
  | { kind: 'numeric'; column: string; transform: NumericTransform; center: number; scale: number }
  | { kind: 'oneHot'; column: string; reference: string; levels: string[] }
  | { kind: 'indicator'; column: string; equals: number; name: string };

export type FeaturePipeline = { features: FittedFeature[]; names: string[] };

function transformed(transform: NumericTransform, v: number): number {
  if (transform === 'log1p') return Math.log1p(Math.max(v, 0));
  if (transform === 'signedLog1p') return Math.sign(v) * Math.log1p(Math.abs(v));
  return v;
}

/**
 * Fits the pipeline on the given training rows. One-hot keeps levels seen at least `minCount` times
 * (sorted by name, so the columns are stable) and folds the rest, and any level first met at scoring
 * time (an unknown), into one "other" column.
 */
export function fitPipeline(
  table: Table,
  rows: readonly number[],
  specs: readonly FeatureSpec[],
): FeaturePipeline {
  const features = specs.map((spec): FittedFeature => {
    if (spec.kind === 'indicator') return spec;
    if (spec.kind === 'numeric') {
      const column = numberColumn(table, spec.column);
      const transform = spec.transform ?? 'none';
      const values = rows.map((r) => transformed(transform, column[r] as number));
      if (!spec.isStandardised)
        return { kind: 'numeric', column: spec.column, transform, center: 0, scale: 1 };
      const sd = sampleSd(values);
      return {
        kind: 'numeric',
        column: spec.column,
        transform,
        center: mean(values),
        scale: sd > 0 ? sd : 1,
      };
    }
    const column = textColumn(table, spec.column);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(column[r] as string, (counts.get(column[r] as string) ?? 0) + 1);
    // the most common level is the reference (no column of its own), so the intercept stays identifiable
    const byCount = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const reference = byCount[0]?.[0] ?? '';
    const levels = byCount
      .filter(([level, c]) => c >= spec.minCount && level !== reference)
      .map(([level]) => level)
      .sort();
    return { kind: 'oneHot', column: spec.column, reference, levels };
  });
  return { features, names: features.flatMap(namesOf) };
}

function namesOf(f: FittedFeature): string[] {
  if (f.kind === 'numeric') return [f.transform === 'none' ? f.column : `${f.transform}(${f.column})`];
  if (f.kind === 'indicator') return [f.name];
  return [...f.levels.map((l) => `${f.column}=${l}`), `${f.column}=other`];
}

/** Turns table rows into feature vectors, one Float64Array per row (views on one matrix). */
export function transformRows(
  pipeline: FeaturePipeline,
  table: Table,
  rows?: readonly number[],
): Float64Array[] {
  const matrix = transformMatrix(pipeline, table, rows);
  const width = pipeline.names.length;
  return Array.from({ length: matrix.length / Math.max(width, 1) }, (_, i) =>
    matrix.subarray(i * width, (i + 1) * width),
  );
}

/** Turns table rows into one row-major matrix of `pipeline.names.length` columns. */
export function transformMatrix(
  pipeline: FeaturePipeline,
  table: Table,
  rows?: readonly number[],
): Float64Array {
  const n = rows ? rows.length : table.rowCount;
  const rowAt = rows ? (i: number) => rows[i] as number : (i: number) => i;
  const width = pipeline.names.length;
  const out = new Float64Array(n * width);
  let offset = 0;
  for (const f of pipeline.features) {
    if (f.kind === 'numeric') {
      const column = numberColumn(table, f.column);
      for (let i = 0; i < n; i++)
        out[i * width + offset] = (transformed(f.transform, column[rowAt(i)] as number) - f.center) / f.scale;
      offset += 1;
    } else if (f.kind === 'indicator') {
      const column = numberColumn(table, f.column);
      for (let i = 0; i < n; i++) out[i * width + offset] = column[rowAt(i)] === f.equals ? 1 : 0;
      offset += 1;
    } else {
      const column = textColumn(table, f.column);
      const position = new Map(f.levels.map((l, k) => [l, k]));
      const otherAt = f.levels.length;
      for (let i = 0; i < n; i++) {
        const level = column[rowAt(i)] as string;
        const k = position.get(level);
        if (k !== undefined) out[i * width + offset + k] = 1;
        else if (level !== f.reference) out[i * width + offset + otherAt] = 1;
      }
      offset += f.levels.length + 1;
    }
  }
  return out;
}
