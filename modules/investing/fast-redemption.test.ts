import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund } from '../products/testing.ts';
import { cashOf, type Investor, investor, loadCatalogue, logInAgain } from './testing.ts';

/**
 * Instant (T+0) redemption of a money-market fund through the portal: cash at once, within 10,000
 * yuan per customer, fund and day, concurrent requests never passing it together; an equity fund
 * or more shares than held are refused and change nothing. 2026-03-02 is a Monday.
 */
let p: TestPlatform;
let ids: Record<string, string>;
let alice: Investor;
const MOBILE = '13800001201';
const cny = (amount: string) => ({ amount, currency: 'CNY' });
let serial = 0;
const redeem = (shares: string, over: Record<string, unknown> = {}) =>
  alice.client.request('POST', '/api/v1/orders', {
    body: { type: 'redeem', productId: ids.F000198, shares, fast: true, ...over },
    headers: { 'idempotency-key': `fast-${serial++}` },
  });
const position = async () =>
  (await alice.client.get('/api/v1/assets'))
    .json()
    .holdings.find((h: { productId: string }) => h.productId === ids.F000198);

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  ids = await loadCatalogue(
    p,
    [sampleFund('000198', 'money_market'), sampleFund('110011')],
    [
      { fundCode: '000198', date: '2026-03-02', nav: '1.0000', per10kIncome: '0.6100', yield7d: '0.0221' },
      { fundCode: '110011', date: '2026-03-02', nav: '1.2345' },
    ],
  );
  alice = await investor(p, MOBILE, { level: 'C4', cash: '40000.00' });
  for (const [code, amount] of [
    ['F000198', '30000.00'],
    ['F110011', '1000.00'],
  ] as const) {
    const res = await alice.client.request('POST', '/api/v1/orders', {
      body: { type: 'subscribe', productId: ids[code], amount: cny(amount) },
      headers: { 'idempotency-key': `buy-${code}` },
    });
    expect(res.statusCode).toBe(201);
  }
  p.clock.set('2026-03-03T01:00:00Z');
  await p.services.investing.runEndOfDay('2026-03-02');
  await logInAgain(p, alice, MOBILE);
});
afterAll(() => p.close());

describe('instant redemption of a money-market fund', () => {
  it('pays the cash at once and shows what is left of today’s limit in the preview', async () => {
    expect(await cashOf(p, alice.id)).toEqual({ balance: '9000.00', available: '9000.00' });
    const preview = await alice.client.post('/api/v1/orders/preview', {
      type: 'redeem',
      productId: ids.F000198,
      shares: '6000.00',
      fast: true,
    });
    expect(preview.json()).toMatchObject({
      confirmDate: '2026-03-03',
      estimatedProceeds: cny('6000.00'),
      instantLimitLeft: cny('10000.00'),
    });
    const res = await redeem('6000.00');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      confirmDate: '2026-03-03',
      proceeds: cny('6000.00'),
      fee: cny('0.00'),
      fast: true,
    });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '15000.00', available: '15000.00' });
    expect((await position()).shares).toBe('24000.00');
  });

  it('refuses what would pass 10,000 yuan today, saying what is left, and changes nothing', async () => {
    const res = await redeem('4000.01');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: expect.stringContaining('fast-redemption-limit'),
      detail: expect.stringContaining('4000.00 CNY left today'),
    });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '15000.00', available: '15000.00' });
    expect((await position()).shares).toBe('24000.00');
  });

  it('lets concurrent requests take only what is left, together', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => redeem('1000.00')));
    const accepted = answers.filter((a) => a.statusCode === 201);
    expect(accepted).toHaveLength(4);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(4);
    expect(await cashOf(p, alice.id)).toEqual({ balance: '19000.00', available: '19000.00' });
  });

  it('the next day’s limit is fresh; an ordinary redemption still waits for T+1', async () => {
    p.clock.set('2026-03-04T01:00:00Z');
    await logInAgain(p, alice, MOBILE);
    expect((await redeem('2000.00')).json()).toMatchObject({ status: 'confirmed', proceeds: cny('2000.00') });
    const slow = await redeem('1000.00', { fast: false });
    expect(slow.json()).toMatchObject({ status: 'pending', tradeDate: '2026-03-04' });
    expect((await position()).frozen).toBe('1000.00');
  });

  it('is for money-market funds only, and never for more shares than are free', async () => {
    const equity = await redeem('10.00', { productId: ids.F110011 });
    expect(equity.statusCode).toBe(422);
    const tooMany = await redeem('99999.00');
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ type: expect.stringContaining('insufficient-shares') });
    expect((await position()).shares).toBe('18000.00');
  });

  it('keeps investing and the ledger in agreement', async () => {
    expect((await p.services.investing.reconcile()).breaks).toEqual([]);
  });
});
