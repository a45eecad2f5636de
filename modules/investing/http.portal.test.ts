import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund, sampleProduct } from '../products/testing.ts';
import { type Investor, investor, loadCatalogue } from './testing.ts';

/** The portal's order API as the web app calls it: validation, replays, refusals, other people's orders. */
let p: TestPlatform;
let ids: Record<string, string>;
let alice: Investor;
let bob: Investor;
const cny = (amount: string) => ({ amount, currency: 'CNY' });

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  ids = await loadCatalogue(
    p,
    [
      sampleFund('110011'),
      sampleFund('000001', 'equity', { code: 'F-R5', riskLevel: 'R5' }),
      sampleProduct('deposit', { code: 'TD-1Y' }),
    ],
    [{ fundCode: '110011', date: '2026-02-27', nav: '1.2345' }],
  );
  alice = await investor(p, '13800000901', { level: 'C4', cash: '20000.00' });
  bob = await investor(p, '13800000902', { level: 'C4', cash: '1000.00' });
});
afterAll(() => p.close());

const post = (who: Investor, body: unknown, key?: string) =>
  who.client.request('POST', '/api/v1/orders', { body, headers: key ? { 'idempotency-key': key } : {} });

describe('placing orders through the portal', () => {
  it('answers 401 without a session, 400 without a key or with a malformed body, and holds nothing', async () => {
    const anonymous = p.portalClient();
    expect((await anonymous.get('/api/v1/assets')).statusCode).toBe(401);
    const body = { type: 'subscribe', productId: ids.F110011, amount: cny('1000.00') };
    expect((await post(alice, body)).json()).toMatchObject({ status: 400 });
    for (const bad of [
      { ...body, amount: { amount: 1000, currency: 'CNY' } },
      { ...body, amount: cny('1000.001') },
      { ...body, extra: true },
      { type: 'redeem', productId: ids.F110011, shares: '10.001' },
      { type: 'redeem', productId: ids.F110011, shares: '0' },
      { type: 'buy', productId: ids.F110011, amount: cny('1000.00') },
    ]) {
      const res = await post(alice, bad, `bad-${JSON.stringify(bad)}`);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const assets = (await alice.client.get('/api/v1/assets')).json<{ cash: { amount: string } }>();
    expect(assets.cash.amount).toBe('20000.00');
  });

  it('previews the fee, the trade date and its cut-off, and the estimate at the latest NAV', async () => {
    const res = await alice.client.post('/api/v1/orders/preview', {
      type: 'subscribe',
      productId: ids.F110011,
      amount: cny('10000.00'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      suitability: { allowed: true, productRisk: 'R4', customerRisk: 'C4' },
      tradeDate: '2026-03-02',
      cutoffAt: '2026-03-02T07:00:00.000Z',
      confirmDate: '2026-03-03',
      fee: cny('147.78'),
      estimatedShares: '7980.73',
      navDate: '2026-02-27',
    });
  });

  it('places a subscription once per key and replays the first answer', async () => {
    const body = { type: 'subscribe', productId: ids.F110011, amount: cny('10000.00'), channel: 'app' };
    const first = await post(alice, body, 'order-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'pending',
      channel: 'app',
      amount: cny('10000.00'),
      cancellableUntil: '2026-03-02T07:00:00.000Z',
    });
    const replay = await post(alice, body, 'order-1');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect((await post(alice, { ...body, amount: cny('10.00') }, 'order-1')).statusCode).toBe(422);
    const assets = (await alice.client.get('/api/v1/assets')).json();
    expect(assets).toMatchObject({
      cash: cny('10000.00'),
      inTransit: cny('10000.00'),
      total: cny('20000.00'),
    });
  });

  it('refuses a product above the customer’s risk tolerance with the reason, and insufficient cash', async () => {
    const risky = await post(
      alice,
      { type: 'subscribe', productId: ids['F-R5'], amount: cny('100.00') },
      'r5',
    );
    expect(risky.statusCode).toBe(403);
    expect(risky.json()).toMatchObject({ code: 'risk_too_high' });
    const poor = await post(
      bob,
      { type: 'subscribe', productId: ids.F110011, amount: cny('1000.01') },
      'poor',
    );
    expect(poor.json()).toMatchObject({ status: 409, code: 'insufficient_funds' });
    const tooMany = await post(bob, { type: 'redeem', productId: ids.F110011, shares: '1.00' }, 'no-shares');
    expect(tooMany.json()).toMatchObject({ status: 409, code: 'insufficient_shares' });
  });

  it('shows and cancels only the customer’s own orders', async () => {
    const mine = (await alice.client.get('/api/v1/orders')).json<{
      items: { id: string; status: string }[];
    }>();
    const pending = mine.items.find((o) => o.status === 'pending');
    expect(pending).toBeDefined();
    const url = `/api/v1/orders/${pending?.id}`;
    expect((await bob.client.get(url)).statusCode).toBe(404);
    expect((await bob.client.post(`${url}/cancel`)).statusCode).toBe(404);
    const detail = (await alice.client.get(url)).json<{ history: { status: string }[] }>();
    expect(detail.history.map((h) => h.status)).toEqual(['submitted', 'pending']);
    const cancelled = await alice.client.post(`${url}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancellableUntil: null });
    expect((await alice.client.post(`${url}/cancel`)).json()).toMatchObject({ code: 'not_cancellable' });
    expect((await alice.client.get('/api/v1/assets')).json()).toMatchObject({ cash: cny('20000.00') });
  });

  it('opens a time deposit, lists it as a lot, and withdraws it early once per key', async () => {
    const opened = await post(
      bob,
      { type: 'deposit_open', productId: ids['TD-1Y'], amount: cny('500.00') },
      'td-1',
    );
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ type: 'deposit_open', status: 'confirmed' });
    const lots = (await bob.client.get(`/api/v1/holdings/${ids['TD-1Y']}/lots`)).json<{
      items: { id: string }[];
    }>();
    expect(lots.items).toEqual([
      expect.objectContaining({ remainingCost: '500.00', maturityDate: '2027-03-02', renew: true }),
    ]);
    const url = `/api/v1/deposits/${lots.items[0]?.id}/withdraw`;
    const withdraw = () =>
      bob.client.request('POST', url, { body: {}, headers: { 'idempotency-key': 'td-w1' } });
    const first = await withdraw();
    expect(first.statusCode, first.body).toBe(201);
    // Withdrawn the day it was opened: no interest.
    expect(first.json()).toMatchObject({ type: 'deposit_withdraw', proceeds: cny('500.00') });
    expect((await withdraw()).json()).toEqual(first.json());
    expect(
      (await alice.client.request('POST', url, { body: {}, headers: { 'idempotency-key': 'x' } })).statusCode,
    ).toBe(404);
  });
});

describe('the electronic confirmation of an order', () => {
  it('is a printable page of the customer’s own order, in Chinese or English, with its digest', async () => {
    const placed = await post(
      alice,
      { type: 'subscribe', productId: ids.F110011, amount: cny('500.00') },
      'receipt-1',
    );
    const id = placed.json().id;
    const zh = await alice.client.get(`/api/v1/orders/${id}/receipt`);
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain('text/html');
    for (const text of ['交易确认书', id, '基金申购', '500.00 CNY', '待确认'])
      expect(zh.body).toContain(text);
    expect(zh.body).toMatch(/data-testid="receipt-digest">[0-9a-f]{64}</);
    const en = await alice.client.get(`/api/v1/orders/${id}/receipt?lang=en`);
    expect(en.body).toContain('Pending confirmation');
    expect((await bob.client.get(`/api/v1/orders/${id}/receipt`)).statusCode).toBe(404);
    expect((await alice.client.get(`/api/v1/orders/${id}/receipt?lang=fr`)).statusCode).toBe(400);
  });
});
