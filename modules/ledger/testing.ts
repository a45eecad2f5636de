import type { Database } from '@onefin/db';
import { createManualClock, type Executor, type ManualClock } from '@onefin/kernel';
import { sql } from 'kysely';
import { createLedgerService, type LedgerService } from './index.ts';

/** Both engines: every behaviour must hold for each. */
export const ENGINES = ['baseline', 'batched'] as const;
export type EngineName = (typeof ENGINES)[number];

export function ledgerFor(
  db: Database,
  engine: EngineName,
  clock: ManualClock = createManualClock(),
): LedgerService {
  // As compose.ts wires it: PGlite is one connection, so a second writer would only queue.
  const writers = db.engine === 'postgres' ? 2 : 1;
  return createLedgerService({
    db: db.primary,
    clock,
    engine: engine === 'batched' ? { kind: 'batched', writers } : { kind: 'baseline' },
  });
}

/** Accounts whose posted totals disagree with their entries, or that went negative without leave. */
export async function brokenInvariants(db: Executor): Promise<string[]> {
  const problems: string[] = [];
  const unbalanced = await sql<{ currency: string; diff: string }>`
    SELECT currency, (sum(posted_debits) - sum(posted_credits))::text AS diff
    FROM ledger_accounts GROUP BY currency HAVING sum(posted_debits) <> sum(posted_credits)`.execute(db);
  for (const r of unbalanced.rows) problems.push(`${r.currency} off by ${r.diff}`);
  const drift = await sql<{ id: string }>`
    SELECT a.id FROM ledger_accounts a
    LEFT JOIN (
      SELECT account_id,
        sum(CASE WHEN side = 'debit' THEN amount ELSE 0 END) AS debits,
        sum(CASE WHEN side = 'credit' THEN amount ELSE 0 END) AS credits,
        count(*) AS n
      FROM ledger_entries GROUP BY account_id
    ) e ON e.account_id = a.id
    WHERE a.posted_debits <> coalesce(e.debits, 0) OR a.posted_credits <> coalesce(e.credits, 0)
      OR a.version <> coalesce(e.n, 0)`.execute(db);
  for (const r of drift.rows) problems.push(`${r.id} differs from its entries`);
  const negative = await sql<{ id: string }>`
    SELECT id FROM ledger_accounts WHERE NOT allow_negative AND (
      (class IN ('asset', 'expense') AND posted_credits + pending_credits > posted_debits) OR
      (class IN ('liability', 'equity', 'income') AND posted_debits + pending_debits > posted_credits))`.execute(
    db,
  );
  for (const r of negative.rows) problems.push(`${r.id} is negative`);
  // Without foreign keys (decision 0009) these are checked here: two entries per transfer, none orphaned.
  const orphans = await sql<{ id: string }>`
    SELECT t.id FROM ledger_transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id
    GROUP BY t.id, t.kind
    HAVING count(e.transfer_id) <> CASE WHEN t.kind IN ('transfer', 'post_hold', 'reversal') THEN 2 ELSE 0 END
    UNION ALL
    SELECT e.transfer_id FROM ledger_entries e LEFT JOIN ledger_transfers t ON t.id = e.transfer_id
    WHERE t.id IS NULL
    UNION ALL
    SELECT e.account_id FROM ledger_entries e LEFT JOIN ledger_accounts a ON a.id = e.account_id
    WHERE a.id IS NULL`.execute(db);
  for (const r of orphans.rows) problems.push(`${r.id} has missing or extra entries, transfer or account`);
  // The running balance of an account's last entry is its balance.
  const lastEntry = await sql<{ id: string }>`
    SELECT a.id FROM ledger_accounts a JOIN ledger_entries e
      ON e.account_id = a.id AND e.account_version = a.version
    WHERE e.balance_after <> CASE WHEN a.class IN ('asset', 'expense')
      THEN a.posted_debits - a.posted_credits ELSE a.posted_credits - a.posted_debits END`.execute(db);
  for (const r of lastEntry.rows) problems.push(`${r.id} last running balance is wrong`);
  // Open holds are exactly the holds nothing resolved, and they are what the pending columns reserve.
  const holds = await sql<{ id: string }>`
    SELECT t.id FROM ledger_transfers t
    WHERE t.kind = 'hold'
      AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.related_id = t.id)
      AND NOT EXISTS (SELECT 1 FROM ledger_holds h WHERE h.id = t.id AND h.amount = t.amount)
    UNION ALL
    SELECT h.id FROM ledger_holds h
    WHERE NOT EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.id = h.id AND t.kind = 'hold')
      OR EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.related_id = h.id)`.execute(db);
  for (const r of holds.rows) problems.push(`hold ${r.id} is open in one place and resolved in another`);
  const pending = await sql<{ id: string }>`
    SELECT a.id FROM ledger_accounts a
    WHERE a.pending_debits <> coalesce((SELECT sum(amount) FROM ledger_holds WHERE debit_account_id = a.id), 0)
      OR a.pending_credits <> coalesce((SELECT sum(amount) FROM ledger_holds WHERE credit_account_id = a.id), 0)`.execute(
    db,
  );
  for (const r of pending.rows) problems.push(`${r.id} pending totals differ from its open holds`);
  return problems;
}
