import type { Page } from '../account/api.ts';
import { api } from '../api.ts';
import { fetchComparison, PRODUCTS_KEY } from '../products/api.ts';
import type { ProductDetail, ProductSummary } from '../products/types.ts';

export const FUNDS_KEY = [...PRODUCTS_KEY, 'funds-on-sale'] as const;
export const FUND_DETAILS_KEY = [...PRODUCTS_KEY, 'fund-details'] as const;

/** Every fund the portal sells (one page of up to 100: the catalogue holds a few dozen). */
export async function fetchFunds(): Promise<ProductSummary[]> {
  const { items } = await api.get<Page<ProductSummary>>('/products', {
    kind: 'fund',
    customerType: 'individual',
    channel: 'web',
    limit: 100,
  });
  return items;
}

/**
 * The funds with their terms (the list leaves out the fund company): the compare endpoint gives
 * four at a time, so a few dozen funds take a handful of requests.
 */
export async function fetchFundDetails(): Promise<ProductDetail[]> {
  const funds = await fetchFunds();
  const chunks: string[][] = [];
  for (let i = 0; i < funds.length; i += 4) chunks.push(funds.slice(i, i + 4).map((f) => f.id));
  return (await Promise.all(chunks.map((ids) => fetchComparison(ids)))).flat();
}

/** The fund company of a product, when its terms name one. */
export const companyOf = (p: ProductDetail | undefined): string | undefined =>
  p?.attributes.kind === 'fund' ? p.attributes.company : undefined;
