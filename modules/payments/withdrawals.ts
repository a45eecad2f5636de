import { fail, ok, type Result } from '@onefin/kernel';
import type { TransferError } from '@onefin/ledger';
import { activeCard, cardToken } from './cards.ts';
import type { ChannelTransaction } from './channel.ts';
import type { PaymentsError } from './errors.ts';
import { type Deps, type PaymentOrder, transferIds } from './model.ts';
import { findByKey, getOrder, placeOrder, transition } from './orders.ts';
import { paymentsDb } from './schema.ts';
import { amountRefusal, type PaymentInput } from './topup.ts';

/** Carries a ledger refusal out of the transaction so that the order rolls back with it. */
class HoldRefused extends Error {
  constructor(readonly reason: TransferError) {
    super(reason);
  }
}

function refusalOf(reason: TransferError): PaymentsError {
  if (reason === 'insufficient_funds') return 'insufficient_funds';
  if (reason === 'account_frozen' || reason === 'account_closed') return 'account_frozen';
  throw new Error(`withdrawal hold refused: ${reason}`);
}

/**
 * Withdraws from the customer's cash account to a bound card. The order and a ledger hold (customer
 * cash → channel clearing, reserving the amount: available drops, balance does not) commit together,
 * so a refused hold leaves nothing behind; then the payout is submitted (idempotent per order id)
 * and the order is `processing` until `settleWithdrawals` books the bank's answer.
 */
export async function withdraw(
  d: Deps,
  customerId: string,
  input: PaymentInput,
): Promise<Result<PaymentOrder, PaymentsError>> {
  const refused = amountRefusal(d, input.amount, false);
  if (refused) return fail(refused);
  const card = await activeCard(d, customerId, input.cardId);
  if (!card) return fail('card_not_found');
  const request = { customerId, card, kind: 'withdrawal' as const, ...input };
  const earlier = await findByKey(d.db, request);
  if (!earlier.ok) return earlier;
  if (earlier.value) return ok(await advanceWithdrawal(d, earlier.value));

  const cash = await d.ledger.openCustomerCashAccount(customerId, input.amount.currency);
  const clearing = await d.clearingAccount(input.amount.currency);
  const expiresAt = new Date(d.clock.now().getTime() + d.settings.withdrawalHoldMs);
  try {
    const placed = await d.db.transaction().execute(async (trx) => {
      const p = await placeOrder(d, trx, request);
      if (!p.ok || !p.value.isNew) return p;
      const held = await d.ledger.transfer(
        {
          id: transferIds(p.value.order.id).hold,
          debitAccountId: cash.id,
          creditAccountId: clearing.id,
          amount: input.amount,
          code: 'withdrawal',
          reference: p.value.order.id,
          hold: { expiresAt },
        },
        trx,
      );
      if (!held.ok) throw new HoldRefused(held.error);
      return p;
    });
    if (!placed.ok) return placed;
    return ok(await advanceWithdrawal(d, placed.value.order));
  } catch (error) {
    if (error instanceof HoldRefused) return fail(refusalOf(error.reason));
    throw error;
  }
}

/** Submits the payout of an order still in `created` (again, if a crash interrupted it). */
async function advanceWithdrawal(d: Deps, order: PaymentOrder): Promise<PaymentOrder> {
  if (order.status !== 'created') return order;
  const tx = await d.channel.payout({
    requestId: order.id,
    token: await cardToken(d, order.cardId),
    amount: order.amount,
  });
  const processing =
    (await transition(d, d.db, order.id, ['created'], 'processing', { channelRef: tx.channelRef })) ??
    (await getOrder(d.db, order.id));
  if (!processing) throw new Error(`order ${order.id} vanished`);
  return tx.status === 'submitted' ? processing : finishWithdrawal(d, processing, tx);
}

/**
 * Books a payout's outcome: posts the hold (the money left) or voids it (the money is available
 * again), in one transaction with the order's new status. Safe to repeat: the ledger ids come from
 * the order id, and an order already final is left alone.
 */
async function finishWithdrawal(d: Deps, order: PaymentOrder, tx: ChannelTransaction): Promise<PaymentOrder> {
  if (order.status !== 'processing' || tx.status === 'submitted') return order;
  const ids = transferIds(order.id);
  const done = await d.db.transaction().execute(async (trx) => {
    const booked =
      tx.status === 'succeeded'
        ? await d.ledger.postHold({ id: ids.post, holdId: ids.hold, reference: order.id }, trx)
        : await d.ledger.voidHold({ id: ids.void, holdId: ids.hold, reference: order.id }, trx);
    // A hold that lapsed before the bank answered cannot be posted: the order stays `processing`
    // and reconciliation reports the bank's payout as a status break for operations to resolve.
    if (!booked.ok && !(tx.status === 'failed' && booked.error === 'hold_expired')) return undefined;
    return tx.status === 'succeeded'
      ? transition(d, trx, order.id, ['processing'], 'succeeded', { channelRef: tx.channelRef })
      : transition(d, trx, order.id, ['processing'], 'failed', {
          channelRef: tx.channelRef,
          failureReason: tx.failureReason ?? 'payout_failed',
        });
  });
  return done ?? ((await getOrder(d.db, order.id)) as PaymentOrder);
}

export interface SettleReport {
  /** Payouts (re)submitted for orders a crash left in `created`. */
  submitted: number;
  succeeded: number;
  failed: number;
  /** Still waiting for the bank. */
  pending: number;
}

/**
 * The worker's pass over unfinished withdrawals: submits payouts a crash left unsent and books every
 * answer the bank has given. Idempotent and resumable: run it as often as you like.
 */
export async function settleWithdrawals(d: Deps): Promise<SettleReport> {
  const report: SettleReport = { submitted: 0, succeeded: 0, failed: 0, pending: 0 };
  const rows = await paymentsDb(d.db)
    .selectFrom('payments_orders')
    .selectAll()
    .where('kind', '=', 'withdrawal')
    .where('status', 'in', ['created', 'processing'])
    .orderBy('id')
    .limit(1000)
    .execute();
  for (const row of rows) {
    let order = (await getOrder(d.db, row.id)) as PaymentOrder;
    if (order.status === 'created') {
      order = await advanceWithdrawal(d, order);
      report.submitted++;
    }
    if (order.status === 'processing') {
      const tx = await d.channel.outcome(order.id);
      if (tx) order = await finishWithdrawal(d, order, tx);
    }
    if (order.status === 'succeeded') report.succeeded++;
    else if (order.status === 'failed') report.failed++;
    else report.pending++;
  }
  return report;
}
