import { createHash } from 'node:crypto';
import type { Clock, CurrencyCode, Executor, Money } from '@onefin/kernel';
import { ledgerDb } from './store.ts';
import type { AccountId, TransferEngine } from './types.ts';

/** A hold not yet posted, voided or expired: money reserved on its debit account. */
export interface OpenHold {
  id: string;
  debitAccountId: AccountId;
  creditAccountId: AccountId;
  amount: Money;
  expiresAt: Date;
}

const SWEEP_PAGE = 500;

/** The expiry's own id, the same on every run, so two sweeps racing record it once. */
export function expiryIdOf(holdId: string): string {
  return `expiry:${createHash('sha256').update(holdId).digest('hex').slice(0, 40)}`;
}

/**
 * Releases every hold whose expiry has passed, a page at a time, through the engine (so each
 * release is checked and written like any transfer). Safe to run concurrently or again.
 */
export async function expireHolds(db: Executor, clock: Clock, engine: TransferEngine): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await ledgerDb(db)
      .selectFrom('ledger_holds')
      .select('id')
      .where('expires_at', '<=', clock.now())
      .orderBy('expires_at')
      .limit(SWEEP_PAGE)
      .execute();
    const results = await Promise.all(
      due.map(({ id }) => engine.submit([{ type: 'expire_hold', id: expiryIdOf(id), holdId: id }])),
    );
    expired += results.filter(([r]) => r?.ok && r.value.status === 'created').length;
    if (due.length < SWEEP_PAGE || expired === 0) return expired;
  }
}

export async function openHoldsOf(db: Executor, accountId: AccountId): Promise<OpenHold[]> {
  const rows = await ledgerDb(db)
    .selectFrom('ledger_holds')
    .selectAll()
    .where((eb) => eb.or([eb('debit_account_id', '=', accountId), eb('credit_account_id', '=', accountId)]))
    .orderBy('expires_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    debitAccountId: r.debit_account_id as AccountId,
    creditAccountId: r.credit_account_id as AccountId,
    amount: { amount: r.amount, currency: r.currency as CurrencyCode },
    expiresAt: r.expires_at,
  }));
}
