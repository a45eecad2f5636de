import type { Clock, CurrencyCode, Executor, Id, Money, PiiCipher } from '@onefin/kernel';
import type { Account, LedgerService } from '@onefin/ledger';
import type { BankCode } from './banks.ts';
import type { PaymentChannel } from './channel.ts';
import type { OrderRow } from './schema.ts';

export type CardId = Id<'card'>;
export type PaymentId = Id<'pay'>;

/** A bank card bound to a customer: only the masked number, bank and last four are kept. */
export interface PaymentCard {
  id: CardId;
  customerId: string;
  bankCode: BankCode;
  last4: string;
  /** `6222 **** **** 1234` */
  maskedNumber: string;
  createdAt: Date;
}

export type PaymentKind = 'topup' | 'withdrawal';
/** Top-ups: created → succeeded | failed. Withdrawals: created → processing → succeeded | failed. */
export type PaymentStatus = 'created' | 'processing' | 'succeeded' | 'failed';

export interface PaymentOrder {
  id: PaymentId;
  customerId: string;
  cardId: CardId;
  kind: PaymentKind;
  status: PaymentStatus;
  amount: Money;
  maskedNumber: string;
  bankCode: BankCode;
  failureReason: string | null;
  channelRef: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface PaymentEvent {
  status: PaymentStatus;
  at: Date;
  detail: string | null;
}

export interface PaymentsSettings {
  /** A withdrawal's hold lapses after this long if the bank never answers (DESIGN: holds expire). */
  withdrawalHoldMs: number;
  /**
   * An unfinished top-up older than this is finished by the worker from the bank's answer (its
   * request died between the bank and the ledger).
   */
  resumeAfterMs: number;
}

export const DEFAULT_PAYMENTS_SETTINGS: PaymentsSettings = {
  withdrawalHoldMs: 3 * 24 * 60 * 60 * 1000,
  resumeAfterMs: 60_000,
};

export interface PaymentsDeps {
  db: Executor;
  /** Read replica for staff lists (reconciliation runs). */
  reads: Executor;
  clock: Clock;
  ledger: LedgerService;
  channel: PaymentChannel;
  pii: PiiCipher;
  settings?: Partial<PaymentsSettings>;
}

/** The deps as the operations use them: settings filled in, the clearing account looked up once. */
export interface Deps extends Omit<PaymentsDeps, 'settings'> {
  settings: PaymentsSettings;
  clearingAccount(currency: CurrencyCode): Promise<Account>;
}

export function toOrder(r: OrderRow): PaymentOrder {
  return {
    id: r.id as PaymentId,
    customerId: r.customer_id,
    cardId: r.card_id as CardId,
    kind: r.kind,
    status: r.status,
    amount: { amount: r.amount, currency: r.currency as CurrencyCode },
    maskedNumber: r.masked_number,
    bankCode: r.bank_code as BankCode,
    failureReason: r.failure_reason,
    channelRef: r.channel_ref,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}

/** Ledger transfer ids derived from the order id: a retried step finds its own posting. */
export const transferIds = (orderId: string) => ({
  topup: `${orderId}:topup`,
  hold: `${orderId}:hold`,
  post: `${orderId}:post`,
  void: `${orderId}:void`,
});
