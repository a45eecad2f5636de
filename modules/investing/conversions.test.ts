import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund, sampleProduct } from '../products/testing.ts';
import { cashOf, type Investor, investor, loadCatalogue, logInAgain } from './testing.ts';

/**
 * Fund conversion through the portal: shares of one fund into another of the same company, priced
 * at both funds' trade-date NAVs and confirmed at T+1 with the redemption fee and the top-up fee;
 * refusals across companies, for more shares than are free, or into a fund too risky for the
 * customer; a conversion waits for a missing NAV and the books agree afterwards.
 * 2026-03-02 and 03-03 are trading days.
 */
let p: TestPlatform;
let ids: Record<string, string>;
let alice: Investor;
let carol: Investor;
const cny = (amount: string) => ({ amount, currency: 'CNY' });
let serial = 0;
const order = (who: Investor, body: Record<string, unknown>) =>
  who.client.request('POST', '/api/v1/orders', { body, headers: { 'idempotency-key': `conv-${serial++}` } });
const holding = async (who: Investor, productId: string) =>
  (await who.client.get('/api/v1/assets'))
    .json()
    .holdings.find((h: { productId: string }) => h.productId === productId);

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  ids = await loadCatalogue(
    p,
    [
      sampleFund('110011'),
      // Same company (易方达), a higher subscription fee: converting into it costs the difference.
      sampleProduct('fund', {
        code: 'F110022',
        riskLevel: 'R3',
        attributes: {
          fundCode: '110022',
          fundType: 'mixed',
          subscriptionFees: [{ fromAmount: cny('0.00'), rate: '0.02' }],
        },
      }),
      sampleFund('000002', 'bond'),
      sampleProduct('fund', {
        code: 'F000001',
        attributes: { fundCode: '000001', company: '华夏基金' },
      }),
    ],
    [
      { fundCode: '110011', date: '2026-03-02', nav: '1.2345' },
      { fundCode: '110011', date: '2026-03-03', nav: '1.3000' },
      { fundCode: '000002', date: '2026-03-02', nav: '1.0000' },
      { fundCode: '000001', date: '2026-03-02', nav: '1.0000' },
    ],
  );
  alice = await investor(p, '13800001301', { level: 'C4', cash: '20000.00' });
  carol = await investor(p, '13800001302', { level: 'C2', cash: '2000.00' });
  expect(
    (await order(alice, { type: 'subscribe', productId: ids.F110011, amount: cny('10000.00') })).statusCode,
  ).toBe(201);
  expect(
    (await order(carol, { type: 'subscribe', productId: ids.F000002, amount: cny('1000.00') })).statusCode,
  ).toBe(201);
  p.clock.set('2026-03-03T01:00:00Z');
  await p.services.investing.runEndOfDay('2026-03-02');
  await logInAgain(p, alice, '13800001301');
  await logInAgain(p, carol, '13800001302');
});
afterAll(() => p.close());

describe('a fund conversion', () => {
  let conversionId: string;

  it('previews both fees, then reserves the shares until T+1', async () => {
    // 10,000.00 at 1.2345 less the 1.5% fee bought 7,980.73 shares on 03-02.
    expect((await holding(alice, ids.F110011 as string)).shares).toBe('7980.73');
    const body = { type: 'convert', productId: ids.F110011, targetProductId: ids.F110022, shares: '5000.00' };
    const preview = await alice.client.post('/api/v1/orders/preview', body);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ tradeDate: '2026-03-03', confirmDate: '2026-03-04' });
    const res = await order(alice, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ type: 'convert_out', status: 'pending', shares: '5000.00' });
    conversionId = res.json().id;
    expect((await holding(alice, ids.F110011 as string)).frozen).toBe('5000.00');
  });

  it('is refused across fund companies, for the same fund, or for more shares than are free', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ targetProductId: ids.F000001, shares: '10.00' }, 422, 'not-convertible'],
      [{ targetProductId: ids.F110011, shares: '10.00' }, 422, 'not-convertible'],
      [{ targetProductId: ids.F110022, shares: '3000.00' }, 409, 'insufficient-shares'],
      [{ targetProductId: 'prd_missing', shares: '10.00' }, 404, 'product-not-found'],
    ];
    for (const [over, status, type] of cases) {
      const res = await order(alice, { type: 'convert', productId: ids.F110011, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.json().type).toContain(type);
    }
    expect((await holding(alice, ids.F110011 as string)).frozen).toBe('5000.00');
  });

  it('into a fund above the customer’s risk tolerance is refused, and recorded with the reason', async () => {
    const res = await order(carol, {
      type: 'convert',
      productId: ids.F000002,
      targetProductId: ids.F110011,
      shares: '100.00',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('risk-too-high');
    const [recorded] = (await carol.client.get('/api/v1/orders?status=refused')).json().items;
    expect(recorded).toMatchObject({ type: 'convert_out', failureReason: 'risk_too_high' });
    expect((await holding(carol, ids.F000002 as string)).frozen).toBe('0.00');
  });

  it('waits for the target fund’s NAV, then confirms both sides at T+1 with both fees', async () => {
    p.clock.set('2026-03-04T01:00:00Z');
    const waiting = await p.services.investing.runEndOfDay('2026-03-03');
    expect(waiting.status).toBe('incomplete');
    expect(waiting.report.conversions).toMatchObject({ confirmed: 0, awaitingNav: 1 });

    await p.services.products.bulkLoadNavs([
      {
        fundCode: '110022',
        date: '2026-03-03',
        nav: '1.0700',
        accNav: '1.0700',
        per10kIncome: null,
        yield7d: null,
      },
    ]);
    const run = await p.services.investing.runEndOfDay('2026-03-03');
    expect(run.status).toBe('completed');
    expect(run.report.conversions).toMatchObject({ confirmed: 1, failed: 0, awaitingNav: 0 });
    expect(run.report.reconciliation?.breaks).toEqual([]);

    await logInAgain(p, alice, '13800001301');
    const out = (await alice.client.get(`/api/v1/orders/${conversionId}`)).json();
    // 5,000.00 shares at 1.3000 = 6,500.00, confirmed the same day: 1.5% = 97.50; 6,402.50 moves across.
    expect(out).toMatchObject({
      status: 'confirmed',
      nav: '1.3000',
      fee: cny('97.50'),
      proceeds: cny('6402.50'),
    });
    const into = (await alice.client.get('/api/v1/orders?limit=5'))
      .json()
      .items.find((o: { type: string }) => o.type === 'convert_in');
    // Top-up fee: 2% (125.54) less 1.5% (94.62) of 6,402.50 = 30.92; 6,371.58 / 1.0700 → 5,954.74 shares.
    expect(into).toMatchObject({
      status: 'confirmed',
      productId: ids.F110022,
      amount: cny('6402.50'),
      fee: cny('30.92'),
      shares: '5954.74',
      refund: cny('0.00'),
      nav: '1.0700',
      conversion: { targetProductId: ids.F110022, otherOrderId: conversionId },
    });
    expect(out.conversion.otherOrderId).toBe(into.id);
    expect((await holding(alice, ids.F110011 as string)).shares).toBe('2980.73');
    expect(await holding(alice, ids.F110022 as string)).toMatchObject({
      shares: '5954.74',
      cost: cny('6402.50'),
    });
    // Only the refund (none here) reaches the cash account.
    expect(await cashOf(p, alice.id)).toEqual({ balance: '10000.00', available: '10000.00' });
  });

  it('a rerun of the end of day changes nothing', async () => {
    const again = await p.services.investing.runEndOfDay('2026-03-03');
    expect(again.report.conversions).toMatchObject({ confirmed: 0, failed: 0 });
    expect((await holding(alice, ids.F110022 as string)).shares).toBe('5954.74');
    expect((await p.services.investing.reconcile()).breaks).toEqual([]);
  });

  it('may be cancelled before the cut-off, releasing the shares', async () => {
    const res = await order(alice, {
      type: 'convert',
      productId: ids.F110011,
      targetProductId: ids.F110022,
      shares: '100.00',
    });
    const cancelled = await alice.client.post(`/api/v1/orders/${res.json().id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await holding(alice, ids.F110011 as string)).frozen).toBe('0.00');
  });
});
