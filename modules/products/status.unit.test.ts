import { describe, expect, it } from 'vitest';
import { PRODUCT_STATUSES, type ProductStatus } from './model.ts';
import { LIFECYCLE_ACTIONS, type LifecycleAction, nextStatus } from './status.ts';

/** The whole table: every (status, action) pair is either here or refused. */
const ALLOWED: Record<string, ProductStatus> = {
  'draft submit': 'under_review',
  'draft close': 'closed',
  'under_review withdraw': 'draft',
  'under_review approve': 'on_sale',
  'under_review reject': 'draft',
  'on_sale suspend': 'suspended',
  'on_sale close': 'closed',
  'suspended resume': 'on_sale',
  'suspended close': 'closed',
};

const pairs = PRODUCT_STATUSES.flatMap((s) =>
  LIFECYCLE_ACTIONS.map((a) => [s, a] as [ProductStatus, LifecycleAction]),
);

describe('the product state machine', () => {
  it.each(pairs.filter(([s, a]) => ALLOWED[`${s} ${a}`]))('allows %s → %s', (status, action) => {
    expect(nextStatus(status, action)).toEqual({ ok: true, value: ALLOWED[`${status} ${action}`] });
  });

  it.each(pairs.filter(([s, a]) => !ALLOWED[`${s} ${a}`]))(
    'refuses to %2$s a %1$s product, saying from where it can',
    (status, action) => {
      const r = nextStatus(status, action);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBe('invalid_transition');
        expect(r.detail).toContain(`cannot ${action} a product that is ${status}`);
      }
    },
  );

  it('has no way out of closed and only an approval puts a product on sale', () => {
    expect(LIFECYCLE_ACTIONS.filter((a) => nextStatus('closed', a).ok)).toEqual([]);
    const intoOnSale = pairs.filter(([s, a]) => {
      const r = nextStatus(s, a);
      return r.ok && r.value === 'on_sale' && s !== 'suspended';
    });
    expect(intoOnSale).toEqual([['under_review', 'approve']]);
  });
});
