import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleProduct } from '../products/testing.ts';
import { bulkInvestors, cashOf, loadCatalogue } from './testing.ts';

/**
 * 200 buyers at once for a wealth product of 300,000.00 (30 purchases of 10,000.00); every tenth
 * buyer has only 5,000.00. The quota row and the ledger's holds must agree under the race.
 */
let p: TestPlatform;
let productId: string;
let buyers: string[];
const SIZE = 30_000_000n;
const PRICE = 1_000_000n;
const cashFor = (i: number) => (i % 10 === 9 ? 500_000n : 5_000_000n);

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  const ids = await loadCatalogue(p, [
    sampleProduct('wealth', {
      code: 'WQUOTA',
      now: p.clock.now(),
      attributes: {
        size: { amount: '300000.00', currency: 'CNY' },
        minimumAmount: { amount: '10000.00', currency: 'CNY' },
      },
    }),
  ]);
  productId = ids.WQUOTA as string;
  buyers = await bulkInvestors(p, 200, 'C3', cashFor);
}, 120_000);
afterAll(() => p.close());

describe('200 concurrent buyers of a small quota', () => {
  it('never sell past the size, pay each accepted order once and release every rejected hold', async () => {
    const results = await Promise.all(
      buyers.map((customerId, i) =>
        p.services.investing.buyWealth({
          customerId,
          productId,
          channel: i % 2 ? 'app' : 'web',
          idempotencyKey: `race-${i}`,
          amount: money(PRICE),
        }),
      ),
    );
    const accepted = results.flatMap((r, i) => (r.ok ? [i] : []));
    const refusals = new Set(results.flatMap((r) => (r.ok ? [] : [r.error])));
    expect(accepted.length).toBe(Number(SIZE / PRICE));
    expect([...refusals].sort()).toEqual(['insufficient_funds', 'quota_exhausted']);
    expect(await p.services.investing.remainingQuota(productId)).toBe(0n);
    for (const [i, id] of buyers.entries()) {
      const cash = cashFor(i);
      const expected = accepted.includes(i) ? cash - PRICE : cash;
      const a = await p.services.ledger.openCustomerCashAccount(id, 'CNY');
      expect([a.balance.amount, a.available.amount]).toEqual([cash, expected]);
    }

    const run = await p.services.investing.runEndOfDay('2026-03-02');
    expect(run.report.wealth).toMatchObject({ confirmed: accepted.length, failed: 0 });
    expect(run.report.reconciliation?.breaks).toEqual([]);
    for (const i of accepted) {
      const id = buyers[i] as string;
      const statement = await p.services.ledger.statement(
        (await p.services.ledger.openCustomerCashAccount(id, 'CNY')).id,
        { limit: 10 },
      );
      expect(statement.lines.filter((l) => l.code === 'wealth_purchase')).toHaveLength(1);
      expect((await cashOf(p, id)).balance).toBe('40000.00');
    }
    const principal = (await p.services.ledger.ensureInternalAccounts('CNY')).wealthPrincipal;
    expect((await p.services.ledger.getAccount(principal.id))?.balance.amount).toBe(SIZE);
  });
});
