import { type Kysely, sql } from 'kysely';

/**
 * The HTTP layer's record of `Idempotency-Key`s: one row per (scope, key), the fingerprint of the
 * request that first used it and, once answered, the response a replay gets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('http_idempotency_keys')
    // Whose key it is, e.g. `portal:cus_…`: two customers may pick the same key.
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().check(sql`length(key) BETWEEN 1 AND 255`))
    // sha256 of method, path and canonical body: the same key with another request is refused.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('in_flight', 'completed')`))
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addPrimaryKeyConstraint('http_idempotency_keys_pk', ['scope', 'key'])
    .addCheckConstraint(
      'http_idempotency_keys_completed',
      sql`(status = 'completed') = (response_status IS NOT NULL AND completed_at IS NOT NULL)`,
    )
    .execute();
  await db.schema
    .createIndex('http_idempotency_keys_created')
    .on('http_idempotency_keys')
    .column('created_at')
    .execute();
}
