import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { formatMoney, money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, InternalKey, LedgerService } from './index.ts';
import { brokenInvariants, ledgerFor } from './testing.ts';

/**
 * The batched engine remembers the accounts it wrote, so a batch can skip reading them. Another
 * process (here: a second service over the same database, with its own memory) or a freeze changes
 * an account behind that memory; every answer must still be the database's.
 */
describe('the batched engine with accounts changed behind its back', () => {
  let tdb: TestDatabase;
  let here: LedgerService;
  let elsewhere: LedgerService;
  let internal: Record<InternalKey, Account>;
  let cash: Account;
  let seq = 0;
  const spend = (ledger: LedgerService, amount: bigint, id = `spend-${seq++}`) =>
    ledger.transfer({
      id,
      debitAccountId: cash.id,
      creditAccountId: internal.feeIncome.id,
      amount: money(amount),
      code: 'spend',
    });
  const fund = (ledger: LedgerService, amount: bigint) =>
    ledger.transfer({
      id: `fund-${seq++}`,
      debitAccountId: internal.channelClearing.id,
      creditAccountId: cash.id,
      amount: money(amount),
      code: 'topup',
    });
  const balance = async () => formatMoney((await here.balanceOf(cash.id))?.balance ?? money(-1n));

  beforeAll(async () => {
    tdb = await createTestDatabase();
    here = ledgerFor(tdb, 'batched');
    elsewhere = ledgerFor(tdb, 'batched');
    internal = await here.ensureInternalAccounts('CNY');
    cash = await here.openCustomerCashAccount('cus_cache', 'CNY');
  });
  afterAll(async () => {
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
    await tdb.close();
  });

  it('refuses to spend what another process has already spent', async () => {
    expect((await fund(here, 10_000n)).ok).toBe(true);
    expect((await spend(here, 1_000n)).ok).toBe(true); // here now remembers 90.00
    expect((await spend(elsewhere, 9_000n)).ok).toBe(true); // the account is empty
    const late = await spend(here, 5_000n);
    expect(late.ok ? late.value.status : late.error).toBe('insufficient_funds');
    expect(await balance()).toBe('0.00');
  });

  it('spends what another process has paid in, though it remembers an empty account', async () => {
    expect((await fund(elsewhere, 20_000n)).ok).toBe(true);
    const r = await spend(here, 15_000n);
    expect(r.ok ? r.value.status : r.error).toBe('created');
    expect(await balance()).toBe('50.00');
  });

  it('answers a retry of a transfer another process recorded with that transfer, posting nothing', async () => {
    const first = await spend(elsewhere, 1_000n, 'spend-once');
    expect(first.ok).toBe(true);
    const retry = await spend(here, 1_000n, 'spend-once');
    expect(retry.ok ? retry.value.status : retry.error).toBe('exists');
    expect(await balance()).toBe('40.00');
  });

  it('refuses a transfer on an account frozen since it last wrote it', async () => {
    expect((await spend(here, 100n)).ok).toBe(true);
    await here.setAccountFrozen(cash.id, true);
    const r = await spend(here, 100n);
    expect(r.ok ? r.value.status : r.error).toBe('account_frozen');
    await here.setAccountFrozen(cash.id, false);
    expect((await spend(here, 100n)).ok).toBe(true);
    expect(await balance()).toBe('38.00');
  });
});
