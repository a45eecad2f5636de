import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestDatabase } from '@onefin/db/testing';
import { money } from '@onefin/kernel';
import { addCalendarDays, isTradingDay, nextTradingDay } from '@onefin/products';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund, sampleProduct } from '../products/testing.ts';
import type { InvestingError } from './errors.ts';
import type { InvestingService } from './service.ts';
import { bulkInvestors, loadCatalogue } from './testing.ts';

/**
 * A month of simulated trading on 10,000 customers: every trading day of March 2026 five
 * hundred random orders — subscriptions, redemptions, instant money-market redemptions, conversions,
 * wealth purchases, deposits, cancellations — and the regular plans, then the end of day at T+1.
 * Every end of day runs twice (the second changes nothing), one is killed with SIGKILL halfway and
 * run again, and after each the reconciliation with the ledger has no break. PostgreSQL only (the
 * killed run is a second process).
 */
const CUSTOMERS = 10_000;
const DAILY = 500;
/** Clients placing orders at once, each one order after another. */
const CLIENTS = 32;
const CHILD = join(import.meta.dirname, 'eod-child.ts');
const onPostgres = process.env.ONEFIN_TEST_ENGINE === 'postgres';

let p: TestPlatform;
let investing: InvestingService;
let ids: Record<string, string>;
let customers: string[];

/** A seeded generator (mulberry32): the same month every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20260301);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const tradingDays: string[] = [];
for (let d = '2026-03-02'; d <= '2026-03-31'; d = addCalendarDays(d, 1))
  if (isTradingDay(d)) tradingDays.push(d);

/** NAVs for every trading day of the month: a seeded random walk from 1.0000 (money market fixed). */
function navSeries(fundCode: string, drift: number) {
  let nav = 1;
  return [...tradingDays, nextTradingDay('2026-03-31')].map((date) => {
    nav *= 1 + drift + (random() - 0.5) * 0.02;
    return { fundCode, date, nav: nav.toFixed(4) };
  });
}

/** The refusals a random order may meet; anything else fails the test. */
const EXPECTED: readonly InvestingError[] = [
  'insufficient_funds',
  'insufficient_shares',
  'fast_redemption_limit',
  'not_cancellable',
  'order_not_found',
];

beforeAll(async () => {
  if (!onPostgres) return;
  p = await startTestPlatform();
  p.clock.set('2026-03-01T02:00:00Z');
  investing = p.services.investing;
  ids = await loadCatalogue(
    p,
    [
      sampleFund('110011'),
      sampleFund('110022', 'bond'),
      sampleFund('000198', 'money_market'),
      sampleProduct('wealth', {
        code: 'W-14D',
        now: new Date('2026-03-01T00:00:00Z'),
        salesEnd: '2026-04-30T00:00:00.000Z',
        attributes: { termDays: 14 },
      }),
      sampleProduct('deposit', { code: 'TD-7D', attributes: { termDays: 7 } }),
    ],
    [
      ...navSeries('110011', 0.001),
      ...navSeries('110022', 0.0002),
      ...[...tradingDays, nextTradingDay('2026-03-31')].map((date) => ({
        fundCode: '000198',
        date,
        nav: '1.0000',
        per10kIncome: '0.6100',
        yield7d: '0.0221',
      })),
    ],
  );
  // One customer in ten is short of cash: their purchases and plan runs are refused or skipped.
  customers = await bulkInvestors(p, CUSTOMERS, 'C4', (i) => (i % 10 === 0 ? 50_000n : 20_000_000n));
  for (let i = 0; i < 300; i++)
    await investing.createPlan({
      customerId: customers[i * 7] as string,
      productId: pick([ids.F110011, ids.F110022]) as string,
      channel: 'app',
      idempotencyKey: `month-plan-${i}`,
      amount: money(BigInt(between(1, 20)) * 10_000n),
      frequency: 'weekly',
      runDay: between(1, 5),
    });
}, 600_000);
afterAll(() => p?.close());

/** Who holds what (confirmed at an earlier end of day): the sellers of the day are drawn from it. */
const holders = { F110011: new Set<string>(), F110022: new Set<string>(), F000198: new Set<string>() };
let serial = 0;

async function tradeDay(date: string): Promise<{ placed: number; refused: number }> {
  p.clock.set(`${date}T02:00:00Z`);
  await investing.runDuePlans();
  const placed: { customerId: string; id: string }[] = [];
  let refused = 0;
  const one = async () => {
    const key = `month-${serial++}`;
    const roll = random();
    const customerId = pick(customers);
    const base = { customerId, channel: 'app' as const, idempotencyKey: key };
    const fromHolders = (fund: keyof typeof holders) => pick([...holders[fund]]) ?? customerId;
    const result =
      roll < 0.45
        ? await investing.subscribe({
            ...base,
            productId: pick([ids.F110011, ids.F110022, ids.F000198]) as string,
            amount: money(BigInt(between(1, 50)) * 10_000n),
          })
        : roll < 0.58
          ? await investing.redeem({
              ...base,
              customerId: fromHolders('F110011'),
              productId: ids.F110011 as string,
              shares: BigInt(between(100, 5_000)),
            })
          : roll < 0.63
            ? await investing.redeem({
                ...base,
                customerId: fromHolders('F000198'),
                productId: ids.F000198 as string,
                shares: BigInt(between(100, 200_000)),
                fast: true,
              })
            : roll < 0.68
              ? await investing.convert({
                  ...base,
                  customerId: fromHolders('F110011'),
                  productId: ids.F110011 as string,
                  targetProductId: ids.F110022 as string,
                  shares: BigInt(between(100, 5_000)),
                })
              : roll < 0.83
                ? await investing.buyWealth({
                    ...base,
                    productId: ids['W-14D'] as string,
                    amount: money(1_000_000n + BigInt(between(0, 20)) * 100_000n),
                  })
                : roll < 0.95
                  ? await investing.openDeposit({
                      ...base,
                      productId: ids['TD-7D'] as string,
                      amount: money(BigInt(between(5, 500)) * 1_000n),
                      renew: random() < 0.5,
                    })
                  : placed.length > 0
                    ? await (async () => {
                        const victim = pick(placed);
                        return investing.cancel(victim.customerId, victim.id);
                      })()
                    : undefined;
    if (!result) return;
    if (result.ok) placed.push({ customerId: result.value.customerId, id: result.value.id });
    else if (EXPECTED.includes(result.error)) refused++;
    else throw new Error(`${date} ${key}: ${result.error} ${result.detail ?? ''}`);
  };
  let left = DAILY;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left-- > 0) await one();
    }),
  );
  return { placed: placed.length, refused };
}

async function rememberHolders(): Promise<void> {
  const { rows } = await sql<{ customer_id: string; product_code: string }>`
    SELECT DISTINCT o.customer_id, o.product_code FROM investing_positions p
    JOIN investing_orders o ON o.customer_id = p.customer_id AND o.product_id = p.product_id
    WHERE p.shares - p.frozen > 0 AND p.product_kind = 'fund' AND o.status = 'confirmed'`.execute(
    p.db.primary,
  );
  for (const set of Object.values(holders)) set.clear();
  for (const r of rows) holders[r.product_code as keyof typeof holders]?.add(r.customer_id);
}

const openOrders = async (tradeDate: string) =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM investing_orders
        WHERE status = 'pending' AND trade_date <= ${tradeDate}::date AND order_type <> 'wealth_buy'`.execute(
        p.db.primary,
      )
    ).rows[0]?.n,
  );

/** The end of day for `tradeDate` in a child process, killed once it has confirmed some orders. */
async function killedHalfway(tradeDate: string, now: string): Promise<void> {
  const url = (p.db as TestDatabase).url;
  if (!url) throw new Error('the PostgreSQL test database has no url');
  const before = await openOrders(tradeDate);
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, DATABASE_URL: url, EOD_TRADE_DATE: tradeDate, EOD_NOW: now, EOD_CHUNK: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  while (child.exitCode === null && (await openOrders(tradeDate)) > before / 2)
    await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGKILL');
  await exited;
}

describe.skipIf(!onPostgres)('a month of trading on 10,000 customers', () => {
  it('settles every day idempotently, survives a killed run, and never breaks the reconciliation', async () => {
    let orders = 0;
    for (const [n, date] of tradingDays.entries()) {
      const day = await tradeDay(date);
      orders += day.placed;
      const next = nextTradingDay(date);
      const now = `${next}T01:00:00Z`;
      if (n === 10) await killedHalfway(date, now);
      p.clock.set(now);
      const run = await investing.runEndOfDay(date);
      expect(run.status, date).toBe('completed');
      expect(run.report.reconciliation?.breaks, date).toEqual([]);
      const again = await investing.runEndOfDay(date);
      expect(again.report.subscriptions?.confirmed, date).toBe(0);
      expect(again.report.redemptions?.confirmed, date).toBe(0);
      expect(again.report.conversions?.confirmed, date).toBe(0);
      expect(again.report.maturities?.paid, date).toBe(0);
      expect(again.report.reconciliation?.breaks, date).toEqual([]);
      await rememberHolders();
    }
    expect(orders).toBeGreaterThan(tradingDays.length * DAILY * 0.6);

    const { rows } = await sql<{ status: string; n: string }>`
      SELECT status, count(*) AS n FROM investing_orders GROUP BY status`.execute(p.db.primary);
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    // Every fund order of the month is settled; only wealth purchases still in cooling-off… none here.
    expect(by.submitted ?? 0).toBe(0);
    expect(await openOrders('2026-03-31')).toBe(0);
    expect(by.confirmed).toBeGreaterThan(orders * 0.5);
    const [trial] = await p.services.ledger.trialBalance();
    expect(trial?.debits).toEqual(trial?.credits);
    const days = await sql<{
      n: string;
    }>`SELECT count(DISTINCT value_date) AS n FROM investing_portfolio_days`.execute(p.db.primary);
    expect(Number(days.rows[0]?.n)).toBe(tradingDays.length);
  }, 900_000);
});
