import { createHash } from 'node:crypto';
import {
  businessDateOf,
  type Clock,
  type CurrencyCode,
  type Executor,
  fail,
  formatMoney,
  type Money,
  money,
  newId,
  ok,
} from '@onefin/kernel';
import { sql } from 'kysely';
import { type BankCode, checkCardNumber } from './banks.ts';
import {
  type ChannelRequest,
  type ChannelTransaction,
  type ChannelTransactionKind,
  type PaymentChannel,
  RECONCILIATION_HEADER,
} from './channel.ts';
import { paymentsDb, type SimTransactionRow } from './schema.ts';

/**
 * The simulator's deterministic rules (docs/operations.md lists them for testers):
 * - a card must be 16–19 digits, pass the Luhn check and start with a BIN of a listed bank (banks.ts);
 * - a card ending in `0002` declines every top-up: `insufficient_funds_at_bank`;
 * - a card ending in `0003` accepts payouts, which then fail at settlement: `payee_account_invalid`;
 * - a single top-up above 50,000.00 CNY is declined: `over_single_limit`; only CNY is accepted;
 * - payouts stay `submitted` until the first `settle()` at least `payoutDelayMs` after submission.
 */
export const SIMULATOR_RULES = {
  declinedChargeLast4: '0002',
  failedPayoutLast4: '0003',
  maxCharge: money(5_000_000n, 'CNY'),
  currency: 'CNY' as CurrencyCode,
} as const;

/** The simulated bank: a PaymentChannel plus what a test or a demo needs to drive it. */
export interface SimulatedChannel extends PaymentChannel {
  /** Completes every payout whose delay has passed (the worker calls this); returns how many. */
  settle(): Promise<number>;
  /**
   * Records a bank-side transaction OneFin never asked for (a misrouted credit, a manual bank
   * entry), completed now: the next reconciliation of today shows it as `missing_in_ledger`.
   */
  injectUnmatched(input: { kind: ChannelTransactionKind; amount: Money }): Promise<ChannelTransaction>;
}

export interface SimulatorDeps {
  db: Executor;
  clock: Clock;
  /** How long a payout stays `submitted` before `settle()` completes it. Default 30 s. */
  payoutDelayMs?: number;
}

function toTransaction(r: SimTransactionRow): ChannelTransaction {
  return {
    channelRef: r.id,
    requestId: r.request_id,
    kind: r.kind,
    amount: { amount: r.amount, currency: r.currency as CurrencyCode },
    status: r.status,
    failureReason: r.failure_reason,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}

/** Builds the bank simulator over its own tables (`payments_sim_*`). */
export function createSimulatedChannel(deps: SimulatorDeps): SimulatedChannel {
  const db = paymentsDb(deps.db);
  const delayMs = deps.payoutDelayMs ?? 30_000;

  const find = async (requestId: string) => {
    const row = await db
      .selectFrom('payments_sim_transactions')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    return row ? toTransaction(row) : undefined;
  };

  const cardOf = (token: string) =>
    db.selectFrom('payments_sim_cards').selectAll().where('token', '=', token).executeTakeFirst();

  /** Records a transaction once per request id; a retry (even a concurrent one) gets the first. */
  async function record(
    r: ChannelRequest,
    kind: ChannelTransactionKind,
    outcome: { status: SimTransactionRow['status']; failureReason: string | null },
  ): Promise<ChannelTransaction> {
    const now = deps.clock.now();
    const isDone = outcome.status !== 'submitted';
    await db
      .insertInto('payments_sim_transactions')
      .values({
        id: newId('stx'),
        request_id: r.requestId,
        kind,
        token: r.token,
        amount: r.amount.amount,
        currency: r.amount.currency,
        status: outcome.status,
        failure_reason: outcome.failureReason,
        created_at: now,
        settle_after: isDone ? null : new Date(now.getTime() + delayMs),
        completed_at: isDone ? now : null,
        business_date: isDone ? businessDateOf(now) : null,
      })
      .onConflict((oc) => oc.column('request_id').doNothing())
      .execute();
    const recorded = await find(r.requestId);
    if (!recorded) throw new Error(`simulator lost request ${r.requestId}`);
    return recorded;
  }

  return {
    name: 'simulator',
    maxCharge: SIMULATOR_RULES.maxCharge,

    async bindCard(cardNumber) {
      const checked = checkCardNumber(cardNumber);
      if (!checked.ok) return fail(checked.error);
      // The bank knows the number; the simulator keeps only a hash of it, and the same card always
      // gets the same token.
      const hash = createHash('sha256').update(`onefin-simulator:${cardNumber}`).digest('hex');
      const token = `simtok_${hash.slice(0, 32)}`;
      const last4 = cardNumber.slice(-4);
      await db
        .insertInto('payments_sim_cards')
        .values({
          token,
          card_hash: hash,
          bank_code: checked.bank.code,
          last4,
          created_at: deps.clock.now(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return ok({ token, bankCode: checked.bank.code as BankCode, last4 });
    },

    async charge(r) {
      const existing = await find(r.requestId);
      if (existing) return existing;
      const card = await cardOf(r.token);
      const declined = !card
        ? 'card_not_bound'
        : r.amount.currency !== SIMULATOR_RULES.currency
          ? 'currency_not_supported'
          : r.amount.amount > SIMULATOR_RULES.maxCharge.amount
            ? 'over_single_limit'
            : card.last4 === SIMULATOR_RULES.declinedChargeLast4
              ? 'insufficient_funds_at_bank'
              : null;
      return record(r, 'charge', { status: declined ? 'failed' : 'succeeded', failureReason: declined });
    },

    async payout(r) {
      const existing = await find(r.requestId);
      if (existing) return existing;
      const card = await cardOf(r.token);
      if (!card) return record(r, 'payout', { status: 'failed', failureReason: 'card_not_bound' });
      return record(r, 'payout', { status: 'submitted', failureReason: null });
    },

    outcome: find,

    async settle() {
      const now = deps.clock.now();
      const result = await sql`
        UPDATE payments_sim_transactions t SET
          status = CASE WHEN c.last4 = ${SIMULATOR_RULES.failedPayoutLast4} THEN 'failed' ELSE 'succeeded' END,
          failure_reason = CASE WHEN c.last4 = ${SIMULATOR_RULES.failedPayoutLast4}
            THEN 'payee_account_invalid' ELSE NULL END,
          completed_at = ${now},
          business_date = ${businessDateOf(now)}::date
        FROM payments_sim_cards c
        WHERE c.token = t.token AND t.status = 'submitted' AND t.settle_after <= ${now}`.execute(deps.db);
      return Number(result.numAffectedRows ?? 0n);
    },

    async injectUnmatched(input) {
      return record({ requestId: newId('ext'), token: 'external', amount: input.amount }, input.kind, {
        status: 'succeeded',
        failureReason: null,
      });
    },

    async reconciliationFile(businessDate) {
      const rows = await db
        .selectFrom('payments_sim_transactions')
        .selectAll()
        .where('business_date', '=', businessDate)
        .orderBy('completed_at')
        .orderBy('id')
        .execute();
      const lines = rows.map((r) =>
        [
          r.id,
          r.request_id,
          r.kind,
          formatMoney({ amount: r.amount, currency: r.currency as CurrencyCode }),
          r.currency,
          r.status,
          r.completed_at?.toISOString() ?? '',
        ].join(','),
      );
      return `${[RECONCILIATION_HEADER, ...lines].join('\n')}\n`;
    },
  };
}
