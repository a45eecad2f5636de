import { type Kysely, sql } from 'kysely';

/** Ids compare byte-wise (as the ledger's do since its 0004): opaque keys, never sorted for people. */
const id = sql`text COLLATE "C"`;
const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} IN (${sql.join(values.map((v) => sql.lit(v)))})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Customer numbers (客户号): 10 digits, from one sequence for both kinds.
  await sql`CREATE SEQUENCE customers_customer_no_seq START 1000000001`.execute(db);
  await db.schema
    .createTable('customers_customers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('customer_no', 'text', (c) =>
      c.notNull().unique().defaultTo(sql`nextval('customers_customer_no_seq')::text`),
    )
    .addColumn('customer_type', 'text', (c) =>
      c.notNull().check(inList('customer_type', ['individual', 'corporate'])),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['prospect', 'active', 'dormant', 'closed'])),
    )
    .addColumn('kyc_status', 'text', (c) =>
      c
        .notNull()
        .check(inList('kyc_status', ['not_started', 'pending', 'under_review', 'verified', 'rejected'])),
    )
    .addColumn('real_name_status', 'text', (c) =>
      c.notNull().check(inList('real_name_status', ['unverified', 'verified', 'failed'])),
    )
    .addColumn('screening_status', 'text', (c) =>
      c
        .notNull()
        .check(inList('screening_status', ['not_screened', 'clear', 'potential_match', 'confirmed_match'])),
    )
    .addColumn('screened_at', 'timestamptz')
    .addColumn('opened_channel', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('customers_customers_name_key')
    .on('customers_customers')
    .column('name_key')
    .execute();

  await db.schema
    .createTable('customers_individuals')
    .addColumn('customer_id', id, (c) => c.primaryKey())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('gender', 'text', (c) => c.check(sql`gender IN ('male', 'female')`))
    .addColumn('birth_date', 'date')
    .addColumn('mobile_enc', 'text', (c) => c.notNull())
    .addColumn('mobile_hash', 'text', (c) => c.notNull())
    .addColumn('mobile_masked', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('province_code', 'text')
    .addColumn('city', 'text')
    .addColumn('address', 'text')
    .addColumn('occupation', 'text')
    .addColumn('income_band', 'text')
    // the three copies of the ID number come and go together
    .addCheckConstraint(
      'customers_individuals_id_number',
      sql`(id_number_enc IS NULL) = (id_number_hash IS NULL) AND (id_number_hash IS NULL) = (id_number_masked IS NULL)`,
    )
    .execute();
  // One person, one customer: an ID number belongs to one record.
  await db.schema
    .createIndex('customers_individuals_id_number_hash')
    .on('customers_individuals')
    .column('id_number_hash')
    .unique()
    .execute();
  // A family may share a phone: not unique, only found by it.
  await db.schema
    .createIndex('customers_individuals_mobile_hash')
    .on('customers_individuals')
    .column('mobile_hash')
    .execute();
  await db.schema
    .createIndex('customers_individuals_mobile_masked')
    .on('customers_individuals')
    .column('mobile_masked')
    .execute();

  await db.schema
    .createTable('customers_corporates')
    .addColumn('customer_id', id, (c) => c.primaryKey())
    .addColumn('uscc', 'text', (c) => c.notNull().unique())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull().check(sql`size IN ('micro', 'small', 'medium', 'large')`))
    .addColumn('legal_representative', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('city', 'text')
    .addColumn('address', 'text')
    .execute();

  await db.schema
    .createTable('customers_relationships')
    .addColumn('customer_id', id, (c) => c.notNull())
    .addColumn('related_id', id, (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['spouse', 'parent', 'child', 'employer', 'employee'])),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('customers_relationships_pk', ['customer_id', 'related_id'])
    .addCheckConstraint('customers_relationships_not_self', sql`customer_id <> related_id`)
    .execute();
  await sql`CREATE UNIQUE INDEX customers_relationships_one_spouse ON customers_relationships (customer_id)
    WHERE kind = 'spouse'`.execute(db);

  await db.schema
    .createTable('customers_households')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('customers_household_members')
    .addColumn('customer_id', id, (c) => c.primaryKey())
    .addColumn('household_id', id, (c) => c.notNull())
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customers_household_members_household')
    .on('customers_household_members')
    .column('household_id')
    .execute();

  await db.schema
    .createTable('customers_corporate_contacts')
    .addColumn('corporate_id', id, (c) => c.notNull())
    .addColumn('individual_id', id, (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('authorised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('authorised_by', 'text')
    .addPrimaryKeyConstraint('customers_corporate_contacts_pk', ['corporate_id', 'individual_id'])
    .execute();
  await db.schema
    .createIndex('customers_corporate_contacts_individual')
    .on('customers_corporate_contacts')
    .column('individual_id')
    .execute();

  await db.schema
    .createTable('customers_kyc_documents')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('customer_id', id, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('recorded_by_type', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customers_kyc_documents_customer')
    .on('customers_kyc_documents')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('customers_verifications')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('customer_id', id, (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome IN ('match', 'mismatch', 'not_found')`),
    )
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('requested_by_type', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customers_verifications_customer')
    .on('customers_verifications')
    .columns(['customer_id', 'at'])
    .execute();
}
