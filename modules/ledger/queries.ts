import type { CurrencyCode, Executor, Money } from '@onefin/kernel';
import { sql } from 'kysely';
import { ledgerDb, toAccount } from './store.ts';
import type { AccountId } from './types.ts';

/** An account's posted totals and its balance on its normal side. */
export interface Balance {
  accountId: AccountId;
  postedDebits: Money;
  postedCredits: Money;
  balance: Money;
}

/** One currency of the trial balance: total debits equal total credits, or the books are broken. */
export interface TrialBalanceLine {
  currency: CurrencyCode;
  debits: Money;
  credits: Money;
  /** Debits − credits over every account; 0 when the books balance. */
  difference: Money;
  isBalanced: boolean;
}

/** Read from the primary: a caller who just posted must see its own transfer. */
export async function balanceOf(db: Executor, id: string): Promise<Balance | undefined> {
  const row = await ledgerDb(db)
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const a = toAccount(row);
  return {
    accountId: a.id,
    postedDebits: a.postedDebits,
    postedCredits: a.postedCredits,
    balance: a.balance,
  };
}

export async function trialBalance(db: Executor): Promise<TrialBalanceLine[]> {
  // Summed in SQL as numeric (a sum of BIGINTs can exceed BIGINT) and read back as text, exact.
  const rows = await ledgerDb(db)
    .selectFrom('ledger_accounts')
    .select([
      'currency',
      sql<string>`sum(posted_debits)::text`.as('debits'),
      sql<string>`sum(posted_credits)::text`.as('credits'),
    ])
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.map((r) => {
    const currency = r.currency as CurrencyCode;
    const debits = BigInt(r.debits);
    const credits = BigInt(r.credits);
    return {
      currency,
      debits: { amount: debits, currency },
      credits: { amount: credits, currency },
      difference: { amount: debits - credits, currency },
      isBalanced: debits === credits,
    };
  });
}
