import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund } from '../products/testing.ts';
import { cashOf, type Investor, investor, loadCatalogue, logInAgain } from './testing.ts';

/**
 * Regular investment plans (定投) through the portal API and the worker's daily pass: a run on each
 * scheduled trading day, a weekend date bought on Monday, a run the customer cannot pay skipped
 * with a notice, a missed date never bought late, pause, resume and stop.
 * 2026-03-02 is a Monday; 2026-03-07/08 a weekend.
 */
let p: TestPlatform;
let ids: Record<string, string>;
let alice: Investor;
let carol: Investor;
const cny = (amount: string) => ({ amount, currency: 'CNY' });
/** Moves the clock to 09:30 Shanghai on a date; both customers log in again, as they would after days away. */
async function morningOf(date: string) {
  p.clock.set(`${date}T01:30:00Z`);
  if (alice) await logInAgain(p, alice, '13800001101');
  if (carol) await logInAgain(p, carol, '13800001102');
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T01:30:00Z');
  ids = await loadCatalogue(p, [sampleFund('110011'), sampleFund('000002', 'bond')], []);
  alice = await investor(p, '13800001101', { level: 'C4', cash: '1500.00' });
  carol = await investor(p, '13800001102', { level: 'C2', cash: '1000.00' });
});
afterAll(() => p.close());

const create = (who: Investor, body: Record<string, unknown>, key: string) =>
  who.client.request('POST', '/api/v1/plans', { body, headers: { 'idempotency-key': key } });
const runs = async (who: Investor, planId: string) =>
  (await who.client.get(`/api/v1/plans/${planId}`)).json().runs as {
    dueOn: string;
    status: string;
    reason: string | null;
  }[];

describe('a regular investment plan', () => {
  let planId: string;

  it('is set up for a later date, never charging today; a replay under the key is the same plan', async () => {
    const body = { productId: ids.F110011, amount: cny('1000.00'), frequency: 'weekly', runDay: 3 };
    const res = await create(alice, body, 'plan-1');
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ status: 'active', nextRunOn: '2026-03-04', frequency: 'weekly', runDay: 3 });
    planId = plan.id;
    expect((await create(alice, body, 'plan-1')).json().id).toBe(planId);
    expect((await alice.client.get('/api/v1/plans')).json().items).toHaveLength(1);
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 0, skipped: 0 });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '1500.00', available: '1500.00' });
  });

  it('places the run on its day as a subscription holding the amount, once however often the worker passes', async () => {
    await morningOf('2026-03-04');
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 1, skipped: 0 });
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 0, skipped: 0 });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '1500.00', available: '500.00' });
    const [run] = await runs(alice, planId);
    expect(run).toMatchObject({ dueOn: '2026-03-04', status: 'placed' });
    const orders = (await alice.client.get('/api/v1/orders')).json().items;
    expect(orders[0]).toMatchObject({ type: 'subscribe', status: 'pending', amount: cny('1000.00') });
    expect((await alice.client.get(`/api/v1/plans/${planId}`)).json().nextRunOn).toBe('2026-03-11');
  });

  it('skips a run the customer cannot pay, with a notice, and goes on to the next date', async () => {
    await morningOf('2026-03-11');
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 0, skipped: 1 });
    expect((await runs(alice, planId))[0]).toMatchObject({
      dueOn: '2026-03-11',
      status: 'skipped',
      reason: 'insufficient_funds',
    });
    const { rows } = await sql<{ event_type: string; payload: Record<string, unknown> }>`
      SELECT event_type, payload FROM outbox_events WHERE aggregate_id = ${planId}`.execute(p.db.primary);
    expect(rows).toEqual([
      expect.objectContaining({
        event_type: 'investing.plan_run_skipped',
        payload: expect.objectContaining({
          customerId: alice.id,
          dueOn: '2026-03-11',
          reason: 'insufficient_funds',
        }),
      }),
    ]);
    expect(await cashOf(p, alice.id)).toEqual({ balance: '1500.00', available: '500.00' });
  });

  it('buys a weekend date on Monday and skips a date the worker missed instead of buying it late', async () => {
    const body = { productId: ids.F000002, amount: cny('100.00'), frequency: 'monthly', runDay: 14 };
    const monthly = (await create(alice, body, 'plan-2')).json();
    expect(monthly.nextRunOn).toBe('2026-03-14');
    await morningOf('2026-03-14');
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 0, skipped: 0 });
    await morningOf('2026-03-16');
    // The weekly plan's 2026-03-18 date is not due yet; the monthly one's Saturday date is bought now.
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 1, skipped: 0 });
    expect((await runs(alice, monthly.id))[0]).toMatchObject({ dueOn: '2026-03-14', status: 'placed' });

    // The worker was down from the 18th to the 20th: the weekly date of the 18th is not bought on the 20th.
    await morningOf('2026-03-20');
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 0, skipped: 1 });
    expect((await runs(alice, planId))[0]).toMatchObject({ dueOn: '2026-03-18', reason: 'missed' });
  });

  it('pauses, resumes from the next date after today, and once stopped stays stopped', async () => {
    const patch = (status: string) =>
      alice.client.request('PATCH', `/api/v1/plans/${planId}`, { body: { status } });
    expect((await patch('paused')).json()).toMatchObject({ status: 'paused' });
    await morningOf('2026-03-25');
    expect(await p.services.investing.runDuePlans()).toEqual({ placed: 0, skipped: 0 });
    await morningOf('2026-03-26');
    expect((await patch('active')).json()).toMatchObject({ status: 'active', nextRunOn: '2026-04-01' });
    expect((await patch('stopped')).json()).toMatchObject({ status: 'stopped' });
    const again = await patch('active');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: expect.stringContaining('plan-stopped') });
  });
});

describe('refusals of a plan', () => {
  it('bad schedules and amounts are 4xx problems and set nothing up', async () => {
    for (const [body, status] of [
      [{ productId: ids.F110011, amount: cny('1000.00'), frequency: 'weekly', runDay: 6 }, 400],
      [{ productId: ids.F110011, amount: cny('1000.00'), frequency: 'monthly', runDay: 29 }, 400],
      [{ productId: ids.F110011, amount: cny('1000.00'), frequency: 'daily', runDay: 1 }, 400],
      [{ productId: ids.F000002, amount: cny('5.00'), frequency: 'monthly', runDay: 1 }, 422],
      [{ productId: 'prd_nothing', amount: cny('100.00'), frequency: 'monthly', runDay: 1 }, 404],
    ] as const) {
      const res = await create(carol, body, `bad-${JSON.stringify(body)}`);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await carol.client.get('/api/v1/plans')).json().items).toEqual([]);
  });

  it('a C2 customer cannot set up a plan into an R4 fund', async () => {
    const res = await create(
      carol,
      { productId: ids.F110011, amount: cny('100.00'), frequency: 'monthly', runDay: 1 },
      'c2-r4',
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ type: expect.stringContaining('risk-too-high') });
    expect((await carol.client.get('/api/v1/plans')).json().items).toEqual([]);
  });

  it('another customer’s plan is not found', async () => {
    const [plan] = (await alice.client.get('/api/v1/plans')).json().items;
    expect((await carol.client.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    const res = await carol.client.request('PATCH', `/api/v1/plans/${plan.id}`, {
      body: { status: 'paused' },
    });
    expect(res.statusCode).toBe(404);
  });
});
