import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestDatabase } from '@onefin/db/testing';
import { money } from '@onefin/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund } from '../products/testing.ts';
import { bulkInvestors, loadCatalogue } from './testing.ts';

/**
 * The end-of-day job killed with SIGKILL while confirming, then run again: every order ends
 * confirmed exactly once and investing agrees with the ledger. PostgreSQL only (a second process
 * cannot open an embedded database the test holds).
 */
const CHILD = join(import.meta.dirname, 'eod-child.ts');
const INVESTORS = 200;
const ORDERS_EACH = 10;
const TOTAL = INVESTORS * ORDERS_EACH;
let p: TestPlatform;
let productId: string;
let investors: string[];

const onPostgres = process.env.ONEFIN_TEST_ENGINE === 'postgres';

beforeAll(async () => {
  if (!onPostgres) return;
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  const ids = await loadCatalogue(
    p,
    [sampleFund('110011')],
    [{ fundCode: '110011', date: '2026-03-02', nav: '1.2345' }],
  );
  productId = ids.F110011 as string;
  investors = await bulkInvestors(p, INVESTORS, 'C4', () => 1_000_000n);
  for (let n = 0; n < ORDERS_EACH; n++)
    await Promise.all(
      investors.map(async (customerId) => {
        const placed = await p.services.investing.subscribe({
          customerId,
          productId,
          channel: 'app',
          idempotencyKey: `crash-${n}`,
          amount: money(10_000n),
        });
        if (!placed.ok) throw new Error(placed.error);
      }),
    );
}, 180_000);
afterAll(() => p?.close());

const confirmed = async () =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM investing_orders WHERE status = 'confirmed'`.execute(
        p.db.primary,
      )
    ).rows[0]?.n,
  );

describe.skipIf(!onPostgres)('the end-of-day job killed halfway', () => {
  it('finishes on the next run with every order confirmed once and no reconciliation break', async () => {
    const url = (p.db as TestDatabase).url;
    if (!url) throw new Error('the PostgreSQL test database has no url');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        EOD_TRADE_DATE: '2026-03-02',
        EOD_NOW: '2026-03-03T01:00:00Z',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let atKill = 0;
    for (;;) {
      atKill = await confirmed();
      if (atKill >= TOTAL / 5 || child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    const signal = await exited;
    expect(signal, stderr).toBe('SIGKILL');
    const afterKill = await confirmed();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(TOTAL);

    p.clock.set('2026-03-03T01:05:00Z');
    const run = await p.services.investing.runEndOfDay('2026-03-02');
    expect(run.status).toBe('completed');
    expect(run.report.subscriptions?.confirmed).toBe(TOTAL - afterKill);
    expect(run.report.reconciliation?.breaks).toEqual([]);
    expect(await confirmed()).toBe(TOTAL);
    const lots = await sql<{ n: string }>`SELECT count(*) AS n FROM investing_lots`.execute(p.db.primary);
    expect(Number(lots.rows[0]?.n)).toBe(TOTAL);
    for (const customerId of investors) {
      const cash = await p.services.ledger.openCustomerCashAccount(customerId, 'CNY');
      // 10,000.00 funded, ten subscriptions of 100.00 each posted once.
      expect([cash.balance.amount, cash.available.amount]).toEqual([900_000n, 900_000n]);
    }
    const [trial] = await p.services.ledger.trialBalance();
    expect(trial?.debits).toEqual(trial?.credits);
    const again = await p.services.investing.runEndOfDay('2026-03-02');
    expect(again.report.subscriptions?.confirmed).toBe(0);
  });
});
