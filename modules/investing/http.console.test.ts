import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { STAFF_PASSWORD, startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund } from '../products/testing.ts';
import { type Investor, investor, loadCatalogue } from './testing.ts';

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
