import type { Executor } from '@onefin/kernel';
import { sql } from 'kysely';
import {
  type AccountState,
  applyTransfer,
  type EngineDeps,
  type Entry,
  type PostedTransfer,
  type TransferEngine,
  type TransferRequest,
  type TransferResult,
} from './checks.ts';
import { lockAccounts, recordedTransfers } from './store.ts';

export interface BatchedOptions {
  /** Writer connections working in parallel: 2 on PostgreSQL, 1 on PGlite (one connection anyway). */
  writers: number;
  /** Most transfers one batch takes. */
  maxBatch?: number;
}

interface Waiting {
  request: TransferRequest;
  resolve: (result: TransferResult) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_MAX_BATCH = 4096;

/**
 * Coalesces concurrent transfers into batches, each committed in one transaction with set-wise
 * writes and one update per touched account (DESIGN.md "Ledger"). No timer: a writer takes
 * everything queued the moment it is free, so batches grow with load and a lone transfer waits for
 * nobody. Every caller is answered only after its batch committed.
 */
export function createBatchedEngine(d: EngineDeps, opts: BatchedOptions): TransferEngine {
  const maxBatch = opts.maxBatch ?? DEFAULT_MAX_BATCH;
  const queue: Waiting[] = [];
  let busy = 0;
  let scheduled = false;
  let drained: Array<() => void> = [];

  const pump = (): void => {
    scheduled = false;
    while (busy < opts.writers && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      busy += 1;
      void runBatch(d, batch).finally(() => {
        busy -= 1;
        pump();
      });
    }
    if (busy === 0 && queue.length === 0) {
      for (const done of drained) done();
      drained = [];
    }
  };

  return {
    submit(request) {
      return new Promise<TransferResult>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        // Deferred to the end of the current tick so that transfers submitted together (Promise.all)
        // share a batch and are applied in the order they were submitted.
        if (!scheduled) {
          scheduled = true;
          queueMicrotask(pump);
        }
      });
    },
    drain() {
      if (busy === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => drained.push(resolve));
    },
  };
}

/**
 * Commits a batch; a failed transaction (typically a unique violation because the other writer
 * committed the same id first) is retried once, and then sees that id as recorded. If it fails
 * again the batch is split in halves, in order, so one poisonous request cannot sink thousands.
 */
async function runBatch(d: EngineDeps, batch: Waiting[]): Promise<void> {
  const requests = batch.map((w) => w.request);
  let results: TransferResult[];
  try {
    results = await commitBatch(d, requests).catch(() => commitBatch(d, requests));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]?.reject(error);
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await runBatch(d, batch.slice(0, half));
    await runBatch(d, batch.slice(half));
    return;
  }
  batch.forEach((w, i) => {
    const result = results[i];
    if (result) w.resolve(result);
    else w.reject(new Error('batch returned fewer results than requests'));
  });
}

function commitBatch(d: EngineDeps, requests: readonly TransferRequest[]): Promise<TransferResult[]> {
  return d.db.transaction().execute(async (trx) => {
    const accounts = await lockAccounts(
      trx,
      requests.flatMap((r) => [r.debitAccountId, r.creditAccountId]),
    );
    // After the locks: a transfer another writer committed on these accounts is visible now.
    const transfers = await recordedTransfers(
      trx,
      requests.map((r) => r.id),
    );
    const before = new Map([...accounts].map(([id, a]) => [id, { ...a }]));
    const now = d.clock.now();
    const state = { accounts, transfers };
    const results: TransferResult[] = [];
    const postings: Array<{ transfer: PostedTransfer; entries: [Entry, Entry] }> = [];
    for (const request of requests) {
      const applied = applyTransfer(state, request, now);
      results.push(applied.result);
      if (applied.posting) postings.push(applied.posting);
    }
    if (postings.length > 0) await writeBatch(trx, postings, before, accounts, now);
    return results;
  });
}

const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Writes a batch in one statement, so one round trip: the transfers, their entries (with running
 * balance and account version) and one update per touched account with its netted amounts, as
 * data-modifying CTEs. Foreign keys are checked at the end of the statement, when the transfers the
 * entries refer to exist. Rows go in sorted by key so that two writers inserting overlapping ids
 * meet in the same order.
 */
async function writeBatch(
  trx: Executor,
  postings: ReadonlyArray<{ transfer: PostedTransfer; entries: [Entry, Entry] }>,
  before: Map<string, AccountState>,
  after: Map<string, AccountState>,
  now: Date,
): Promise<void> {
  const sorted = [...postings].sort(byKey((p) => p.transfer.id));
  const transfers = sorted.map((p) => p.transfer);
  // by transfer id, then side ('credit' < 'debit'): every writer inserts index keys in one order
  const entries = sorted.flatMap((p) => [...p.entries].sort(byKey((e) => e.side)));
  // One row update per account per batch, with the batch's netted amounts: no lock convoy on hot accounts.
  const touched = [...after.values()]
    .filter((a) => a.version !== before.get(a.id)?.version)
    .sort(byKey((a) => a.id));
  const delta = (a: AccountState, f: (s: AccountState) => bigint) =>
    (f(a) - f(before.get(a.id) ?? a)).toString();
  await sql`
    WITH new_transfers AS (
      INSERT INTO ledger_transfers
        (id, debit_account_id, credit_account_id, amount, currency, code, reference, metadata, created_at)
      SELECT id, debit_account_id, credit_account_id, amount, currency, code, reference, metadata::jsonb,
        ${now}::timestamptz
      FROM unnest(
        ${transfers.map((t) => t.id)}::text[],
        ${transfers.map((t) => t.debitAccountId)}::text[],
        ${transfers.map((t) => t.creditAccountId)}::text[],
        ${transfers.map((t) => t.amount.amount.toString())}::bigint[],
        ${transfers.map((t) => t.amount.currency)}::text[],
        ${transfers.map((t) => t.code)}::text[],
        ${transfers.map((t) => t.reference)}::text[],
        ${transfers.map((t) => JSON.stringify(t.metadata))}::text[]
      ) AS u(id, debit_account_id, credit_account_id, amount, currency, code, reference, metadata)
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
    )
    UPDATE ledger_accounts AS a
    SET posted_debits = a.posted_debits + u.debits,
        posted_credits = a.posted_credits + u.credits,
        version = a.version + u.entries
    FROM unnest(
      ${touched.map((a) => a.id)}::text[],
      ${touched.map((a) => delta(a, (s) => s.debits))}::bigint[],
      ${touched.map((a) => delta(a, (s) => s.credits))}::bigint[],
      ${touched.map((a) => delta(a, (s) => s.version))}::bigint[]
    ) AS u(id, debits, credits, entries)
    -- the redundant ANY gives the planner an index condition; without it, it hashes the whole table
    WHERE a.id = u.id AND a.id = ANY(${touched.map((a) => a.id)}::text[])`.execute(trx);
}
