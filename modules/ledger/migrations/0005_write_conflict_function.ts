import { type Kysely, sql } from 'kysely';

/**
 * Lets the batched engine's single write statement fail as a serialization failure (SQLSTATE
 * 40001) when an account changed after the batch read it; the engine reads again and retries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION ledger_write_conflict(changed bigint) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'ledger: % account(s) changed since the batch read them', changed
        USING ERRCODE = '40001';
    END $$`.execute(db);
}
