import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import { recordChanges } from './changes.ts';
import type { CustomersError } from './errors.ts';
import type { Actor, CustomerType, Deps } from './model.ts';
import { customersDb } from './schema.ts';

/** What the related customer is to this one. */
export type RelationshipKind = 'spouse' | 'parent' | 'child' | 'employer' | 'employee';
export const RELATIONSHIP_KINDS: readonly RelationshipKind[] = [
  'spouse',
  'parent',
  'child',
  'employer',
  'employee',
];

export const INVERSE: Readonly<Record<RelationshipKind, RelationshipKind>> = {
  spouse: 'spouse',
  parent: 'child',
  child: 'parent',
  employer: 'employee',
  employee: 'employer',
};

/** Family ties are between individuals; employment between a corporate and an individual. */
export function fitsKind(kind: RelationshipKind, customer: CustomerType, related: CustomerType): boolean {
  switch (kind) {
    case 'spouse':
    case 'parent':
    case 'child':
      return customer === 'individual' && related === 'individual';
    case 'employee':
      return customer === 'corporate' && related === 'individual';
    case 'employer':
      return customer === 'individual' && related === 'corporate';
  }
}

export const isFamily = (kind: RelationshipKind) =>
  kind === 'spouse' || kind === 'parent' || kind === 'child';

export interface Relationship {
  kind: RelationshipKind;
  customerId: string;
  customerNo: string;
  name: string;
  type: CustomerType;
  since: Date;
}

export interface Household {
  id: string;
  name: string;
  members: { customerId: string; customerNo: string; name: string }[];
}

export interface CorporateContact {
  corporateId: string;
  corporateName: string;
  individualId: string;
  individualName: string;
  role: string;
  authorisedAt: Date;
  authorisedBy: string | null;
}

/**
 * Puts family members into one household: the first one either already has, or a new one; two
 * households that a new tie joins become one.
 */
export async function joinHousehold(
  trx: Executor,
  a: { id: string; name: string },
  b: { id: string },
  now: Date,
): Promise<void> {
  const q = customersDb(trx);
  const members = await q
    .selectFrom('customers_household_members')
    .selectAll()
    .where('customer_id', 'in', [a.id, b.id])
    .execute();
  const ha = members.find((m) => m.customer_id === a.id)?.household_id;
  const hb = members.find((m) => m.customer_id === b.id)?.household_id;
  if (ha && ha === hb) return;
  if (ha && hb) {
    await q
      .updateTable('customers_household_members')
      .set({ household_id: ha })
      .where('household_id', '=', hb)
      .execute();
    await q.deleteFrom('customers_households').where('id', '=', hb).execute();
    return;
  }
  const household = ha ?? hb ?? newId('hh');
  if (!ha && !hb) {
    await q
      .insertInto('customers_households')
      .values({ id: household, name: `${a.name}家庭`, created_at: now })
      .execute();
  }
  const joining = [a.id, b.id].filter((id) => !members.some((m) => m.customer_id === id));
  await q
    .insertInto('customers_household_members')
    .values(joining.map((id) => ({ customer_id: id, household_id: household, joined_at: now })))
    .execute();
}

export async function addRelationship(
  d: Deps,
  customerId: string,
  input: { relatedId: string; kind: RelationshipKind },
  actor: Actor,
): Promise<Result<Relationship[], CustomersError>> {
  return d.db.transaction().execute(async (trx) => {
    const q = customersDb(trx);
    const parties = await q
      .selectFrom('customers_customers')
      .select(['id', 'name', 'customer_no', 'customer_type', 'status'])
      .where('id', 'in', [customerId, input.relatedId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const self = parties.find((p) => p.id === customerId);
    const other = parties.find((p) => p.id === input.relatedId);
    if (!self) return fail('customer_not_found');
    if (!other || input.relatedId === customerId) return fail('related_customer_not_found');
    if (self.status === 'closed' || other.status === 'closed') return fail('customer_closed');
    if (!fitsKind(input.kind, self.customer_type, other.customer_type))
      return fail(
        'relationship_not_allowed',
        `a ${other.customer_type} cannot be the ${input.kind} of a ${self.customer_type}`,
      );
    const existing = await q
      .selectFrom('customers_relationships')
      .select(['customer_id', 'related_id', 'kind'])
      .where((eb) =>
        eb.or([
          eb.and([eb('customer_id', '=', customerId), eb('related_id', '=', input.relatedId)]),
          eb('kind', '=', 'spouse').and('customer_id', 'in', [customerId, input.relatedId]),
        ]),
      )
      .execute();
    if (existing.some((r) => r.related_id === input.relatedId)) return fail('relationship_exists');
    if (input.kind === 'spouse' && existing.length > 0) return fail('already_has_spouse');
    const now = d.clock.now();
    const by = actor.type === 'staff' ? actor.id : null;
    await q
      .insertInto('customers_relationships')
      .values([
        {
          customer_id: customerId,
          related_id: input.relatedId,
          kind: input.kind,
          created_at: now,
          created_by: by,
        },
        {
          customer_id: input.relatedId,
          related_id: customerId,
          kind: INVERSE[input.kind],
          created_at: now,
          created_by: by,
        },
      ])
      .execute();
    if (isFamily(input.kind)) await joinHousehold(trx, self, other, now);
    await recordChanges(
      trx,
      customerId,
      [{ field: 'relationship', oldValue: null, newValue: `${input.kind} ${other.customer_no}` }],
      actor,
      now,
    );
    await recordChanges(
      trx,
      input.relatedId,
      [{ field: 'relationship', oldValue: null, newValue: `${INVERSE[input.kind]} ${self.customer_no}` }],
      actor,
      now,
    );
    return ok(await listRelationships(trx, customerId));
  });
}

export async function listRelationships(db: Executor, customerId: string): Promise<Relationship[]> {
  const rows = await customersDb(db)
    .selectFrom('customers_relationships as r')
    .innerJoin('customers_customers as c', 'c.id', 'r.related_id')
    .select(['r.kind', 'r.related_id', 'r.created_at', 'c.customer_no', 'c.name', 'c.customer_type'])
    .where('r.customer_id', '=', customerId)
    .orderBy('r.created_at')
    .orderBy('r.related_id')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    customerId: r.related_id,
    customerNo: r.customer_no,
    name: r.name,
    type: r.customer_type,
    since: r.created_at,
  }));
}

export async function householdOf(db: Executor, customerId: string): Promise<Household | null> {
  const q = customersDb(db);
  const membership = await q
    .selectFrom('customers_household_members as m')
    .innerJoin('customers_households as h', 'h.id', 'm.household_id')
    .select(['h.id', 'h.name'])
    .where('m.customer_id', '=', customerId)
    .executeTakeFirst();
  if (!membership) return null;
  const members = await q
    .selectFrom('customers_household_members as m')
    .innerJoin('customers_customers as c', 'c.id', 'm.customer_id')
    .select(['c.id', 'c.customer_no', 'c.name'])
    .where('m.household_id', '=', membership.id)
    .orderBy('m.joined_at')
    .orderBy('c.id')
    .execute();
  return {
    id: membership.id,
    name: membership.name,
    members: members.map((m) => ({ customerId: m.id, customerNo: m.customer_no, name: m.name })),
  };
}

/** Names an individual customer as an authorised contact (经办人/授权联系人) of a corporate. */
export async function addCorporateContact(
  d: Deps,
  corporateId: string,
  input: { individualId: string; role: string },
  actor: Actor,
): Promise<Result<CorporateContact[], CustomersError>> {
  return d.db.transaction().execute(async (trx) => {
    const q = customersDb(trx);
    const parties = await q
      .selectFrom('customers_customers')
      .select(['id', 'customer_type', 'status', 'customer_no'])
      .where('id', 'in', [corporateId, input.individualId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const corporate = parties.find((p) => p.id === corporateId);
    const person = parties.find((p) => p.id === input.individualId);
    if (!corporate) return fail('customer_not_found');
    if (corporate.customer_type !== 'corporate') return fail('not_a_corporate');
    if (!person) return fail('related_customer_not_found');
    if (person.customer_type !== 'individual')
      return fail('not_an_individual', 'a contact is an individual customer');
    if (corporate.status === 'closed' || person.status === 'closed') return fail('customer_closed');
    const now = d.clock.now();
    const inserted = await q
      .insertInto('customers_corporate_contacts')
      .values({
        corporate_id: corporateId,
        individual_id: input.individualId,
        role: input.role,
        authorised_at: now,
        authorised_by: actor.type === 'staff' ? actor.id : null,
      })
      .onConflict((oc) => oc.columns(['corporate_id', 'individual_id']).doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) return fail('contact_exists');
    await recordChanges(
      trx,
      corporateId,
      [{ field: 'contact', oldValue: null, newValue: `${input.role} ${person.customer_no}` }],
      actor,
      now,
    );
    return ok(await listContacts(trx, corporateId));
  });
}

/** A corporate's authorised contacts, or the corporates an individual acts for. */
export async function listContacts(db: Executor, customerId: string): Promise<CorporateContact[]> {
  const rows = await customersDb(db)
    .selectFrom('customers_corporate_contacts as k')
    .innerJoin('customers_customers as corp', 'corp.id', 'k.corporate_id')
    .innerJoin('customers_customers as person', 'person.id', 'k.individual_id')
    .select([
      'k.corporate_id',
      'corp.name as corporate_name',
      'k.individual_id',
      'person.name as individual_name',
      'k.role',
      'k.authorised_at',
      'k.authorised_by',
    ])
    .where((eb) => eb.or([eb('k.corporate_id', '=', customerId), eb('k.individual_id', '=', customerId)]))
    .orderBy('k.authorised_at')
    .execute();
  return rows.map((r) => ({
    corporateId: r.corporate_id,
    corporateName: r.corporate_name,
    individualId: r.individual_id,
    individualName: r.individual_name,
    role: r.role,
    authorisedAt: r.authorised_at,
    authorisedBy: r.authorised_by,
  }));
}
