import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { type Executor, fail, ok, type Result } from '@onefin/kernel';
import type { Channel } from '@onefin/products';
import type { Context } from './context.ts';
import { depositAccounts, depositTerms, executeDepositOpen } from './deposits.ts';
import type { InvestingError } from './errors.ts';
import { type Order, type OrderChannel, targetOf } from './model.ts';
import { getOrder, transition } from './orders.ts';
import { freezeShares } from './positions.ts';
import { answerFor, resumePurchase } from './purchases.ts';
import { investingDb } from './schema.ts';

/**
 * Orders staff place remotely (by phone, through an agent) wait for the customer: nothing is held
 * until the customer confirms in the portal or reads the one-time code back to the agent. The code
 * is kept only as a hash; suitability is checked again at confirmation, as facts may have changed.
 */

const MAX_CODE_ATTEMPTS = 5;

export function needsCustomer(d: Context, channel: OrderChannel): boolean {
  return channel !== 'system' && d.settings.customerConfirmedChannels.includes(channel as Channel);
}

const hashOf = (orderId: string, code: string) =>
  createHash('sha256').update(`${orderId}:${code}`).digest('hex');

interface Pending {
  codeHash: string;
  expiresAt: string;
  attempts: number;
}

/** Moves a just-placed order to `awaiting_customer` with a fresh code; the code rides on the answer only. */
export async function awaitCustomer(d: Context, trx: Executor, order: Order): Promise<Order> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const confirmation: Pending = {
    codeHash: hashOf(order.id, code),
    expiresAt: new Date(d.clock.now().getTime() + d.settings.confirmationTtlMs).toISOString(),
    attempts: 0,
  };
  const waiting = await transition(d, trx, order.id, ['submitted'], 'awaiting_customer', {
    detail: { ...order.detail, confirmation },
  });
  return { ...(waiting ?? order), confirmationCode: code };
}

function pendingOf(order: Order): Pending | undefined {
  const c = order.detail.confirmation as Pending | undefined;
  return c && typeof c.codeHash === 'string' ? c : undefined;
}

async function lapse(d: Context, order: Order): Promise<void> {
  await d.db.transaction().execute((trx) =>
    transition(d, trx, order.id, ['awaiting_customer'], 'cancelled', {
      failure_reason: 'confirmation_expired',
    }),
  );
}

/** The order, if it is still waiting for this customer (and has not lapsed). */
async function waitingOrder(
  d: Context,
  orderId: string,
  customerId?: string,
): Promise<Result<Order, InvestingError>> {
  const order = await getOrder(d.db, orderId);
  if (!order || (customerId !== undefined && order.customerId !== customerId)) return fail('order_not_found');
  if (order.status !== 'awaiting_customer') return fail('not_awaiting_confirmation');
  const pending = pendingOf(order);
  if (!pending || new Date(pending.expiresAt) <= d.clock.now()) {
    await lapse(d, order);
    return fail('confirmation_expired');
  }
  return ok(order);
}

/** The customer confirms in the portal. */
export async function confirmByCustomer(d: Context, customerId: string, orderId: string) {
  const order = await waitingOrder(d, orderId, customerId);
  return order.ok ? proceed(d, order.value) : order;
}

/** The agent enters the code the customer received; five wrong codes cancel the order. */
export async function confirmByCode(d: Context, orderId: string, code: string) {
  const order = await waitingOrder(d, orderId);
  if (!order.ok) return order;
  const pending = pendingOf(order.value) as Pending;
  const given = Buffer.from(hashOf(orderId, code));
  const isMatch =
    given.length === pending.codeHash.length && timingSafeEqual(given, Buffer.from(pending.codeHash));
  if (!isMatch) {
    const attempts = pending.attempts + 1;
    await d.db.transaction().execute(async (trx) => {
      if (attempts >= MAX_CODE_ATTEMPTS)
        await transition(d, trx, orderId, ['awaiting_customer'], 'cancelled', {
          failure_reason: 'code_attempts',
        });
      else
        await investingDb(trx)
          .updateTable('investing_orders')
          .set({ detail: JSON.stringify({ ...order.value.detail, confirmation: { ...pending, attempts } }) })
          .where('id', '=', orderId)
          .where('status', '=', 'awaiting_customer')
          .execute();
    });
    return fail('confirmation_invalid');
  }
  return proceed(d, order.value);
}

/** The customer declines: the order is cancelled, nothing was ever held. */
export async function declineByCustomer(d: Context, customerId: string, orderId: string) {
  const order = await waitingOrder(d, orderId, customerId);
  if (!order.ok) return order;
  const done = await d.db.transaction().execute((trx) =>
    transition(d, trx, orderId, ['awaiting_customer'], 'cancelled', {
      failure_reason: 'declined_by_customer',
    }),
  );
  return done ? ok(done) : fail('not_awaiting_confirmation');
}

/** The worker's pass: orders nobody confirmed in time lapse. */
export async function lapseAwaiting(d: Context): Promise<number> {
  const rows = await investingDb(d.db)
    .selectFrom('investing_orders')
    .select('id')
    .where('status', '=', 'awaiting_customer')
    .where('created_at', '<', new Date(d.clock.now().getTime() - d.settings.confirmationTtlMs))
    .limit(500)
    .execute();
  for (const { id } of rows) {
    const order = await getOrder(d.db, id);
    if (order) await lapse(d, order);
  }
  return rows.length;
}

/** Confirmed by the customer: suitability once more, then the order goes on as if placed now. */
async function proceed(d: Context, order: Order): Promise<Result<Order, InvestingError>> {
  if (order.type !== 'redeem') {
    // A conversion buys its target fund: that is the product to check.
    const decision = await d.products.suitability({
      customerId: order.customerId,
      productId: targetOf(order)?.targetProductId ?? order.productId,
      channel: order.channel as Channel,
    });
    const refusal = decision.ok && !decision.value.allowed ? decision.value : undefined;
    if (refusal) {
      const refused = await d.db.transaction().execute((trx) =>
        transition(d, trx, order.id, ['awaiting_customer'], 'refused', {
          failure_reason: refusal.reason,
          detail: { ...order.detail, ...refusal },
        }),
      );
      return answerFor(refused ?? order);
    }
  }
  if (order.type === 'deposit_open') {
    const product = await d.products.getProduct(order.productId);
    const terms = product && depositTerms(product);
    if (!terms) return fail('product_not_found');
    const accounts = await depositAccounts(d, order.customerId, order.currency);
    const done = await d.db.transaction().execute(async (trx) => {
      const submitted = await transition(d, trx, order.id, ['awaiting_customer'], 'submitted');
      return submitted ? executeDepositOpen(d, trx, submitted, terms, accounts) : undefined;
    });
    return done ? answerFor(done) : fail('not_awaiting_confirmation');
  }
  if (order.type === 'redeem' || order.type === 'convert_out') {
    const done = await d.db.transaction().execute(async (trx) => {
      const submitted = await transition(d, trx, order.id, ['awaiting_customer'], 'submitted');
      if (!submitted) return undefined;
      if (!(await freezeShares(trx, order.customerId, order.productId, order.shares ?? 0n)))
        return transition(d, trx, order.id, ['submitted'], 'failed', {
          failure_reason: 'insufficient_shares',
          detail: { ...order.detail, refusedAtOrder: true, messageEn: 'not enough shares to redeem' },
        });
      return transition(d, trx, order.id, ['submitted'], 'pending');
    });
    return done ? answerFor(done) : fail('not_awaiting_confirmation');
  }
  const submitted = await d.db
    .transaction()
    .execute((trx) => transition(d, trx, order.id, ['awaiting_customer'], 'submitted'));
  if (!submitted) return fail('not_awaiting_confirmation');
  return answerFor(await resumePurchase(d, submitted));
}
