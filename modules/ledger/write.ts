import { prepare } from '@onefin/db';
import type { Executor } from '@onefin/kernel';
import { sql } from 'kysely';
import type { AccountState, PostedTransfer, Posting } from './types.ts';

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Holds opened by these postings and not resolved by them, and holds they resolved that were open before. */
function holdChanges(transfers: readonly PostedTransfer[]) {
  const created = new Map(transfers.filter((t) => t.kind === 'hold').map((t) => [t.id, t]));
  const resolved = transfers.flatMap((t) =>
    t.kind === 'post_hold' || t.kind === 'void_hold' || t.kind === 'expire_hold' ? [t.relatedId ?? ''] : [],
  );
  const closedHere = resolved.filter((id) => created.delete(id));
  return { opened: [...created.values()], closed: resolved.filter((id) => !closedHere.includes(id)) };
}

/**
 * Writes postings in one statement, so one round trip: the transfers, their entries (with running
 * balance and account version), the open-hold index, and one update per touched account with its
 * netted amounts, as data-modifying CTEs. Rows go in sorted by key so that two writers inserting
 * overlapping ids meet in the same order.
 */
export async function writePostings(
  trx: Executor,
  postings: readonly Posting[],
  before: ReadonlyMap<string, AccountState>,
  after: ReadonlyMap<string, AccountState>,
  now: Date,
  /**
   * The accounts were read without locks: change each only if it still holds what was read, and
   * fail the whole statement (40001) otherwise.
   */
  optimistic = false,
): Promise<void> {
  if (postings.length === 0) return;
  const sorted = [...postings].sort(byKey((p) => p.transfer.id));
  const transfers = sorted.map((p) => p.transfer);
  // by transfer id, then side ('credit' < 'debit'): every writer inserts index keys in one order
  const entries = sorted.flatMap((p) => [...p.entries].sort(byKey((e) => e.side)));
  const { opened, closed } = holdChanges(transfers);
  // One row update per account per batch, with the batch's netted amounts: no lock convoy on hot accounts.
  const touched = [...after.values()]
    .filter((a) => {
      const b = before.get(a.id);
      return (
        !b ||
        a.debits !== b.debits ||
        a.credits !== b.credits ||
        a.pendingDebits !== b.pendingDebits ||
        a.pendingCredits !== b.pendingCredits
      );
    })
    .sort(byKey((a) => a.id));
  const delta = (a: AccountState, f: (s: AccountState) => bigint) =>
    (f(a) - f(before.get(a.id) ?? a)).toString();
  const was = (f: (s: AccountState) => bigint) => touched.map((a) => f(before.get(a.id) ?? a).toString());
  // real booleans: PGlite refuses the strings 'true' / 'false' for a boolean[] parameter
  const wasFlag = (f: (s: AccountState) => boolean) => touched.map((a) => f(before.get(a.id) ?? a));
  const ids = touched.map((a) => a.id);
  const updateAccounts = sql`
    UPDATE ledger_accounts AS a
    SET posted_debits = a.posted_debits + u.debits,
        posted_credits = a.posted_credits + u.credits,
        pending_debits = a.pending_debits + u.pending_debits,
        pending_credits = a.pending_credits + u.pending_credits,
        version = a.version + u.entries
    FROM (SELECT u.* FROM unnest(
      ${ids}::text[],
      ${touched.map((a) => delta(a, (s) => s.debits))}::bigint[],
      ${touched.map((a) => delta(a, (s) => s.credits))}::bigint[],
      ${touched.map((a) => delta(a, (s) => s.pendingDebits))}::bigint[],
      ${touched.map((a) => delta(a, (s) => s.pendingCredits))}::bigint[],
      ${touched.map((a) => delta(a, (s) => s.version))}::bigint[],
      ${optimistic ? was((s) => s.debits) : []}::bigint[],
      ${optimistic ? was((s) => s.credits) : []}::bigint[],
      ${optimistic ? was((s) => s.pendingDebits) : []}::bigint[],
      ${optimistic ? was((s) => s.pendingCredits) : []}::bigint[],
      ${optimistic ? wasFlag((s) => s.frozen) : []}::boolean[],
      ${optimistic ? wasFlag((s) => s.closed) : []}::boolean[],
      ${optimistic ? was((s) => s.version) : []}::bigint[]
    ) AS u(id, debits, credits, pending_debits, pending_credits, entries,
      was_debits, was_credits, was_pending_debits, was_pending_credits, was_frozen, was_closed, was_version)
    ${
      // Unlocked until now (optimistic): the row locks are taken here, one by one in id order as
      // lockAccounts takes them, and not in whatever order the planner reads the rows to update
      // (table order for a bitmap or sequential scan), which deadlocked against a caller's
      // transaction holding some of these accounts.
      optimistic
        ? sql`CROSS JOIN LATERAL (SELECT 1 FROM ledger_accounts WHERE id = u.id FOR NO KEY UPDATE) AS locked`
        : sql``
    }) AS u
    -- the redundant ANY gives the planner an index condition; without it, it hashes the whole table
    WHERE a.id = u.id AND a.id = ANY(${ids}::text[])
    ${
      optimistic
        ? sql`AND a.posted_debits = u.was_debits AND a.posted_credits = u.was_credits
      AND a.pending_debits = u.was_pending_debits AND a.pending_credits = u.was_pending_credits
      AND a.frozen = u.was_frozen AND a.closed = u.was_closed AND a.version = u.was_version
    RETURNING 1`
        : sql``
    }`;
  await sql`${prepare}
    WITH new_transfers AS (
      INSERT INTO ledger_transfers (id, kind, debit_account_id, credit_account_id, amount, currency, code,
        reference, metadata, related_id, expires_at, created_at)
      SELECT id, kind, debit_account_id, credit_account_id, amount, currency, code, reference,
        metadata::jsonb, related_id, expires_at, ${now}::timestamptz
      FROM unnest(
        ${transfers.map((t) => t.id)}::text[],
        ${transfers.map((t) => t.kind)}::text[],
        ${transfers.map((t) => t.debitAccountId)}::text[],
        ${transfers.map((t) => t.creditAccountId)}::text[],
        ${transfers.map((t) => t.amount.amount.toString())}::bigint[],
        ${transfers.map((t) => t.amount.currency)}::text[],
        ${transfers.map((t) => t.code)}::text[],
        ${transfers.map((t) => t.reference)}::text[],
        ${transfers.map((t) => JSON.stringify(t.metadata))}::text[],
        ${transfers.map((t) => t.relatedId)}::text[],
        ${transfers.map((t) => t.expiresAt?.toISOString() ?? null)}::timestamptz[]
      ) AS u(id, kind, debit_account_id, credit_account_id, amount, currency, code, reference, metadata,
        related_id, expires_at)
    ),
    new_entries AS (
      INSERT INTO ledger_entries
        (transfer_id, account_id, side, amount, currency, balance_after, account_version, created_at)
      SELECT transfer_id, account_id, side, amount, currency, balance_after, account_version,
        ${now}::timestamptz
      FROM unnest(
        ${entries.map((e) => e.transferId)}::text[],
        ${entries.map((e) => e.accountId)}::text[],
        ${entries.map((e) => e.side)}::text[],
        ${entries.map((e) => e.amount.toString())}::bigint[],
        ${entries.map((e) => e.currency)}::text[],
        ${entries.map((e) => e.balanceAfter.toString())}::bigint[],
        ${entries.map((e) => e.accountVersion.toString())}::bigint[]
      ) AS u(transfer_id, account_id, side, amount, currency, balance_after, account_version)
    ),
    opened_holds AS (
      INSERT INTO ledger_holds (id, debit_account_id, credit_account_id, amount, currency, expires_at)
      SELECT * FROM unnest(
        ${opened.map((t) => t.id)}::text[],
        ${opened.map((t) => t.debitAccountId)}::text[],
        ${opened.map((t) => t.creditAccountId)}::text[],
        ${opened.map((t) => t.amount.amount.toString())}::bigint[],
        ${opened.map((t) => t.amount.currency)}::text[],
        ${opened.map((t) => t.expiresAt?.toISOString() ?? null)}::timestamptz[]
      )
    ),
    closed_holds AS (
      DELETE FROM ledger_holds WHERE id = ANY(${closed}::text[])
    )
    ${
      optimistic
        ? sql`, updated AS (${updateAccounts})
      SELECT ledger_write_conflict(${touched.length} - n) FROM (SELECT count(*) AS n FROM updated) AS c
      WHERE n <> ${touched.length}`
        : updateAccounts
    }`.execute(trx);
}
