import { postgresExecutor } from '@onefin/db';
import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { createManualClock, type Executor, money } from '@onefin/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  type AccountId,
  createLedgerService,
  type InternalKey,
  type LedgerService,
} from './index.ts';
import { brokenInvariants } from './testing.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The batched engine's own writes and postings inside a caller's transaction (an order placed with
 * its hold) touch the same accounts. Both must take their row locks in one order, by account id, or
 * the two deadlock and PostgreSQL aborts one of them (40P01). The engine's write once took its locks
 * in the order the planner read the rows (their place in the table), which an update can reverse.
 */
describe.runIf(process.env.ONEFIN_TEST_ENGINE === 'postgres')(
  'the batched writer and a transaction on the same accounts',
  () => {
    let tdb: TestDatabase;
    let db: Executor;
    let ledger: LedgerService;
    let internal: Record<InternalKey, Account>;
    let first: Account;
    let second: Account;
    const fund = (account: Account, i: number) =>
      ledger.transfer({
        id: `fund-${i}`,
        debitAccountId: internal.channelClearing.id,
        creditAccountId: account.id,
        amount: money(1_000_000n),
        code: 'topup',
      });

    beforeAll(async () => {
      tdb = await createTestDatabase();
      // Whatever plan the planner picks, the locks must come in id order. Made to read accounts in
      // table order (a hash join over a bitmap or sequential scan, as it does for large batches):
      // settings for the connections opened from here on.
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(tdb.primary);
      for (const setting of ['enable_indexscan', 'enable_nestloop', 'enable_mergejoin'])
        await sql.raw(`ALTER DATABASE "${rows[0]?.name}" SET ${setting} = off`).execute(tdb.primary);
      db = postgresExecutor(tdb.url as string);
      ledger = createLedgerService({
        db,
        clock: createManualClock(),
        engine: { kind: 'batched', writers: 2 },
      });
      internal = await ledger.ensureInternalAccounts('CNY');
      // a book the size of a real one, so the planner reads a few accounts by bitmap, in table order
      await sql`
        INSERT INTO ledger_accounts (id, code, currency, class, owner_type, owner_id, allow_negative, frozen,
          closed, posted_debits, posted_credits, pending_debits, pending_credits, version, name_zh, name_en, created_at)
        SELECT 'acc_filler_' || i, '2001', 'CNY', 'liability', 'customer', 'cus_filler_' || i, false, false,
          false, 0, 0, 0, 0, 0, '填充', 'filler', now()
        FROM generate_series(1, 20000) AS i`.execute(tdb.primary);
      first = await ledger.openCustomerCashAccount('cus_lock_a', 'CNY');
      second = await ledger.openCustomerCashAccount('cus_lock_b', 'CNY');
      for (const [i, account] of [first, second].entries()) await fund(account, i);
      // Rows in reverse id order, as updates leave them over time (a new version goes wherever
      // there is room): the table rewritten along a descending index.
      await sql`CREATE INDEX ledger_accounts_id_desc ON ledger_accounts (id DESC)`.execute(tdb.primary);
      await sql`CLUSTER ledger_accounts USING ledger_accounts_id_desc`.execute(tdb.primary);
      await sql`DROP INDEX ledger_accounts_id_desc`.execute(tdb.primary);
      await sql`ANALYZE ledger_accounts`.execute(tdb.primary);
    });
    afterAll(async () => {
      expect(await brokenInvariants(tdb.primary)).toEqual([]);
      await db.destroy();
      await tdb.close();
    });

    it('a transfer queued behind a use case holding both accounts commits, and so does the use case', async () => {
      expect(first.id < second.id).toBe(true);
      const { rows } = await sql<{ id: string }>`
        SELECT id FROM ledger_accounts WHERE id IN (${first.id}, ${second.id}) ORDER BY ctid`.execute(
        tdb.primary,
      );
      expect(rows.map((r) => r.id)).toEqual([second.id, first.id]);

      // A third party holds the first account; the use case queues for it (holding nothing yet);
      // then the engine's transfer touching both queues too. When the third party lets go, the use
      // case takes the first account and needs the second: had the engine locked the second while
      // waiting, each would wait for the other.
      let releaseBlocker = () => {};
      const blocker = db.transaction().execute(async (trx) => {
        await sql`SELECT 1 FROM ledger_accounts WHERE id = ${first.id} FOR UPDATE`.execute(trx);
        await new Promise<void>((resolve) => {
          releaseBlocker = resolve;
        });
      });
      await pause(100);
      const useCase = db.transaction().execute(async (trx) => {
        const results = await ledger.transferGroupsIn(trx, [
          [
            {
              type: 'transfer',
              id: 'case-1',
              debitAccountId: first.id,
              creditAccountId: second.id,
              amount: money(100n),
              code: 'p2p',
            },
          ],
        ]);
        return results.flat().map((r) => r.ok);
      });
      await pause(100);
      // one batch of the engine touching many accounts, as its batches do: the planner then reads
      // the accounts in table order
      const engine = Promise.all([
        ledger.transfer({
          id: 'engine-1',
          debitAccountId: second.id,
          creditAccountId: first.id,
          amount: money(100n),
          code: 'p2p',
        }),
        ...Array.from({ length: 30 }, (_, i) =>
          ledger.transfer({
            id: `engine-filler-${i}`,
            debitAccountId: second.id,
            creditAccountId: `acc_filler_${i + 1}` as AccountId,
            amount: money(1n),
            code: 'p2p',
          }),
        ),
      ]);
      await pause(200);
      releaseBlocker();
      await blocker;
      const [caseResults, engineResults] = await Promise.all([useCase, engine]);
      expect(caseResults).toEqual([true]);
      expect(engineResults.map((r) => r.ok)).toEqual(engineResults.map(() => true));
    });
  },
);
