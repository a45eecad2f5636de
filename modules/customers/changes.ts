import type { Executor } from '@onefin/kernel';
import type { Actor, Channel, Page } from './model.ts';
import { customersDb } from './schema.ts';

/** One field of a customer record changed: by whom, through which channel, when. */
export interface ProfileChange {
  id: string;
  customerId: string;
  field: string;
  /** ID numbers and mobiles appear masked only. */
  oldValue: string | null;
  newValue: string | null;
  changedByType: Actor['type'];
  changedBy: string | null;
  channel: Channel | null;
  changedAt: Date;
}

export type FieldValues = Record<string, string | null | undefined>;

/** The fields whose value differs; `after` lists only what the edit touched. */
export function changedFields(before: FieldValues, after: FieldValues) {
  return Object.entries(after)
    .filter(([field, value]) => value !== undefined && (before[field] ?? null) !== value)
    .map(([field, value]) => ({ field, oldValue: before[field] ?? null, newValue: value ?? null }));
}

export async function recordChanges(
  trx: Executor,
  customerId: string,
  changes: readonly { field: string; oldValue: string | null; newValue: string | null }[],
  actor: Actor,
  at: Date,
): Promise<void> {
  if (changes.length === 0) return;
  await customersDb(trx)
    .insertInto('customers_profile_changes')
    .values(
      changes.map((c) => ({
        customer_id: customerId,
        field: c.field,
        old_value: c.oldValue,
        new_value: c.newValue,
        changed_by_type: actor.type,
        changed_by: actor.type === 'system' ? null : actor.id,
        channel: actor.channel ?? null,
        changed_at: at,
      })),
    )
    .execute();
}

/** Newest first, cursor-paged by change id. */
export async function listChanges(
  db: Executor,
  customerId: string,
  q: { limit: number; before?: string | undefined },
): Promise<Page<ProfileChange>> {
  let query = customersDb(db)
    .selectFrom('customers_profile_changes')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.before !== undefined && /^\d{1,19}$/.test(q.before)) query = query.where('id', '<', BigInt(q.before));
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map((r) => ({
    id: r.id.toString(),
    customerId: r.customer_id,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    changedByType: r.changed_by_type,
    changedBy: r.changed_by,
    channel: r.channel as Channel | null,
    changedAt: r.changed_at,
  }));
  const last = items[items.length - 1];
  return rows.length > q.limit && last ? { items, next: last.id } : { items };
}
