import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund, sampleProduct } from '../products/testing.ts';
import { type Investor, investor, loadCatalogue, logInAgain } from './testing.ts';

/**
 * "My assets" over time: each end of day records the portfolio's close (funds at the day's NAV,
 * deposits at principal) and the money put in so far; the portal shows the closes with the
 * time- and money-weighted returns, and the deposits and wealth products still to mature.
 * 2026-03-02 (Mon) and 03-03 are trading days.
 */
let p: TestPlatform;
let ids: Record<string, string>;
let alice: Investor;
const MOBILE = '13800001401';
const cny = (amount: string) => ({ amount, currency: 'CNY' });
let serial = 0;
const order = (body: Record<string, unknown>) =>
  alice.client.request('POST', '/api/v1/orders', {
    body,
    headers: { 'idempotency-key': `hist-${serial++}` },
  });

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  ids = await loadCatalogue(
    p,
    [sampleFund('110011'), sampleProduct('deposit', { code: 'TD-1Y' })],
    [
      { fundCode: '110011', date: '2026-03-02', nav: '1.2345' },
      { fundCode: '110011', date: '2026-03-03', nav: '1.3000' },
    ],
  );
  alice = await investor(p, MOBILE, { level: 'C4', cash: '20000.00' });
});
afterAll(() => p.close());

describe('the value history', () => {
  it('records each close: funds at the day’s NAV, deposits at principal, with the money put in', async () => {
    expect(
      (await order({ type: 'subscribe', productId: ids.F110011, amount: cny('10000.00') })).statusCode,
    ).toBe(201);
    p.clock.set('2026-03-03T01:00:00Z');
    expect((await p.services.investing.runEndOfDay('2026-03-02')).report.portfolios).toBe(1);
    await logInAgain(p, alice, MOBILE);
    expect(
      (await order({ type: 'deposit_open', productId: ids['TD-1Y'], amount: cny('5000.00') })).statusCode,
    ).toBe(201);
    p.clock.set('2026-03-04T01:00:00Z');
    await p.services.investing.runEndOfDay('2026-03-03');
    await logInAgain(p, alice, MOBILE);

    const history = (await alice.client.get('/api/v1/assets/history')).json();
    expect(history.points).toEqual([
      // 7,980.73 shares × 1.2345 = 9,852.21 (the 1.5% fee is why it is below the 10,000.00 put in).
      { date: '2026-03-02', value: cny('9852.21'), netInvested: cny('10000.00') },
      // × 1.3000 = 10,374.95, and the 5,000.00 deposit.
      { date: '2026-03-03', value: cny('15374.95'), netInvested: cny('15000.00') },
    ]);
    // The day's return on what was invested at its start: 15,374.95 / (9,852.21 + 5,000.00).
    expect(history.timeWeightedReturn).toBeCloseTo(15374.95 / 14852.21 - 1, 10);
    // One day, the deposit at work all of it: the same as the time-weighted return here.
    expect(history.moneyWeightedReturn).toBeCloseTo(15374.95 / 14852.21 - 1, 10);
  });

  it('keeps the first close of a day when its end of day runs again', async () => {
    p.clock.set('2026-03-04T05:00:00Z');
    expect((await p.services.investing.runEndOfDay('2026-03-03')).report.portfolios).toBe(0);
    await logInAgain(p, alice, MOBILE);
    const history = (await alice.client.get('/api/v1/assets/history?from=2026-03-03')).json();
    expect(history.points).toHaveLength(1);
    expect(history.timeWeightedReturn).toBeNull();
  });

  it('refuses a malformed start date', async () => {
    const res = await alice.client.get('/api/v1/assets/history?from=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the maturity calendar', () => {
  it('lists the deposit with its maturity date, principal and interest at the contract rate', async () => {
    const { items } = (await alice.client.get('/api/v1/assets/maturities')).json();
    // 5,000.00 at 1.65% on actual/360 for 365 days = 83.65.
    expect(items).toEqual([
      expect.objectContaining({
        date: '2027-03-03',
        productCode: 'TD-1Y',
        kind: 'deposit',
        principal: cny('5000.00'),
        earnings: { min: cny('83.65'), max: cny('83.65') },
      }),
    ]);
  });
});
