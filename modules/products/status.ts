import { fail, ok, type Result } from '@onefin/kernel';
import type { ProductStatus } from './model.ts';

/**
 * The product's life: draft → under_review → on_sale ⇄ suspended → closed. A rejected review (or the
 * maker withdrawing it) returns the product to draft; only an approved review puts it on sale.
 */
export const LIFECYCLE_ACTIONS = [
  'submit',
  'withdraw',
  'approve',
  'reject',
  'suspend',
  'resume',
  'close',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

const TRANSITIONS: Readonly<Record<LifecycleAction, Partial<Record<ProductStatus, ProductStatus>>>> = {
  submit: { draft: 'under_review' },
  withdraw: { under_review: 'draft' },
  approve: { under_review: 'on_sale' },
  reject: { under_review: 'draft' },
  suspend: { on_sale: 'suspended' },
  resume: { suspended: 'on_sale' },
  // A draft nobody will publish is closed rather than deleted: its code stays taken and its history kept.
  close: { draft: 'closed', on_sale: 'closed', suspended: 'closed' },
};

/** The status an action leads to from `from`, or `invalid_transition` saying what is allowed. */
export function nextStatus(
  from: ProductStatus,
  action: LifecycleAction,
): Result<ProductStatus, 'invalid_transition'> {
  const to = TRANSITIONS[action][from];
  if (to) return ok(to);
  const allowedFrom = Object.keys(TRANSITIONS[action]).join(' or ');
  return fail('invalid_transition', `cannot ${action} a product that is ${from} (only from ${allowedFrom})`);
}
