import type { CurrencyCode, Result } from '@onefin/kernel';
import type { Account } from '@onefin/ledger';
import { bindCard, listCards, unbindCard } from './cards.ts';
import type { PaymentsError } from './errors.ts';
import {
  DEFAULT_PAYMENTS_SETTINGS,
  type Deps,
  type PaymentCard,
  type PaymentEvent,
  type PaymentOrder,
  type PaymentsDeps,
} from './model.ts';
import { getPayment, listPayments } from './orders.ts';
import { getRun, listRuns, type ReconciliationRun, type RunWithBreaks, reconcile } from './reconciliation.ts';
import { type PaymentInput, resumeTopUps, topUp } from './topup.ts';
import { type SettleReport, settleWithdrawals, withdraw } from './withdrawals.ts';

/** Bank-card top-ups and withdrawals of the customer's cash account, and the channel's daily reconciliation. */
export interface PaymentsService {
  /** Binds a debit card after checking its number (Luhn, listed bank); the number itself is not kept. */
  bindCard(customerId: string, cardNumber: string): Promise<Result<PaymentCard, PaymentsError>>;
  listCards(customerId: string): Promise<PaymentCard[]>;
  /** Someone else's card id answers `card_not_found`, like one that does not exist. */
  unbindCard(customerId: string, cardId: string): Promise<Result<void, PaymentsError>>;
  /**
   * Card → cash account. Answers the order, `succeeded` or `failed` (declined by the bank); a retry
   * with the same idempotency key answers the same order and posts nothing more.
   */
  topUp(customerId: string, input: PaymentInput): Promise<Result<PaymentOrder, PaymentsError>>;
  /** Cash account → card: holds the amount and submits the payout; the order is `processing`. */
  withdraw(customerId: string, input: PaymentInput): Promise<Result<PaymentOrder, PaymentsError>>;
  /** The customer's payments, newest first, cursor-paged by payment id. */
  listPayments(
    customerId: string,
    q: { before?: string | undefined; limit: number },
  ): Promise<{ items: PaymentOrder[]; next?: string }>;
  getPayment(
    customerId: string,
    paymentId: string,
  ): Promise<Result<PaymentOrder & { history: PaymentEvent[] }, PaymentsError>>;
  /** Worker job: books the bank's answers to withdrawals and resubmits payouts a crash left unsent. */
  settleWithdrawals(): Promise<SettleReport>;
  /** Worker job: finishes top-ups whose request died between the bank and the ledger. */
  resumeTopUps(): Promise<number>;
  /** Reconciles a business date (YYYY-MM-DD) against the bank's file; stores and returns the run. */
  reconcile(businessDate: string, requestedBy?: string): Promise<Result<RunWithBreaks, PaymentsError>>;
  listRuns(q: {
    before?: string | undefined;
    limit: number;
  }): Promise<{ items: ReconciliationRun[]; next?: string }>;
  getRun(id: string): Promise<Result<RunWithBreaks, PaymentsError>>;
}

export function createPaymentsService(deps: PaymentsDeps): PaymentsService {
  // Internal accounts never change once opened: look the clearing account up once per currency.
  const clearing = new Map<CurrencyCode, Promise<Account>>();
  const d: Deps = {
    ...deps,
    settings: { ...DEFAULT_PAYMENTS_SETTINGS, ...deps.settings },
    clearingAccount(currency) {
      let found = clearing.get(currency);
      if (!found) {
        found = deps.ledger.ensureInternalAccounts(currency).then((a) => a.channelClearing);
        found.catch(() => clearing.delete(currency));
        clearing.set(currency, found);
      }
      return found;
    },
  };
  return {
    bindCard: (customerId, cardNumber) => bindCard(d, customerId, cardNumber),
    listCards: (customerId) => listCards(d, customerId),
    unbindCard: (customerId, cardId) => unbindCard(d, customerId, cardId),
    topUp: (customerId, input) => topUp(d, customerId, input),
    withdraw: (customerId, input) => withdraw(d, customerId, input),
    listPayments: (customerId, q) => listPayments(d, customerId, q),
    getPayment: (customerId, id) => getPayment(d, customerId, id),
    settleWithdrawals: () => settleWithdrawals(d),
    resumeTopUps: () => resumeTopUps(d),
    reconcile: (date, requestedBy) => reconcile(d, date, requestedBy ?? null),
    listRuns: (q) => listRuns(d, q),
    getRun: (id) => getRun(d, id),
  };
}
