import type { RequestContext, StaffUser } from '@onefin/identity';
import { type Executor, fail, ok, type Result } from '@onefin/kernel';
import { getProduct, recordEvent, toProduct } from './catalogue.ts';
import type { Deps } from './context.ts';
import type { ProductsError } from './errors.ts';
import type { Product } from './model.ts';
import { type ProductRow, productsDb } from './schema.ts';
import { type LifecycleAction, nextStatus } from './status.ts';

export const PRODUCT_ACTIONS = { publish: 'products.publish', reprice: 'products.reprice' } as const;

async function lockProduct(trx: Executor, id: string): Promise<ProductRow | undefined> {
  return productsDb(trx)
    .selectFrom('products_products')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Moves a locked product along the state machine in the caller's transaction: the new status, a
 * version bump, the history event and the outbox event.
 */
export async function applyTransition(
  d: Deps,
  trx: Executor,
  row: ProductRow,
  action: LifecycleAction,
  by: { actorId: string | null; approvalId?: string | null; detail?: Record<string, unknown> },
  patch: { review_approval_id?: string | null; published_at?: Date } = {},
): Promise<Result<Product, ProductsError>> {
  const to = nextStatus(row.status, action);
  if (!to.ok) return to;
  const now = d.clock.now();
  const updated = await productsDb(trx)
    .updateTable('products_products')
    .set({ status: to.value, version: row.version + 1, updated_at: now, ...patch })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) return fail('version_conflict');
  await recordEvent(trx, {
    productId: row.id,
    version: updated.version,
    action,
    fromStatus: row.status,
    toStatus: to.value,
    actorId: by.actorId,
    approvalId: by.approvalId ?? null,
    detail: by.detail ?? {},
    at: now,
  });
  await d.events.publish(trx, {
    aggregateType: 'product',
    aggregateId: row.id,
    type: `products.${action}`,
    payload: { productId: row.id, code: row.code, from: row.status, to: to.value, version: updated.version },
  });
  d.cache.clear();
  return ok(toProduct(updated));
}

/** One staff action on a product whose version the staff member saw. */
async function transitionByStaff(
  d: Deps,
  id: string,
  action: LifecycleAction,
  input: { version: number; reason?: string | undefined },
  staffId: string,
  patch: { review_approval_id?: string | null } = {},
): Promise<Result<Product, ProductsError>> {
  return d.db.transaction().execute(async (trx) => {
    const row = await lockProduct(trx, id);
    if (!row) return fail('product_not_found');
    if (row.version !== input.version) return fail('version_conflict');
    const detail = input.reason ? { reason: input.reason } : {};
    return applyTransition(d, trx, row, action, { actorId: staffId, detail }, patch);
  });
}

/**
 * A product under review whose approval was rejected (or failed) goes back to draft. Identity
 * decides rejections without calling the module, so this runs whenever a product is read for staff
 * or changed. Outside any transaction: the approval is read through identity's own connection.
 */
export async function settleReview(d: Deps, product: Product): Promise<Product> {
  if (product.status !== 'under_review' || !product.reviewApprovalId) return product;
  const approval = await d.approvals.getApproval(product.reviewApprovalId);
  if (!approval || (approval.status !== 'rejected' && approval.status !== 'failed')) return product;
  const moved = await d.db.transaction().execute(async (trx) => {
    const row = await lockProduct(trx, product.id);
    if (row?.status !== 'under_review' || row.review_approval_id !== approval.id) return undefined;
    return applyTransition(
      d,
      trx,
      row,
      'reject',
      { actorId: null, approvalId: approval.id, detail: { approvalStatus: approval.status } },
      { review_approval_id: null },
    );
  });
  return moved?.ok ? moved.value : product;
}

/** Settles the review of a product by id before a staff action on it (see settleReview). */
export async function settleReviewOf(d: Deps, id: string): Promise<void> {
  const product = await getProduct(d.db, id);
  if (product) await settleReview(d, product);
}

/**
 * Draft → under review: proposes `products.publish` to identity's maker–checker, then records the
 * approval on the product. If the product changed in between, the proposal is left pending and
 * fails when approved (its execution checks the approval is the product's current review).
 */
export async function submitForReview(
  d: Deps,
  id: string,
  input: { version: number },
  maker: StaffUser,
  ctx: RequestContext,
): Promise<Result<{ product: Product; approvalId: string }, ProductsError>> {
  await settleReviewOf(d, id);
  const proposed = await d.approvals.propose(
    maker,
    { action: PRODUCT_ACTIONS.publish, payload: { productId: id, version: input.version } },
    ctx,
  );
  if (!proposed.ok) {
    const known: readonly string[] = ['product_not_found', 'version_conflict', 'invalid_transition'];
    return known.includes(proposed.error)
      ? fail(proposed.error as ProductsError, proposed.detail)
      : fail('approval_refused', `${proposed.error}${proposed.detail ? `: ${proposed.detail}` : ''}`);
  }
  const approvalId = proposed.value.id;
  const submitted = await transitionByStaff(d, id, 'submit', input, maker.id, {
    review_approval_id: approvalId,
  });
  return submitted.ok ? ok({ product: submitted.value, approvalId }) : submitted;
}

/** Under review → draft by staff (the maker pulls it back); the pending approval then fails if approved. */
export function withdrawSubmission(d: Deps, id: string, input: { version: number }, staffId: string) {
  return transitionByStaff(d, id, 'withdraw', input, staffId, { review_approval_id: null });
}

export function suspendProduct(
  d: Deps,
  id: string,
  input: { version: number; reason: string },
  staffId: string,
) {
  return transitionByStaff(d, id, 'suspend', input, staffId);
}

export function resumeProduct(d: Deps, id: string, input: { version: number }, staffId: string) {
  return transitionByStaff(d, id, 'resume', input, staffId);
}

export function closeProduct(
  d: Deps,
  id: string,
  input: { version: number; reason: string },
  staffId: string,
) {
  return transitionByStaff(d, id, 'close', input, staffId);
}

/** Runs in the approving transaction: the approved review puts the product on sale. */
export async function publishApproved(
  d: Deps,
  trx: Executor,
  input: { productId: string; approvalId: string; makerId: string; checkerId: string },
): Promise<Result<Product, ProductsError>> {
  const row = await lockProduct(trx, input.productId);
  if (!row) return fail('product_not_found');
  if (row.status !== 'under_review' || row.review_approval_id !== input.approvalId)
    return fail('review_not_pending', `the product is ${row.status} and not under this review`);
  return applyTransition(
    d,
    trx,
    row,
    'approve',
    { actorId: input.checkerId, approvalId: input.approvalId, detail: { makerId: input.makerId } },
    { review_approval_id: null, ...(row.published_at ? {} : { published_at: d.clock.now() }) },
  );
}
