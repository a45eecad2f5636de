import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { createManualClock, formatMoney, money } from '@onefin/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, InternalKey, LedgerService, TransferResult } from './index.ts';
import { brokenInvariants, ENGINES, ledgerFor } from './testing.ts';

const outcome = (r: TransferResult) => (r.ok ? r.value.status : r.error);

describe.each(ENGINES)('holds, reversals and linked groups on the %s engine', (engine) => {
  let tdb: TestDatabase;
  let ledger: LedgerService;
  let internal: Record<InternalKey, Account>;
  let n = 0;
  const clock = createManualClock('2026-03-02T02:00:00Z');
  const inOneHour = () => new Date(clock.now().getTime() + 3_600_000);
  /** "balance / available / pending" as the customer would read them. */
  const shown = async (a: Account) => {
    const b = await ledger.getAccount(a.id);
    return b ? [b.balance, b.available, b.pending].map(formatMoney).join(' / ') : 'missing';
  };
  const fundedCustomer = async (fen: bigint) => {
    n += 1;
    const cash = await ledger.openCustomerCashAccount(`cus_${n}`, 'CNY');
    const r = await ledger.transfer({
      id: `topup-${n}`,
      debitAccountId: internal.channelClearing.id,
      creditAccountId: cash.id,
      amount: money(fen),
      code: 'topup',
    });
    expect(r.ok).toBe(true);
    return cash;
  };
  const withdrawalHold = (cash: Account, id: string, fen: bigint, expiresAt = inOneHour()) =>
    ledger.transfer({
      id,
      debitAccountId: cash.id,
      creditAccountId: internal.channelClearing.id,
      amount: money(fen),
      code: 'withdrawal',
      reference: `wd_${id}`,
      hold: { expiresAt },
    });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ledger = ledgerFor(tdb, engine, clock);
    internal = await ledger.ensureInternalAccounts('CNY');
  });
  afterAll(async () => {
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
    await tdb.close();
  });

  it('a hold reserves money without posting it; a partial post moves only what was posted', async () => {
    const cash = await fundedCustomer(10_000n);
    expect(outcome(await withdrawalHold(cash, 'h1', 6_000n))).toBe('created');
    expect(await shown(cash)).toBe('100.00 / 40.00 / 60.00');
    expect((await ledger.statement(cash.id, { limit: 10 })).lines).toHaveLength(1);
    expect(await ledger.openHolds(cash.id)).toMatchObject([{ id: 'h1', amount: money(6_000n) }]);

    const spend = await ledger.transfer({
      id: 'spend-1',
      debitAccountId: cash.id,
      creditAccountId: internal.fundSubscriptionClearing.id,
      amount: money(4_001n),
      code: 'fund_subscription',
    });
    expect(outcome(spend)).toBe('insufficient_funds');

    const post = await ledger.postHold({ id: 'h1-post', holdId: 'h1', amount: money(4_500n) });
    expect(post).toMatchObject({
      ok: true,
      value: { status: 'created', transfer: { kind: 'post_hold', relatedId: 'h1', code: 'withdrawal' } },
    });
    expect(await shown(cash)).toBe('55.00 / 55.00 / 0.00');
    const [line] = (await ledger.statement(cash.id, { limit: 10 })).lines;
    expect(line).toMatchObject({
      transferId: 'h1-post',
      side: 'debit',
      amount: money(4_500n),
      reference: 'wd_h1',
    });
    expect(await ledger.openHolds(cash.id)).toEqual([]);
    // a retry answers with the first result; a second resolution is refused
    expect(outcome(await ledger.postHold({ id: 'h1-post', holdId: 'h1', amount: money(4_500n) }))).toBe(
      'exists',
    );
    expect(outcome(await ledger.voidHold({ id: 'h1-void', holdId: 'h1' }))).toBe('hold_already_posted');
  });

  it('a void gives the reservation back; a post may not exceed the hold', async () => {
    const cash = await fundedCustomer(5_000n);
    await withdrawalHold(cash, 'h2', 5_000n);
    expect(outcome(await ledger.postHold({ id: 'h2-big', holdId: 'h2', amount: money(5_001n) }))).toBe(
      'amount_exceeds_hold',
    );
    expect(outcome(await ledger.voidHold({ id: 'h2-void', holdId: 'h2' }))).toBe('created');
    expect(await shown(cash)).toBe('50.00 / 50.00 / 0.00');
    expect(outcome(await ledger.postHold({ id: 'h2-post', holdId: 'h2' }))).toBe('hold_already_voided');
    expect(outcome(await ledger.postHold({ id: 'h9-post', holdId: 'nope' }))).toBe('hold_not_found');
  });

  it('a hold that lapses is released by the expiry job, once, and can no longer be posted', async () => {
    const cash = await fundedCustomer(3_000n);
    await withdrawalHold(cash, 'h3', 2_000n);
    expect(await ledger.expireHolds()).toBe(0);
    clock.advance(2 * 3_600_000);
    expect(outcome(await ledger.postHold({ id: 'h3-post', holdId: 'h3' }))).toBe('hold_expired');
    expect(await ledger.expireHolds()).toBe(1);
    expect(await ledger.expireHolds()).toBe(0);
    expect(await shown(cash)).toBe('30.00 / 30.00 / 0.00');
    expect(outcome(await ledger.voidHold({ id: 'h3-void', holdId: 'h3' }))).toBe('hold_expired');
    expect(outcome(await withdrawalHold(cash, 'h3b', 100n, clock.now()))).toBe('invalid_expiry');
  });

  it('a reversal undoes a posted transfer with a new one, once', async () => {
    const cash = await fundedCustomer(2_000n);
    const buy = {
      id: 'buy-r',
      debitAccountId: cash.id,
      creditAccountId: internal.fundSubscriptionClearing.id,
      amount: money(1_500n),
      code: 'fund_subscription',
      reference: 'ord_1',
    };
    await ledger.transfer(buy);
    expect(await shown(cash)).toBe('5.00 / 5.00 / 0.00');
    const reversal = await ledger.reverse({
      id: 'buy-r-rev',
      transferId: 'buy-r',
      metadata: { reason: 'duplicate' },
    });
    expect(reversal).toMatchObject({
      ok: true,
      value: {
        transfer: {
          kind: 'reversal',
          relatedId: 'buy-r',
          debitAccountId: internal.fundSubscriptionClearing.id,
          creditAccountId: cash.id,
          reference: 'ord_1',
        },
      },
    });
    expect(await shown(cash)).toBe('20.00 / 20.00 / 0.00');
    expect(outcome(await ledger.reverse({ id: 'buy-r-rev2', transferId: 'buy-r' }))).toBe('already_reversed');
    expect(outcome(await ledger.reverse({ id: 'buy-r-rev3', transferId: 'nope' }))).toBe(
      'transfer_not_found',
    );
    // the original entries are still there: corrections are new lines, never edits
    const lines = (await ledger.statement(cash.id, { limit: 10 })).lines.map((l) => [l.transferId, l.side]);
    expect(lines).toEqual([
      ['buy-r-rev', 'credit'],
      ['buy-r', 'debit'],
      ['topup-4', 'credit'],
    ]);
  });

  it('a linked group posts all or nothing', async () => {
    const cash = await fundedCustomer(10_000n);
    const purchase = (suffix: string, principal: bigint, fee: bigint) => [
      {
        type: 'transfer' as const,
        id: `buy-${suffix}`,
        debitAccountId: cash.id,
        creditAccountId: internal.fundSubscriptionClearing.id,
        amount: money(principal),
        code: 'fund_subscription',
      },
      {
        type: 'transfer' as const,
        id: `fee-${suffix}`,
        debitAccountId: cash.id,
        creditAccountId: internal.feeIncome.id,
        amount: money(fee),
        code: 'fund_subscription_fee',
      },
    ];
    const before = Number(
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ledger_transfers`.execute(tdb.primary))
        .rows[0]?.n,
    );
    const refused = await ledger.transferGroup(purchase('a', 9_900n, 150n));
    expect(refused.map(outcome)).toEqual(['linked_event_failed', 'insufficient_funds']);
    expect(await shown(cash)).toBe('100.00 / 100.00 / 0.00');
    const after = Number(
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ledger_transfers`.execute(tdb.primary))
        .rows[0]?.n,
    );
    expect(after).toBe(before);
    expect((await ledger.transferGroup(purchase('b', 9_850n, 150n))).map(outcome)).toEqual([
      'created',
      'created',
    ]);
    expect(await shown(cash)).toBe('0.00 / 0.00 / 0.00');
    expect((await ledger.transferGroup(purchase('b', 9_850n, 150n))).map(outcome)).toEqual([
      'exists',
      'exists',
    ]);
  });

  it('posting a hold on a frozen account is refused, but voiding it is allowed', async () => {
    const cash = await fundedCustomer(1_000n);
    await withdrawalHold(cash, 'h5', 1_000n);
    await ledger.setAccountFrozen(cash.id, true);
    expect(outcome(await ledger.postHold({ id: 'h5-post', holdId: 'h5' }))).toBe('account_frozen');
    expect(outcome(await ledger.voidHold({ id: 'h5-void', holdId: 'h5' }))).toBe('created');
    await ledger.setAccountFrozen(cash.id, false);
    expect(await shown(cash)).toBe('10.00 / 10.00 / 0.00');
  });
});
