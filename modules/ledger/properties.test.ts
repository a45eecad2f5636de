import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { type CurrencyCode, createManualClock, money, newId } from '@onefin/kernel';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccount } from './accounts.ts';
import type { AccountClass } from './chart.ts';
import type { AccountId, LedgerCommand, LedgerService, TransferResult } from './index.ts';
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

// What each generated step does with its transfer: most post plainly; some hold, resolve an earlier
// step's hold, reverse an earlier step's transfer, or join the next ones in a linked group.
const stepArb = fc.record({
  op: fc.oneof(
    { weight: 8, arbitrary: fc.constant('transfer' as const) },
    { weight: 4, arbitrary: fc.constant('hold' as const) },
    { weight: 2, arbitrary: fc.constant('post' as const) },
    { weight: 2, arbitrary: fc.constant('void' as const) },
    { weight: 2, arbitrary: fc.constant('reverse' as const) },
    { weight: 1, arbitrary: fc.constant('group' as const) },
  ),
  // which earlier hold (for a post or void) or transfer (for a reversal) it refers to, counted back
  back: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 4 })),
  // 1: a partial post (see commandGroups); also picks the account a hold reserves on
  part: fc.integer({ min: 1, max: 5 }),
});

const scenarioArb = fc
  .array(accountArb, { minLength: 2, maxLength: 6 })
  // the first account may go negative, so that money enters the others and later debits can post
  .map((list) => list.map((a, i) => (i === 0 ? { ...a, allowNegative: true, isFrozen: false } : a)))
  .chain((accounts) =>
    fc.record({
      accounts: fc.constant(accounts),
      transfers: fc.array(fc.tuple(transferArb(accounts.length), stepArb), { minLength: 10, maxLength: 34 }),
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

const EXPIRES = new Date('2030-01-01T00:00:00Z');

/** The scenario as command groups, in submission order; the same for both engines but for account ids. */
function commandGroups(scenario: Scenario, ids: AccountId[], run: number): LedgerCommand[][] {
  const missing = newId('acc');
  const steps = scenario.transfers.map(([t, step], i) => ({ t, step, i }));
  const sequence = [...steps];
  for (const { of, at } of scenario.retries) {
    const original = steps[of % Math.max(1, steps.length)];
    if (original) sequence.splice(at % (sequence.length + 1), 0, original);
  }
  const idOf = (i: number, t: (typeof steps)[number]['t']) =>
    `run${run}_${t.key < 0 || i < 0 ? `own${i}` : `shared${t.key}`}`;
  const command = ({ t, step, i }: (typeof steps)[number]): LedgerCommand => {
    const id = idOf(i, t);
    const wanted = step.op === 'reverse' ? ['transfer', 'group'] : ['hold'];
    const candidates = steps.slice(0, i).filter((e) => wanted.includes(e.step.op) && e.t.key < 0);
    const earlier = `run${run}_own${candidates[candidates.length - step.back]?.i ?? i - step.back}`;
    const currency =
      t.currency === 'debit' ? (scenario.accounts[t.accounts.debit]?.currency ?? 'CNY') : t.currency;
    switch (step.op) {
      case 'post':
        // part 1: a partial post of what this step's amount says (it may exceed the hold); else in full
        return step.part === 1
          ? { type: 'post_hold', id, holdId: earlier, amount: money(t.amount, currency) }
          : { type: 'post_hold', id, holdId: earlier };
      case 'void':
        return { type: 'void_hold', id, holdId: earlier };
      case 'reverse':
        return { type: 'reversal', id, transferId: earlier };
      default: {
        // half the holds reserve on the account that may go negative, so that many succeed and get resolved
        const debit = step.op === 'hold' && step.part % 2 === 0 ? 0 : t.accounts.debit;
        return {
          type: 'transfer',
          id,
          debitAccountId: ids[debit] ?? missing,
          creditAccountId: ids[t.accounts.credit] ?? missing,
          amount: money(t.amount, currency),
          code: t.code,
          hold: step.op === 'hold' ? { expiresAt: EXPIRES } : undefined,
        };
      }
    }
  };
  // a `group` step links itself with the two steps after it
  const groups: LedgerCommand[][] = [];
  for (let k = 0; k < sequence.length; k += 1) {
    const s = sequence[k];
    if (!s) continue;
    if (s.step.op !== 'group') {
      groups.push([command(s)]);
      continue;
    }
    const linked = sequence.slice(k, k + 3);
    groups.push(linked.map(command));
    k += linked.length - 1;
  }
  return groups;
}

/** A result in terms of the scenario (account indexes), comparable across two databases. */
function comparable(r: TransferResult, ids: AccountId[]) {
  if (!r.ok) return r.error;
  const t = r.value.transfer;
  return `${r.value.status} ${t.kind} ${t.id} ${ids.indexOf(t.debitAccountId)}→${ids.indexOf(t.creditAccountId)} ${t.amount.amount} ${t.amount.currency}`;
}

async function balances(side: Side, ids: AccountId[]) {
  return Promise.all(
    ids.map(async (id) => {
      const a = await side.ledger.getAccount(id);
      return `${a?.postedDebits.amount}/${a?.postedCredits.amount} v${a?.version} available ${a?.available.amount}`;
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
        for (const g of commandGroups(scenario, baseIds, run)) {
          expected.push(...(await baseline.ledger.transferGroup(g)));
        }
        // all at once: one batch, applied in submission order
        const actual = (
          await Promise.all(
            commandGroups(scenario, batchIds, run).map((g) => batched.ledger.transferGroup(g)),
          )
        ).flat();
        expect(actual.map((r) => comparable(r, batchIds))).toEqual(
          expected.map((r) => comparable(r, baseIds)),
        );
        for (const r of expected) seen.add(r.ok ? `${r.value.status} ${r.value.transfer.kind}` : r.error);
        expect(await balances(batched, batchIds)).toEqual(await balances(baseline, baseIds));
        expect(await brokenInvariants(baseline.tdb.primary)).toEqual([]);
        expect(await brokenInvariants(batched.tdb.primary)).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // the generated sequences really exercise the interesting outcomes
    for (const outcome of [
      'created transfer',
      'created hold',
      'created post_hold',
      'created void_hold',
      'created reversal',
      'exists transfer',
      'exists_with_different_fields',
      'insufficient_funds',
      'linked_event_failed',
    ]) {
      expect(seen).toContain(outcome);
    }
  });
});
