import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import type { CustomersError } from './errors.ts';
import { refreshKyc } from './kyc.ts';
import type { Actor, CustomerType, Deps, Page, ScreeningStatus } from './model.ts';
import { loadRows } from './records.ts';
import { nameKey } from './rules.ts';
import { customersDb, type HitRow, type WatchlistRow } from './schema.ts';

export type ScreeningTrigger = 'onboarding' | 'on_demand' | 'profile_change' | 'watchlist_update';

/** A PEP or sanctions list entry. */
export interface WatchlistEntry {
  id: string;
  listKind: 'pep' | 'sanctions';
  entityType: 'person' | 'organisation';
  name: string;
  birthDate: string | null;
  nationality: string | null;
  source: string;
  note: string | null;
  addedBy: string | null;
  createdAt: Date;
}

export type NewWatchlistEntry = Pick<WatchlistEntry, 'listKind' | 'entityType' | 'name' | 'source'> &
  Partial<Pick<WatchlistEntry, 'birthDate' | 'nationality' | 'note'>>;

/** A customer matched an entry; staff review it: dismissed (false positive) or confirmed. */
export interface ScreeningHit {
  id: string;
  customerId: string;
  entry: WatchlistEntry;
  matchedOn: 'name' | 'name_and_birth_date';
  status: 'open' | 'dismissed' | 'confirmed';
  createdAt: Date;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionNote: string | null;
}

export interface Screening {
  id: string;
  customerId: string;
  trigger: ScreeningTrigger;
  result: 'clear' | 'potential_match';
  hits: number;
  screenedBy: string | null;
  screenedAt: Date;
}

export function toEntry(r: WatchlistRow): WatchlistEntry {
  return {
    id: r.id,
    listKind: r.list_kind,
    entityType: r.entity_type,
    name: r.name,
    birthDate: r.birth_date,
    nationality: r.nationality,
    source: r.source,
    note: r.note,
    addedBy: r.added_by,
    createdAt: r.created_at,
  };
}

export function toHit(r: HitRow, entry: WatchlistRow): ScreeningHit {
  return {
    id: r.id,
    customerId: r.customer_id,
    entry: toEntry(entry),
    matchedOn: r.matched_on,
    status: r.status,
    createdAt: r.created_at,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    resolutionNote: r.resolution_note,
  };
}

/**
 * Whether an entry matches a customer: same normalised name and kind of party, and birth dates that
 * do not contradict each other (a differing known birth date rules the namesake out).
 */
export function matchEntry(
  entry: Pick<WatchlistRow, 'name_key' | 'entity_type' | 'birth_date'>,
  customer: { nameKey: string; type: CustomerType; birthDate: string | null },
): 'name' | 'name_and_birth_date' | undefined {
  if (entry.name_key !== customer.nameKey) return undefined;
  if (entry.entity_type !== (customer.type === 'individual' ? 'person' : 'organisation')) return undefined;
  if (entry.birth_date && customer.birthDate) {
    return entry.birth_date === customer.birthDate ? 'name_and_birth_date' : undefined;
  }
  return 'name';
}

/** Overall screening state from every hit the customer ever had. */
export function screeningStatusOf(hits: readonly Pick<HitRow, 'status'>[]): ScreeningStatus {
  if (hits.some((h) => h.status === 'confirmed')) return 'confirmed_match';
  return hits.some((h) => h.status === 'open') ? 'potential_match' : 'clear';
}

/**
 * Screens one customer against the watch list now: records the run, raises a hit for each new match
 * (a known one is not raised again) and moves KYC. Runs inside the caller's transaction.
 */
export async function screenCustomer(
  d: Deps,
  trx: Executor,
  customerId: string,
  trigger: ScreeningTrigger,
  actor: Actor,
): Promise<Result<{ screening: Screening; hits: ScreeningHit[] }, CustomersError>> {
  const rows = await loadRows(trx, customerId, { forUpdate: true });
  if (!rows) return fail('customer_not_found');
  const q = customersDb(trx);
  const now = d.clock.now();
  const facts = {
    nameKey: rows.customer.name_key,
    type: rows.customer.customer_type,
    birthDate: rows.individual?.birth_date ?? null,
  };
  const candidates = await q
    .selectFrom('customers_watchlist')
    .selectAll()
    .where('name_key', '=', facts.nameKey)
    .execute();
  const matches = candidates.flatMap((entry) => {
    const on = matchEntry(entry, facts);
    return on ? [{ entry, on }] : [];
  });
  const screening: Screening = {
    id: newId('scr'),
    customerId,
    trigger,
    result: matches.length > 0 ? 'potential_match' : 'clear',
    hits: matches.length,
    screenedBy: actor.type === 'staff' ? actor.id : null,
    screenedAt: now,
  };
  await q
    .insertInto('customers_screenings')
    .values({
      id: screening.id,
      customer_id: customerId,
      trigger,
      result: screening.result,
      hits: screening.hits,
      screened_by: screening.screenedBy,
      screened_at: now,
    })
    .execute();
  if (matches.length > 0) {
    await q
      .insertInto('customers_screening_hits')
      .values(
        matches.map((m) => ({
          id: newId('hit'),
          customer_id: customerId,
          entry_id: m.entry.id,
          screening_id: screening.id,
          matched_on: m.on,
          status: 'open' as const,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['customer_id', 'entry_id']).doNothing())
      .execute();
  }
  const all = await q
    .selectFrom('customers_screening_hits')
    .selectAll()
    .where('customer_id', '=', customerId)
    .execute();
  await refreshKyc(trx, rows, { screening: screeningStatusOf(all), screenedAt: now }, actor, now);
  const entries = new Map(matches.map((m) => [m.entry.id, m.entry]));
  const hits = all.flatMap((h) => {
    const entry = entries.get(h.entry_id);
    return entry ? [toHit(h, entry)] : [];
  });
  return ok({ screening, hits });
}

/** Adds a list entry and screens the customers who carry that name, so a new listing is caught at once. */
export async function addWatchlistEntry(
  d: Deps,
  input: NewWatchlistEntry,
  actor: Actor,
): Promise<{ entry: WatchlistEntry; matchedCustomers: string[] }> {
  return d.db.transaction().execute(async (trx) => {
    const q = customersDb(trx);
    const row = await q
      .insertInto('customers_watchlist')
      .values({
        id: newId('wl'),
        list_kind: input.listKind,
        entity_type: input.entityType,
        name: input.name,
        name_key: nameKey(input.name),
        birth_date: input.birthDate ?? null,
        nationality: input.nationality ?? null,
        source: input.source,
        note: input.note ?? null,
        added_by: actor.type === 'staff' ? actor.id : null,
        created_at: d.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const namesakes = await q
      .selectFrom('customers_customers')
      .select('id')
      .where('name_key', '=', row.name_key)
      .orderBy('id')
      .execute();
    const matched: string[] = [];
    for (const { id } of namesakes) {
      const screened = await screenCustomer(d, trx, id, 'watchlist_update', actor);
      if (screened.ok && screened.value.hits.some((h) => h.entry.id === row.id)) matched.push(id);
    }
    return { entry: toEntry(row), matchedCustomers: matched };
  });
}

export async function listWatchlist(
  db: Executor,
  query: {
    q?: string | undefined;
    listKind?: 'pep' | 'sanctions' | undefined;
    limit: number;
    before?: string | undefined;
  },
): Promise<Page<WatchlistEntry>> {
  let select = customersDb(db)
    .selectFrom('customers_watchlist')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.q) select = select.where('name_key', 'like', `%${escapeLike(nameKey(query.q))}%`);
  if (query.listKind) select = select.where('list_kind', '=', query.listKind);
  if (query.before) select = select.where('id', '<', query.before);
  const rows = await select.execute();
  const items = rows.slice(0, query.limit).map(toEntry);
  const last = items[items.length - 1];
  return rows.length > query.limit && last ? { items, next: last.id } : { items };
}

/** Staff decide a match: a false positive is dismissed, a true one confirmed (KYC then rejects). */
export async function resolveHit(
  d: Deps,
  customerId: string,
  hitId: string,
  input: { decision: 'dismiss' | 'confirm'; note: string },
  actor: Actor,
): Promise<Result<ScreeningHit, CustomersError>> {
  return d.db.transaction().execute(async (trx) => {
    const rows = await loadRows(trx, customerId, { forUpdate: true });
    if (!rows) return fail('customer_not_found');
    const q = customersDb(trx);
    const hit = await q
      .selectFrom('customers_screening_hits')
      .selectAll()
      .where('id', '=', hitId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    if (!hit) return fail('screening_hit_not_found');
    if (hit.status !== 'open') return fail('hit_already_resolved');
    const now = d.clock.now();
    const saved = await q
      .updateTable('customers_screening_hits')
      .set({
        status: input.decision === 'confirm' ? 'confirmed' : 'dismissed',
        resolved_by: actor.type === 'system' ? null : actor.id,
        resolved_at: now,
        resolution_note: input.note,
      })
      .where('id', '=', hitId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const all = await q
      .selectFrom('customers_screening_hits')
      .select('status')
      .where('customer_id', '=', customerId)
      .execute();
    await refreshKyc(trx, rows, { screening: screeningStatusOf(all) }, actor, now);
    const entry = await q
      .selectFrom('customers_watchlist')
      .selectAll()
      .where('id', '=', hit.entry_id)
      .executeTakeFirstOrThrow();
    return ok(toHit(saved, entry));
  });
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
