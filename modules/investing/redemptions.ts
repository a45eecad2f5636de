import { fail, ok, type Result } from '@onefin/kernel';
import { tradeDateOf } from '@onefin/products';
import { cancellableUntil } from './cancellation.ts';
import type { Context } from './context.ts';
import { awaitCustomer, needsCustomer } from './customer-confirmation.ts';
import type { InvestingError } from './errors.ts';
import { placeFastRedemption } from './fast-redemption.ts';
import type { Order } from './model.ts';
import { transferIds } from './model.ts';
import {
  findByKey,
  getOrder,
  insertOrder,
  type NewOrder,
  type OrderRequest,
  productFields,
  transition,
} from './orders.ts';
import { freezeShares, unfreezeShares } from './positions.ts';
import type { OrderInput, Placed } from './purchases.ts';
import { releaseQuota } from './quotas.ts';

class NotEnoughShares extends Error {}

/**
 * A redemption by shares: the shares are reserved on the position with the order, in one
 * transaction, so two redemptions can never sell the same shares. Redeeming needs no suitability
 * check: a customer may always sell, also a suspended product. `fast` sells a money-market fund
 * instantly (T+0) within its daily limit.
 */
export async function placeRedemption(
  d: Context,
  input: OrderInput & { shares: bigint; fast?: boolean | undefined },
): Placed {
  const product = await d.catalogueProduct(input.productId);
  if (!product) return fail('product_not_found');
  if (product.kind !== 'fund') return fail('wrong_product_kind');
  const request: OrderRequest = {
    customerId: input.customerId,
    productId: product.id,
    type: 'redeem',
    channel: input.channel,
    staffId: input.staffId ?? null,
    idempotencyKey: input.idempotencyKey,
    currency: product.currency,
    amount: null,
    shares: input.shares,
  };
  const replay = await findByKey(d.db, request, request);
  if (!replay.ok) return replay;
  if (replay.value) return ok(replay.value);
  if (input.fast) return placeFastRedemption(d, request, product);
  return placeShareOrder(d, { ...request, ...productFields(product), shares: input.shares });
}

/**
 * Records an order that sells shares (a redemption, a conversion out) and reserves them on the
 * position in the same transaction, or, for a remote sale, waits for the customer first.
 */
export async function placeShareOrder(
  d: Context,
  order: Omit<NewOrder, 'status' | 'tradeDate'> & { shares: bigint },
): Placed {
  const tradeDate = tradeDateOf(d.clock.now(), await d.products.tradingCalendar());
  try {
    return await d.db.transaction().execute(async (trx) => {
      const inserted = await insertOrder(d, trx, { ...order, status: 'submitted', tradeDate });
      if (!inserted.ok) return inserted;
      if (!inserted.value.isNew) return ok(inserted.value.order);
      if (needsCustomer(d, order.channel)) return ok(await awaitCustomer(d, trx, inserted.value.order));
      if (!(await freezeShares(trx, order.customerId, order.productId, order.shares)))
        throw new NotEnoughShares();
      const pending = await transition(d, trx, inserted.value.order.id, ['submitted'], 'pending');
      return ok(pending ?? inserted.value.order);
    });
  } catch (error) {
    if (error instanceof NotEnoughShares) return fail('insufficient_shares');
    throw error;
  }
}

/**
 * Cancels a pending order while that is still allowed: a fund order before its trade date's 15:00
 * cut-off, a wealth purchase within its cooling-off period (or, with none, before the cut-off).
 * Nothing was posted yet, so the hold's release is the full refund.
 */
export async function cancelOrder(
  d: Context,
  customerId: string,
  orderId: string,
): Promise<Result<Order, InvestingError>> {
  const order = await getOrder(d.db, orderId);
  if (!order || order.customerId !== customerId) return fail('order_not_found');
  const until = cancellableUntil(order);
  if (!until || d.clock.now() >= until) return fail('not_cancellable');
  if (order.type === 'redeem' || order.type === 'convert_out') {
    const cancelled = await d.db.transaction().execute(async (trx) => {
      const done = await transition(d, trx, order.id, ['pending'], 'cancelled');
      if (done && order.shares) await unfreezeShares(trx, customerId, order.productId, order.shares);
      return done;
    });
    return cancelled ? ok(cancelled) : fail('not_cancellable');
  }
  const voided = await d.ledger.voidHold({
    id: transferIds(order.id).void,
    holdId: transferIds(order.id).hold,
    reference: order.id,
    code: 'order_cancelled',
  });
  if (!voided.ok && voided.error !== 'hold_already_voided') return fail('not_cancellable');
  return finishCancel(d, order);
}

/** After the hold was released: the order is cancelled and a wealth sale gives its quota back. */
export async function finishCancel(d: Context, order: Order): Promise<Result<Order, InvestingError>> {
  const cancelled = await d.db.transaction().execute(async (trx) => {
    const done = await transition(d, trx, order.id, ['pending'], 'cancelled');
    if (done && order.type === 'wealth_buy' && order.amount)
      await releaseQuota(trx, order.productId, order.amount.amount);
    return done;
  });
  return cancelled ? ok(cancelled) : fail('not_cancellable');
}
