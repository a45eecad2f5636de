import type { ApprovalHandler } from '@onefin/identity';
import { fail, ok } from '@onefin/kernel';
import { z } from 'zod';
import { getProduct } from './catalogue.ts';
import type { Deps } from './context.ts';
import { PRODUCTS_PROBLEMS, type ProductsError } from './errors.ts';
import { PRODUCT_ACTIONS, publishApproved } from './lifecycle.ts';
import { applyReprice, checkReprice, pricingOf } from './reprice.ts';
import { nextStatus } from './status.ts';

/**
 * Publishing and repricing, each run only after a second person approves (maker–checker, DESIGN.md
 * "Security"). The checker needs `products.approve`; identity refuses the maker as checker.
 */

/** What reviewers see of the product; filled by `prepare` from the database, never by the maker. */
const productSnapshot = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  riskLevel: z.string(),
});

export const publishPayload = z.strictObject({
  productId: z.string().min(1).max(64),
  /** The version the maker submitted; the product must still be at it when proposed. */
  version: z.number().int().min(1),
  product: productSnapshot.optional(),
});
export type PublishPayload = z.infer<typeof publishPayload>;

export const repricePayload = z.strictObject({
  productId: z.string().min(1).max(64),
  baseVersion: z.number().int().min(1),
  pricing: z.record(z.string(), z.unknown()),
  reason: z.string().trim().min(2).max(500),
  product: productSnapshot.optional(),
  before: z.record(z.string(), z.unknown()).optional(),
});
export type RepricePayload = z.infer<typeof repricePayload>;

const snapshotOf = (p: {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  riskLevel: string;
}) => ({
  code: p.code,
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  kind: p.kind,
  riskLevel: p.riskLevel,
});

/** A refusal ends the approval as failed, with the module's code and its words. */
const refused = (error: ProductsError, detail?: string) =>
  fail(error, detail ?? PRODUCTS_PROBLEMS[error].title);

export function productApprovalHandlers(
  d: Deps,
): [ApprovalHandler<PublishPayload>, ApprovalHandler<RepricePayload>] {
  return [
    {
      action: PRODUCT_ACTIONS.publish,
      proposePermission: 'products.manage',
      approvePermission: 'products.approve',
      schema: publishPayload,
      async prepare(p, db) {
        const product = await getProduct(db, p.productId);
        if (!product) return refused('product_not_found', `no product ${p.productId}`);
        if (product.version !== p.version) return refused('version_conflict');
        const to = nextStatus(product.status, 'submit');
        if (!to.ok) return refused('invalid_transition', to.detail);
        return ok({ productId: p.productId, version: p.version, product: snapshotOf(product) });
      },
      describe: (p) => ({
        summary: `Publish product ${p.product?.code ?? ''} ${p.product?.nameZh ?? ''} (${p.product?.kind ?? ''}, ${
          p.product?.riskLevel ?? ''
        })`,
        targetType: 'product',
        targetId: p.productId,
      }),
      display: (p) => ({ productId: p.productId, version: p.version, product: p.product ?? null }),
      async execute(p, ctx) {
        const published = await publishApproved(d, ctx.trx, {
          productId: p.productId,
          approvalId: ctx.approvalId,
          makerId: ctx.makerId,
          checkerId: ctx.checkerId,
        });
        if (!published.ok) return refused(published.error, published.detail);
        return ok({
          productId: p.productId,
          status: published.value.status,
          version: published.value.version,
        });
      },
    },
    {
      action: PRODUCT_ACTIONS.reprice,
      proposePermission: 'products.manage',
      approvePermission: 'products.approve',
      schema: repricePayload,
      async prepare(p, db) {
        const product = await getProduct(db, p.productId);
        const checked = checkReprice(product, p.baseVersion, p.pricing);
        if (!checked.ok || !product)
          return checked.ok ? refused('product_not_found') : refused(checked.error, checked.detail);
        return ok({ ...p, product: snapshotOf(product), before: pricingOf(product.attributes) });
      },
      describe: (p) => ({
        summary: `Reprice product ${p.product?.code ?? ''} ${p.product?.nameZh ?? ''}: ${Object.keys(
          p.pricing,
        ).join(', ')} (${p.reason})`,
        targetType: 'product',
        targetId: p.productId,
      }),
      display: (p) => ({
        productId: p.productId,
        product: p.product ?? null,
        before: p.before ?? null,
        after: p.pricing,
        reason: p.reason,
      }),
      async execute(p, ctx) {
        const repriced = await applyReprice(d, ctx.trx, {
          productId: p.productId,
          baseVersion: p.baseVersion,
          pricing: p.pricing,
          approvalId: ctx.approvalId,
          checkerId: ctx.checkerId,
        });
        if (!repriced.ok) return refused(repriced.error, repriced.detail);
        return ok({ productId: p.productId, version: repriced.value.version });
      },
    },
  ];
}
