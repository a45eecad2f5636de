import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_events')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('aggregate_type', 'text', (c) => c.notNull())
    .addColumn('aggregate_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_events_type_seq')
    .on('outbox_events')
    .columns(['event_type', 'seq'])
    .execute();
  await db.schema
    .createTable('outbox_deliveries')
    .addColumn('subscriber', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('outbox_deliveries_pk', ['subscriber', 'event_seq'])
    .execute();
}
