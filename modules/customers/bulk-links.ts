import { type Executor, newId } from '@onefin/kernel';
import { sql } from 'kysely';
import { activeQuestionnaire } from './assessments.ts';
import type { Actor, Channel, CustomerType, Deps } from './model.ts';
import { type Answer, type Questionnaire, scoreAnswers } from './questionnaire.ts';
import { INVERSE, isFamily, type RelationshipKind } from './relationships.ts';
import { addMonths } from './rules.ts';
import { customersDb } from './schema.ts';

/** A tie the seed knows to be valid (right customer types, one spouse each). */
export interface RelationshipRecord {
  customerId: string;
  relatedId: string;
  kind: RelationshipKind;
}

export interface ContactRecord {
  corporateId: string;
  individualId: string;
  role: string;
}

export interface AssessmentRecord {
  customerId: string;
  answers: Answer[];
  channel?: Channel;
  answeredBy?: Extract<Actor, { type: 'staff' }> | undefined;
  assessedAt?: Date;
}

/** `column = ANY($1)`: one parameter however many ids (IN would take one each, up to 65,535). */
const anyOf = (column: string, ids: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} = ANY(${ids}::text[])`;

function inTransaction<T>(d: Deps, trx: Executor | undefined, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return trx ? fn(trx) : d.db.transaction().execute(fn);
}

/** Disjoint sets over customer ids: which family ties join whom. */
function families(links: readonly RelationshipRecord[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const l of links) {
    parent.set(l.customerId, find(l.customerId));
    parent.set(l.relatedId, find(l.relatedId));
    parent.set(find(l.customerId), find(l.relatedId));
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()];
}

/** Households for many family ties at once: joins existing households, merges those a tie connects. */
async function placeHouseholds(
  trx: Executor,
  links: readonly RelationshipRecord[],
  now: Date,
): Promise<void> {
  const groups = families(links.filter((l) => isFamily(l.kind)));
  if (groups.length === 0) return;
  const q = customersDb(trx);
  const ids = groups.flat();
  const members = await q
    .selectFrom('customers_household_members')
    .selectAll()
    .where(anyOf('customer_id', ids))
    .execute();
  const names = await q
    .selectFrom('customers_customers')
    .select(['id', 'name'])
    .where(anyOf('id', ids))
    .execute();
  const householdOf = new Map(members.map((m) => [m.customer_id, m.household_id]));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const newHouseholds: { id: string; name: string }[] = [];
  const joins: { customer: string; household: string }[] = [];
  const merges: { from: string; to: string }[] = [];
  for (const group of groups) {
    const existing = [...new Set(group.flatMap((id) => householdOf.get(id) ?? []))].sort();
    let target = existing[0];
    if (!target) {
      target = newId('hh');
      newHouseholds.push({ id: target, name: `${nameOf.get(group[0] ?? '') ?? ''}家庭` });
    }
    for (const other of existing.slice(1)) merges.push({ from: other, to: target });
    for (const id of group) if (!householdOf.has(id)) joins.push({ customer: id, household: target });
  }
  if (newHouseholds.length > 0)
    await sql`INSERT INTO customers_households (id, name, created_at)
      SELECT id, name, ${now}::timestamptz FROM unnest(${newHouseholds.map((h) => h.id)}::text[],
        ${newHouseholds.map((h) => h.name)}::text[]) AS u(id, name)`.execute(trx);
  for (const m of merges) {
    await q
      .updateTable('customers_household_members')
      .set({ household_id: m.to })
      .where('household_id', '=', m.from)
      .execute();
    await q.deleteFrom('customers_households').where('id', '=', m.from).execute();
  }
  if (joins.length > 0)
    await sql`INSERT INTO customers_household_members (customer_id, household_id, joined_at)
      SELECT customer_id, household_id, ${now}::timestamptz FROM unnest(${joins.map((j) => j.customer)}::text[],
        ${joins.map((j) => j.household)}::text[]) AS u(customer_id, household_id)`.execute(trx);
}

/** Many ties at once, each stored both ways; family ties also fill households. A repeated tie is skipped. */
export async function addRelationshipsBulk(
  d: Deps,
  links: readonly RelationshipRecord[],
  trx?: Executor,
): Promise<void> {
  if (links.length === 0) return;
  await inTransaction(d, trx, async (t) => {
    const now = d.clock.now();
    const both = links.flatMap((l) => [
      l,
      { customerId: l.relatedId, relatedId: l.customerId, kind: INVERSE[l.kind] },
    ]);
    await sql`INSERT INTO customers_relationships (customer_id, related_id, kind, created_at, created_by)
      SELECT customer_id, related_id, kind, ${now}::timestamptz, NULL FROM unnest(
        ${both.map((l) => l.customerId)}::text[], ${both.map((l) => l.relatedId)}::text[],
        ${both.map((l) => l.kind)}::text[]) AS u(customer_id, related_id, kind)
      ON CONFLICT (customer_id, related_id) DO NOTHING`.execute(t);
    await placeHouseholds(t, links, now);
  });
}

export async function addCorporateContactsBulk(
  d: Deps,
  contacts: readonly ContactRecord[],
  trx?: Executor,
): Promise<void> {
  if (contacts.length === 0) return;
  await sql`INSERT INTO customers_corporate_contacts (corporate_id, individual_id, role, authorised_at, authorised_by)
    SELECT corporate_id, individual_id, role, ${d.clock.now()}::timestamptz, NULL FROM unnest(
      ${contacts.map((c) => c.corporateId)}::text[], ${contacts.map((c) => c.individualId)}::text[],
      ${contacts.map((c) => c.role)}::text[]) AS u(corporate_id, individual_id, role)
    ON CONFLICT (corporate_id, individual_id) DO NOTHING`.execute(trx ?? d.db);
}

/**
 * Many answered questionnaires at once, scored against the current questionnaire of each customer's
 * type. Answers that do not fit are a bug in the caller and throw.
 */
export async function recordAssessmentsBulk(
  d: Deps,
  records: readonly AssessmentRecord[],
  trx?: Executor,
): Promise<void> {
  if (records.length === 0) return;
  const db = trx ?? d.db;
  const types = await customersDb(db)
    .selectFrom('customers_customers')
    .select(['id', 'customer_type'])
    .where(anyOf('id', [...new Set(records.map((r) => r.customerId))]))
    .execute();
  const typeOf = new Map(types.map((t) => [t.id, t.customer_type]));
  const questionnaires = new Map<CustomerType, Questionnaire>();
  for (const type of new Set(typeOf.values())) questionnaires.set(type, await activeQuestionnaire(db, type));
  const rows = records.map((r) => {
    const type = typeOf.get(r.customerId);
    const questionnaire = type ? questionnaires.get(type) : undefined;
    if (!questionnaire) throw new RangeError(`bulk assessment: unknown customer ${r.customerId}`);
    const scored = scoreAnswers(questionnaire, r.answers);
    if (!scored.ok) throw new RangeError(`bulk assessment of ${r.customerId}: ${scored.detail}`);
    const at = r.assessedAt ?? d.clock.now();
    return {
      r,
      questionnaire,
      scored: scored.value,
      at,
      expires: addMonths(at, d.settings.assessmentValidityMonths),
    };
  });
  await sql`INSERT INTO customers_risk_assessments (id, customer_id, questionnaire_id, answers, score, risk_level,
      capped_by, channel, answered_by_type, answered_by, assessed_at, expires_at)
    SELECT id, customer_id, questionnaire_id, answers::jsonb, score, risk_level, capped_by, channel,
      answered_by_type, answered_by, assessed_at, expires_at
    FROM unnest(
      ${rows.map(() => newId('ra'))}::text[], ${rows.map((x) => x.r.customerId)}::text[],
      ${rows.map((x) => x.questionnaire.id)}::text[], ${rows.map((x) => JSON.stringify(x.r.answers))}::text[],
      ${rows.map((x) => x.scored.score)}::int[], ${rows.map((x) => x.scored.level)}::text[],
      ${rows.map((x) => x.scored.cappedBy)}::text[], ${rows.map((x) => x.r.channel ?? 'web')}::text[],
      ${rows.map((x) => (x.r.answeredBy ? 'staff' : 'customer'))}::text[],
      ${rows.map((x) => x.r.answeredBy?.id ?? x.r.customerId)}::text[],
      ${rows.map((x) => x.at.toISOString())}::timestamptz[], ${rows.map((x) => x.expires.toISOString())}::timestamptz[]
    ) AS u(id, customer_id, questionnaire_id, answers, score, risk_level, capped_by, channel, answered_by_type,
      answered_by, assessed_at, expires_at)`.execute(db);
}
