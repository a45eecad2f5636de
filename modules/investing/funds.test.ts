import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund } from '../products/testing.ts';
import type { InvestingService } from './service.ts';
import { cashOf, type Investor, investor, loadCatalogue } from './testing.ts';

/**
 * A fund's life through the order service on real data: subscribe on T, confirm at T+1 at T's
 * NAV, redeem on FIFO lots, money-market income, and the refusals that leave nothing behind.
 * Monday 2026-03-02 is a trading day; the cut-off is 15:00 Shanghai (07:00Z).
 */
let p: TestPlatform;
let investing: InvestingService;
let ids: Record<string, string>;
let alice: Investor;
const yuan = (s: string) => money(BigInt(Math.round(Number(s) * 100)));

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  investing = p.services.investing;
  ids = await loadCatalogue(
    p,
    [sampleFund('110011'), sampleFund('000198', 'money_market')],
    [
      { fundCode: '110011', date: '2026-03-02', nav: '1.2345' },
      { fundCode: '110011', date: '2026-03-03', nav: '1.3000' },
      { fundCode: '110011', date: '2026-03-04', nav: '1.3000' },
      { fundCode: '000198', date: '2026-03-02', nav: '1.0000', per10kIncome: '0.6100', yield7d: '0.0221' },
      { fundCode: '000198', date: '2026-03-03', nav: '1.0000', per10kIncome: '0.6523', yield7d: '0.0230' },
    ],
  );
  alice = await investor(p, '13800000601', { level: 'C4', cash: '50000.00', name: '艾丽' });
});
afterAll(() => p.close());

const order = (over: Record<string, unknown> = {}) => ({
  customerId: alice.id,
  productId: ids.F110011 as string,
  channel: 'app' as const,
  idempotencyKey: `k-${Math.random()}`,
  ...over,
});

describe('a fund subscription', () => {
  it('holds the amount at once and confirms at T+1 at T’s NAV: fee by tier, shares rounded down', async () => {
    const placed = await investing.subscribe({ ...order(), amount: yuan('10000.00') });
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    expect(placed.value).toMatchObject({ status: 'pending', tradeDate: '2026-03-02', type: 'subscribe' });
    expect(await cashOf(p, alice.id)).toEqual({ balance: '50000.00', available: '40000.00' });

    p.clock.set('2026-03-03T01:00:00Z');
    const run = await investing.runEndOfDay('2026-03-02');
    expect(run.status).toBe('completed');
    expect(run.report.subscriptions).toMatchObject({ confirmed: 1, failed: 0, awaitingNav: 0 });
    expect(run.report.reconciliation?.breaks).toEqual([]);
    const confirmed = await investing.getOrder(placed.value.id, alice.id);
    expect(confirmed.ok && confirmed.value).toMatchObject({
      status: 'confirmed',
      confirmDate: '2026-03-03',
      nav: '1.2345',
      shares: 798_073n,
      fee: yuan('147.78'),
      refund: yuan('0.00'),
    });
    if (confirmed.ok)
      expect(confirmed.value.history.map((h) => h.status)).toEqual(['submitted', 'pending', 'confirmed']);
    expect(await cashOf(p, alice.id)).toEqual({ balance: '40000.00', available: '40000.00' });
    const [holding] = await investing.holdings(alice.id);
    expect(holding).toMatchObject({ productCode: 'F110011', shares: 798_073n, cost: yuan('10000.00') });
  });

  it('changes nothing when the end-of-day job runs again for the same date', async () => {
    const before = await investing.holdings(alice.id);
    const again = await investing.runEndOfDay('2026-03-02');
    expect(again.report.subscriptions).toMatchObject({ confirmed: 0 });
    expect(again.report.income).toMatchObject({ funds: 0 });
    expect(await investing.holdings(alice.id)).toEqual(before);
    expect(await cashOf(p, alice.id)).toEqual({ balance: '40000.00', available: '40000.00' });
  });

  it('takes the next trading day after the 15:00 cut-off, and may be cancelled only before its own', async () => {
    p.clock.set('2026-03-03T07:30:00Z'); // 15:30 Tuesday
    const late = await investing.subscribe({ ...order(), amount: yuan('2000.00') });
    expect(late.ok && late.value.tradeDate).toBe('2026-03-04');
    p.clock.set('2026-03-04T06:59:00Z'); // 14:59 Wednesday: still before its cut-off
    const cancelled = late.ok ? await investing.cancel(alice.id, late.value.id) : undefined;
    expect(cancelled?.ok && cancelled.value.status).toBe('cancelled');
    expect(await cashOf(p, alice.id)).toEqual({ balance: '40000.00', available: '40000.00' });

    const another = await investing.subscribe({ ...order(), amount: yuan('3000.00') });
    p.clock.set('2026-03-04T07:00:00Z'); // 15:00: too late
    const refused = another.ok ? await investing.cancel(alice.id, another.value.id) : undefined;
    expect(refused).toMatchObject({ ok: false, error: 'not_cancellable' });
  });
});

describe('a redemption', () => {
  it('refuses more shares than are held and reserves nothing', async () => {
    const tooMany = await investing.redeem({ ...order(), shares: 798_074n });
    expect(tooMany).toMatchObject({ ok: false, error: 'insufficient_shares' });
    const [holding] = await investing.holdings(alice.id);
    expect(holding?.frozen).toBe(0n);
  });

  it('reserves the shares, then pays T’s NAV less the holding-period fee of each FIFO lot at T+1', async () => {
    const placed = await investing.redeem({ ...order(), shares: 100_000n });
    expect(placed.ok && placed.value.tradeDate).toBe('2026-03-05');
    const [reserved] = await investing.holdings(alice.id);
    expect(reserved?.frozen).toBe(100_000n);
    // A second redemption cannot sell the reserved shares again.
    expect(await investing.redeem({ ...order(), shares: 698_074n })).toMatchObject({
      ok: false,
      error: 'insufficient_shares',
    });
    await p.services.products.bulkLoadNavs([
      {
        fundCode: '110011',
        date: '2026-03-05',
        nav: '1.3000',
        accNav: '1.3000',
        per10kIncome: null,
        yield7d: null,
      },
    ]);
    p.clock.set('2026-03-06T01:00:00Z');
    // The 3,000.00 subscription of 03-04 is confirmed by the 03-04 run; the redemption by 03-05's.
    await investing.runEndOfDay('2026-03-04');
    const run = await investing.runEndOfDay('2026-03-05');
    expect(run.report.redemptions).toMatchObject({ confirmed: 1 });
    expect(run.report.reconciliation?.breaks).toEqual([]);
    const done = placed.ok ? await investing.getOrder(placed.value.id) : undefined;
    // 1,000.00 shares × 1.3000 = 1,300.00; held 2 days (03-03 → 03-05): 1.5% = 19.50.
    expect(done?.ok && done.value).toMatchObject({
      status: 'confirmed',
      nav: '1.3000',
      fee: yuan('19.50'),
      proceeds: yuan('1280.50'),
    });
    // 40,000.00 − 3,000.00 subscribed + 1,280.50 redeemed.
    expect(await cashOf(p, alice.id)).toEqual({ balance: '38280.50', available: '38280.50' });
    const holding = (await investing.holdings(alice.id)).find((h) => h.productCode === 'F110011');
    // The first lot gives up 1,000.00 of its 7,980.73 shares and that part of its cost (1,253.02).
    expect(holding).toMatchObject({ frozen: 0n, realisedGain: yuan('27.48') });
    expect(holding?.shares).toBe(798_073n - 100_000n + 227_359n);
  });
});

describe('a money-market fund', () => {
  it('reinvests its per-10,000 daily income as shares, once per day, from the day after confirmation', async () => {
    await p.services.products.bulkLoadNavs(
      ['2026-03-06', '2026-03-09'].map((date, i) => ({
        fundCode: '000198',
        date,
        nav: '1.0000',
        accNav: '1.0000',
        per10kIncome: i === 0 ? '0.6100' : '0.6523',
        yield7d: '0.0230',
      })),
    );
    const placed = await investing.subscribe({
      ...order({ productId: ids.F000198 }),
      amount: yuan('10000.00'),
    });
    expect(placed.ok && placed.value.tradeDate).toBe('2026-03-06');
    p.clock.set('2026-03-09T01:00:00Z');
    const confirmRun = await investing.runEndOfDay('2026-03-06');
    // Not yet a holder on 03-06: no income for that day.
    expect(confirmRun.report.income).toMatchObject({ funds: 1, holdings: 0, amount: '0' });
    const mmf = async () => (await investing.holdings(alice.id)).find((h) => h.productCode === 'F000198');
    expect(await mmf()).toMatchObject({ shares: 1_000_000n, income: yuan('0.00') });

    p.clock.set('2026-03-10T01:00:00Z');
    const incomeRun = await investing.runEndOfDay('2026-03-09');
    // 10,000.00 × 0.6523 / 10,000 = 0.65
    expect(incomeRun.report.income).toMatchObject({ funds: 1, holdings: 1, amount: '65' });
    expect(incomeRun.report.reconciliation?.breaks).toEqual([]);
    expect(await mmf()).toMatchObject({
      shares: 1_000_065n,
      income: yuan('0.65'),
      marketValue: yuan('10000.65'),
    });
    await investing.runEndOfDay('2026-03-09');
    expect(await mmf()).toMatchObject({ shares: 1_000_065n });
  });
});
