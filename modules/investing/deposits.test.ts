import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleProduct } from '../products/testing.ts';
import type { InvestingService } from './service.ts';
import { cashOf, type Investor, investor, loadCatalogue } from './testing.ts';

/**
 * A one-year time deposit at 1.65% (actual/360), 0.10% on early withdrawal, opened on Monday
 * 2026-03-02: early withdrawal, payout at maturity, and rollover of principal and interest.
 */
let p: TestPlatform;
let investing: InvestingService;
let productId: string;
let alice: Investor;
const yuan = (s: string) => money(BigInt(Math.round(Number(s) * 100)));

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  investing = p.services.investing;
  const ids = await loadCatalogue(p, [sampleProduct('deposit', { code: 'TD-1Y' })]);
  productId = ids['TD-1Y'] as string;
  // A C1 customer: deposits need no risk match.
  alice = await investor(p, '13800001101', { level: 'C1', cash: '100000.00' });
});
afterAll(() => p.close());

const open = (amount: string, renew?: boolean) =>
  investing.openDeposit({
    customerId: alice.id,
    productId,
    channel: 'app',
    idempotencyKey: `d-${amount}-${renew}`,
    amount: yuan(amount),
    ...(renew === undefined ? {} : { renew }),
  });
const lotsOf = () => investing.lots(alice.id, productId);

describe('a time deposit', () => {
  it('opens at once, the principal leaving cash for time deposits; below the minimum it is refused', async () => {
    expect(await open('49.99')).toMatchObject({ ok: false, error: 'below_minimum' });
    const opened = await open('50000.00', false);
    expect(opened.ok && opened.value).toMatchObject({
      type: 'deposit_open',
      status: 'confirmed',
      confirmDate: '2026-03-02',
    });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '50000.00', available: '50000.00' });
    const [lot] = await lotsOf();
    expect(lot).toMatchObject({ remainingCost: 5_000_000n, maturityDate: '2027-03-02', renew: false });
    expect((await investing.reconcile()).breaks).toEqual([]);
  });

  it('pays the demand rate for the days held when withdrawn early: 50,000.00 × 0.10% × 91 / 360 = 12.64', async () => {
    p.clock.set('2026-06-01T02:00:00Z');
    const [lot] = await lotsOf();
    const withdrawn = await investing.withdrawDeposit({
      customerId: alice.id,
      channel: 'app',
      idempotencyKey: 'early-1',
      lotId: lot?.id ?? '',
    });
    expect(withdrawn.ok && withdrawn.value).toMatchObject({
      type: 'deposit_withdraw',
      proceeds: yuan('50012.64'),
    });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '100012.64', available: '100012.64' });
    expect(await lotsOf()).toEqual([]);
    const again = await investing.withdrawDeposit({
      customerId: alice.id,
      channel: 'app',
      idempotencyKey: 'early-2',
      lotId: lot?.id ?? '',
    });
    expect(again).toMatchObject({ ok: false, error: 'deposit_not_found' });
    expect((await investing.reconcile()).breaks).toEqual([]);
  });

  it('pays principal and full-rate interest at maturity, or rolls both into a new term', async () => {
    p.clock.set('2026-03-02T03:00:00Z');
    await open('10000.00', false);
    await open('20000.00', true);
    expect(await cashOf(p, alice.id)).toEqual({ balance: '70012.64', available: '70012.64' });
    p.clock.set('2027-03-02T01:00:00Z');
    const run = await investing.runEndOfDay(await investing.settleableTradeDate());
    expect(run.report.maturities?.paid).toBe(2);
    expect(run.report.reconciliation?.breaks).toEqual([]);
    // 10,000.00 × 1.65% × 365 / 360 = 167.29 paid out; 20,000.00 earns 334.58, rolled over.
    expect(await cashOf(p, alice.id)).toEqual({ balance: '80179.93', available: '80179.93' });
    const [renewed] = await lotsOf();
    expect(renewed).toMatchObject({
      acquiredOn: '2027-03-02',
      remainingCost: 2_033_458n,
      maturityDate: '2028-03-01',
      renew: true,
    });
    const again = await investing.runEndOfDay(run.tradeDate);
    expect(again.report.maturities?.paid).toBe(0);
    expect(await cashOf(p, alice.id)).toEqual({ balance: '80179.93', available: '80179.93' });
  });
});
