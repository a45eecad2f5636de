import { type Kysely, sql } from 'kysely';

/**
 * Two-phase holds and reversals. A hold reserves funds on the debit account (pending columns) until
 * it is posted, voided or expires; each of those, and a reversal, is a new transfer that names the
 * one it resolves in `related_id`. `ledger_holds` is the set of holds still open: the expiry sweep's
 * index, kept by the engine in the statement that writes the batch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE ledger_accounts
    ADD COLUMN pending_debits bigint NOT NULL DEFAULT 0 CHECK (pending_debits >= 0),
    ADD COLUMN pending_credits bigint NOT NULL DEFAULT 0 CHECK (pending_credits >= 0),
    DROP CONSTRAINT ledger_accounts_no_negative,
    -- Reserved money is not available: what is held counts against the balance rule.
    ADD CONSTRAINT ledger_accounts_no_negative CHECK (allow_negative
      OR (class IN ('asset', 'expense') AND posted_credits + pending_credits <= posted_debits)
      OR (class IN ('liability', 'equity', 'income') AND posted_debits + pending_debits <= posted_credits))`.execute(
    db,
  );

  await sql`ALTER TABLE ledger_transfers
    ADD COLUMN kind text NOT NULL DEFAULT 'transfer'
      CHECK (kind IN ('transfer', 'hold', 'post_hold', 'void_hold', 'expire_hold', 'reversal')),
    ADD COLUMN related_id text,
    ADD COLUMN expires_at timestamptz,
    ADD CONSTRAINT ledger_transfers_related CHECK ((kind IN ('transfer', 'hold')) = (related_id IS NULL)),
    ADD CONSTRAINT ledger_transfers_expiry CHECK ((kind = 'hold') = (expires_at IS NOT NULL))`.execute(db);
  // A hold is resolved once, a transfer reversed once: the engine checks, these make sure.
  await sql`CREATE UNIQUE INDEX ledger_transfers_one_resolution ON ledger_transfers (related_id)
    WHERE kind IN ('post_hold', 'void_hold', 'expire_hold')`.execute(db);
  await sql`CREATE UNIQUE INDEX ledger_transfers_one_reversal ON ledger_transfers (related_id)
    WHERE kind = 'reversal'`.execute(db);

  await db.schema
    .createTable('ledger_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('debit_account_id', 'text', (c) => c.notNull())
    .addColumn('credit_account_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX ledger_holds_expiry ON ledger_holds (expires_at)`.execute(db);
  await sql`CREATE INDEX ledger_holds_debit_account ON ledger_holds (debit_account_id)`.execute(db);
}
