import { PRODUCT_RISK_LEVELS, type ProductRiskLevel } from './risk.tsx';
import { type ProductKind, RETAIL_KINDS } from './types.ts';

/** Term choices, in days: ≤ 3 months, 3–12 months, 1–3 years, over 3 years. */
export const TERM_BUCKETS = {
  short: { min: undefined, max: 90 },
  medium: { min: 91, max: 365 },
  long: { min: 366, max: 1095 },
  veryLong: { min: 1096, max: undefined },
} as const satisfies Record<string, { min: number | undefined; max: number | undefined }>;
export type TermBucket = keyof typeof TERM_BUCKETS;

/** Yield floors offered, as annual fractions. */
export const YIELD_FLOORS = ['0.02', '0.03', '0.04', '0.05'] as const;
/** Caps on the minimum amount, in yuan: "I can start with at most …". */
export const MINIMUM_CAPS = ['1', '1000', '10000', '50000', '1000000'] as const;

/** The API's sorts; `code` (by product code) is its default, shown as 综合排序. */
export const SORTS = [
  'code',
  'yield_desc',
  'return_1y_desc',
  'risk_asc',
  'risk_desc',
  'term_asc',
  'min_amount_asc',
  'newest',
] as const;
export type SortKey = (typeof SORTS)[number];

/** What the supermarket shows, kept in the address so back, reload and shared links keep it. */
export interface CatalogueFilter {
  kind?: ProductKind;
  maxRisk?: ProductRiskLevel;
  term?: TermBucket;
  minYield?: string;
  maxMinimum?: string;
  q?: string;
  sort: SortKey;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function filterFromParams(params: URLSearchParams): CatalogueFilter {
  const q = params.get('q')?.trim();
  const filter: CatalogueFilter = { sort: oneOf(SORTS, params.get('sort')) ?? 'code' };
  const kind = oneOf(RETAIL_KINDS, params.get('kind'));
  const maxRisk = oneOf(PRODUCT_RISK_LEVELS, params.get('maxRisk'));
  const term = oneOf(Object.keys(TERM_BUCKETS) as TermBucket[], params.get('term'));
  const minYield = oneOf(YIELD_FLOORS, params.get('minYield'));
  const maxMinimum = oneOf(MINIMUM_CAPS, params.get('maxMinimum'));
  if (kind) filter.kind = kind;
  if (maxRisk) filter.maxRisk = maxRisk;
  if (term) filter.term = term;
  if (minYield) filter.minYield = minYield;
  if (maxMinimum) filter.maxMinimum = maxMinimum;
  if (q) filter.q = q;
  return filter;
}

export function paramsFromFilter(filter: CatalogueFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['kind', 'maxRisk', 'term', 'minYield', 'maxMinimum', 'q'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.sort !== 'code') params.set('sort', filter.sort);
  return params;
}

/** How many of the narrowing filters (not kind, search or sort) are set: the badge on 筛选. */
export function activeFilterCount(filter: CatalogueFilter): number {
  return [filter.maxRisk, filter.term, filter.minYield, filter.maxMinimum].filter(Boolean).length;
}
