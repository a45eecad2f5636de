import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../test/platform.ts';

const START = '2026-11-10T09:30:00+08:00';

describe('the demo clock route, without a demo clock (every production start)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.close());

  it('does not exist, even for an admin, and time is not moved', async () => {
    const admin = await p.staff('admin', ['admin']);
    const before = p.services.clock.now();
    const moved = await admin.client.post('/api/v1/demo/clock', { advance: 'P1D' });
    expect(moved.statusCode).toBe(404);
    expect(moved.headers['content-type']).toContain('application/problem+json');
    expect((await admin.client.get('/api/v1/demo/clock')).statusCode).toBe(404);
    expect(p.services.clock.now().getTime()).toBe(before.getTime());
  });
});

describe('the demo clock route, with `onefin start --clock`', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ demoClock: START });
  });
  afterAll(() => p.close());

  it('shows any staff member the demo time and its business date', async () => {
    const advisor = await p.staff('advisor', ['advisor']);
    const res = await advisor.client.get('/api/v1/demo/clock');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      now: '2026-11-10T01:30:00.000Z',
      businessDate: '2026-11-10',
      isTradingDay: true,
      nextTradingDay: '2026-11-11',
    });
    expect((await p.consoleClient().get('/api/v1/demo/clock')).statusCode).toBe(401);
  });

  it('refuses to move it without the demo.clock permission or a session, and nothing moves', async () => {
    const advisor = await p.staff('seller', ['phone_sales']);
    const refused = await advisor.client.post('/api/v1/demo/clock', { advance: 'P1D' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'forbidden',
      detail: 'this needs the demo.clock permission',
    });
    const anonymous = await p.consoleClient().post('/api/v1/demo/clock', { advance: 'P1D' });
    expect(anonymous.statusCode).toBe(401);
    expect(p.services.clock.now().toISOString()).toBe('2026-11-10T01:30:00.000Z');
  });

  it('lets operations move it forward a day; every service sees it, and the move is audited', async () => {
    const ops = await p.staff('ops', ['operations']);
    const moved = await ops.client.post('/api/v1/demo/clock', { advance: 'P1D' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({
      now: '2026-11-11T01:30:00.000Z',
      businessDate: '2026-11-11',
      isTradingDay: true,
      nextTradingDay: '2026-11-12',
    });
    // T+1: the end of day now settles the trade date of the day before.
    expect(await p.services.investing.settleableTradeDate()).toBe('2026-11-10');
    const { items } = await p.services.audit.list({ action: 'demo.clock.move', limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actorId: ops.id,
      outcome: 'success',
      detail: { from: '2026-11-10T01:30:00.000Z', to: '2026-11-11T01:30:00.000Z', advance: 'P1D' },
    });
    // a day later the operator's own session has lapsed, as it would for anyone away that long
    expect((await ops.client.get('/api/v1/demo/clock')).statusCode).toBe(401);
  });

  it('lets an admin move it to a later instant, and keeps running from there', async () => {
    const admin = await p.staff('admin', ['admin']);
    const moved = await admin.client.post('/api/v1/demo/clock', { to: '2026-11-12T08:00:00+08:00' });
    expect(moved.json()).toEqual({
      now: '2026-11-12T00:00:00.000Z',
      businessDate: '2026-11-12',
      isTradingDay: true,
      nextTradingDay: '2026-11-13',
    });
    p.clock.advance(60_000);
    expect(p.services.clock.now().toISOString()).toBe('2026-11-12T00:01:00.000Z');
  });

  it('refuses to move it backwards with a 422 problem, and leaves it where it was', async () => {
    const admin = await p.staff('admin2', ['admin']);
    const before = p.services.clock.now().toISOString();
    const back = await admin.client.post('/api/v1/demo/clock', { to: START });
    expect(back.statusCode).toBe(422);
    expect(back.headers['content-type']).toContain('application/problem+json');
    expect(back.json()).toMatchObject({
      code: 'clock_backwards',
      detail: `the clock is at ${before}: it only moves forward`,
    });
    expect(p.services.clock.now().toISOString()).toBe(before);
  });

  it('refuses durations without a fixed length, two moves at once, and unknown fields', async () => {
    const admin = await p.staff('admin3', ['admin']);
    for (const body of [
      { advance: 'P1M' },
      { advance: '1 day' },
      { advance: 'P1D', to: '2026-12-01T00:00:00Z' },
      { to: '2026-12-01' },
      { advance: 'P1D', reason: 'demo' },
      {},
    ]) {
      const res = await admin.client.post('/api/v1/demo/clock', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("the demo clock around holidays: the business date's trading-calendar facts", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    // Tuesday before the 2026 Mid-Autumn Festival (Fri 25 Sep) and the National Day week (1–7 Oct).
    p = await startTestPlatform({ demoClock: '2026-09-22T09:30:00+08:00' });
  });
  afterAll(() => p.close());

  /** Moves the clock `to` an instant as a fresh admin (a long move lapses the mover's own session). */
  async function moveTo(to: string) {
    const admin = await p.staff(`admin-${to.slice(0, 10)}`, ['admin']);
    const moved = await admin.client.post('/api/v1/demo/clock', { to });
    expect(moved.statusCode, moved.body).toBe(200);
    return moved.json();
  }

  it('says a weekday is a trading day, and the next one is the day after', async () => {
    const advisor = await p.staff('advisor', ['advisor']);
    expect((await advisor.client.get('/api/v1/demo/clock')).json()).toMatchObject({
      businessDate: '2026-09-22',
      isTradingDay: true,
      nextTradingDay: '2026-09-23',
    });
  });

  it('skips the holiday and the weekend after the trading day before Mid-Autumn', async () => {
    expect(await moveTo('2026-09-24T09:30:00+08:00')).toMatchObject({
      businessDate: '2026-09-24',
      isTradingDay: true,
      nextTradingDay: '2026-09-28',
    });
  });

  it('says a Saturday is not a trading day, and reads the same on the GET', async () => {
    const moved = await moveTo('2026-09-26T10:00:00+08:00');
    expect(moved).toEqual({
      now: '2026-09-26T02:00:00.000Z',
      businessDate: '2026-09-26',
      isTradingDay: false,
      nextTradingDay: '2026-09-28',
    });
    const advisor = await p.staff('advisor2', ['advisor']);
    expect((await advisor.client.get('/api/v1/demo/clock')).json()).toEqual(moved);
  });

  it('gives the first day after the National Day week from its eve, and a holiday weekday is no trading day', async () => {
    expect(await moveTo('2026-09-30T09:30:00+08:00')).toMatchObject({
      businessDate: '2026-09-30',
      isTradingDay: true,
      nextTradingDay: '2026-10-08',
    });
    expect(await moveTo('2026-10-01T09:30:00+08:00')).toMatchObject({
      businessDate: '2026-10-01',
      isTradingDay: false,
      nextTradingDay: '2026-10-08',
    });
  });

  it('still answers past the years the holiday table covers, without guessing', async () => {
    // 2027 is the table's last year: from its last trading day the next one is not known.
    expect(await moveTo('2027-12-31T09:30:00+08:00')).toMatchObject({
      businessDate: '2027-12-31',
      isTradingDay: true,
      nextTradingDay: null,
    });
    expect(await moveTo('2028-01-04T09:30:00+08:00')).toEqual({
      now: '2028-01-04T01:30:00.000Z',
      businessDate: '2028-01-04',
      isTradingDay: null,
      nextTradingDay: null,
    });
  });
});
