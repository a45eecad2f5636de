import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { STAFF_PASSWORD, startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund } from '../products/testing.ts';
import { cashOf, type Investor, investor, loadCatalogue, logInAgain } from './testing.ts';

/** Assisted sales in the console: the same suitability, attribution to the staff member, EOD runs. */
let p: TestPlatform;
let ids: Record<string, string>;
let cautious: Investor;
let bold: Investor;
let phone: { id: string; client: TestClient };
let ops: { id: string; client: TestClient };
let desk: { id: string; client: TestClient };
const cny = (amount: string) => ({ amount, currency: 'CNY' });

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  ids = await loadCatalogue(
    p,
    [sampleFund('110011', 'equity', { channels: ['web', 'app', 'phone', 'branch'] })],
    [{ fundCode: '110011', date: '2026-03-02', nav: '1.2345' }],
  );
  cautious = await investor(p, '13800001001', { level: 'C2', cash: '5000.00' });
  bold = await investor(p, '13800001002', { level: 'C4', cash: '5000.00' });
  phone = await p.staff('phone-a', ['phone_sales']);
  ops = await p.staff('ops-a', ['operations']);
  desk = await p.staff('desk-a', ['service_desk']);
});
afterAll(() => p.close());

/** Moving the clock by a day ends staff sessions (idle timeout): log in again. */
async function loginAgain(username: string): Promise<TestClient> {
  const client = p.consoleClient();
  const res = await client.post('/api/v1/auth/login', { username, password: STAFF_PASSWORD });
  if (res.statusCode !== 200) throw new Error(res.body);
  return client;
}

const assist = (customerId: string, body: unknown, key: string) =>
  phone.client.request('POST', `/api/v1/investing/customers/${customerId}/orders`, {
    body,
    headers: { 'idempotency-key': key },
  });

describe('an order placed by phone on the customer’s behalf', () => {
  it('is refused for a C2 customer and an R4 fund, as in the portal, and recorded with the agent', async () => {
    const res = await assist(
      cautious.id,
      { type: 'subscribe', productId: ids.F110011, amount: cny('1000.00'), channel: 'phone' },
      'c2-r4',
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'risk_too_high' });
    const search = await phone.client.get(`/api/v1/investing/orders?customerId=${cautious.id}`);
    expect(search.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ status: 'refused', channel: 'phone', staffId: phone.id }),
    ]);
  });

  it('waits for the customer: nothing is held until the code the customer received is entered', async () => {
    const res = await assist(
      bold.id,
      { type: 'subscribe', productId: ids.F110011, amount: cny('1000.00'), channel: 'phone' },
      'bold-1',
    );
    expect(res.statusCode, res.body).toBe(201);
    const placed = res.json<{ id: string; confirmationCode: string }>();
    expect(placed).toMatchObject({ status: 'awaiting_customer', channel: 'phone', staffId: phone.id });
    expect(placed.confirmationCode).toMatch(/^\d{6}$/);
    expect((await bold.client.get('/api/v1/assets')).json()).toMatchObject({ inTransit: cny('0.00') });
    const confirm = (code: string) =>
      phone.client.post(`/api/v1/investing/orders/${placed.id}/confirmation`, { code });
    const wrong = placed.confirmationCode === '000000' ? '000001' : '000000';
    expect((await confirm(wrong)).json()).toMatchObject({ status: 422, code: 'confirmation_invalid' });
    const confirmed = await confirm(placed.confirmationCode);
    expect(confirmed.json()).toMatchObject({ status: 'pending' });
    expect((await confirm(placed.confirmationCode)).json()).toMatchObject({
      code: 'not_awaiting_confirmation',
    });
    expect((await bold.client.get('/api/v1/assets')).json()).toMatchObject({ inTransit: cny('1000.00') });
  });

  it('may instead be confirmed or declined by the customer in the portal; a branch sale needs neither', async () => {
    const place = async (key: string, channel = 'phone') =>
      (
        await assist(
          bold.id,
          { type: 'subscribe', productId: ids.F110011, amount: cny('100.00'), channel },
          key,
        )
      ).json<{ id: string; status: string }>();
    const first = await place('bold-2');
    const second = await place('bold-3');
    const waiting = await bold.client.get('/api/v1/orders?status=awaiting_customer');
    expect(
      waiting
        .json<{ items: { id: string }[] }>()
        .items.map((o) => o.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    expect((await cautious.client.post(`/api/v1/orders/${first.id}/confirm`)).statusCode).toBe(404);
    expect((await bold.client.post(`/api/v1/orders/${first.id}/confirm`)).json()).toMatchObject({
      status: 'pending',
    });
    expect((await bold.client.post(`/api/v1/orders/${second.id}/decline`)).json()).toMatchObject({
      status: 'cancelled',
      failureReason: 'declined_by_customer',
    });
    expect((await place('bold-4', 'branch')).status).toBe('pending');
    const mine = await phone.client.get(`/api/v1/investing/orders?staffId=${phone.id}&status=pending`);
    expect(mine.json<{ items: unknown[] }>().items).toHaveLength(3);
  });

  it('is confirmed by the operations run at T+1', async () => {
    expect((await desk.client.get('/api/v1/investing/orders')).statusCode).toBe(403);
    expect((await phone.client.post('/api/v1/investing/eod-runs', {})).statusCode).toBe(403);
    p.clock.set('2026-03-03T01:00:00Z');
    ops.client = await loginAgain('ops-a');
    const run = await ops.client.post('/api/v1/investing/eod-runs', {});
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({
      tradeDate: '2026-03-02',
      status: 'completed',
      report: { subscriptions: { confirmed: 3 }, reconciliation: { breaks: [] } },
    });
    const runs = await ops.client.get('/api/v1/investing/eod-runs');
    expect(runs.json<{ items: { tradeDate: string }[] }>().items.map((r) => r.tradeDate)).toEqual([
      '2026-03-02',
    ]);
    const holdings = await ops.client.get(`/api/v1/investing/customers/${bold.id}/holdings`);
    // 1,000.00 + 100.00 + 100.00 at 1.2345 less 1.5% (by the net-amount method) on each order.
    expect(holdings.json()).toMatchObject({ items: [{ productCode: 'F110011', shares: '957.67' }] });
  });

  it('refuses a self-service channel and malformed input from the console', async () => {
    const res = await assist(
      bold.id,
      { type: 'subscribe', productId: ids.F110011, amount: cny('1000.00'), channel: 'web' },
      'web-from-console',
    );
    expect(res.statusCode).toBe(400);
  });
});

describe('the sales ledger', () => {
  it('sums each channel and staff member’s orders, volumes and fees over business days', async () => {
    phone.client = await loginAgain('phone-a');
    const res = await phone.client.get('/api/v1/investing/sales?from=2026-03-01&to=2026-03-03');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ from: '2026-03-01', to: '2026-03-03' });
    // By phone: the refused C2 order, two confirmed (1,000.00 and 100.00) and one declined.
    expect(res.json().items).toEqual([
      expect.objectContaining({
        channel: 'phone',
        staffId: phone.id,
        staffName: expect.any(String),
        orders: 4,
        confirmed: 2,
        refused: 1,
        customers: 2,
        volume: cny('1100.00'),
        pendingVolume: cny('0.00'),
        // 1.5% by the net-amount method: 14.78 + 1.48.
        fees: cny('16.26'),
      }),
      expect.objectContaining({
        channel: 'branch',
        staffId: phone.id,
        orders: 1,
        volume: cny('100.00'),
        fees: cny('1.48'),
      }),
    ]);
    // One total per currency; the branch's customer also bought by phone, and is counted once.
    expect(res.json().totals).toEqual([
      {
        currency: 'CNY',
        orders: 5,
        confirmed: 3,
        refused: 1,
        customers: 2,
        volume: cny('1200.00'),
        pendingVolume: cny('0.00'),
        redemptions: cny('0.00'),
        fees: cny('17.74'),
      },
    ]);
    const branch = await phone.client.get(
      '/api/v1/investing/sales?from=2026-03-01&to=2026-03-03&channel=branch',
    );
    expect(branch.json().items).toHaveLength(1);
    const before = await phone.client.get('/api/v1/investing/sales?from=2026-02-01&to=2026-02-28');
    expect(before.json().items).toEqual([]);
  });

  it('refuses a period that ends before it starts, and staff without order access', async () => {
    const bad = await phone.client.get('/api/v1/investing/sales?from=2026-03-03&to=2026-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    desk.client = await loginAgain('desk-a');
    expect((await desk.client.get('/api/v1/investing/sales')).statusCode).toBe(403);
  });

  it('order search filters by channel and names the customer of each order', async () => {
    const res = await phone.client.get('/api/v1/investing/orders?channel=branch');
    expect(res.json().items).toEqual([expect.objectContaining({ channel: 'branch', customerId: bold.id })]);
  });
});

/**
 * The assisted-order drawer's preview: what the order would be for this customer through the staff
 * member's channel, the portal's own figures, with nothing held or recorded. Its own platform, so its
 * holdings and end-of-day run leave the sales above alone. 2026-03-03 is a Tuesday; 09:00 in Shanghai.
 */
describe('an assisted order’s preview', () => {
  let q: TestPlatform;
  let f: Record<string, string>;
  let careful: Investor;
  let holder: Investor;
  let seller: { id: string; client: TestClient };
  const preview = (customerId: string, body: unknown) =>
    seller.client.post(`/api/v1/investing/customers/${customerId}/orders/preview`, body);
  /** Orders and audit events on the primary: a preview adds to neither. */
  const written = async () => {
    const n = async (table: 'investing_orders' | 'audit_events') =>
      (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(q.db.primary)).rows[0]
        ?.n;
    return { orders: await n('investing_orders'), audit: await n('audit_events') };
  };

  beforeAll(async () => {
    q = await startTestPlatform();
    q.clock.set('2026-03-02T02:00:00Z');
    const channels = ['web', 'app', 'phone', 'branch'];
    f = await loadCatalogue(
      q,
      [sampleFund('110011', 'equity', { channels }), sampleFund('000198', 'money_market', { channels })],
      [
        { fundCode: '110011', date: '2026-03-02', nav: '1.2345' },
        { fundCode: '000198', date: '2026-03-02', nav: '1.0000', per10kIncome: '0.6100', yield7d: '0.0221' },
      ],
    );
    careful = await investor(q, '13800001101', { level: 'C2', cash: '5000.00' });
    holder = await investor(q, '13800001102', { level: 'C4', cash: '20000.00' });
    const bought = await holder.client.request('POST', '/api/v1/orders', {
      body: { type: 'subscribe', productId: f.F000198, amount: cny('15000.00') },
      headers: { 'idempotency-key': 'mmf-buy' },
    });
    expect(bought.statusCode, bought.body).toBe(201);
    q.clock.set('2026-03-03T01:00:00Z');
    await q.services.investing.runEndOfDay('2026-03-02');
    await logInAgain(q, holder, '13800001102');
    seller = await q.staff('phone-p', ['phone_sales']);
  });
  afterAll(() => q.close());

  it('shows a C2 customer that an R4 fund is refused, and why, before anything is placed', async () => {
    const before = await written();
    const res = await preview(careful.id, {
      type: 'subscribe',
      productId: f.F110011,
      amount: cny('1000.00'),
      channel: 'phone',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().suitability).toMatchObject({
      allowed: false,
      reason: 'risk_too_high',
      messageZh: expect.any(String),
      messageEn: expect.any(String),
      productRisk: 'R4',
      customerRisk: 'C2',
    });
    expect(await written()).toEqual(before);
    const search = await seller.client.get(`/api/v1/investing/orders?customerId=${careful.id}`);
    expect(search.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('gives a fund subscription the fee and the dates the portal’s preview gives the customer', async () => {
    const body = { type: 'subscribe', productId: f.F110011, amount: cny('1000.00') };
    const staffSide = await preview(holder.id, { ...body, channel: 'phone' });
    const portalSide = await holder.client.post('/api/v1/orders/preview', body);
    expect(staffSide.statusCode, staffSide.body).toBe(200);
    // 1.5% by the net-amount method on 1,000.00 (985.22 / 1.2345 = 798.07 shares); before 15:00 on
    // Tuesday: T is today, confirmed T+1.
    expect(staffSide.json()).toMatchObject({
      suitability: { allowed: true, productRisk: 'R4', customerRisk: 'C4' },
      fee: cny('14.78'),
      tradeDate: '2026-03-03',
      cutoffAt: '2026-03-03T07:00:00.000Z',
      confirmDate: '2026-03-04',
      estimatedShares: '798.07',
      instantLimitLeft: null,
    });
    const same = ({
      fee,
      tradeDate,
      cutoffAt,
      confirmDate,
      minimum,
      estimatedShares,
    }: Record<string, unknown>) => ({ fee, tradeDate, cutoffAt, confirmDate, minimum, estimatedShares });
    expect(same(staffSide.json())).toEqual(same(portalSide.json()));
  });

  it('gives a money-market redemption today’s instant limit left, and holds no shares', async () => {
    const before = await written();
    const held = async () =>
      (await seller.client.get(`/api/v1/investing/customers/${holder.id}/holdings`))
        .json<{ items: { productId: string; shares: string; frozen: string }[] }>()
        .items.find((h) => h.productId === f.F000198);
    expect(await held()).toMatchObject({ shares: '15000.00', frozen: '0.00' });
    const fast = await preview(holder.id, {
      type: 'redeem',
      productId: f.F000198,
      shares: '6000.00',
      fast: true,
      channel: 'phone',
    });
    expect(fast.statusCode, fast.body).toBe(200);
    // Paid at once: today is both the trade and the confirmation date.
    expect(fast.json()).toMatchObject({
      tradeDate: '2026-03-03',
      confirmDate: '2026-03-03',
      fee: cny('0.00'),
      estimatedProceeds: cny('6000.00'),
      instantLimitLeft: cny('10000.00'),
    });
    const slow = await preview(holder.id, {
      type: 'redeem',
      productId: f.F000198,
      shares: '6000.00',
      channel: 'branch',
    });
    expect(slow.json()).toMatchObject({ confirmDate: '2026-03-04', instantLimitLeft: cny('10000.00') });
    expect(await written()).toEqual(before);
    expect(await held()).toMatchObject({ shares: '15000.00', frozen: '0.00' });
    expect(await cashOf(q, holder.id)).toEqual({ balance: '5000.00', available: '5000.00' });
  });

  it('answers bad input with a problem that says what is wrong, and needs the assist permission', async () => {
    const before = await written();
    const web = await preview(holder.id, {
      type: 'subscribe',
      productId: f.F110011,
      amount: cny('1000.00'),
      channel: 'web',
    });
    expect(web.statusCode).toBe(400);
    expect(web.headers['content-type']).toContain('application/problem+json');
    const tooMany = await preview(holder.id, {
      type: 'redeem',
      productId: f.F000198,
      shares: '99999.00',
      channel: 'phone',
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ type: expect.stringContaining('insufficient-shares') });
    const unknown = await preview(holder.id, {
      type: 'subscribe',
      productId: 'prd_missing',
      amount: cny('1000.00'),
      channel: 'phone',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await written()).toEqual(before);
    const helpdesk = await q.staff('desk-p', ['service_desk']);
    const denied = await helpdesk.client.post(`/api/v1/investing/customers/${holder.id}/orders/preview`, {
      type: 'subscribe',
      productId: f.F110011,
      amount: cny('1000.00'),
      channel: 'phone',
    });
    expect(denied.statusCode).toBe(403);
  });
});
