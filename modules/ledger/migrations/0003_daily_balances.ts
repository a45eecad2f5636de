import { type Kysely, sql } from 'kysely';

/** Each account's balance at the end of each business date, written by the end-of-day job for the warehouse. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ledger_daily_balances')
    .addColumn('business_date', 'date', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    /** The account version the balance was read at: the number of entries up to that day's end. */
    .addColumn('account_version', 'bigint', (c) => c.notNull())
    .addColumn('written_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_daily_balances_pk', ['business_date', 'account_id'])
    .execute();
  await sql`CREATE INDEX ledger_daily_balances_account ON ledger_daily_balances (account_id, business_date)`.execute(
    db,
  );
}
