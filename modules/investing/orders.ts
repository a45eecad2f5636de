import { createCoalescer, type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import type { TransferError, TransferRequest } from '@onefin/ledger';
import { sql } from 'kysely';
import {
  type Deps,
  type Order,
  type OrderChannel,
  type OrderEvent,
  type OrderId,
  toOrder,
  transferIds,
} from './model.ts';
import {
  type InvestingTables,
  investingDb,
  type OrderRow,
  type OrderStatus,
  type OrderType,
} from './schema.ts';

/** What identifies a request: a replay under the same key must ask for the same thing. */
export interface OrderRequest {
  customerId: string;
  productId: string;
  type: OrderType;
  channel: OrderChannel;
  staffId: string | null;
  idempotencyKey: string;
  currency: string;
  amount: bigint | null;
  shares: bigint | null;
}

type OrderPatch = Partial<
  Pick<
    InvestingTables['investing_orders'],
    | 'shares'
    | 'trade_date'
    | 'confirm_date'
    | 'nav'
    | 'fee'
    | 'refund'
    | 'proceeds'
    | 'failure_reason'
    | 'cooling_off_until'
  >
> & { detail?: Record<string, unknown> };

const FINAL: readonly OrderStatus[] = ['confirmed', 'failed', 'cancelled', 'refused'];

async function recordEvent(trx: Executor, orderId: string, status: OrderStatus, at: Date, detail?: string) {
  await investingDb(trx)
    .insertInto('investing_order_events')
    .values({ order_id: orderId, status, at, detail: detail ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

function isSameRequest(o: Order, r: OrderRequest): boolean {
  return (
    o.type === r.type &&
    o.productId === r.productId &&
    o.channel === r.channel &&
    o.currency === r.currency &&
    (o.type === 'redeem' || o.type === 'convert_out' ? o.shares === r.shares : o.amount?.amount === r.amount)
  );
}

/** The order already placed under the customer's key, if any; refused if it asked for something else. */
export async function findByKey(
  db: Executor,
  r: Pick<OrderRequest, 'customerId' | 'idempotencyKey'> & Partial<OrderRequest>,
  compare?: OrderRequest,
): Promise<Result<Order | undefined, 'idempotency_key_reused'>> {
  const row = await investingDb(db)
    .selectFrom('investing_orders')
    .selectAll()
    .where('customer_id', '=', r.customerId)
    .where('idempotency_key', '=', r.idempotencyKey)
    .executeTakeFirst();
  if (!row) return ok(undefined);
  const order = toOrder(row);
  return !compare || isSameRequest(order, compare) ? ok(order) : fail('idempotency_key_reused');
}

/**
 * Records the order in `status` (submitted, or refused with its reason), once per (customer, key):
 * the unique constraint makes a concurrent retry wait for the first and then find its order.
 */
/** The product as an order keeps it: code, names and kind as they were when it was placed. */
export function productFields(p: { code: string; nameZh: string; nameEn: string; kind: string }) {
  return { productCode: p.code, productNameZh: p.nameZh, productNameEn: p.nameEn, productKind: p.kind };
}

/** An order to record: the request, the product as it was, and how it starts. */
export type NewOrder = OrderRequest & {
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  productKind: string;
  status: 'submitted' | 'refused';
  tradeDate: string | null;
  failureReason?: string;
  coolingOffUntil?: Date | null;
  detail?: Record<string, unknown>;
};

/** The row for a new order; `status` for one inserted further along than it starts. */
function orderRow(r: NewOrder, now: Date, status: OrderStatus = r.status): OrderRow {
  return {
    id: newId('ord'),
    customer_id: r.customerId,
    product_id: r.productId,
    product_code: r.productCode,
    product_name_zh: r.productNameZh,
    product_name_en: r.productNameEn,
    product_kind: r.productKind,
    order_type: r.type,
    status,
    channel: r.channel,
    staff_id: r.staffId,
    idempotency_key: r.idempotencyKey,
    currency: r.currency,
    amount: r.amount,
    shares: r.shares,
    trade_date: r.tradeDate,
    confirm_date: null,
    nav: null,
    fee: null,
    refund: null,
    proceeds: null,
    failure_reason: r.failureReason ?? null,
    cooling_off_until: r.coolingOffUntil ?? null,
    detail: r.detail ?? {},
    created_at: now,
    updated_at: now,
    completed_at: r.status === 'refused' ? now : null,
  };
}

/** What makes an order unique besides its id: one per customer and Idempotency-Key. */
const orderKey = (customerId: string, idempotencyKey: string) => `${customerId}\u0000${idempotencyKey}`;

function byOrderKey(a: OrderRow, b: OrderRow): number {
  const [x, y] = [orderKey(a.customer_id, a.idempotency_key), orderKey(b.customer_id, b.idempotency_key)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Inserts orders with their events in one statement (atomic without a transaction of its own): the
 * `submitted` event, or each status of `path` for an order inserted further along it. A key already
 * used inserts nothing and is missing from the answer; the others are answered with the rows as
 * given, which the database stored as they are.
 *
 * The rows travel as one JSON parameter, so the statement's text is the same for any batch size
 * (rows × 27 bind parameters in a VALUES list made a new text per size, and building, sending and
 * parsing them was a good part of a batch's time), and only the ids come back.
 */
async function insertRows(
  db: Executor,
  rows: readonly OrderRow[],
  now: Date,
  path: readonly OrderStatus[] = ['submitted'],
): Promise<OrderRow[]> {
  // In key order, so that two batches replaying the same keys meet them in one order, not deadlock.
  const sorted = [...rows].sort(byOrderKey);
  // the columns `orderRow` fills, from a row it made, so the list cannot drift from it
  const columns = sql.join(Object.keys(rows[0] ?? {}).map((c) => sql.ref(c)));
  const json = JSON.stringify(sorted, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  const { rows: placed } = await sql<{ id: string }>`
    WITH placed AS (
      INSERT INTO investing_orders (${columns})
      SELECT ${columns} FROM jsonb_populate_recordset(NULL::investing_orders, ${json}::jsonb)
      ON CONFLICT (customer_id, idempotency_key) DO NOTHING
      RETURNING id
    ),
    recorded AS (
      INSERT INTO investing_order_events (order_id, status, at, detail)
      SELECT placed.id, path.status, ${now}::timestamptz, NULL
      FROM placed CROSS JOIN unnest(${[...path]}::text[]) AS path(status)
    )
    SELECT id FROM placed`.execute(db);
  const ids = new Set(placed.map((p) => p.id));
  return rows.filter((r) => ids.has(r.id));
}

/**
 * Records the order in `status` (submitted, or refused with its reason), once per (customer, key):
 * the unique constraint makes a concurrent retry wait for the first and then find its order.
 */
export async function insertOrder(
  d: Deps,
  trx: Executor,
  r: NewOrder,
): Promise<Result<{ order: Order; isNew: boolean }, 'idempotency_key_reused'>> {
  const now = d.clock.now();
  const [inserted] = await insertRows(trx, [orderRow(r, now)], now);
  if (inserted) {
    if (r.status === 'refused') await recordEvent(trx, inserted.id, 'refused', now, r.failureReason);
    return ok({ order: toOrder(inserted), isNew: true });
  }
  const existing = await findByKey(trx, r, r);
  if (!existing.ok) return existing;
  if (!existing.value) throw new Error('order vanished after a key conflict');
  return ok({ order: existing.value, isNew: false });
}

/**
 * Submitted orders from concurrent requests, written many per statement (one commit for a whole
 * batch, as the ledger batches transfers): what lets the order path scale past one commit per order.
 */
export function createOrderWriter(d: Deps) {
  const writers = { parallel: d.settings.writers };
  const insert = createCoalescer(async (batch: NewOrder[]) => {
    const now = d.clock.now();
    const rows = await insertRows(
      d.db,
      batch.map((r) => orderRow(r, now)),
      now,
    );
    const byKey = new Map(rows.map((row) => [orderKey(row.customer_id, row.idempotency_key), row]));
    return batch.map((r) => byKey.get(orderKey(r.customerId, r.idempotencyKey)));
  }, writers);
  const pend = createCoalescer(async (ids: string[]) => {
    const now = d.clock.now();
    const rows = await moveRows(d.db, ids, ['submitted'], 'pending', {}, now);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }, writers);
  // Place as pending and hold in one transaction for a whole batch: one commit per batch instead
  // of three in a row per order (the order row, the ledger's hold, the pending move).
  const placeHeld = createCoalescer(
    async (batch: HeldOrder[]) =>
      d.db.transaction().execute(async (trx) => {
        const now = d.clock.now();
        // Inserted as pending already, which saves the batch a statement; a hold the ledger refuses
        // turns its order to failed below, in this transaction, so no one ever sees it pending.
        const rows = await insertRows(
          trx,
          batch.map((b) => orderRow(b.order, now, 'pending')),
          now,
          ['submitted', 'pending'],
        );
        const byKey = new Map(rows.map((row) => [orderKey(row.customer_id, row.idempotency_key), row]));
        const placed = batch.map((b) => byKey.get(orderKey(b.order.customerId, b.order.idempotencyKey)));
        const fresh = placed.flatMap((row, i) => (row ? [{ row, item: batch[i] as HeldOrder }] : []));
        const held = await d.ledger.transferGroupsIn(
          trx,
          fresh.map(({ row, item }) => [
            { type: 'transfer', ...item.hold, id: transferIds(row.id).hold, reference: row.id },
          ]),
          // the holds' ids come from the orders inserted just above
          { freshIds: true },
        );
        const after = new Map<string, OrderRow>();
        for (const [i, { row, item }] of fresh.entries()) {
          const result = held[i]?.[0];
          if (!result || result.ok) continue;
          const patch = item.refusal(result.error, result.detail);
          for (const failed of await failPlaced(trx, row.id, patch, now)) after.set(failed.id, failed);
        }
        return placed.map((row) => (row ? (after.get(row.id) ?? row) : undefined));
      }),
    writers,
  );
  return {
    /**
     * Places a submitted order, holds its amount with the ledger and moves it to pending (or to
     * failed with the ledger's refusal), all in one transaction shared with concurrent orders; a
     * key used already answers with the order placed under it, as `place` does.
     */
    async placeHeld(
      order: NewOrder,
      hold: Omit<TransferRequest, 'id' | 'reference'>,
      refusal: HeldOrder['refusal'],
    ): Promise<Result<{ order: Order; isNew: boolean }, 'idempotency_key_reused'>> {
      const row = await placeHeld({ order, hold, refusal });
      if (row) return ok({ order: toOrder(row), isNew: true });
      const existing = await findByKey(d.db, order, order);
      if (!existing.ok) return existing;
      if (!existing.value) throw new Error('order vanished after a key conflict');
      return ok({ order: existing.value, isNew: false });
    },
    /** Places a submitted order, or finds the one already placed under its key. */
    async place(r: NewOrder): Promise<Result<{ order: Order; isNew: boolean }, 'idempotency_key_reused'>> {
      const inserted = await insert(r);
      if (inserted) return ok({ order: toOrder(inserted), isNew: true });
      const existing = await findByKey(d.db, r, r);
      if (!existing.ok) return existing;
      if (!existing.value) throw new Error('order vanished after a key conflict');
      return ok({ order: existing.value, isNew: false });
    },
    /** submitted → pending, batched; undefined if the order had moved on already. */
    async markPending(orderId: string): Promise<Order | undefined> {
      const row = await pend(orderId);
      return row ? toOrder(row) : undefined;
    },
  };
}
export type OrderWriter = ReturnType<typeof createOrderWriter>;

/** An order placed with its hold (`placeHeld`): the hold's id and reference come from the order's id. */
interface HeldOrder {
  order: NewOrder;
  hold: Omit<TransferRequest, 'id' | 'reference'>;
  /** What the order records when the ledger refuses the hold (insufficient funds, a frozen account). */
  refusal(error: TransferError, detail: string | undefined): OrderPatch;
}

/**
 * An order inserted as pending whose hold the ledger refused, in the transaction that inserted it:
 * failed, and its history submitted → failed, as if it had never been pending (no one saw it so).
 */
async function failPlaced(trx: Executor, orderId: string, patch: OrderPatch, now: Date): Promise<OrderRow[]> {
  await investingDb(trx)
    .deleteFrom('investing_order_events')
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .execute();
  return moveRows(trx, [orderId], ['pending'], 'failed', patch, now);
}

/**
 * Moves an order from one of `from` to `to` with its event; undefined when it had already moved on
 * (another pass got there first), so every step can be retried.
 */
export async function transition(
  d: Deps,
  trx: Executor,
  orderId: string,
  from: readonly OrderStatus[],
  to: OrderStatus,
  patch: OrderPatch = {},
): Promise<Order | undefined> {
  const [row] = await moveRows(trx, [orderId], from, to, patch, d.clock.now());
  if (!row) return undefined;
  return toOrder(row);
}

/** Moves orders and records their events in one statement (atomic without a transaction of its own). */
async function moveRows(
  db: Executor,
  ids: readonly string[],
  from: readonly OrderStatus[],
  to: OrderStatus,
  patch: OrderPatch,
  now: Date,
): Promise<OrderRow[]> {
  const { detail, ...rest } = patch;
  return investingDb(db)
    .with('moved', (q) =>
      q
        .updateTable('investing_orders')
        .set({
          ...rest,
          ...(detail ? { detail: JSON.stringify(detail) } : {}),
          status: to,
          updated_at: now,
          ...(FINAL.includes(to) ? { completed_at: now } : {}),
        })
        .where('id', 'in', [...ids])
        .where('status', 'in', [...from])
        .returningAll(),
    )
    .with('recorded', (q) =>
      q
        .insertInto('investing_order_events')
        .columns(['order_id', 'status', 'at', 'detail'])
        .expression((eb) =>
          eb
            .selectFrom('moved')
            .select([
              'moved.id as order_id',
              sql<string>`${to}::text`.as('status'),
              sql<Date>`${now}::timestamptz`.as('at'),
              sql<string | null>`${patch.failure_reason ?? null}::text`.as('detail'),
            ]),
        )
        .onConflict((oc) => oc.doNothing()),
    )
    .selectFrom('moved')
    .selectAll()
    .execute();
}

export async function getOrder(db: Executor, orderId: string): Promise<Order | undefined> {
  const row = await investingDb(db)
    .selectFrom('investing_orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirst();
  return row ? toOrder(row) : undefined;
}

export async function orderEvents(db: Executor, orderId: string): Promise<OrderEvent[]> {
  const rows = await investingDb(db)
    .selectFrom('investing_order_events')
    .selectAll()
    .where('order_id', '=', orderId)
    .execute();
  const rank: Record<OrderStatus, number> = {
    submitted: 0,
    awaiting_customer: 1,
    pending: 2,
    confirmed: 3,
    failed: 3,
    cancelled: 3,
    refused: 3,
  };
  return rows
    .map((e) => ({ status: e.status as OrderStatus, at: e.at, detail: e.detail }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.status] - rank[b.status]);
}

export interface OrderListQuery {
  customerId?: string | undefined;
  staffId?: string | undefined;
  channel?: string | undefined;
  status?: OrderStatus | undefined;
  productId?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** Orders newest first (ids are time-ordered); `before` is the id of the last one already seen. */
export async function listOrders(
  db: Executor,
  q: OrderListQuery,
): Promise<{ items: Order[]; next?: OrderId }> {
  let query = investingDb(db)
    .selectFrom('investing_orders')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.customerId) query = query.where('customer_id', '=', q.customerId);
  if (q.staffId) query = query.where('staff_id', '=', q.staffId);
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.productId) query = query.where('product_id', '=', q.productId);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map(toOrder);
  const last = items.at(-1);
  return rows.length > q.limit && last ? { items, next: last.id } : { items };
}
