import { fail, formatMoney, HOUR_MS, type Money, ok, parseMoney, type Result } from '@onefin/kernel';
import type { TransferError, TransferRequest } from '@onefin/ledger';
import { type Channel, type Product, type SuitabilityDecision, tradeDateOf } from '@onefin/products';
import type { Context } from './context.ts';
import { awaitCustomer, needsCustomer } from './customer-confirmation.ts';
import type { InvestingError } from './errors.ts';
import type { Order } from './model.ts';
import { transferIds } from './model.ts';
import { insertOrder, type NewOrder, type OrderRequest, productFields, transition } from './orders.ts';
import { remainingQuota, reserveQuota } from './quotas.ts';

export interface OrderInput {
  customerId: string;
  productId: string;
  channel: Channel;
  /** The staff member placing it on the customer's behalf; null for self-service. */
  staffId?: string | null | undefined;
  /** The caller's Idempotency-Key: the same key never places a second order. */
  idempotencyKey: string;
}

export type Placed = Promise<Result<Order, InvestingError>>;

const KIND_OF = { subscribe: 'fund', wealth_buy: 'wealth' } as const;

/** The refusal an order already recorded gives again when its request is replayed. */
export function answerFor(order: Order): Result<Order, InvestingError> {
  if (order.status === 'refused' || (order.status === 'failed' && order.detail.refusedAtOrder === true))
    return fail(order.failureReason as InvestingError, String(order.detail.messageEn ?? ''));
  return ok(order);
}

/**
 * Records an order the suitability check refused, with its reason, and answers with the refusal
 * (or, under a key already used, with that order's answer).
 */
export async function recordRefusal(
  d: Context,
  base: Omit<NewOrder, 'status' | 'tradeDate'>,
  decision: Extract<SuitabilityDecision, { allowed: false }>,
): Placed {
  const refused = await d.db.transaction().execute((trx) =>
    insertOrder(d, trx, {
      ...base,
      status: 'refused',
      tradeDate: null,
      failureReason: decision.reason,
      detail: { ...decision },
    }),
  );
  return refused.ok ? answerFor(refused.value.order) : refused;
}

/** The ledger's refusals of a hold or transfer, as the order records them. */
export function ledgerRefusal(error: TransferError): InvestingError {
  return error === 'insufficient_funds' || error === 'account_frozen' ? error : 'ledger_refused';
}

/** The terms a purchase is checked against: minimum, increment, size. */
function purchaseRules(product: Product): { minimum: Money; increment?: Money; size?: Money } {
  const a = product.attributes;
  if (a.kind === 'fund') return { minimum: parseMoney(a.minimumSubscription.amount, product.currency) };
  if (a.kind === 'wealth')
    return {
      minimum: parseMoney(a.minimumAmount.amount, product.currency),
      increment: parseMoney(a.increment.amount, product.currency),
      size: parseMoney(a.size.amount, product.currency),
    };
  throw new Error(`no purchase rules for ${a.kind}`);
}

function amountRefusal(product: Product, amount: Money): Result<void, InvestingError> {
  if (amount.currency !== product.currency) return fail('currency_mismatch');
  const { minimum, increment } = purchaseRules(product);
  const shown = (m: Money) => `${formatMoney(m)} ${m.currency}`;
  if (amount.amount < minimum.amount) return fail('below_minimum', `the minimum is ${shown(minimum)}`);
  if (increment && (amount.amount - minimum.amount) % increment.amount !== 0n)
    return fail(
      'off_increment',
      `above the minimum ${shown(minimum)}, amounts go up in steps of ${shown(increment)}`,
    );
  return ok(undefined);
}

/**
 * A purchase by amount: a fund subscription at the unknown price, or a wealth product within its
 * window. Steps: suitability first (a refusal is recorded with its reason), then the amount rules,
 * then the order (and the wealth quota) in one transaction, then a hold on the customer's cash.
 * Each step can be retried: a replay under the same key resumes or answers as the first time.
 */
export async function placePurchase(
  d: Context,
  type: 'subscribe' | 'wealth_buy',
  input: OrderInput & { amount: Money },
): Placed {
  const product = await d.catalogueProduct(input.productId);
  if (!product) return fail('product_not_found');
  if (product.kind !== KIND_OF[type]) return fail('wrong_product_kind');
  const request: OrderRequest = {
    customerId: input.customerId,
    productId: product.id,
    type,
    channel: input.channel,
    staffId: input.staffId ?? null,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    amount: input.amount.amount,
    shares: null,
  };
  // No replay check up front: a replay meets its first order at the unique key (refused or placed)
  // and gets that order's answer, so the common case saves a query.

  const now = d.clock.now();
  const decision = await d.products.suitabilityFor(input.customerId, product, input.channel);
  const base = { ...request, ...productFields(product) };
  if (!decision.allowed) return recordRefusal(d, base, decision);
  const rules = amountRefusal(product, input.amount);
  if (!rules.ok) return rules;

  const a = product.attributes;
  const coolingOffHours = a.kind === 'wealth' ? a.coolingOffHours : 0;
  // Wealth too: after the 15:00 cut-off a purchase belongs to the next trading day.
  const tradeDate = tradeDateOf(now, await d.products.tradingCalendar());
  const { size } = purchaseRules(product);
  // Sold out already: refused before anything is held.
  if (size && ((await remainingQuota(d.db, product.id)) ?? size.amount) < input.amount.amount)
    return fail('quota_exhausted');
  const order = {
    ...base,
    status: 'submitted' as const,
    tradeDate,
    coolingOffUntil: coolingOffHours > 0 ? new Date(now.getTime() + coolingOffHours * HOUR_MS) : null,
    detail: {
      productRisk: decision.productRisk,
      customerRisk: decision.customerRisk,
      ...(size ? { size: size.amount.toString() } : {}),
    },
  };
  // The common case (no quota to take, no customer to wait for): the order, its hold and the move
  // to pending commit together, in one transaction shared with concurrent orders.
  if (!size && !needsCustomer(d, input.channel)) {
    const hold = await holdRequest(d, { ...order, amount: input.amount });
    const held = await d.orders.placeHeld(order, hold, (error, detail) =>
      refusedAtOrder(order.detail, ledgerRefusal(error), detail ?? error),
    );
    if (!held.ok) return held;
    return answerFor(held.value.isNew ? held.value.order : await resumePurchase(d, held.value.order));
  }
  const inserted = await d.orders.place(order);
  if (!inserted.ok) return inserted;
  const placed = inserted.value.order;
  if (inserted.value.isNew && needsCustomer(d, placed.channel))
    return ok(await d.db.transaction().execute((trx) => awaitCustomer(d, trx, placed)));
  return answerFor(await resumePurchase(d, placed));
}

/**
 * Holds the amount on the customer's cash account (the hold id comes from the order id, so a
 * retry finds the same hold), then, for a wealth product, takes the amount from its quota in the
 * transaction that makes the order pending. Money is reserved before quota, so a buyer who cannot
 * pay never takes quota from one who can; a buyer who misses the quota has the hold released.
 */
export async function resumePurchase(d: Context, order: Order): Promise<Order> {
  if (order.status !== 'submitted' || !order.amount) return order;
  const amount = order.amount;
  const held = await d.ledger.transfer({
    ...(await holdRequest(d, { ...order, amount })),
    id: transferIds(order.id).hold,
    reference: order.id,
  });
  const fails = (reason: string, messageEn: string) => refusedAtOrder(order.detail, reason, messageEn);
  const size = order.detail.size;
  // The common case is one statement; failures and quota need a transaction.
  if (held.ok && typeof size !== 'string') return (await d.orders.markPending(order.id)) ?? order;
  const after = await d.db.transaction().execute(async (trx) => {
    if (!held.ok)
      return transition(
        d,
        trx,
        order.id,
        ['submitted'],
        'failed',
        fails(ledgerRefusal(held.error), held.detail ?? held.error),
      );
    if (typeof size === 'string') {
      const sizing = { id: order.productId, currency: order.currency, size: BigInt(size) };
      if (!(await reserveQuota(trx, sizing, amount.amount)))
        return transition(
          d,
          trx,
          order.id,
          ['submitted'],
          'failed',
          fails('quota_exhausted', 'the product sold out while the order was placed'),
        );
    }
    return transition(d, trx, order.id, ['submitted'], 'pending');
  });
  if (held.ok && after?.status === 'failed') await releaseHold(d, order.id);
  return after ?? order;
}

/** The hold a purchase puts on the customer's cash account; its id and reference come from the order's id. */
async function holdRequest(
  d: Context,
  o: { customerId: string; type: string; productId: string; channel: string; amount: Money },
): Promise<Omit<TransferRequest, 'id' | 'reference'>> {
  const internal = await d.internal(o.amount.currency);
  const clearing = o.type === 'subscribe' ? internal.fundSubscriptionClearing : internal.wealthPrincipal;
  return {
    debitAccountId: await d.cashAccountId(o.customerId, o.amount.currency),
    creditAccountId: clearing.id,
    amount: o.amount,
    code: o.type === 'subscribe' ? 'fund_subscription' : 'wealth_purchase',
    metadata: { productId: o.productId, channel: o.channel },
    hold: { expiresAt: new Date(d.clock.now().getTime() + d.settings.holdDays * 24 * HOUR_MS) },
  };
}

/** A purchase the ledger refused at order time, as the order records it (and answers a replay with). */
const refusedAtOrder = (detail: Record<string, unknown>, reason: string, messageEn: string) => ({
  failure_reason: reason,
  detail: { ...detail, refusedAtOrder: true, messageEn },
});

/** Gives back the hold of an order that failed after it was placed (safe to repeat). */
export async function releaseHold(d: Context, orderId: string): Promise<void> {
  await d.ledger.voidHold({
    id: transferIds(orderId).void,
    holdId: transferIds(orderId).hold,
    reference: orderId,
    code: 'order_failed',
  });
}
