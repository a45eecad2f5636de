import { numberColumn, type Table } from '../csv.ts';
import type { FeatureSpec } from '../features.ts';
import { LEAKING_COLUMNS, MARKETING_CATEGORIES, MARKETING_INDICATORS } from './columns.ts';

/** A column computed from others before the pipeline runs; `from` is what leakage checks follow. */
export type DerivedColumn = { name: string; from: readonly string[]; compute: (t: Table) => Float64Array };

/** 999 in `pdays` means "never contacted before": a sentinel, so it becomes a flag plus a recency. */
export const MARKETING_DERIVED: readonly DerivedColumn[] = [
  {
    name: 'days_since_previous',
    from: ['pdays'],
    // never contacted reads as "long ago"; the flag below tells the model which rows those are
    compute: (t) => numberColumn(t, 'pdays').map((d) => (d === 999 ? 30 : d)),
  },
];

export const MARKETING_FEATURES: readonly FeatureSpec[] = [
  { kind: 'numeric', column: 'age', isStandardised: true },
  { kind: 'numeric', column: 'campaign', transform: 'log1p', isStandardised: true },
  { kind: 'numeric', column: 'previous', transform: 'log1p', isStandardised: true },
  { kind: 'indicator', column: 'pdays', equals: 999, name: 'never_contacted' },
  { kind: 'numeric', column: 'days_since_previous', isStandardised: true },
  ...MARKETING_INDICATORS.map((column): FeatureSpec => ({ kind: 'numeric', column, isStandardised: true })),
  ...MARKETING_CATEGORIES.map((column): FeatureSpec => ({ kind: 'oneHot', column, minCount: 30 })),
];

export type LeakageRefusal = { ok: false; error: 'leaking_feature'; detail: string };

/** The source columns a feature reads, following derived columns down to the file's own columns. */
export function sourceColumns(column: string, derived: readonly DerivedColumn[]): string[] {
  const d = derived.find((x) => x.name === column);
  return d ? d.from.flatMap((c) => sourceColumns(c, derived)) : [column];
}

/**
 * Refuses a feature list that reads `duration` or `row_id`, directly or through a derived column: a
 * model fed the call's duration looks excellent and is useless before the call (data README).
 */
export function checkNoLeakage(
  features: readonly FeatureSpec[],
  derived: readonly DerivedColumn[] = MARKETING_DERIVED,
): { ok: true } | LeakageRefusal {
  for (const f of features) {
    const leaking = sourceColumns(f.column, derived).filter((c) =>
      (LEAKING_COLUMNS as readonly string[]).includes(c),
    );
    if (leaking.length > 0)
      return {
        ok: false,
        error: 'leaking_feature',
        detail: `feature "${f.column}" reads ${leaking.join(', ')}, which is not known before the call`,
      };
  }
  return { ok: true };
}

/** Adds the derived columns to a table (a copy of its column maps; the caller's table is unchanged). */
export function withDerived(table: Table, derived: readonly DerivedColumn[] = MARKETING_DERIVED): Table {
  const numbers = new Map(table.numbers);
  for (const d of derived) numbers.set(d.name, d.compute(table));
  return { ...table, numbers };
}
