import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { type CurrencyCode, createManualClock, money, newId } from '@onefin/kernel';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccount } from './accounts.ts';
import type { AccountClass } from './chart.ts';
import type { AccountId, LedgerService, TransferRequest, TransferResult } from './index.ts';
import { brokenInvariants, ledgerFor } from './testing.ts';

const accountArb = fc.record({
  class: fc.constantFrom<AccountClass>('asset', 'liability', 'equity', 'income', 'expense'),
  allowNegative: fc.boolean(),
  isFrozen: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  currency: fc.oneof(
    { weight: 4, arbitrary: fc.constant<CurrencyCode>('CNY') },
    fc.constant<CurrencyCode>('USD'),
  ),
});

// Mostly well-formed transfers (so that many post), with every kind of refusal mixed in.
const transferArb = (accounts: number) => {
  // index `accounts` stands for an account that does not exist
  const account = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: accounts - 1 }) },
    { weight: 1, arbitrary: fc.constant(accounts) },
  );
  const pair = fc.tuple(account, fc.integer({ min: 1, max: accounts - 1 }), fc.integer({ min: 0, max: 15 }));
  return fc.record({
    // mostly a key of its own (-1); sometimes one of a few shared keys, reused with other fields
    key: fc.oneof(
      { weight: 3, arbitrary: fc.constant(-1) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }) },
    ),
    // the credit account differs from the debit one, except now and then (same_account, not found)
    accounts: pair.map(([debit, offset, dice]) => ({
      debit,
      credit: dice === 0 ? debit : dice === 1 ? accounts : (debit + offset) % accounts,
    })),
    amount: fc.oneof(
      { weight: 9, arbitrary: fc.bigInt(1n, 5_000n) },
      { weight: 1, arbitrary: fc.constant(0n) },
    ),
    // `debit`: the debit account's own currency
    currency: fc.oneof(
      { weight: 8, arbitrary: fc.constant('debit' as const) },
      { weight: 1, arbitrary: fc.constantFrom<CurrencyCode>('CNY', 'USD') },
    ),
    code: fc.constantFrom('a', 'b'),
  });
};

const scenarioArb = fc
  .array(accountArb, { minLength: 2, maxLength: 6 })
  // the first account may go negative, so that money enters the others and later debits can post
  .map((list) => list.map((a, i) => (i === 0 ? { ...a, allowNegative: true, isFrozen: false } : a)))
  .chain((accounts) =>
    fc.record({
      accounts: fc.constant(accounts),
      transfers: fc.array(transferArb(accounts.length), { minLength: 10, maxLength: 34 }),
      // exact resubmissions of an earlier-generated transfer, placed anywhere (a client's retry)
      retries: fc.array(fc.record({ of: fc.nat(), at: fc.nat() }), { maxLength: 6 }),
    }),
  );

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

interface Side {
  tdb: TestDatabase;
  ledger: LedgerService;
}

async function openAll(side: Side, scenario: Scenario, run: number): Promise<AccountId[]> {
  const ids: AccountId[] = [];
  for (const [i, spec] of scenario.accounts.entries()) {
    const account = await openAccount(
      { db: side.tdb.primary, clock: createManualClock() },
      {
        code: 'TEST',
        nameZh: '测试',
        nameEn: 'Test',
        class: spec.class,
        owner: { type: 'customer', id: `run${run}_${i}` },
        currency: spec.currency,
        allowNegative: spec.allowNegative,
      },
    );
    if (spec.isFrozen) await side.ledger.setAccountFrozen(account.id, true);
    ids.push(account.id);
  }
  return ids;
}

function requests(scenario: Scenario, ids: AccountId[], run: number): TransferRequest[] {
  const missing = newId('acc');
  const sequence = [...scenario.transfers];
  for (const { of, at } of scenario.retries) {
    const original = scenario.transfers[of % Math.max(1, scenario.transfers.length)];
    if (original) sequence.splice(at % (sequence.length + 1), 0, original);
  }
  const keyOf = new Map(scenario.transfers.map((t, i) => [t, t.key < 0 ? `own${i}` : `shared${t.key}`]));
  return sequence.map((t) => ({
    id: `run${run}_${keyOf.get(t)}`,
    debitAccountId: ids[t.accounts.debit] ?? missing,
    creditAccountId: ids[t.accounts.credit] ?? missing,
    amount: money(
      t.amount,
      t.currency === 'debit' ? (scenario.accounts[t.accounts.debit]?.currency ?? 'CNY') : t.currency,
    ),
    code: t.code,
  }));
}

/** A result in terms of the scenario (account indexes), comparable across two databases. */
function comparable(r: TransferResult, ids: AccountId[]) {
  if (!r.ok) return r.error;
  const t = r.value.transfer;
  return `${r.value.status} ${t.id} ${ids.indexOf(t.debitAccountId)}→${ids.indexOf(t.creditAccountId)} ${t.amount.amount} ${t.amount.currency}`;
}

async function balances(side: Side, ids: AccountId[]) {
  return Promise.all(
    ids.map(async (id) => {
      const a = await side.ledger.getAccount(id);
      return `${a?.postedDebits.amount}/${a?.postedCredits.amount} v${a?.version}`;
    }),
  );
}

describe('the batched engine against the baseline', () => {
  let baseline: Side;
  let batched: Side;
  beforeAll(async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    baseline = { tdb: a, ledger: ledgerFor(a, 'baseline') };
    batched = { tdb: b, ledger: ledgerFor(b, 'batched') };
  });
  afterAll(async () => {
    await baseline.tdb.close();
    await batched.tdb.close();
  });

  it('gives the same result for every transfer and the same balances, and keeps the invariants', async () => {
    let run = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run += 1;
        const baseIds = await openAll(baseline, scenario, run);
        const batchIds = await openAll(batched, scenario, run);
        const expected: TransferResult[] = [];
        for (const r of requests(scenario, baseIds, run)) expected.push(await baseline.ledger.transfer(r));
        // all at once: one batch, applied in submission order
        const actual = await Promise.all(
          requests(scenario, batchIds, run).map((r) => batched.ledger.transfer(r)),
        );
        expect(actual.map((r) => comparable(r, batchIds))).toEqual(
          expected.map((r) => comparable(r, baseIds)),
        );
        for (const r of expected) seen.add(r.ok ? r.value.status : r.error);
        expect(await balances(batched, batchIds)).toEqual(await balances(baseline, baseIds));
        expect(await brokenInvariants(baseline.tdb.primary)).toEqual([]);
        expect(await brokenInvariants(batched.tdb.primary)).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // the generated sequences really exercise the interesting outcomes
    for (const outcome of ['created', 'exists', 'exists_with_different_fields', 'insufficient_funds']) {
      expect(seen).toContain(outcome);
    }
  });
});
