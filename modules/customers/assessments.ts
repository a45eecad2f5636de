import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import { sql } from 'kysely';
import type { CustomersError } from './errors.ts';
import type { Actor, Channel, CustomerType, Deps, RiskLevel, SuitabilityProfile } from './model.ts';
import { type Answer, checkQuestionnaire, type Questionnaire, scoreAnswers } from './questionnaire.ts';
import { addMonths } from './rules.ts';
import { type AssessmentRow, customersDb } from './schema.ts';

/** One answered questionnaire: the level it gave, who answered, through which channel, until when. */
export interface RiskAssessment {
  id: string;
  customerId: string;
  questionnaireId: string;
  answers: Answer[];
  score: number;
  riskLevel: RiskLevel;
  cappedBy: string | null;
  channel: Channel;
  answeredByType: Actor['type'];
  answeredBy: string | null;
  assessedAt: Date;
  expiresAt: Date;
}

export function toAssessment(r: AssessmentRow): RiskAssessment {
  return {
    id: r.id,
    customerId: r.customer_id,
    questionnaireId: r.questionnaire_id,
    answers: r.answers as Answer[],
    score: r.score,
    riskLevel: r.risk_level,
    cappedBy: r.capped_by,
    channel: r.channel as Channel,
    answeredByType: r.answered_by_type,
    answeredBy: r.answered_by,
    assessedAt: r.assessed_at,
    expiresAt: r.expires_at,
  };
}

/** JSONB arrives parsed from pg and PGlite alike; a string would mean a text column somewhere. */
const definitionOf = (value: unknown): Questionnaire =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Questionnaire;

export async function activeQuestionnaire(db: Executor, type: CustomerType): Promise<Questionnaire> {
  const row = await customersDb(db)
    .selectFrom('customers_questionnaires')
    .select('definition')
    .where('customer_type', '=', type)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return definitionOf(row.definition);
}

export async function findQuestionnaire(
  db: Executor,
  id: string,
): Promise<{ questionnaire: Questionnaire; isActive: boolean } | undefined> {
  const row = await customersDb(db)
    .selectFrom('customers_questionnaires')
    .select(['definition', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { questionnaire: definitionOf(row.definition), isActive: row.status === 'active' } : undefined;
}

/** Scores the answers to the current questionnaire and records the result, valid for the set months. */
export async function submitAssessment(
  d: Deps,
  customerId: string,
  input: { questionnaireId: string; answers: Answer[] },
  actor: Actor,
): Promise<Result<RiskAssessment, CustomersError>> {
  const q = customersDb(d.db);
  const customer = await q
    .selectFrom('customers_customers')
    .select(['customer_type', 'status'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) return fail('customer_not_found');
  if (customer.status === 'closed') return fail('customer_closed');
  const found = await findQuestionnaire(d.db, input.questionnaireId);
  if (!found || found.questionnaire.customerType !== customer.customer_type)
    return fail('questionnaire_not_found');
  if (!found.isActive) return fail('questionnaire_outdated');
  const scored = scoreAnswers(found.questionnaire, input.answers);
  if (!scored.ok) return scored;
  const now = d.clock.now();
  const row = await q
    .insertInto('customers_risk_assessments')
    .values({
      id: newId('ra'),
      customer_id: customerId,
      questionnaire_id: found.questionnaire.id,
      answers: JSON.stringify(input.answers),
      score: scored.value.score,
      risk_level: scored.value.level,
      capped_by: scored.value.cappedBy,
      channel: actor.channel ?? 'branch',
      answered_by_type: actor.type,
      answered_by: actor.type === 'system' ? null : actor.id,
      assessed_at: now,
      expires_at: addMonths(now, d.settings.assessmentValidityMonths),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return ok(toAssessment(row));
}

/** The latest assessment (whether expired or not) and every one before it, newest first. */
export async function riskHistory(db: Executor, customerId: string): Promise<RiskAssessment[]> {
  const rows = await customersDb(db)
    .selectFrom('customers_risk_assessments')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('assessed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toAssessment);
}

/** What suitability decides on; one indexed read (the latest assessment) joined to the customer. */
export async function suitabilityProfile(
  db: Executor,
  customerId: string,
): Promise<SuitabilityProfile | undefined> {
  return (await suitabilityProfiles(db, [customerId])).get(customerId);
}

/** Many customers' facts in one query (concurrent orders ask for them together). */
export async function suitabilityProfiles(
  db: Executor,
  customerIds: readonly string[],
): Promise<Map<string, SuitabilityProfile>> {
  const { rows } = await sql<{
    id: string;
    customer_type: 'individual' | 'corporate';
    status: SuitabilityProfile['status'];
    kyc_status: SuitabilityProfile['kycStatus'];
    risk_level: RiskLevel | null;
    assessed_at: Date | null;
    expires_at: Date | null;
  }>`
    SELECT c.id, c.customer_type, c.status, c.kyc_status, a.risk_level, a.assessed_at, a.expires_at
    FROM customers_customers c
    LEFT JOIN LATERAL (
      SELECT risk_level, assessed_at, expires_at FROM customers_risk_assessments
      WHERE customer_id = c.id ORDER BY assessed_at DESC, id DESC LIMIT 1
    ) a ON true
    WHERE c.id = ANY(${[...customerIds]}::text[])`.execute(db);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        customerId: r.id,
        customerType: r.customer_type,
        status: r.status,
        kycStatus: r.kyc_status,
        riskLevel: r.risk_level,
        assessedAt: r.assessed_at ? new Date(r.assessed_at) : null,
        expiresAt: r.expires_at ? new Date(r.expires_at) : null,
      },
    ]),
  );
}

/**
 * Publishes a new questionnaire version for its customer type; the previous one retires, and
 * answers to it are refused from then on (assessments already made keep their expiry).
 */
export async function publishQuestionnaire(
  d: Deps,
  questionnaire: Questionnaire,
): Promise<Result<Questionnaire, CustomersError>> {
  const problems = checkQuestionnaire(questionnaire);
  if (problems.length > 0) return fail('invalid_questionnaire', problems.join('; '));
  return d.db.transaction().execute(async (trx) => {
    const q = customersDb(trx);
    const latest = await q
      .selectFrom('customers_questionnaires')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('customer_type', '=', questionnaire.customerType)
      .executeTakeFirst();
    if (questionnaire.version <= Number(latest?.version ?? 0))
      return fail('invalid_questionnaire', `version must be above ${latest?.version}`);
    await q
      .updateTable('customers_questionnaires')
      .set({ status: 'retired' })
      .where('customer_type', '=', questionnaire.customerType)
      .where('status', '=', 'active')
      .execute();
    await q
      .insertInto('customers_questionnaires')
      .values({
        id: questionnaire.id,
        customer_type: questionnaire.customerType,
        version: questionnaire.version,
        status: 'active',
        definition: JSON.stringify(questionnaire),
        created_at: d.clock.now(),
      })
      .execute();
    return ok(questionnaire);
  });
}
