import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { createManualClock, formatMoney, money, newId } from '@onefin/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, InternalKey, LedgerService } from './index.ts';
import { brokenInvariants, ENGINES, ledgerFor } from './testing.ts';

describe.each(ENGINES)('transfers on the %s engine', (engine) => {
  let tdb: TestDatabase;
  let ledger: LedgerService;
  let internal: Record<InternalKey, Account>;
  const clock = createManualClock('2026-03-02T02:00:00Z');
  const count = async () =>
    Number(
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ledger_transfers`.execute(tdb.primary))
        .rows[0]?.n,
    );
  const balance = async (a: Account) => formatMoney((await ledger.balanceOf(a.id))?.balance ?? money(-1n));

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ledger = ledgerFor(tdb, engine, clock);
    internal = await ledger.ensureInternalAccounts('CNY');
  });
  afterAll(async () => {
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
    await tdb.close();
  });

  it('creates the chart once per currency and one cash account per customer and currency', async () => {
    const again = await ledger.ensureInternalAccounts('CNY');
    expect(again.feeIncome.id).toBe(internal.feeIncome.id);
    expect(internal.channelClearing).toMatchObject({ code: '1122', class: 'asset', allowNegative: true });
    expect(internal.feeIncome).toMatchObject({ nameZh: '手续费及佣金收入', class: 'income' });
    const [a, b] = await Promise.all([
      ledger.openCustomerCashAccount('cus_1', 'CNY'),
      ledger.openCustomerCashAccount('cus_1', 'CNY'),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ ownerType: 'customer', ownerId: 'cus_1', class: 'liability', code: '2011' });
    expect((await ledger.openCustomerCashAccount('cus_1', 'USD')).id).not.toBe(a.id);
  });

  describe('top-up 100.00, buy a fund for 30.00, try to overdraw', () => {
    let cash: Account;
    beforeAll(async () => {
      cash = await ledger.openCustomerCashAccount('cus_topup', 'CNY');
    });

    it('a top-up debits channel clearing and credits the customer 100.00', async () => {
      const r = await ledger.transfer({
        id: 'topup-1',
        debitAccountId: internal.channelClearing.id,
        creditAccountId: cash.id,
        amount: money(10_000n),
        code: 'topup',
        reference: 'pay_1',
        metadata: { channel: 'card', last4: '1234' },
      });
      expect(r).toMatchObject({
        ok: true,
        value: { status: 'created', transfer: { amount: money(10_000n) } },
      });
      expect(await balance(cash)).toBe('100.00');
      expect(await balance(internal.channelClearing)).toBe('100.00');
    });

    it('a purchase moves 30.00 from cash to fund subscription clearing', async () => {
      const r = await ledger.transfer({
        id: 'buy-1',
        debitAccountId: cash.id,
        creditAccountId: internal.fundSubscriptionClearing.id,
        amount: money(3_000n),
        code: 'fund_subscription',
        reference: 'ord_1',
      });
      expect(r.ok).toBe(true);
      expect(await balance(cash)).toBe('70.00');
      expect(await balance(internal.fundSubscriptionClearing)).toBe('30.00');
      const account = await ledger.getAccount(cash.id);
      expect(account).toMatchObject({
        postedDebits: money(3_000n),
        postedCredits: money(10_000n),
        version: 2n,
      });
    });

    it('refuses 70.01 with insufficient_funds and writes nothing', async () => {
      const before = await count();
      const r = await ledger.transfer({
        id: 'buy-2',
        debitAccountId: cash.id,
        creditAccountId: internal.fundSubscriptionClearing.id,
        amount: money(7_001n),
        code: 'fund_subscription',
      });
      expect(r).toEqual({ ok: false, error: 'insufficient_funds' });
      expect(await count()).toBe(before);
      expect(await balance(cash)).toBe('70.00');
      expect((await ledger.getAccount(cash.id))?.version).toBe(2n);
      // exactly the balance is fine
      const all = await ledger.transfer({
        id: 'buy-2',
        debitAccountId: cash.id,
        creditAccountId: internal.fundSubscriptionClearing.id,
        amount: money(7_000n),
        code: 'fund_subscription',
      });
      expect(all.ok).toBe(true);
      expect(await balance(cash)).toBe('0.00');
    });
  });

  describe('idempotency', () => {
    it('the same id twice posts once and answers exists with the first transfer', async () => {
      const cash = await ledger.openCustomerCashAccount('cus_idem', 'CNY');
      const request = {
        id: 'idem-1',
        debitAccountId: internal.channelClearing.id,
        creditAccountId: cash.id,
        amount: money(5_000n),
        code: 'topup',
        metadata: { a: 1, b: 'x' },
      };
      const first = await ledger.transfer(request);
      clock.advance(60_000);
      // metadata keys in another order are the same fields
      const second = await ledger.transfer({ ...request, metadata: { b: 'x', a: 1 } });
      expect(first.ok && first.value.status).toBe('created');
      expect(second.ok && second.value.status).toBe('exists');
      expect(second.ok && second.value.transfer.createdAt).toEqual(
        first.ok && first.value.transfer.createdAt,
      );
      expect(await balance(cash)).toBe('50.00');
      // a retry still answers exists after the account was frozen: the first result stands
      await ledger.setAccountFrozen(cash.id, true);
      expect((await ledger.transfer(request)).ok).toBe(true);
      await ledger.setAccountFrozen(cash.id, false);

      const different = await ledger.transfer({ ...request, amount: money(5_001n) });
      expect(different).toEqual({ ok: false, error: 'exists_with_different_fields' });
      const otherRef = await ledger.transfer({ ...request, reference: 'x' });
      expect(otherRef).toEqual({ ok: false, error: 'exists_with_different_fields' });
      expect(await balance(cash)).toBe('50.00');
    });
  });

  describe('refusals', () => {
    it('an unknown account, a currency mismatch, the same account twice, a zero amount', async () => {
      const cash = await ledger.openCustomerCashAccount('cus_ref', 'CNY');
      const usd = await ledger.openCustomerCashAccount('cus_ref', 'USD');
      const base = { debitAccountId: internal.channelClearing.id, creditAccountId: cash.id, code: 'topup' };
      const before = await count();
      expect(
        await ledger.transfer({ ...base, id: 'r-1', creditAccountId: newId('acc'), amount: money(100n) }),
      ).toEqual({ ok: false, error: 'account_not_found' });
      expect(
        await ledger.transfer({ ...base, id: 'r-2', creditAccountId: usd.id, amount: money(100n) }),
      ).toEqual({
        ok: false,
        error: 'currency_mismatch',
      });
      expect(await ledger.transfer({ ...base, id: 'r-3', amount: money(100n, 'USD') })).toEqual({
        ok: false,
        error: 'currency_mismatch',
      });
      expect(
        await ledger.transfer({ ...base, id: 'r-4', debitAccountId: cash.id, amount: money(1n) }),
      ).toEqual({
        ok: false,
        error: 'same_account',
      });
      expect(await ledger.transfer({ ...base, id: 'r-5', amount: money(0n) })).toEqual({
        ok: false,
        error: 'amount_must_be_positive',
      });
      expect(await ledger.transfer({ ...base, id: '', amount: money(1n) })).toEqual({
        ok: false,
        error: 'invalid_id',
      });
      expect(await count()).toBe(before);
    });

    it('a frozen account neither pays nor receives until unfrozen', async () => {
      const cash = await ledger.openCustomerCashAccount('cus_frozen', 'CNY');
      const topup = (id: string) =>
        ledger.transfer({
          id,
          debitAccountId: internal.channelClearing.id,
          creditAccountId: cash.id,
          amount: money(1_000n),
          code: 'topup',
        });
      expect((await ledger.setAccountFrozen(cash.id, true)).ok).toBe(true);
      expect(await topup('f-1')).toEqual({ ok: false, error: 'account_frozen' });
      expect(await balance(cash)).toBe('0.00');
      await ledger.setAccountFrozen(cash.id, false);
      // the refused id was not recorded, so the same id may now succeed
      expect((await topup('f-1')).ok).toBe(true);
      expect(await balance(cash)).toBe('10.00');
      expect(await ledger.setAccountFrozen(newId('acc'), true)).toEqual({
        ok: false,
        error: 'account_not_found',
      });
    });
  });

  it('the trial balance nets to zero per currency', async () => {
    const lines = await ledger.trialBalance();
    const cny = lines.find((l) => l.currency === 'CNY');
    expect(cny?.isBalanced).toBe(true);
    expect(cny?.debits.amount).toBeGreaterThan(0n);
    expect(lines.every((l) => l.difference.amount === 0n)).toBe(true);
  });
});
