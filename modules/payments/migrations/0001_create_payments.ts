import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payments_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('bank_code', 'text', (c) => c.notNull())
    .addColumn('last4', 'text', (c) => c.notNull().check(sql`last4 ~ '^[0-9]{4}$'`))
    .addColumn('masked_number', 'text', (c) => c.notNull())
    .addColumn('card_hash', 'text', (c) => c.notNull())
    .addColumn('channel_token', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active', 'removed')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addCheckConstraint('payments_cards_removed', sql`(status = 'removed') = (removed_at IS NOT NULL)`)
    .execute();
  // A card is bound to at most one customer at a time; after an unbind it may be bound again.
  await sql`CREATE UNIQUE INDEX payments_cards_one_binding ON payments_cards (card_hash)
    WHERE status = 'active'`.execute(db);
  await db.schema.createIndex('payments_cards_customer').on('payments_cards').column('customer_id').execute();

  await db.schema
    .createTable('payments_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('topup', 'withdrawal')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('created', 'processing', 'succeeded', 'failed')`),
    )
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('masked_number', 'text', (c) => c.notNull())
    .addColumn('bank_code', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('channel_ref', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    // Top-ups are answered at once: they never sit in `processing`.
    .addCheckConstraint('payments_orders_kind_status', sql`NOT (kind = 'topup' AND status = 'processing')`)
    .addCheckConstraint(
      'payments_orders_completed',
      sql`(status IN ('succeeded', 'failed')) = (completed_at IS NOT NULL)`,
    )
    // The customer's Idempotency-Key: a retry finds the order instead of placing a second one.
    .addUniqueConstraint('payments_orders_idempotency', ['customer_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('payments_orders_customer')
    .on('payments_orders')
    .columns(['customer_id', 'id'])
    .execute();
  // The worker's pass looks only at unfinished orders.
  await sql`CREATE INDEX payments_orders_open ON payments_orders (kind, id)
    WHERE status IN ('created', 'processing')`.execute(db);

  await db.schema
    .createTable('payments_order_events')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('detail', 'text')
    // Each status is reached once: recording it again (a retried step) is a no-op.
    .addPrimaryKeyConstraint('payments_order_events_pk', ['order_id', 'status'])
    .execute();

  await db.schema
    .createTable('payments_reconciliation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_date', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('channel_lines', 'integer', (c) => c.notNull())
    .addColumn('ledger_lines', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('breaks', 'integer', (c) => c.notNull())
    .addColumn('channel_net', 'bigint', (c) => c.notNull())
    .addColumn('ledger_net', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('payments_reconciliation_breaks')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind IN ('missing_in_ledger', 'missing_in_channel', 'amount_mismatch', 'status_mismatch')`,
        ),
    )
    .addColumn('order_id', 'text')
    .addColumn('channel_ref', 'text')
    .addColumn('ledger_transfer_id', 'text')
    .addColumn('channel_amount', 'bigint')
    .addColumn('ledger_amount', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payments_reconciliation_breaks_pk', ['run_id', 'seq'])
    .execute();

  // The simulated bank's own books: kept in the database so its files survive a restart.
  await db.schema
    .createTable('payments_sim_cards')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('card_hash', 'text', (c) => c.notNull().unique())
    .addColumn('bank_code', 'text', (c) => c.notNull())
    .addColumn('last4', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('payments_sim_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('charge', 'payout')`))
    .addColumn('token', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('submitted', 'succeeded', 'failed')`),
    )
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('settle_after', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('business_date', 'date')
    .execute();
  await db.schema
    .createIndex('payments_sim_transactions_date')
    .on('payments_sim_transactions')
    .column('business_date')
    .execute();
  await sql`CREATE INDEX payments_sim_transactions_pending ON payments_sim_transactions (settle_after)
    WHERE status = 'submitted'`.execute(db);
}
