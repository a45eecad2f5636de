import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleProduct } from '../products/testing.ts';
import type { InvestingService } from './service.ts';
import { cashOf, type Investor, investor, loadCatalogue } from './testing.ts';

/**
 * A privately offered wealth product: 24 hours of cooling-off, a size of 50,000.00, minimum
 * 10,000.00 in steps of 1,000.00, 182 days at a 2.8% benchmark floor.
 */
let p: TestPlatform;
let investing: InvestingService;
let productId: string;
let alice: Investor;
let bob: Investor;
const cny = (amount: string) => ({ amount, currency: 'CNY' });
const yuan = (s: string) => money(BigInt(Math.round(Number(s) * 100)));

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  investing = p.services.investing;
  const ids = await loadCatalogue(p, [
    sampleProduct('wealth', {
      code: 'WPRIV-182',
      now: p.clock.now(),
      riskLevel: 'R3',
      attributes: {
        offering: 'private',
        coolingOffHours: 24,
        size: cny('50000.00'),
        minimumAmount: cny('10000.00'),
        increment: cny('1000.00'),
        termDays: 182,
        expectedYieldMin: '0.028',
        expectedYieldMax: '0.035',
      },
    }),
  ]);
  productId = ids['WPRIV-182'] as string;
  alice = await investor(p, '13800000701', { level: 'C3', cash: '100000.00' });
  bob = await investor(p, '13800000702', { level: 'C4', cash: '100000.00' });
});
afterAll(() => p.close());

const buy = (who: Investor, amount: string, key = `w-${Math.random()}`) =>
  investing.buyWealth({
    customerId: who.id,
    productId,
    channel: 'web',
    idempotencyKey: key,
    amount: yuan(amount),
  });

describe('buying a wealth product', () => {
  it('refuses amounts below the minimum or off the increment, holding nothing', async () => {
    expect(await buy(alice, '9000.00')).toMatchObject({ ok: false, error: 'below_minimum' });
    expect(await buy(alice, '10500.00')).toMatchObject({ ok: false, error: 'off_increment' });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '100000.00', available: '100000.00' });
    expect(await investing.remainingQuota(productId)).toBeUndefined();
  });

  it('refunds in full when cancelled within the cooling-off period, and gives the quota back', async () => {
    const placed = await buy(alice, '20000.00');
    expect(placed.ok && placed.value).toMatchObject({
      status: 'pending',
      coolingOffUntil: new Date('2026-03-03T02:00:00Z'),
    });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '100000.00', available: '80000.00' });
    expect(await investing.remainingQuota(productId)).toBe(3_000_000n);
    p.clock.set('2026-03-03T01:00:00Z'); // 23 hours later
    const cancelled = placed.ok ? await investing.cancel(alice.id, placed.value.id) : undefined;
    expect(cancelled?.ok && cancelled.value.status).toBe('cancelled');
    expect(await cashOf(p, alice.id)).toEqual({ balance: '100000.00', available: '100000.00' });
    expect(await investing.remainingQuota(productId)).toBe(5_000_000n);
  });

  it('never sells past the size, and cannot be cancelled once the cooling-off has ended', async () => {
    const first = await buy(alice, '30000.00');
    expect(first.ok).toBe(true);
    expect(await buy(bob, '25000.00')).toMatchObject({ ok: false, error: 'quota_exhausted' });
    expect(await cashOf(p, bob.id)).toEqual({ balance: '100000.00', available: '100000.00' });
    p.clock.set('2026-03-04T01:00:01Z');
    const late = first.ok ? await investing.cancel(alice.id, first.value.id) : undefined;
    expect(late).toMatchObject({ ok: false, error: 'not_cancellable' });
  });

  it('posts the purchase once the cooling-off is over and starts the 182-day term', async () => {
    const run = await investing.runEndOfDay('2026-03-03');
    expect(run.report.wealth).toMatchObject({ confirmed: 1 });
    expect(run.report.reconciliation?.breaks).toEqual([]);
    expect(await cashOf(p, alice.id)).toEqual({ balance: '70000.00', available: '70000.00' });
    const [holding] = await investing.holdings(alice.id);
    expect(holding).toMatchObject({
      kind: 'wealth',
      shares: 3_000_000n,
      marketValue: yuan('30000.00'),
      maturityDate: '2026-09-02',
    });
  });

  it('pays principal and yield at maturity exactly once', async () => {
    p.clock.set('2026-09-02T01:00:00Z');
    const run = await investing.runEndOfDay(await investing.settleableTradeDate());
    expect(run.report.maturities).toMatchObject({ paid: 1, amount: '3041885' });
    expect(run.report.reconciliation?.breaks).toEqual([]);
    // 30,000.00 × 2.8% × 182 / 365 = 418.85
    expect(await cashOf(p, alice.id)).toEqual({ balance: '100418.85', available: '100418.85' });
    expect(await investing.holdings(alice.id)).toEqual([]);
    const again = await investing.runEndOfDay(run.tradeDate);
    expect(again.report.maturities).toMatchObject({ paid: 0 });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '100418.85', available: '100418.85' });
    const orders = await investing.listOrders({ customerId: alice.id, limit: 10 });
    expect(orders.items[0]).toMatchObject({
      type: 'wealth_maturity',
      status: 'confirmed',
      proceeds: yuan('30418.85'),
    });
  });
});
