import type { Clock, Executor } from '@onefin/kernel';
import { applyGroup } from './checks.ts';
import { loadState } from './store.ts';
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
): Promise<TransferResult[][]> {
  const state = await loadState(trx, groups.flat(), 'lock');
  return applyAndWrite(trx, state, groups, now, false);
}

/**
 * The batched engine's way: reads without locks and writes everything in one autocommit statement
 * that fails with a write conflict (40001) if an account it changes no longer holds what was read;
 * the caller reads again and retries. Atomic and durable like a transaction: one statement.
 */
export async function postGroupsOptimistically(
  db: Executor,
  groups: ReadonlyArray<readonly LedgerCommand[]>,
  clock: Clock,
): Promise<TransferResult[][]> {
  const state = await loadState(db, groups.flat(), 'read');
  return applyAndWrite(db, state, groups, clock.now(), true);
}

async function applyAndWrite(
  db: Executor,
  state: LedgerState,
  groups: ReadonlyArray<readonly LedgerCommand[]>,
  now: Date,
  optimistic: boolean,
): Promise<TransferResult[][]> {
  const before = new Map<string, AccountState>([...state.accounts].map(([id, a]) => [id, { ...a }]));
  const postings: Posting[] = [];
  const results = groups.map((group) =>
    applyGroup(state, group, now).map((applied) => {
      if (applied.posting) postings.push(applied.posting);
      return applied.result;
    }),
  );
  await writePostings(db, postings, before, state.accounts, now, optimistic);
  return results;
}
