import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { formatMoney, money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, InternalKey, LedgerService } from './index.ts';
import { brokenInvariants, ledgerFor } from './testing.ts';

// A use case spanning modules opens one transaction and passes it along (STYLE.md §4).
describe("transfers inside a caller's transaction", () => {
  let tdb: TestDatabase;
  let ledger: LedgerService;
  let internal: Record<InternalKey, Account>;
  let cash: Account;
  const balance = async () => formatMoney((await ledger.balanceOf(cash.id))?.balance ?? money(-1n));

  beforeAll(async () => {
    tdb = await createTestDatabase();
    ledger = ledgerFor(tdb, 'batched');
    internal = await ledger.ensureInternalAccounts('CNY');
    cash = await ledger.openCustomerCashAccount('cus_trx', 'CNY');
    await ledger.transfer({
      id: 'fund-1',
      debitAccountId: internal.channelClearing.id,
      creditAccountId: cash.id,
      amount: money(100_000n),
      code: 'topup',
    });
  });
  afterAll(async () => {
    expect(await brokenInvariants(tdb.primary)).toEqual([]);
    await tdb.close();
  });

  it('a purchase and its fee commit together with the rest of the use case', async () => {
    await tdb.primary.transaction().execute(async (trx) => {
      const buy = await ledger.transfer(
        {
          id: 'buy-1',
          debitAccountId: cash.id,
          creditAccountId: internal.fundSubscriptionClearing.id,
          amount: money(50_000n),
          code: 'purchase',
        },
        trx,
      );
      const fee = await ledger.transfer(
        {
          id: 'fee-1',
          debitAccountId: cash.id,
          creditAccountId: internal.feeIncome.id,
          amount: money(750n),
          code: 'fee',
        },
        trx,
      );
      expect([buy.ok, fee.ok]).toEqual([true, true]);
    });
    expect(await balance()).toBe('492.50');
  });

  it('rolls back with the use case: nothing of it is posted', async () => {
    await expect(
      tdb.primary.transaction().execute(async (trx) => {
        const buy = await ledger.transfer(
          {
            id: 'buy-2',
            debitAccountId: cash.id,
            creditAccountId: internal.fundSubscriptionClearing.id,
            amount: money(10_000n),
            code: 'purchase',
          },
          trx,
        );
        expect(buy.ok).toBe(true);
        throw new Error('the order could not be recorded');
      }),
    ).rejects.toThrow('the order could not be recorded');
    expect(await balance()).toBe('492.50');
    // the id was never used, so it can be posted later
    const later = await ledger.transfer({
      id: 'buy-2',
      debitAccountId: cash.id,
      creditAccountId: internal.fundSubscriptionClearing.id,
      amount: money(10_000n),
      code: 'purchase',
    });
    expect(later).toMatchObject({ ok: true });
    expect(await balance()).toBe('392.50');
  });

  it('answers an id already posted by the engine as exists, inside a transaction too', async () => {
    const again = await tdb.primary.transaction().execute((trx) =>
      ledger.transfer(
        {
          id: 'buy-2',
          debitAccountId: cash.id,
          creditAccountId: internal.fundSubscriptionClearing.id,
          amount: money(10_000n),
          code: 'purchase',
        },
        trx,
      ),
    );
    expect(again).toMatchObject({ ok: true, value: { status: 'exists' } });
  });

  it('with fresh ids, holds a new id and never posts a repeated one twice', async () => {
    const hold = (id: string) => ({
      type: 'transfer' as const,
      id,
      debitAccountId: cash.id,
      creditAccountId: internal.fundSubscriptionClearing.id,
      amount: money(1_000n),
      code: 'purchase',
      hold: { expiresAt: new Date('2099-01-01T00:00:00Z') },
    });
    const [[held]] = (await tdb.primary
      .transaction()
      .execute((trx) => ledger.transferGroupsIn(trx, [[hold('fresh-1')]], { freshIds: true }))) as [
      [unknown],
    ];
    expect(held).toMatchObject({ ok: true, value: { status: 'created' } });
    expect((await ledger.getAccount(cash.id))?.available).toEqual(money(38_250n));
    // a caller breaking its promise: the write refuses the id, nothing more is held
    await expect(
      tdb.primary
        .transaction()
        .execute((trx) => ledger.transferGroupsIn(trx, [[hold('fresh-1')]], { freshIds: true })),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await ledger.getAccount(cash.id))?.available).toEqual(money(38_250n));
  });
});
