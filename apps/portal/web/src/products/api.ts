import type { Page } from '../account/api.ts';
import { api } from '../api.ts';
import { type CatalogueFilter, TERM_BUCKETS } from './filters.ts';
import { type NavPoint, type ProductDetail, type ProductSummary, RETAIL_KINDS } from './types.ts';

export const PRODUCTS_KEY = ['products'] as const;

const PAGE_SIZE = 12;

/** One page of the supermarket, narrowed by the filter; `cursor` is the previous page's `next`. */
export function fetchProducts(filter: CatalogueFilter, cursor?: string): Promise<Page<ProductSummary>> {
  const term = filter.term ? TERM_BUCKETS[filter.term] : undefined;
  return api.get<Page<ProductSummary>>('/products', {
    // The portal serves individuals: corporate products stay with the corporate channel.
    kind: filter.kind ?? RETAIL_KINDS.join(','),
    customerType: 'individual',
    maxRisk: filter.maxRisk,
    termMin: term?.min,
    termMax: term?.max,
    minYield: filter.minYield,
    maxMinAmount: filter.maxMinimum,
    q: filter.q,
    sort: filter.sort,
    cursor,
    limit: PAGE_SIZE,
    channel: 'web',
  });
}

export function fetchProduct(id: string): Promise<ProductDetail> {
  return api.get<ProductDetail>(`/products/${encodeURIComponent(id)}`);
}

/** A fund's NAVs from `from` to `to` (YYYY-MM-DD, both included), oldest first. */
export async function fetchNavs(id: string, from: string, to: string): Promise<NavPoint[]> {
  const { items } = await api.get<{ items: NavPoint[] }>(`/products/${encodeURIComponent(id)}/navs`, {
    from,
    to,
  });
  return items;
}

/** Up to four products side by side, in the order asked (the API compares 2–4; one is just itself). */
export async function fetchComparison(ids: readonly string[]): Promise<ProductDetail[]> {
  if (ids.length === 1 && ids[0]) return [await fetchProduct(ids[0])];
  const { items } = await api.get<{ items: ProductDetail[] }>('/products/compare', { ids: ids.join(',') });
  return items;
}
