import { type Executor, fail, type Money, newId, ok, type Result } from '@onefin/kernel';
import type { Deps, PaymentCard, PaymentEvent, PaymentKind, PaymentOrder, PaymentStatus } from './model.ts';
import { toOrder } from './model.ts';
import { paymentsDb } from './schema.ts';

export interface NewOrder {
  customerId: string;
  card: PaymentCard;
  kind: PaymentKind;
  amount: Money;
  idempotencyKey: string;
}

async function recordEvent(trx: Executor, orderId: string, status: PaymentStatus, at: Date, detail?: string) {
  await paymentsDb(trx)
    .insertInto('payments_order_events')
    .values({ order_id: orderId, status, at, detail: detail ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

function isSameRequest(o: PaymentOrder, n: NewOrder): boolean {
  return (
    o.kind === n.kind &&
    o.cardId === n.card.id &&
    o.amount.amount === n.amount.amount &&
    o.amount.currency === n.amount.currency
  );
}

/** The order already placed under the customer's key, if any; refused if it asked for something else. */
export async function findByKey(
  db: Executor,
  input: NewOrder,
): Promise<Result<PaymentOrder | undefined, 'idempotency_key_reused'>> {
  const row = await paymentsDb(db)
    .selectFrom('payments_orders')
    .selectAll()
    .where('customer_id', '=', input.customerId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (!row) return ok(undefined);
  const order = toOrder(row);
  return isSameRequest(order, input) ? ok(order) : fail('idempotency_key_reused');
}

/**
 * Places the order in `created`, once per (customer, Idempotency-Key): the unique constraint makes a
 * concurrent retry wait for the first and then find its order.
 */
export async function placeOrder(
  d: Deps,
  trx: Executor,
  input: NewOrder,
): Promise<Result<{ order: PaymentOrder; isNew: boolean }, 'idempotency_key_reused'>> {
  const now = d.clock.now();
  const inserted = await paymentsDb(trx)
    .insertInto('payments_orders')
    .values({
      id: newId('pay'),
      customer_id: input.customerId,
      card_id: input.card.id,
      kind: input.kind,
      status: 'created',
      amount: input.amount.amount,
      currency: input.amount.currency,
      masked_number: input.card.maskedNumber,
      bank_code: input.card.bankCode,
      idempotency_key: input.idempotencyKey,
      failure_reason: null,
      channel_ref: null,
      created_at: now,
      updated_at: now,
      completed_at: null,
    })
    .onConflict((oc) => oc.columns(['customer_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) {
    await recordEvent(trx, inserted.id, 'created', now);
    return ok({ order: toOrder(inserted), isNew: true });
  }
  const existing = await findByKey(trx, input);
  if (!existing.ok) return existing;
  if (!existing.value) throw new Error('order vanished after a key conflict');
  return ok({ order: existing.value, isNew: false });
}

/**
 * Moves an order from one of `from` to `to`, recording the event; undefined when it had already
 * moved on (another pass got there first), so every step can be retried.
 */
export async function transition(
  d: Deps,
  trx: Executor,
  orderId: string,
  from: PaymentStatus[],
  to: PaymentStatus,
  patch: { channelRef?: string | null; failureReason?: string | null } = {},
): Promise<PaymentOrder | undefined> {
  const now = d.clock.now();
  const isFinal = to === 'succeeded' || to === 'failed';
  const row = await paymentsDb(trx)
    .updateTable('payments_orders')
    .set({
      status: to,
      updated_at: now,
      ...(isFinal ? { completed_at: now } : {}),
      ...(patch.channelRef !== undefined ? { channel_ref: patch.channelRef } : {}),
      ...(patch.failureReason !== undefined ? { failure_reason: patch.failureReason } : {}),
    })
    .where('id', '=', orderId)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await recordEvent(trx, orderId, to, now, patch.failureReason ?? undefined);
  return toOrder(row);
}

export async function getOrder(db: Executor, orderId: string): Promise<PaymentOrder | undefined> {
  const row = await paymentsDb(db)
    .selectFrom('payments_orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirst();
  return row ? toOrder(row) : undefined;
}

/** The customer's payments, newest first; `before` is the id of the last one already seen. */
export async function listPayments(
  d: Deps,
  customerId: string,
  q: { before?: string | undefined; limit: number },
): Promise<{ items: PaymentOrder[]; next?: string }> {
  let query = paymentsDb(d.db)
    .selectFrom('payments_orders')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map(toOrder);
  const last = items.at(-1);
  return rows.length > q.limit && last ? { items, next: last.id } : { items };
}

/** One of the customer's own payments with its status history; anyone else's is not found. */
export async function getPayment(
  d: Deps,
  customerId: string,
  orderId: string,
): Promise<Result<PaymentOrder & { history: PaymentEvent[] }, 'payment_not_found'>> {
  const order = await getOrder(d.db, orderId);
  if (!order || order.customerId !== customerId) return fail('payment_not_found');
  const events = await paymentsDb(d.db)
    .selectFrom('payments_order_events')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('at')
    .execute();
  const rank: Record<PaymentStatus, number> = { created: 0, processing: 1, succeeded: 2, failed: 2 };
  const history = events
    .map((e) => ({ status: e.status as PaymentStatus, at: e.at, detail: e.detail }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.status] - rank[b.status]);
  return ok({ ...order, history });
}
