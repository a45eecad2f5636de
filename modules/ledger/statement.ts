import type { CurrencyCode, Executor, Money } from '@onefin/kernel';
import { ledgerDb } from './store.ts';
import type { AccountId, TransferKind } from './types.ts';

/** One line of an account's statement: what moved, which way, and the balance right after. */
export interface StatementLine {
  transferId: string;
  /** Debit or credit, from this account's point of view. */
  side: 'debit' | 'credit';
  amount: Money;
  /** The balance on the account's normal side after this line. */
  balanceAfter: Money;
  /** The other account of the transfer. */
  counterpartyAccountId: AccountId;
  code: string;
  /** `transfer`, `post_hold` (a hold settled) or `reversal` (a correction). */
  kind: TransferKind;
  reference: string | null;
  /** Increases by one per line of the account: the statement's order and its cursor. */
  version: bigint;
  postedAt: Date;
}

export interface StatementQuery {
  /** Business dates (YYYY-MM-DD, Asia/Shanghai), both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Lines older than this version (the cursor from the previous page). */
  before?: bigint | undefined;
  limit: number;
}

/** The first instant of a business date on the Shanghai calendar (UTC+8, no daylight saving). */
export function startOfBusinessDate(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function dayAfter(date: string): Date {
  return new Date(startOfBusinessDate(date).getTime() + 24 * 60 * 60 * 1000);
}

/** Newest first, cursor-paged by account version. */
export async function statementOf(
  db: Executor,
  accountId: string,
  q: StatementQuery,
): Promise<{ lines: StatementLine[]; next?: bigint }> {
  let query = ledgerDb(db)
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_transfers as t', 't.id', 'e.transfer_id')
    .select([
      'e.transfer_id',
      'e.side',
      'e.amount',
      'e.currency',
      'e.balance_after',
      'e.account_version',
      'e.created_at',
      't.code',
      't.kind',
      't.reference',
      't.debit_account_id',
      't.credit_account_id',
    ])
    .where('e.account_id', '=', accountId)
    .orderBy('e.account_version', 'desc')
    .limit(q.limit + 1);
  if (q.from) query = query.where('e.created_at', '>=', startOfBusinessDate(q.from));
  if (q.to) query = query.where('e.created_at', '<', dayAfter(q.to));
  if (q.before !== undefined) query = query.where('e.account_version', '<', q.before);
  const rows = await query.execute();
  const lines = rows.slice(0, q.limit).map((r): StatementLine => {
    const currency = r.currency as CurrencyCode;
    const side = r.side as StatementLine['side'];
    return {
      transferId: r.transfer_id,
      side,
      amount: { amount: r.amount, currency },
      balanceAfter: { amount: r.balance_after, currency },
      counterpartyAccountId: (side === 'debit' ? r.credit_account_id : r.debit_account_id) as AccountId,
      code: r.code,
      kind: r.kind as TransferKind,
      reference: r.reference,
      version: r.account_version,
      postedAt: r.created_at,
    };
  });
  const last = lines.at(-1);
  return rows.length > q.limit && last ? { lines, next: last.version } : { lines };
}

/**
 * The balance at the end of a business date: the running balance of the account's last entry
 * before the next day began (zero before its first entry). Undefined for an unknown account.
 */
export async function balanceAsOf(db: Executor, accountId: string, date: string): Promise<Money | undefined> {
  const t = ledgerDb(db);
  const account = await t
    .selectFrom('ledger_accounts')
    .select('currency')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) return undefined;
  const last = await t
    .selectFrom('ledger_entries')
    .select('balance_after')
    .where('account_id', '=', accountId)
    .where('created_at', '<', dayAfter(date))
    .orderBy('account_version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { amount: last?.balance_after ?? 0n, currency: account.currency as CurrencyCode };
}
