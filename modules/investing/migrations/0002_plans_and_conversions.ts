import { type Kysely, sql } from 'kysely';

/**
 * Fund conversions (an order out of one fund and one into another of the same company), regular
 * investment plans (定投) with a record of every run, placed or skipped, the index the sales
 * ledger reads orders by, and the daily portfolio values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE investing_orders
    DROP CONSTRAINT investing_orders_order_type_check,
    ADD CONSTRAINT investing_orders_order_type_check CHECK (order_type IN ('subscribe', 'redeem',
      'convert_out', 'convert_in', 'wealth_buy', 'wealth_maturity', 'deposit_open', 'deposit_withdraw',
      'deposit_maturity')),
    DROP CONSTRAINT investing_orders_redeem_shares,
    ADD CONSTRAINT investing_orders_redeem_shares CHECK (order_type NOT IN ('redeem', 'convert_out') OR shares > 0),
    DROP CONSTRAINT investing_orders_buy_amount,
    ADD CONSTRAINT investing_orders_buy_amount CHECK (order_type IN ('redeem', 'convert_out') OR amount IS NOT NULL)`.execute(
    db,
  );

  // The sales ledger reads orders by when they were placed.
  await db.schema
    .createIndex('investing_orders_created')
    .on('investing_orders')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('investing_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('product_name_zh', 'text', (c) => c.notNull())
    .addColumn('product_name_en', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('frequency', 'text', (c) =>
      c.notNull().check(sql`frequency IN ('weekly', 'biweekly', 'monthly')`),
    )
    // Weekly and biweekly: ISO weekday 1–5; monthly: day of month 1–28 (every month has it).
    .addColumn('run_day', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active', 'paused', 'stopped')`))
    .addColumn('next_run_on', 'date', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'investing_plans_run_day',
      sql`(frequency = 'monthly' AND run_day BETWEEN 1 AND 28) OR (frequency <> 'monthly' AND run_day BETWEEN 1 AND 5)`,
    )
    .addUniqueConstraint('investing_plans_idempotency', ['customer_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('investing_plans_customer')
    .on('investing_plans')
    .columns(['customer_id', 'id'])
    .execute();
  // The worker reads only the active plans that are due.
  await sql`CREATE INDEX investing_plans_due ON investing_plans (next_run_on, id) WHERE status = 'active'`.execute(
    db,
  );

  await db.schema
    .createTable('investing_plan_runs')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('placed', 'skipped')`))
    .addColumn('order_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    // One run per plan and due date: a rerun after a crash records nothing twice.
    .addPrimaryKeyConstraint('investing_plan_runs_pk', ['plan_id', 'due_on'])
    .execute();

  // Each customer's portfolio at a trade date's close, written by that date's end of day: what the
  // value history and the time- and money-weighted returns are computed from.
  await db.schema
    .createTable('investing_portfolio_days')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('value_date', 'date', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('market_value', 'bigint', (c) => c.notNull())
    .addColumn('net_invested', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('investing_portfolio_days_pk', ['customer_id', 'currency', 'value_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('investing_portfolio_days').execute();
  await db.schema.dropTable('investing_plan_runs').execute();
  await db.schema.dropTable('investing_plans').execute();
  await db.schema.dropIndex('investing_orders_created').execute();
  await sql`ALTER TABLE investing_orders
    DROP CONSTRAINT investing_orders_order_type_check,
    ADD CONSTRAINT investing_orders_order_type_check CHECK (order_type IN ('subscribe', 'redeem',
      'wealth_buy', 'wealth_maturity', 'deposit_open', 'deposit_withdraw', 'deposit_maturity')),
    DROP CONSTRAINT investing_orders_redeem_shares,
    ADD CONSTRAINT investing_orders_redeem_shares CHECK (order_type <> 'redeem' OR shares > 0),
    DROP CONSTRAINT investing_orders_buy_amount,
    ADD CONSTRAINT investing_orders_buy_amount CHECK (order_type = 'redeem' OR amount IS NOT NULL)`.execute(
    db,
  );
}
