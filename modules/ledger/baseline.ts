import { postGroupsIn } from './apply.ts';
import { isUniqueViolation } from './store.ts';
import type { EngineDeps, LedgerCommand, TransferEngine } from './types.ts';

/**
 * One database transaction per transfer (or linked group): the plain implementation the batched
 * engine is measured and property-tested against.
 */
export function createBaselineEngine(d: EngineDeps): TransferEngine {
  const once = (commands: readonly LedgerCommand[]) =>
    d.db.transaction().execute(async (trx) => (await postGroupsIn(trx, [commands], d.clock.now()))[0] ?? []);
  return {
    async submit(commands) {
      try {
        return await once(commands);
      } catch (error) {
        // The same id posted concurrently on other accounts: the retry sees it and answers exists or
        // exists_with_different_fields.
        if (isUniqueViolation(error)) return once(commands);
        throw error;
      }
    },
    drain: async () => {},
  };
}
