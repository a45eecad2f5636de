import type { Executor } from '@onefin/kernel';
import {
  applyTransfer,
  type EngineDeps,
  type TransferEngine,
  type TransferRequest,
  type TransferResult,
} from './checks.ts';
import { isUniqueViolation, ledgerDb, lockAccounts, recordedTransfers } from './store.ts';

/**
 * Posts one transfer inside an open transaction: locks both accounts, checks, writes. The baseline
 * engine runs it in a transaction of its own; a cross-module use case runs it in its transaction,
 * so the transfer commits or rolls back with the rest of the use case.
 */
export async function postTransferIn(trx: Executor, t: TransferRequest, now: Date): Promise<TransferResult> {
  // Lock first, then look the id up: a concurrent retry of the same id on the same accounts
  // waits here and then sees the committed transfer.
  const accounts = await lockAccounts(trx, [t.debitAccountId, t.creditAccountId]);
  const transfers = await recordedTransfers(trx, [t.id]);
  const { result, posting } = applyTransfer({ accounts, transfers }, t, now);
  if (!posting) return result;
  const db = ledgerDb(trx);
  const { transfer, entries } = posting;
  await db
    .insertInto('ledger_transfers')
    .values({
      id: transfer.id,
      debit_account_id: transfer.debitAccountId,
      credit_account_id: transfer.creditAccountId,
      amount: transfer.amount.amount,
      currency: transfer.amount.currency,
      code: transfer.code,
      reference: transfer.reference,
      metadata: JSON.stringify(transfer.metadata),
      created_at: transfer.createdAt,
    })
    .execute();
  await db
    .insertInto('ledger_entries')
    .values(
      entries.map((e) => ({
        transfer_id: e.transferId,
        account_id: e.accountId,
        side: e.side,
        amount: e.amount,
        currency: e.currency,
        balance_after: e.balanceAfter,
        account_version: e.accountVersion,
        created_at: transfer.createdAt,
      })),
    )
    .execute();
  for (const e of entries) {
    const a = accounts.get(e.accountId);
    if (!a) throw new Error(`account ${e.accountId} was not locked`);
    await db
      .updateTable('ledger_accounts')
      .set({ posted_debits: a.debits, posted_credits: a.credits, version: a.version })
      .where('id', '=', a.id)
      .execute();
  }
  return result;
}

/**
 * One database transaction per transfer: the plain implementation the batched engine is measured
 * and property-tested against.
 */
export function createBaselineEngine(d: EngineDeps): TransferEngine {
  const once = (t: TransferRequest) =>
    d.db.transaction().execute(async (trx) => {
      return postTransferIn(trx, t, d.clock.now());
    });
  return {
    async submit(t) {
      try {
        return await once(t);
      } catch (error) {
        // The same id posted concurrently on other accounts: the retry sees it and answers exists or
        // exists_with_different_fields.
        if (isUniqueViolation(error)) return once(t);
        throw error;
      }
    },
    drain: async () => {},
  };
}
