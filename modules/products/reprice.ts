import type { RequestContext, StaffUser } from '@onefin/identity';
import { type CurrencyCode, type Executor, fail, ok, type Result } from '@onefin/kernel';
import type { ProductAttributes } from './attributes.ts';
import { inputColumns, recordEvent, toProduct } from './catalogue.ts';
import type { Deps } from './context.ts';
import type { ProductsError } from './errors.ts';
import { PRODUCT_ACTIONS } from './lifecycle.ts';
import type { Product } from './model.ts';
import { PRICING_FIELDS, repricedAttributes } from './product-input.ts';
import { productsDb } from './schema.ts';

/** Only products already approved for sale are repriced; a draft is simply edited. */
const REPRICEABLE: readonly Product['status'][] = ['on_sale', 'suspended'];

/** The pricing fields' current values, for reviewers to compare with the proposal. */
export function pricingOf(attributes: ProductAttributes): Record<string, unknown> {
  const fields = PRICING_FIELDS[attributes.kind];
  return Object.fromEntries(Object.entries(attributes).filter(([k]) => fields.includes(k)));
}

/** Checks a reprice against the product as it is now; the merged terms when it is one. */
export function checkReprice(
  product: Product | undefined,
  baseVersion: number,
  pricing: Record<string, unknown>,
): Result<ProductAttributes, ProductsError> {
  if (!product) return fail('product_not_found');
  if (product.version !== baseVersion)
    return fail('version_conflict', 'the product changed since it was read');
  if (!REPRICEABLE.includes(product.status))
    return fail('invalid_transition', `a ${product.status} product is edited, not repriced`);
  const merged = repricedAttributes(product.attributes, pricing, product.currency as CurrencyCode);
  return merged.ok ? ok(merged.value) : fail('invalid_reprice', merged.detail);
}

/** Proposes new rates, fees or yields; they apply only once a second person approves. */
export async function proposeReprice(
  d: Deps,
  id: string,
  input: { version: number; pricing: Record<string, unknown>; reason: string },
  maker: StaffUser,
  ctx: RequestContext,
): Promise<Result<{ approvalId: string }, ProductsError>> {
  const proposed = await d.approvals.propose(
    maker,
    {
      action: PRODUCT_ACTIONS.reprice,
      payload: { productId: id, baseVersion: input.version, pricing: input.pricing, reason: input.reason },
    },
    ctx,
  );
  if (proposed.ok) return ok({ approvalId: proposed.value.id });
  const known: readonly string[] = [
    'product_not_found',
    'version_conflict',
    'invalid_transition',
    'invalid_reprice',
  ];
  return known.includes(proposed.error)
    ? fail(proposed.error as ProductsError, proposed.detail)
    : fail('approval_refused', `${proposed.error}${proposed.detail ? `: ${proposed.detail}` : ''}`);
}

/** Runs in the approving transaction: the new terms replace the old if nothing changed meanwhile. */
export async function applyReprice(
  d: Deps,
  trx: Executor,
  input: {
    productId: string;
    baseVersion: number;
    pricing: Record<string, unknown>;
    approvalId: string;
    checkerId: string;
  },
): Promise<Result<Product, ProductsError>> {
  const row = await productsDb(trx)
    .selectFrom('products_products')
    .selectAll()
    .where('id', '=', input.productId)
    .forUpdate()
    .executeTakeFirst();
  const product = row && toProduct(row);
  const merged = checkReprice(product, input.baseVersion, input.pricing);
  if (!merged.ok || !product) return merged.ok ? fail('product_not_found') : merged;
  const columns = inputColumns({
    ...product,
    salesStart: product.salesStart?.toISOString() ?? null,
    salesEnd: product.salesEnd?.toISOString() ?? null,
    attributes: merged.value,
  });
  const now = d.clock.now();
  const updated = await productsDb(trx)
    .updateTable('products_products')
    .set({
      attributes: columns.attributes,
      yield_min: product.category === 'money_market' ? undefined : columns.yield_min,
      yield_max: product.category === 'money_market' ? undefined : columns.yield_max,
      min_amount: columns.min_amount,
      version: product.version + 1,
      updated_at: now,
    })
    .where('id', '=', product.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const before = pricingOf(product.attributes);
  const after = pricingOf(merged.value);
  await recordEvent(trx, {
    productId: product.id,
    version: updated.version,
    action: 'reprice',
    fromStatus: product.status,
    toStatus: product.status,
    actorId: input.checkerId,
    approvalId: input.approvalId,
    detail: { before, after },
    at: now,
  });
  await d.events.publish(trx, {
    aggregateType: 'product',
    aggregateId: product.id,
    type: 'products.repriced',
    payload: { productId: product.id, code: product.code, version: updated.version, before, after },
  });
  d.cache.clear();
  return ok(toProduct(updated));
}
