import type { Executor } from '@onefin/kernel';
import { applyGroup } from './checks.ts';
import { loadState } from './store.ts';
import type { AccountState, LedgerCommand, Posting, TransferResult } from './types.ts';
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
  const state = await loadState(trx, groups.flat());
  const before = new Map<string, AccountState>([...state.accounts].map(([id, a]) => [id, { ...a }]));
  const postings: Posting[] = [];
  const results = groups.map((group) =>
    applyGroup(state, group, now).map((applied) => {
      if (applied.posting) postings.push(applied.posting);
      return applied.result;
    }),
  );
  await writePostings(trx, postings, before, state.accounts, now);
  return results;
}
