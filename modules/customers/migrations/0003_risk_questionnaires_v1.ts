import { type Kysely, sql } from 'kysely';
import { CORPORATE_QUESTIONNAIRE_V1 } from '../questionnaires/corporate-v1.ts';
import { INDIVIDUAL_QUESTIONNAIRE_V1 } from '../questionnaires/individual-v1.ts';

/** The first questionnaires, as data. Their files are frozen: a new version is a new file and migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const q of [INDIVIDUAL_QUESTIONNAIRE_V1, CORPORATE_QUESTIONNAIRE_V1]) {
    await sql`INSERT INTO customers_questionnaires (id, customer_type, version, status, definition, created_at)
      VALUES (${q.id}, ${q.customerType}, ${q.version}, 'active', ${JSON.stringify(q)}::jsonb, now())`.execute(
      db,
    );
  }
}
