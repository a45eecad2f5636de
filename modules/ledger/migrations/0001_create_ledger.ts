import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('class', 'text', (c) =>
      c.notNull().check(sql`class IN ('asset', 'liability', 'equity', 'income', 'expense')`),
    )
    .addColumn('owner_type', 'text', (c) => c.notNull().check(sql`owner_type IN ('customer', 'internal')`))
    .addColumn('owner_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('allow_negative', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('frozen', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('closed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('posted_debits', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`posted_debits >= 0`))
    .addColumn('posted_credits', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`posted_credits >= 0`))
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`version >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // A customer account belongs to someone; an internal one to no one.
    .addCheckConstraint('ledger_accounts_owner', sql`(owner_type = 'customer') = (owner_id IS NOT NULL)`)
    // The balance rule, enforced by the database as well as by the engines' in-memory checks: an
    // account that may not go negative never has more on its contra side than on its normal side.
    .addCheckConstraint(
      'ledger_accounts_no_negative',
      sql`allow_negative
        OR (class IN ('asset', 'expense') AND posted_credits <= posted_debits)
        OR (class IN ('liability', 'equity', 'income') AND posted_debits <= posted_credits)`,
    )
    .execute();
  // "One cash account per currency per customer", and one internal account per code and currency.
  await sql`CREATE UNIQUE INDEX ledger_accounts_customer_unique ON ledger_accounts (owner_id, currency, code)
    WHERE owner_type = 'customer'`.execute(db);
  await sql`CREATE UNIQUE INDEX ledger_accounts_internal_unique ON ledger_accounts (code, currency)
    WHERE owner_type = 'internal'`.execute(db);

  // No foreign keys between the ledger's tables (decision 0009): only the engine writes them, in one
  // statement per batch, against accounts it has just locked; FK checks were half of a batch's write.
  await db.schema
    .createTable('ledger_transfers')
    // The client-supplied idempotency key: the primary key is what makes a retry post at most once.
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`length(id) BETWEEN 1 AND 128`))
    .addColumn('debit_account_id', 'text', (c) => c.notNull())
    .addColumn('credit_account_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('metadata', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('ledger_transfers_two_accounts', sql`debit_account_id <> credit_account_id`)
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('transfer_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side IN ('debit', 'credit')`))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('balance_after', 'bigint', (c) => c.notNull())
    .addColumn('account_version', 'bigint', (c) => c.notNull().check(sql`account_version > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // Exactly one debit and one credit per transfer.
    .addPrimaryKeyConstraint('ledger_entries_pk', ['transfer_id', 'side'])
    // Each account version is produced by exactly one entry: a lost update cannot hide; this index
    // also serves an account's statement in order.
    .addUniqueConstraint('ledger_entries_account_version', ['account_id', 'account_version'])
    .execute();

  // Entries and transfers are facts: corrections are new transfers (reversals), never edits.
  await sql`CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
    END $$`.execute(db);
  for (const table of ['ledger_transfers', 'ledger_entries']) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.id(table)}
      FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`.execute(db);
  }
}
