import { money, newId } from '@onefin/kernel';
import { describe, expect, it } from 'vitest';
import { type AccountState, applyTransfer, type LedgerState, type TransferRequest } from './checks.ts';

const now = new Date('2026-03-02T02:00:00Z');

function account(over: Partial<AccountState> = {}): AccountState {
  return {
    id: newId('acc'),
    currency: 'CNY',
    class: 'liability',
    allowNegative: false,
    frozen: false,
    closed: false,
    debits: 0n,
    credits: 0n,
    version: 0n,
    ...over,
  };
}

function setup(debit: AccountState, credit: AccountState): { state: LedgerState; t: TransferRequest } {
  return {
    state: { accounts: new Map([debit, credit].map((a) => [a.id, a])), transfers: new Map() },
    t: { id: 't1', debitAccountId: debit.id, creditAccountId: credit.id, amount: money(100n), code: 'x' },
  };
}

describe('applyTransfer', () => {
  it('refuses a closed account and changes nothing', () => {
    const { state, t } = setup(account({ allowNegative: true }), account({ closed: true }));
    expect(applyTransfer(state, t, now)).toEqual({ result: { ok: false, error: 'account_closed' } });
    expect(state.transfers.size).toBe(0);
    expect([...state.accounts.values()].map((a) => a.version)).toEqual([0n, 0n]);
  });

  it('refuses a credit that would overflow BIGINT', () => {
    const { state, t } = setup(account({ allowNegative: true }), account({ credits: 2n ** 63n - 50n }));
    expect(applyTransfer(state, t, now).result).toEqual({ ok: false, error: 'overflow' });
  });

  it('a debit-normal account without overdraft may not be credited below zero', () => {
    const asset = account({ class: 'asset', debits: 99n });
    const { state, t } = setup(account({ allowNegative: true }), asset);
    expect(applyTransfer(state, t, now).result).toEqual({ ok: false, error: 'insufficient_funds' });
    asset.debits = 100n;
    const applied = applyTransfer(state, t, now);
    expect(applied.result.ok).toBe(true);
    expect(applied.posting?.entries.map((e) => [e.side, e.balanceAfter, e.accountVersion])).toEqual([
      ['debit', -100n, 1n],
      ['credit', 0n, 1n],
    ]);
  });
});
