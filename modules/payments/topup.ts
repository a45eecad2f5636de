import { fail, type Money, ok, type Result } from '@onefin/kernel';
import { activeCard } from './cards.ts';
import type { ChannelTransaction } from './channel.ts';
import type { PaymentsError } from './errors.ts';
import { type Deps, type PaymentOrder, transferIds } from './model.ts';
import { getOrder, placeOrder, transition } from './orders.ts';
import { paymentsDb } from './schema.ts';

export interface PaymentInput {
  cardId: string;
  amount: Money;
  /** The customer's Idempotency-Key: the same key never places a second order. */
  idempotencyKey: string;
}

/** Refusals that need no order: the channel's currency and its single-payment limit. */
export function amountRefusal(d: Deps, amount: Money, isCharge: boolean): PaymentsError | undefined {
  if (amount.currency !== d.channel.maxCharge.currency) return 'currency_not_supported';
  if (isCharge && amount.amount > d.channel.maxCharge.amount) return 'over_single_limit';
  return undefined;
}

/**
 * Tops up the customer's cash account from a bound card. Steps, each safe to repeat: place the order
 * (once per key), charge the card (once per order id at the bank), then in one transaction post
 * clearing → customer cash (transfer id derived from the order id) and mark the order succeeded.
 * A declined card is a `failed` order, not an error: it stays in the customer's history.
 */
export async function topUp(
  d: Deps,
  customerId: string,
  input: PaymentInput,
): Promise<Result<PaymentOrder, PaymentsError>> {
  const refused = amountRefusal(d, input.amount, true);
  if (refused) return fail(refused);
  const card = await activeCard(d, customerId, input.cardId);
  if (!card) return fail('card_not_found');
  const cash = await d.ledger.openCustomerCashAccount(customerId, input.amount.currency);
  if (cash.frozen) return fail('account_frozen');
  const placed = await placeOrder(d, d.db, { customerId, card, kind: 'topup', ...input });
  if (!placed.ok) return placed;
  return ok(await advanceTopUp(d, placed.value.order, card.token));
}

/** Charges (idempotently) and books an order still in `created`; an order past that is returned as is. */
async function advanceTopUp(d: Deps, order: PaymentOrder, token: string): Promise<PaymentOrder> {
  if (order.status !== 'created') return order;
  const tx = await d.channel.charge({ requestId: order.id, token, amount: order.amount });
  return completeTopUp(d, order, tx);
}

/** Books the bank's answer: posting and status change commit together or not at all. */
async function completeTopUp(d: Deps, order: PaymentOrder, tx: ChannelTransaction): Promise<PaymentOrder> {
  if (tx.status === 'failed') {
    const failed = await transition(d, d.db, order.id, ['created'], 'failed', {
      channelRef: tx.channelRef,
      failureReason: tx.failureReason ?? 'declined',
    });
    return failed ?? ((await getOrder(d.db, order.id)) as PaymentOrder);
  }
  if (tx.status !== 'succeeded') return order;
  const clearing = await d.clearingAccount(order.amount.currency);
  const cash = await d.ledger.openCustomerCashAccount(order.customerId, order.amount.currency);
  const done = await d.db.transaction().execute(async (trx) => {
    const posted = await d.ledger.transfer(
      {
        id: transferIds(order.id).topup,
        debitAccountId: clearing.id,
        creditAccountId: cash.id,
        amount: order.amount,
        code: 'topup',
        reference: order.id,
        metadata: { channelRef: tx.channelRef },
      },
      trx,
    );
    // The bank took the money but the ledger refused (a frozen account): the order stays `created`
    // and the worker books it once the account can take it; reconciliation shows it meanwhile.
    if (!posted.ok) return undefined;
    return transition(d, trx, order.id, ['created'], 'succeeded', { channelRef: tx.channelRef });
  });
  return done ?? ((await getOrder(d.db, order.id)) as PaymentOrder);
}

/**
 * The worker's pass over top-ups left in `created` longer than `resumeAfterMs` (their request died
 * between the bank and the ledger): books what the bank did; if the charge never reached the bank,
 * the order fails and nothing moved. Returns how many it finished.
 */
export async function resumeTopUps(d: Deps): Promise<number> {
  const cutoff = new Date(d.clock.now().getTime() - d.settings.resumeAfterMs);
  const rows = await paymentsDb(d.db)
    .selectFrom('payments_orders')
    .select('id')
    .where('kind', '=', 'topup')
    .where('status', '=', 'created')
    .where('created_at', '<', cutoff)
    .orderBy('id')
    .limit(500)
    .execute();
  let finished = 0;
  for (const { id } of rows) {
    const order = await getOrder(d.db, id);
    if (order?.status !== 'created') continue;
    const tx = await d.channel.outcome(order.id);
    const after = tx
      ? await completeTopUp(d, order, tx)
      : await transition(d, d.db, order.id, ['created'], 'failed', { failureReason: 'channel_no_response' });
    if (after && after.status !== 'created') finished++;
  }
  return finished;
}
