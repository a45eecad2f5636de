import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { createWorker, previousBusinessDate, serviceJobs } from './index.ts';

const silent = { info() {}, warn() {}, error() {} };

describe('the worker runs the ledger jobs', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.close());

  it('knows the Shanghai business date that ended before now', () => {
    expect(previousBusinessDate(new Date('2026-03-02T15:59:59Z'))).toBe('2026-03-01');
    expect(previousBusinessDate(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-02');
  });

  it('releases a lapsed hold and writes the day-end balances once per date', async () => {
    const { ledger } = p.services;
    const internal = await ledger.ensureInternalAccounts('CNY');
    const cash = await ledger.openCustomerCashAccount('cus_worker', 'CNY');
    const topUp = await ledger.transfer({
      id: 'w-topup',
      debitAccountId: internal.channelClearing.id,
      creditAccountId: cash.id,
      amount: money(10_000n),
      code: 'topup',
    });
    expect(topUp.ok).toBe(true);
    await ledger.transfer({
      id: 'w-hold',
      debitAccountId: cash.id,
      creditAccountId: internal.channelClearing.id,
      amount: money(4_000n),
      code: 'withdrawal',
      hold: { expiresAt: new Date(p.clock.now().getTime() + 60_000) },
    });
    const worker = createWorker({ db: p.db, log: silent, jobs: serviceJobs(p.services) });
    expect((await ledger.getAccount(cash.id))?.available).toEqual(money(6_000n));

    p.clock.advance(24 * 3_600_000);
    const first = await worker.tick();
    expect(first.jobs['ledger.expireHolds']).toBe(1);
    expect((await ledger.getAccount(cash.id))?.available).toEqual(money(10_000n));
    const yesterday = previousBusinessDate(p.clock.now());
    expect(first.jobs['ledger.endOfDay']).toMatchObject({ date: yesterday });
    expect((await ledger.dailyBalances(cash.id, yesterday, yesterday))[0]?.balance).toEqual(money(10_000n));
    // the same date is not written again by the same worker
    expect((await worker.tick()).jobs['ledger.endOfDay']).toEqual({ date: yesterday, accounts: 0 });
  });
});
