import { prepare } from '@onefin/db';
import type { CurrencyCode, Executor, Money } from '@onefin/kernel';
import { sql } from 'kysely';
import type { AccountClass } from './chart.ts';
import { availableOf, balanceOf } from './checks.ts';
import type { AccountRow, LedgerTables, TransferRow } from './schema.ts';
import type {
  AccountId,
  AccountState,
  LedgerCommand,
  LedgerState,
  PostedTransfer,
  TransferKind,
} from './types.ts';

/** A ledger account with its posted totals. */
export interface Account {
  id: AccountId;
  code: string;
  nameZh: string;
  nameEn: string;
  class: AccountClass;
  ownerType: 'customer' | 'internal';
  ownerId: string | null;
  currency: CurrencyCode;
  allowNegative: boolean;
  frozen: boolean;
  closed: boolean;
  postedDebits: Money;
  postedCredits: Money;
  /** On the account's normal side (credits − debits for a customer's cash account). */
  balance: Money;
  /** Reserved by open holds against this account (pending debits of a customer's cash account). */
  pending: Money;
  /** The balance less what is reserved: what may still be spent. */
  available: Money;
  /** Open holds by side: what holds will take out of (debits) and bring into (credits) this account. */
  pendingDebits: Money;
  pendingCredits: Money;
  version: bigint;
  createdAt: Date;
}

export function ledgerDb(db: Executor) {
  return db.withTables<LedgerTables>();
}

export function toAccount(row: AccountRow): Account {
  const currency = row.currency as CurrencyCode;
  const cls = row.class as AccountClass;
  const state = toAccountState(row);
  return {
    id: row.id as AccountId,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    class: cls,
    ownerType: row.owner_type as Account['ownerType'],
    ownerId: row.owner_id,
    currency,
    allowNegative: row.allow_negative,
    frozen: row.frozen,
    closed: row.closed,
    postedDebits: { amount: row.posted_debits, currency },
    postedCredits: { amount: row.posted_credits, currency },
    balance: { amount: balanceOf(state), currency },
    pending: { amount: balanceOf(state) - availableOf(state), currency },
    available: { amount: availableOf(state), currency },
    pendingDebits: { amount: row.pending_debits, currency },
    pendingCredits: { amount: row.pending_credits, currency },
    version: row.version,
    createdAt: row.created_at,
  };
}

function toAccountState(row: AccountRow): AccountState {
  return {
    id: row.id as AccountId,
    currency: row.currency as CurrencyCode,
    class: row.class as AccountClass,
    allowNegative: row.allow_negative,
    frozen: row.frozen,
    closed: row.closed,
    debits: row.posted_debits,
    credits: row.posted_credits,
    pendingDebits: row.pending_debits,
    pendingCredits: row.pending_credits,
    version: row.version,
  };
}

export function toPostedTransfer(row: TransferRow): PostedTransfer {
  return {
    id: row.id,
    kind: row.kind as TransferKind,
    debitAccountId: row.debit_account_id as AccountId,
    creditAccountId: row.credit_account_id as AccountId,
    amount: { amount: row.amount, currency: row.currency as CurrencyCode },
    code: row.code,
    reference: row.reference,
    metadata: (row.metadata ?? {}) as Record<string, unknown>,
    relatedId: row.related_id,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

/**
 * Locks the accounts in id order so that two transactions touching the same accounts queue behind
 * each other instead of deadlocking: every multi-account lock goes through here, and takes its row
 * locks one by one in the order of the sorted ids. Needs a transaction: the locks are what make the
 * later balance check safe.
 *
 * One primary-key probe per id (a LATERAL subquery with its own FOR UPDATE): `id = ANY($1)` or a
 * plain join on the unnested ids made the planner scan and hash the whole accounts table for a
 * batch's few dozen ids (~3 ms per batch at 10,000 accounts, growing with the table).
 */
export async function lockAccounts(
  trx: Executor,
  ids: readonly string[],
): Promise<Map<string, AccountState>> {
  const unique = [...new Set(ids)].sort();
  const { rows } = await sql<AccountRow>`${prepare}
    SELECT a.* FROM unnest(${unique}::text[]) WITH ORDINALITY AS u(id, n)
    CROSS JOIN LATERAL (SELECT * FROM ledger_accounts WHERE id = u.id FOR UPDATE) AS a
    ORDER BY u.n`.execute(trx);
  return new Map(rows.map((r) => [r.id, toAccountState(r)]));
}

/**
 * Reads the accounts without locking them, for the batched engine's optimistic write, which
 * re-checks every account it changes against what was read here. The LIMIT keeps the planner on
 * one primary-key probe per id (without it, and without FOR UPDATE, it hash-joins the whole table).
 */
export async function readAccounts(db: Executor, ids: readonly string[]): Promise<Map<string, AccountState>> {
  const unique = [...new Set(ids)];
  const { rows } = await sql<AccountRow>`${prepare}
    SELECT a.* FROM unnest(${unique}::text[]) AS u(id)
    CROSS JOIN LATERAL (SELECT * FROM ledger_accounts WHERE id = u.id LIMIT 1) AS a`.execute(db);
  return new Map(rows.map((r) => [r.id, toAccountState(r)]));
}

/**
 * `readAccounts` and `recordedTransfers` in one round trip, for a batch of plain transfers (the
 * common case): one row set with the columns of both, told apart by `is_account`.
 */
async function readAccountsAndTransfers(
  db: Executor,
  accountIds: readonly string[],
  transferIds: readonly string[],
): Promise<Pick<LedgerState, 'accounts' | 'transfers'>> {
  type Row = AccountRow & TransferRow & { is_account: boolean };
  const { rows } = await sql<Row>`${prepare}
    SELECT true AS is_account, a.id, a.currency, a.class, a.allow_negative, a.frozen, a.closed,
      a.posted_debits, a.posted_credits, a.pending_debits, a.pending_credits, a.version,
      NULL::text AS kind, NULL::text AS debit_account_id, NULL::text AS credit_account_id,
      NULL::bigint AS amount, NULL::text AS code, NULL::text AS reference, NULL::jsonb AS metadata,
      NULL::text AS related_id, NULL::timestamptz AS expires_at, NULL::timestamptz AS created_at
    FROM unnest(${[...new Set(accountIds)]}::text[]) AS u(id)
    CROSS JOIN LATERAL (SELECT * FROM ledger_accounts WHERE id = u.id LIMIT 1) AS a
    UNION ALL
    SELECT false, t.id, t.currency, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      t.kind, t.debit_account_id, t.credit_account_id, t.amount, t.code, t.reference, t.metadata,
      t.related_id, t.expires_at, t.created_at
    FROM unnest(${[...new Set(transferIds)]}::text[]) AS v(id)
    CROSS JOIN LATERAL (SELECT * FROM ledger_transfers WHERE id = v.id LIMIT 1) AS t`.execute(db);
  const accounts = new Map<string, AccountState>();
  const transfers = new Map<string, PostedTransfer>();
  for (const r of rows) {
    if (r.is_account) accounts.set(r.id, toAccountState(r));
    else transfers.set(r.id, toPostedTransfer(r));
  }
  return { accounts, transfers };
}

/** The transfers already recorded under any of these ids (idempotency keys). */
export async function recordedTransfers(
  trx: Executor,
  ids: readonly string[],
): Promise<Map<string, PostedTransfer>> {
  // one primary-key probe per id: `id = ANY(...)` let the planner scan the whole table
  const { rows } = await sql<TransferRow>`${prepare}
    SELECT t.* FROM unnest(${[...new Set(ids)]}::text[]) AS u(id)
    CROSS JOIN LATERAL (SELECT * FROM ledger_transfers WHERE id = u.id LIMIT 1) AS t`.execute(trx);
  return new Map(rows.map((r) => [r.id, toPostedTransfer(r)]));
}

/** What a post, void, expiry or reversal refers to. */
function relatedIdOf(c: LedgerCommand): string | undefined {
  if (c.type === 'transfer') return undefined;
  return c.type === 'reversal' ? c.transferId : c.holdId;
}

/**
 * Everything the checks need for these commands. `lock`: the accounts are locked (inside a
 * transaction); idempotency keys and resolutions are read after the locks, when every writer
 * touching these accounts has committed or waits behind us. `read`: nothing is locked, and the
 * write must verify that nothing it relied on changed (`writePostings` with `optimistic`). Holds
 * and reversed transfers name their accounts only through the transfer they refer to, so those are
 * read first (a recorded transfer never changes).
 */
export async function loadState(
  trx: Executor,
  commands: readonly LedgerCommand[],
  mode: 'lock' | 'read' = 'lock',
  /** No command's id can have been recorded before (see `transferGroupsIn`): not looked up. */
  freshIds = false,
): Promise<LedgerState> {
  const related = commands.map(relatedIdOf).filter((id): id is string => id !== undefined);
  if (mode === 'read' && related.length === 0) {
    const ids = commands.flatMap((c) => (c.type === 'transfer' ? [c.debitAccountId, c.creditAccountId] : []));
    const read = await readAccountsAndTransfers(
      trx,
      ids,
      commands.map((c) => c.id),
    );
    return { ...read, resolutions: new Map() };
  }
  const referred = related.length > 0 ? await recordedTransfers(trx, related) : new Map();
  const accountIds = commands.flatMap((c) => {
    if (c.type === 'transfer') return [c.debitAccountId, c.creditAccountId];
    const t = referred.get(relatedIdOf(c) ?? '');
    return t ? [t.debitAccountId, t.creditAccountId] : [];
  });
  const accounts = await (mode === 'lock' ? lockAccounts : readAccounts)(trx, accountIds);
  const looked = [...(freshIds ? [] : commands.map((c) => c.id)), ...related];
  const transfers = looked.length > 0 ? await recordedTransfers(trx, looked) : new Map();
  const resolutions = related.length > 0 ? await resolutionsOf(trx, related) : new Map();
  return { accounts, transfers, resolutions };
}

/** The posts, voids, expiries and reversals that refer to these transfers, by the id they refer to. */
async function resolutionsOf(trx: Executor, ids: readonly string[]): Promise<Map<string, PostedTransfer>> {
  const rows = await ledgerDb(trx)
    .selectFrom('ledger_transfers')
    .selectAll()
    .where(sql<boolean>`related_id = ANY(${[...new Set(ids)]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.related_id ?? '', toPostedTransfer(r)]));
}

/** SQLSTATE 23505: another writer committed the same transfer id first. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/**
 * What a batch may simply run again: another writer got there first — the same transfer id or
 * hold resolution (23505), or an account changed between the read and the write (40001).
 */
export function isWriteConflict(error: unknown): boolean {
  return (
    isUniqueViolation(error) ||
    (typeof error === 'object' && error !== null && 'code' in error && error.code === '40001')
  );
}
