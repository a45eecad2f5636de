import { money, newId } from '@onefin/kernel';
import { describe, expect, it } from 'vitest';
import { applyCommand, applyGroup, availableOf } from './checks.ts';
import type { AccountState, LedgerCommand, LedgerState } from './types.ts';

const now = new Date('2026-03-02T02:00:00Z');
const later = new Date('2026-03-03T02:00:00Z');

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
    pendingDebits: 0n,
    pendingCredits: 0n,
    version: 0n,
    ...over,
  };
}

function setup(debit: AccountState, credit: AccountState) {
  const state: LedgerState = {
    accounts: new Map([debit, credit].map((a) => [a.id, a])),
    transfers: new Map(),
    resolutions: new Map(),
  };
  const t = (id: string, amount: bigint, hold?: Date): LedgerCommand => ({
    type: 'transfer',
    id,
    debitAccountId: debit.id,
    creditAccountId: credit.id,
    amount: money(amount),
    code: 'x',
    hold: hold ? { expiresAt: hold } : undefined,
  });
  return { state, t };
}

describe('applyCommand', () => {
  it('refuses a closed account and changes nothing', () => {
    const { state, t } = setup(account({ allowNegative: true }), account({ closed: true }));
    expect(applyCommand(state, t('t1', 100n), now)).toEqual({
      result: { ok: false, error: 'account_closed' },
    });
    expect(state.transfers.size).toBe(0);
    expect([...state.accounts.values()].map((a) => a.version)).toEqual([0n, 0n]);
  });

  it('refuses a credit that would overflow BIGINT', () => {
    const { state, t } = setup(account({ allowNegative: true }), account({ credits: 2n ** 63n - 50n }));
    expect(applyCommand(state, t('t1', 100n), now).result).toEqual({ ok: false, error: 'overflow' });
  });

  it('a debit-normal account without overdraft may not be credited below zero', () => {
    const asset = account({ class: 'asset', debits: 99n });
    const { state, t } = setup(account({ allowNegative: true }), asset);
    expect(applyCommand(state, t('t1', 100n), now).result).toEqual({
      ok: false,
      error: 'insufficient_funds',
    });
    asset.debits = 100n;
    const applied = applyCommand(state, t('t1', 100n), now);
    expect(applied.result.ok).toBe(true);
    expect(applied.posting?.entries.map((e) => [e.side, e.balanceAfter, e.accountVersion])).toEqual([
      ['debit', -100n, 1n],
      ['credit', 0n, 1n],
    ]);
  });

  it('a hold reserves without posting; its partial post releases the rest', () => {
    const cash = account({ credits: 1_000n });
    const { state, t } = setup(cash, account({ class: 'asset', allowNegative: true }));
    const hold = applyCommand(state, t('h1', 600n, later), now);
    expect(hold.posting?.entries).toEqual([]);
    expect([cash.credits - cash.debits, availableOf(cash)]).toEqual([1_000n, 400n]);
    expect(applyCommand(state, t('t2', 401n), now).result).toEqual({
      ok: false,
      error: 'insufficient_funds',
    });
    const post = applyCommand(state, { type: 'post_hold', id: 'p1', holdId: 'h1', amount: money(250n) }, now);
    expect(post.posting?.entries.map((e) => e.balanceAfter)).toEqual([750n, -250n]);
    expect([cash.credits - cash.debits, availableOf(cash), cash.pendingDebits]).toEqual([750n, 750n, 0n]);
    expect(applyCommand(state, { type: 'void_hold', id: 'v1', holdId: 'h1' }, now).result).toEqual({
      ok: false,
      error: 'hold_already_posted',
    });
  });

  it('a hold cannot be posted once expired, and expires only when due', () => {
    const { state, t } = setup(account({ credits: 1_000n }), account({ allowNegative: true }));
    applyCommand(state, t('h1', 600n, later), now);
    expect(applyCommand(state, { type: 'expire_hold', id: 'e1', holdId: 'h1' }, now).result).toEqual({
      ok: false,
      error: 'hold_not_expired',
    });
    expect(applyCommand(state, { type: 'post_hold', id: 'p1', holdId: 'h1' }, later).result).toEqual({
      ok: false,
      error: 'hold_expired',
    });
    expect(applyCommand(state, { type: 'expire_hold', id: 'e1', holdId: 'h1' }, later).result.ok).toBe(true);
  });

  it('a reversal moves the amount back once, and only for a posted transfer', () => {
    const { state, t } = setup(account({ allowNegative: true }), account());
    applyCommand(state, t('t1', 100n), now);
    applyCommand(state, t('h1', 100n, later), now);
    const reverse = (id: string, transferId: string) =>
      applyCommand(state, { type: 'reversal', id, transferId }, now).result;
    expect(reverse('r0', 'h1')).toEqual({ ok: false, error: 'not_reversible' });
    expect(reverse('r1', 't1').ok).toBe(true);
    expect(reverse('r2', 't1')).toEqual({ ok: false, error: 'already_reversed' });
    expect(reverse('r3', 'nope')).toEqual({ ok: false, error: 'transfer_not_found' });
  });
});

describe('applyGroup', () => {
  it('undoes the whole group when one member is refused', () => {
    const payer = account({ credits: 100n });
    const { state, t } = setup(payer, account());
    const results = applyGroup(state, [t('a', 60n), t('b', 30n), t('c', 20n)], now);
    expect(results.map((r) => (r.result.ok ? 'ok' : r.result.error))).toEqual([
      'linked_event_failed',
      'linked_event_failed',
      'insufficient_funds',
    ]);
    expect(results.every((r) => r.posting === undefined)).toBe(true);
    expect([payer.debits, payer.version, state.transfers.size]).toEqual([0n, 0n, 0]);
    expect(applyGroup(state, [t('a', 60n), t('b', 40n)], now).every((r) => r.result.ok)).toBe(true);
  });
});
