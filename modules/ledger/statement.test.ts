import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { createManualClock, formatMoney, HOUR_MS, money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, InternalKey, LedgerService, StatementLine } from './index.ts';
import { brokenInvariants, ledgerFor } from './testing.ts';

const show = (lines: StatementLine[]) =>
  lines.map((l) => `${l.transferId} ${l.side} ${formatMoney(l.amount)} → ${formatMoney(l.balanceAfter)}`);

// One customer's March, on the Shanghai calendar (UTC+8):
//   1 Mar 10:00  top-up 500.00        → 500.00
//   1 Mar 23:30  buy fund 120.00      → 380.00   (15:30Z: still 1 March in Shanghai)
//   2 Mar 00:30  top-up 50.00         → 430.00   (1 Mar 16:30Z: already 2 March in Shanghai)
//   3 Mar 09:00  buy wealth 200.00    → 230.00
describe('a customer statement over three business days', () => {
  let tdb: TestDatabase;
  let ledger: LedgerService;
  let internal: Record<InternalKey, Account>;
  let cash: Account;
  const clock = createManualClock('2026-03-01T02:00:00Z');

  async function post(id: string, at: string, fen: bigint, inbound: boolean) {
    clock.set(at);
    const other = inbound ? internal.channelClearing.id : internal.fundSubscriptionClearing.id;
    const r = await ledger.transfer({
      id,
      debitAccountId: inbound ? other : cash.id,
      creditAccountId: inbound ? cash.id : other,
      amount: money(fen),
      code: inbound ? 'topup' : 'purchase',
      reference: `ref-${id}`,
    });
    expect(r.ok, id).toBe(true);
  }

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ledger = ledgerFor(tdb, 'batched', clock);
    internal = await ledger.ensureInternalAccounts('CNY');
    cash = await ledger.openCustomerCashAccount('cus_march', 'CNY');
    await post('t1', '2026-03-01T02:00:00Z', 50_000n, true);
    await post('t2', '2026-03-01T15:30:00Z', 12_000n, false);
    await post('t3', '2026-03-01T16:30:00Z', 5_000n, true);
    await post('t4', '2026-03-03T01:00:00Z', 20_000n, false);
  });
  afterAll(async () => {
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
    await tdb.close();
  });

  it('lists every line newest first with its running balance and counterparty', async () => {
    const { lines, next } = await ledger.statement(cash.id, { limit: 10 });
    expect(show(lines)).toEqual([
      't4 debit 200.00 → 230.00',
      't3 credit 50.00 → 430.00',
      't2 debit 120.00 → 380.00',
      't1 credit 500.00 → 500.00',
    ]);
    expect(next).toBeUndefined();
    expect(lines[0]).toMatchObject({
      code: 'purchase',
      reference: 'ref-t4',
      counterpartyAccountId: internal.fundSubscriptionClearing.id,
      version: 4n,
    });
  });

  it('filters by Shanghai business dates, both ends inclusive', async () => {
    const first = await ledger.statement(cash.id, { from: '2026-03-01', to: '2026-03-01', limit: 10 });
    expect(first.lines.map((l) => l.transferId)).toEqual(['t2', 't1']);
    const fromSecond = await ledger.statement(cash.id, { from: '2026-03-02', limit: 10 });
    expect(fromSecond.lines.map((l) => l.transferId)).toEqual(['t4', 't3']);
  });

  it('pages with a cursor and never repeats or skips a line', async () => {
    const page1 = await ledger.statement(cash.id, { limit: 3 });
    expect(page1.lines.map((l) => l.transferId)).toEqual(['t4', 't3', 't2']);
    const page2 = await ledger.statement(cash.id, { limit: 3, before: page1.next });
    expect(page2.lines.map((l) => l.transferId)).toEqual(['t1']);
    expect(page2.next).toBeUndefined();
  });

  it('knows the balance at the end of each business date', async () => {
    const asOf = async (date: string) => formatMoney((await ledger.balanceAsOf(cash.id, date)) ?? money(-1n));
    expect(await asOf('2026-02-28')).toBe('0.00');
    expect(await asOf('2026-03-01')).toBe('380.00');
    expect(await asOf('2026-03-02')).toBe('430.00');
    expect(await asOf('2026-03-03')).toBe('230.00');
    expect(await asOf('2026-12-31')).toBe('230.00');
    expect(await ledger.balanceAsOf('acc_missing' as Account['id'], '2026-03-01')).toBeUndefined();
  });

  it('the end-of-day job writes each day-end balance once, whenever and however often it runs', async () => {
    expect(await ledger.snapshotDailyBalances('2026-02-28')).toBe(0);
    for (const date of ['2026-03-03', '2026-03-01', '2026-03-02', '2026-03-01']) {
      expect(await ledger.snapshotDailyBalances(date)).toBeGreaterThan(1);
    }
    const days = await ledger.dailyBalances(cash.id, '2026-02-01', '2026-03-31');
    expect(days.map((d) => `${d.businessDate} ${formatMoney(d.balance)}`)).toEqual([
      '2026-03-01 380.00',
      '2026-03-02 430.00',
      '2026-03-03 230.00',
    ]);
    // the clearing account's day-end mirrors the money that came in: per currency, all day-ends net to zero
    const all = await Promise.all(
      [internal.channelClearing, internal.fundSubscriptionClearing, cash].map((a) =>
        ledger.dailyBalances(a.id, '2026-03-02', '2026-03-02'),
      ),
    );
    expect(all.map((d) => formatMoney(d[0]?.balance ?? money(-1n)))).toEqual(['550.00', '120.00', '430.00']);
  });

  it("an unknown or other customer's account has an empty statement", async () => {
    const other = await ledger.openCustomerCashAccount('cus_other', 'CNY');
    clock.advance(HOUR_MS);
    expect((await ledger.statement(other.id, { limit: 10 })).lines).toEqual([]);
  });
});
