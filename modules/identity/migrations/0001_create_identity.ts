import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_customer_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mobile_hash', 'text', (c) => c.notNull().unique())
    .addColumn('mobile_enc', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('password_changed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('identity_staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('active', 'disabled')`))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('identity_staff_roles')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('identity_staff.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('approval_id', 'text')
    .addPrimaryKeyConstraint('identity_staff_roles_pk', ['staff_id', 'role'])
    .execute();
  await db.schema
    .createTable('identity_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('realm', 'text', (c) => c.notNull().check(sql`realm IN ('customer', 'staff')`))
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema
    .createIndex('identity_sessions_principal')
    .on('identity_sessions')
    .columns(['principal_id'])
    .execute();
  await db.schema
    .createTable('identity_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('required_permission', 'text', (c) => c.notNull())
    .addColumn('maker_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('pending', 'approved', 'rejected', 'failed')`),
    )
    .addColumn('checker_id', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // the rule itself, in the database: nobody checks their own proposal
    .addCheckConstraint('identity_approvals_four_eyes', sql`checker_id IS NULL OR checker_id <> maker_id`)
    .execute();
  await db.schema
    .createIndex('identity_approvals_status')
    .on('identity_approvals')
    .columns(['status', 'created_at'])
    .execute();
}
