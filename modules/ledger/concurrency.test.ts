import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { money } from '@onefin/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountId, InternalKey, LedgerService, TransferRequest } from './index.ts';
import { brokenInvariants, ENGINES, ledgerFor } from './testing.ts';

const SUBMITTERS = 64;
const TRANSFERS = 2_000;

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s % n;
  };
}

describe.each(ENGINES)('concurrent transfers on the %s engine', (engine) => {
  let tdb: TestDatabase;
  let ledger: LedgerService;
  let internal: Record<InternalKey, Account>;
  let customers: Account[];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ledger = ledgerFor(tdb, engine);
    internal = await ledger.ensureInternalAccounts('CNY');
    customers = [];
    for (let i = 0; i < 8; i += 1) customers.push(await ledger.openCustomerCashAccount(`cus_hot${i}`, 'CNY'));
    for (const c of customers) {
      const r = await ledger.transfer({
        id: `fund-${c.id}`,
        debitAccountId: internal.channelClearing.id,
        creditAccountId: c.id,
        amount: money(200_000n),
        code: 'topup',
      });
      expect(r.ok).toBe(true);
    }
  });
  afterAll(() => tdb.close());

  it(`${SUBMITTERS} submitters, ${TRANSFERS} transfers mostly among 3 hot accounts: no lost update, none negative`, async () => {
    const random = prng(42);
    const jobs: TransferRequest[] = [];
    for (let i = 0; i < TRANSFERS; i += 1) {
      const hot = random(10) < 9;
      const from = hot ? random(3) : random(8);
      const to = (from + 1 + random(hot ? 2 : 7)) % (hot ? 3 : 8);
      jobs.push({
        id: `c-${i}`,
        debitAccountId: customers[from]?.id as AccountId,
        creditAccountId: customers[to]?.id as AccountId,
        // large enough that some are refused for insufficient funds
        amount: money(BigInt(1 + random(20_000))),
        code: 'p2p',
      });
    }
    const expected = new Map<string, bigint>(customers.map((c) => [c.id, 200_000n]));
    let next = 0;
    let created = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: SUBMITTERS }, async () => {
        for (let job = jobs[next++]; job; job = jobs[next++]) {
          const r = await ledger.transfer(job);
          if (!r.ok) {
            expect(r.error).toBe('insufficient_funds');
            refused += 1;
            continue;
          }
          created += 1;
          const { amount } = r.value.transfer;
          // customer cash is a liability: a debit lowers its balance, a credit raises it
          expected.set(job.debitAccountId, (expected.get(job.debitAccountId) ?? 0n) - amount.amount);
          expected.set(job.creditAccountId, (expected.get(job.creditAccountId) ?? 0n) + amount.amount);
        }
      }),
    );
    expect(created + refused).toBe(TRANSFERS);
    // how many are refused depends on the order the submitters land in; most must still post
    expect(created).toBeGreaterThan(TRANSFERS / 4);
    expect(refused).toBeGreaterThan(0);
    for (const c of customers) {
      const b = await ledger.balanceOf(c.id);
      expect(b?.balance.amount, c.id).toBe(expected.get(c.id));
      expect(b?.balance.amount).toBeGreaterThanOrEqual(0n);
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0n);
    expect(total).toBe(8n * 200_000n);
    const rows = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM ledger_transfers WHERE id LIKE 'c-%'`.execute(tdb.primary);
    expect(Number(rows.rows[0]?.n)).toBe(created);
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
  });

  it('the same transfer id from 10 clients at once posts exactly once, and all 10 get that transfer', async () => {
    const [from, to] = customers;
    if (!from || !to) throw new Error('no accounts');
    const before = (await ledger.balanceOf(to.id))?.balance.amount ?? 0n;
    const request: TransferRequest = {
      id: 'dup-1',
      debitAccountId: internal.channelClearing.id,
      creditAccountId: to.id,
      amount: money(1_234n),
      code: 'topup',
    };
    // background load on the same account, so the clients land in different batches and writers
    const noise = Array.from({ length: 200 }, (_, i) =>
      ledger.transfer({ ...request, id: `noise-${i}`, amount: money(1n) }),
    );
    const clients = Array.from({ length: 10 }, async (_, i) => {
      for (let k = 0; k < i % 4; k += 1) await new Promise((resolve) => setImmediate(resolve));
      return ledger.transfer(request);
    });
    const results = await Promise.all(clients);
    await Promise.all(noise);
    const transfers = results.map((r) => (r.ok ? r.value.transfer : undefined));
    expect(transfers.every((t) => t !== undefined)).toBe(true);
    expect(
      new Set(transfers.map((t) => `${t?.id} ${t?.amount.amount} ${t?.createdAt.toISOString()}`)).size,
    ).toBe(1);
    expect(results.filter((r) => r.ok && r.value.status === 'created')).toHaveLength(1);
    const after = (await ledger.balanceOf(to.id))?.balance.amount ?? 0n;
    expect(after - before).toBe(1_234n + 200n);
    const rows = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM ledger_entries WHERE transfer_id = 'dup-1'`.execute(tdb.primary);
    expect(rows.rows[0]?.n).toBe('2');
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
  });

  it('two engines (as two processes) racing the same id on different accounts: one posts, one sees it', async () => {
    const other = ledgerFor(tdb, engine);
    const [, b, , d] = customers;
    if (!b || !d) throw new Error('no accounts');
    const request = (from: Account, to: Account): TransferRequest => ({
      id: 'race-1',
      debitAccountId: from.id,
      creditAccountId: to.id,
      amount: money(500n),
      code: 'p2p',
    });
    // disjoint accounts: no shared lock orders them, only the transfer id's uniqueness does
    const [first, second] = await Promise.all([
      ledger.transfer(request(internal.channelClearing, b)),
      other.transfer(request(internal.suspense, d)),
    ]);
    const outcomes = [first, second].map((r) => (r.ok ? r.value.status : r.error)).sort();
    expect(outcomes).toEqual(['created', 'exists_with_different_fields']);
    const rows = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM ledger_entries WHERE transfer_id = 'race-1'`.execute(tdb.primary);
    expect(rows.rows[0]?.n).toBe('2');
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
  });
});
