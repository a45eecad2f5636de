import type { Clock, Executor } from '@onefin/kernel';
import type { AccountCache } from './account-cache.ts';
import { applyGroup } from './checks.ts';
import { loadState, readAccounts } from './store.ts';
import type { AccountState, LedgerCommand, LedgerState, Posting, TransferResult } from './types.ts';
import { writePostings } from './write.ts';

/**
 * Applies linked groups, in order, inside an open transaction: locks their accounts, checks every
 * command against the locked state, writes what was created in one statement. Both engines run it
 * (the baseline with one group per transaction); a cross-module use case runs it in its own
 * transaction, so the transfers commit or roll back with the rest of the use case.
 */
export async function postGroupsIn(
  trx: Executor,
  groups: ReadonlyArray<readonly LedgerCommand[]>,
  now: Date,
  freshIds = false,
): Promise<TransferResult[][]> {
  const state = await loadState(trx, groups.flat(), 'lock', freshIds);
  return (await applyAndWrite(trx, state, groups, now, { optimistic: false, complete: true })) ?? [];
}

/**
 * The batched engine's way (decision 0011): reads without locks and writes everything in one
 * autocommit statement that fails with a write conflict (40001) if an account it changes no longer
 * holds what was read; the caller reads again and retries. Atomic and durable like a transaction.
 *
 * With a `cache` of account states this engine wrote, a batch of plain transfers first tries
 * without reading at all: the write re-checks every account anyway, so a stale entry only costs a
 * conflict and a retry. That path is taken only when every transfer is created; any refusal (which
 * a stale balance could cause) or repeated id (which only the database knows) sends the batch
 * through the full read instead, before anything is written.
 */
export async function postGroupsOptimistically(
  db: Executor,
  groups: ReadonlyArray<readonly LedgerCommand[]>,
  clock: Clock,
  cache?: AccountCache,
  /** False after a conflict: a repeated id (23505) is found only by reading the recorded transfers. */
  fromCache = true,
): Promise<TransferResult[][]> {
  const now = clock.now();
  const commands = groups.flat();
  if (cache && fromCache && commands.every((c) => c.type === 'transfer')) {
    const state = await cachedState(db, commands, cache);
    const results = await applyAndWrite(db, state, groups, now, { optimistic: true, complete: false, cache });
    if (results) return results;
  }
  const state = await loadState(db, commands, 'read');
  return (await applyAndWrite(db, state, groups, now, { optimistic: true, complete: true, cache })) ?? [];
}

/** The batch's accounts from the cache, reading only those it lacks; no recorded transfers. */
async function cachedState(
  db: Executor,
  commands: readonly LedgerCommand[],
  cache: AccountCache,
): Promise<LedgerState> {
  const ids = commands.flatMap((c) => (c.type === 'transfer' ? [c.debitAccountId, c.creditAccountId] : []));
  const accounts = new Map<string, AccountState>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.get(id);
    if (hit) accounts.set(id, { ...hit });
    else missing.push(id);
  }
  if (missing.length > 0) {
    for (const [id, a] of await readAccounts(db, missing)) accounts.set(id, a);
  }
  return { accounts, transfers: new Map(), resolutions: new Map() };
}

interface WriteMode {
  /** The accounts were read without locks: the write re-checks each one it changes. */
  optimistic: boolean;
  /** The state holds the recorded transfers under the commands' ids; without them only creations may be written. */
  complete: boolean;
  cache?: AccountCache | undefined;
}

/**
 * Checks and writes; returns undefined without writing when the state is not `complete` and a
 * command was not simply created.
 */
async function applyAndWrite(
  db: Executor,
  state: LedgerState,
  groups: ReadonlyArray<readonly LedgerCommand[]>,
  now: Date,
  { optimistic, complete, cache }: WriteMode,
): Promise<TransferResult[][] | undefined> {
  const before = new Map<string, AccountState>([...state.accounts].map(([id, a]) => [id, { ...a }]));
  const postings: Posting[] = [];
  const results = groups.map((group) =>
    applyGroup(state, group, now).map((applied) => {
      if (applied.posting) postings.push(applied.posting);
      return applied.result;
    }),
  );
  if (!complete && !results.every((g) => g.every((r) => r.ok && r.value.status === 'created'))) return;
  try {
    await writePostings(db, postings, before, state.accounts, now, optimistic);
  } catch (error) {
    if (cache) for (const id of state.accounts.keys()) cache.delete(id);
    throw error;
  }
  if (cache) for (const a of state.accounts.values()) cache.set(a);
  return results;
}
