import { type Kysely, sql } from 'kysely';

const MODELS = `'credit', 'marketing'`;
const STATUSES = `'trained', 'validated', 'active', 'retired'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every trained version with what it learned from and how it did; artifacts are never edited.
  await db.schema
    .createTable('models_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('model', 'text', (c) => c.notNull().check(sql.raw(`model IN (${MODELS})`)))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status IN (${STATUSES})`)))
    .addColumn('training_sha256', 'text', (c) => c.notNull().check(sql`training_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('training_rows', 'integer', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('features', sql`text[]`, (c) => c.notNull())
    .addColumn('hyper_params', 'jsonb', (c) => c.notNull())
    // Null when trained without cross-validation (a quick `score` on a fresh clone): it cannot be validated.
    .addColumn('metrics', 'jsonb')
    .addColumn('folds', 'jsonb')
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('report', 'jsonb')
    .addColumn('artifact', 'jsonb', (c) => c.notNull())
    .addColumn('trained_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('validated_by', 'text')
    .addColumn('validated_at', 'timestamptz')
    .addColumn('activation_approval_id', 'text')
    .addColumn('activated_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('models_versions_number', ['model', 'version'])
    .addCheckConstraint('models_versions_activated', sql`(status = 'active') <= (activated_at IS NOT NULL)`)
    .execute();
  // At most one version decides for each model.
  await sql`CREATE UNIQUE INDEX models_versions_one_active ON models_versions (model) WHERE status = 'active'`.execute(
    db,
  );

  // What the models read about each individual customer, one row per customer (the feature store).
  await db.schema
    .createTable('models_customer_features')
    .addColumn('customer_id', 'text', (c) => c.primaryKey())
    .addColumn('credit', 'jsonb')
    .addColumn('marketing', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // The active version's latest score of each customer, rescored when features or the version change.
  await db.schema
    .createTable('models_customer_scores')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull().check(sql.raw(`model IN (${MODELS})`)))
    .addColumn('version_id', 'text', (c) => c.notNull().references('models_versions.id'))
    .addColumn('probability', 'float8', (c) => c.notNull().check(sql`probability BETWEEN 0 AND 1`))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('scored_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('models_customer_scores_pk', ['model', 'customer_id'])
    .execute();
  await sql`CREATE INDEX models_customer_scores_rank ON models_customer_scores (model, score DESC, customer_id)`.execute(
    db,
  );

  // Every decision a model took, with the version that took it.
  await db.schema
    .createTable('models_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('model', 'text', (c) => c.notNull().check(sql.raw(`model IN (${MODELS})`)))
    .addColumn('version_id', 'text', (c) => c.notNull().references('models_versions.id'))
    .addColumn('subject_type', 'text', (c) =>
      c.notNull().check(sql`subject_type IN ('applicant', 'customer')`),
    )
    .addColumn('subject_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('input', 'jsonb', (c) => c.notNull())
    .addColumn('probability', 'float8', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('models_decisions_version')
    .on('models_decisions')
    .columns(['version_id', 'decided_at'])
    .execute();
}
