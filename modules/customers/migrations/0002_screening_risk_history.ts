import { type Kysely, sql } from 'kysely';

const id = sql`text COLLATE "C"`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers_watchlist')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('list_kind', 'text', (c) => c.notNull().check(sql`list_kind IN ('pep', 'sanctions')`))
    .addColumn('entity_type', 'text', (c) =>
      c.notNull().check(sql`entity_type IN ('person', 'organisation')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'date')
    .addColumn('nationality', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('added_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customers_watchlist_name_key')
    .on('customers_watchlist')
    .column('name_key')
    .execute();

  await db.schema
    .createTable('customers_screenings')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('customer_id', id, (c) => c.notNull())
    .addColumn('trigger', 'text', (c) =>
      c.notNull().check(sql`trigger IN ('onboarding', 'on_demand', 'profile_change', 'watchlist_update')`),
    )
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result IN ('clear', 'potential_match')`))
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('screened_by', 'text')
    .addColumn('screened_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customers_screenings_customer')
    .on('customers_screenings')
    .columns(['customer_id', 'screened_at'])
    .execute();

  await db.schema
    .createTable('customers_screening_hits')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('customer_id', id, (c) => c.notNull())
    .addColumn('entry_id', id, (c) => c.notNull())
    .addColumn('screening_id', id, (c) => c.notNull())
    .addColumn('matched_on', 'text', (c) =>
      c.notNull().check(sql`matched_on IN ('name', 'name_and_birth_date')`),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'dismissed', 'confirmed')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolution_note', 'text')
    .addCheckConstraint('customers_screening_hits_resolved', sql`(status = 'open') = (resolved_at IS NULL)`)
    // A match is raised once per customer and entry: a dismissed false positive stays dismissed.
    .addUniqueConstraint('customers_screening_hits_once', ['customer_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('customers_questionnaires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_type', 'text', (c) =>
      c.notNull().check(sql`customer_type IN ('individual', 'corporate')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active', 'retired')`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('customers_questionnaires_version', ['customer_type', 'version'])
    .execute();
  await sql`CREATE UNIQUE INDEX customers_questionnaires_one_active ON customers_questionnaires (customer_type)
    WHERE status = 'active'`.execute(db);

  await db.schema
    .createTable('customers_risk_assessments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('customer_id', id, (c) => c.notNull())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) =>
      c.notNull().check(sql`risk_level IN ('C1', 'C2', 'C3', 'C4', 'C5')`),
    )
    .addColumn('capped_by', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('answered_by_type', 'text', (c) =>
      c.notNull().check(sql`answered_by_type IN ('customer', 'staff', 'system')`),
    )
    .addColumn('answered_by', 'text')
    .addColumn('assessed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('customers_risk_assessments_expiry', sql`expires_at > assessed_at`)
    .execute();
  // The current assessment is the latest: suitability reads it on every order.
  await sql`CREATE INDEX customers_risk_assessments_latest
    ON customers_risk_assessments (customer_id, assessed_at DESC, id DESC)`.execute(db);

  await db.schema
    .createTable('customers_profile_changes')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('customer_id', id, (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_by_type', 'text', (c) =>
      c.notNull().check(sql`changed_by_type IN ('customer', 'staff', 'system')`),
    )
    .addColumn('changed_by', 'text')
    .addColumn('channel', 'text')
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customers_profile_changes_customer')
    .on('customers_profile_changes')
    .columns(['customer_id', 'id'])
    .execute();
}
