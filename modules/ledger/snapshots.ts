import type { Clock, CurrencyCode, Executor, Money } from '@onefin/kernel';
import { sql } from 'kysely';
import { dayAfter } from './statement.ts';
import { ledgerDb } from './store.ts';
import type { AccountId } from './types.ts';

/** An account's balance at the end of a business date, as the warehouse reads it. */
export interface DailyBalance {
  businessDate: string;
  accountId: AccountId;
  code: string;
  ownerId: string | null;
  balance: Money;
}

/**
 * Writes every account's balance at the end of `date` (YYYY-MM-DD, Shanghai): the running balance
 * of its last entry before the next day began. Read from the entries, not the live totals, so the
 * job gives the same rows whenever it runs; rerunning a date rewrites the same values.
 */
export async function snapshotDailyBalances(db: Executor, clock: Clock, date: string): Promise<number> {
  const cutoff = dayAfter(date);
  const result = await sql`
    INSERT INTO ledger_daily_balances
      (business_date, account_id, code, class, owner_id, currency, balance, account_version, written_at)
    SELECT ${date}::date, a.id, a.code, a.class, a.owner_id, a.currency,
      coalesce(last.balance_after, 0), coalesce(last.account_version, 0), ${clock.now()}::timestamptz
    FROM ledger_accounts a
    LEFT JOIN LATERAL (
      SELECT balance_after, account_version FROM ledger_entries e
      WHERE e.account_id = a.id AND e.created_at < ${cutoff}::timestamptz
      ORDER BY e.account_version DESC LIMIT 1
    ) last ON true
    WHERE a.created_at < ${cutoff}::timestamptz
    ON CONFLICT (business_date, account_id) DO UPDATE
      SET balance = excluded.balance, account_version = excluded.account_version,
        written_at = excluded.written_at`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function dailyBalancesOf(db: Executor, accountId: AccountId, from: string, to: string) {
  const rows = await ledgerDb(db)
    .selectFrom('ledger_daily_balances')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('business_date', '>=', from)
    .where('business_date', '<=', to)
    .orderBy('business_date')
    .execute();
  return rows.map(
    (r): DailyBalance => ({
      businessDate: r.business_date,
      accountId: r.account_id as AccountId,
      code: r.code,
      ownerId: r.owner_id,
      balance: { amount: r.balance, currency: r.currency as CurrencyCode },
    }),
  );
}
