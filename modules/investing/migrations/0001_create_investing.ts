import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('investing_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_code', 'text', (c) => c.notNull())
    // Copied at placement, so the history reads right after a rename and lists need no lookup.
    .addColumn('product_name_zh', 'text', (c) => c.notNull())
    .addColumn('product_name_en', 'text', (c) => c.notNull())
    .addColumn('product_kind', 'text', (c) => c.notNull())
    .addColumn('order_type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`order_type IN ('subscribe', 'redeem', 'wealth_buy', 'wealth_maturity', 'deposit_open', 'deposit_withdraw', 'deposit_maturity')`,
        ),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status IN ('submitted', 'awaiting_customer', 'pending', 'confirmed', 'failed', 'cancelled', 'refused')`,
        ),
    )
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel IN ('web', 'app', 'phone', 'agent', 'corporate', 'branch', 'system')`),
    )
    .addColumn('staff_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.check(sql`amount > 0`))
    .addColumn('shares', 'bigint', (c) => c.check(sql`shares >= 0`))
    .addColumn('trade_date', 'date')
    .addColumn('confirm_date', 'date')
    .addColumn('nav', 'text')
    .addColumn('fee', 'bigint', (c) => c.check(sql`fee >= 0`))
    .addColumn('refund', 'bigint', (c) => c.check(sql`refund >= 0`))
    .addColumn('proceeds', 'bigint', (c) => c.check(sql`proceeds >= 0`))
    .addColumn('failure_reason', 'text')
    .addColumn('cooling_off_until', 'timestamptz')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint(
      'investing_orders_completed',
      sql`(status IN ('confirmed', 'failed', 'cancelled', 'refused')) = (completed_at IS NOT NULL)`,
    )
    .addCheckConstraint('investing_orders_redeem_shares', sql`order_type <> 'redeem' OR shares > 0`)
    .addCheckConstraint('investing_orders_buy_amount', sql`order_type = 'redeem' OR amount IS NOT NULL`)
    // The caller's Idempotency-Key: a retry finds the order instead of placing a second one.
    .addUniqueConstraint('investing_orders_idempotency', ['customer_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('investing_orders_customer')
    .on('investing_orders')
    .columns(['customer_id', 'id'])
    .execute();
  // The end-of-day job reads only what is still open, by trade date.
  await sql`CREATE INDEX investing_orders_open ON investing_orders (trade_date, id)
    WHERE status IN ('submitted', 'awaiting_customer', 'pending')`.execute(db);
  await db.schema
    .createIndex('investing_orders_staff')
    .on('investing_orders')
    .columns(['staff_id', 'id'])
    .execute();

  await db.schema
    .createTable('investing_order_events')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('investing_order_events_pk', ['order_id', 'status'])
    .execute();

  await db.schema
    .createTable('investing_positions')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_kind', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('shares', 'bigint', (c) => c.notNull().check(sql`shares >= 0`))
    .addColumn('frozen', 'bigint', (c) => c.notNull().check(sql`frozen >= 0`))
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .addColumn('realised_gain', 'bigint', (c) => c.notNull())
    .addColumn('income', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('investing_positions_pk', ['customer_id', 'product_id'])
    // Pending redemptions can never reserve more shares than are held.
    .addCheckConstraint('investing_positions_frozen', sql`frozen <= shares`)
    .execute();
  await db.schema
    .createIndex('investing_positions_product')
    .on('investing_positions')
    .columns(['product_id'])
    .execute();

  await db.schema
    .createTable('investing_lots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.unique())
    .addColumn('acquired_on', 'date', (c) => c.notNull())
    .addColumn('shares', 'bigint', (c) => c.notNull().check(sql`shares >= 0`))
    .addColumn('remaining', 'bigint', (c) => c.notNull().check(sql`remaining >= 0`))
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .addColumn('remaining_cost', 'bigint', (c) => c.notNull())
    .addColumn('maturity_date', 'date')
    // Time deposits: roll principal and interest into a new term at maturity.
    .addColumn('renew', 'boolean', (c) => c.notNull().defaultTo(false))
    .addCheckConstraint('investing_lots_remaining', sql`remaining <= shares`)
    .execute();
  await db.schema
    .createIndex('investing_lots_holding')
    .on('investing_lots')
    .columns(['customer_id', 'product_id', 'acquired_on'])
    .execute();
  await sql`CREATE INDEX investing_lots_maturing ON investing_lots (maturity_date)
    WHERE maturity_date IS NOT NULL AND remaining > 0`.execute(db);

  await db.schema
    .createTable('investing_quotas')
    .addColumn('product_id', 'text', (c) => c.primaryKey())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('sold', 'bigint', (c) => c.notNull().check(sql`sold >= 0`))
    // The product's size is a hard limit: a sale that would pass it is refused by the database too.
    .addCheckConstraint('investing_quotas_size', sql`sold <= size`)
    .execute();

  await db.schema
    .createTable('investing_income_days')
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('income_date', 'date', (c) => c.notNull())
    .addColumn('holdings', 'integer', (c) => c.notNull())
    .addColumn('income', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('investing_income_days_pk', ['product_id', 'income_date'])
    .execute();

  await db.schema
    .createTable('investing_eod_runs')
    .addColumn('trade_date', 'date', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('running', 'completed', 'incomplete')`),
    )
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('report', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'investing_eod_runs',
    'investing_income_days',
    'investing_quotas',
    'investing_lots',
    'investing_positions',
    'investing_order_events',
    'investing_orders',
  ])
    await db.schema.dropTable(t).execute();
}
