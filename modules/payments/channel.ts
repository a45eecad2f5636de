import type { Money, Result } from '@onefin/kernel';
import type { BankCode, CardNumberError } from './banks.ts';

/** A card as the channel knows it: OneFin keeps the token, never the number. */
export interface ChannelCard {
  token: string;
  bankCode: BankCode;
  last4: string;
}

export type ChannelTransactionKind = 'charge' | 'payout';
/** `submitted` only for payouts: the bank answers later. */
export type ChannelTransactionStatus = 'submitted' | 'succeeded' | 'failed';

/** One movement at the bank, keyed by OneFin's request id (the payment order id). */
export interface ChannelTransaction {
  /** The bank's own reference. */
  channelRef: string;
  requestId: string;
  kind: ChannelTransactionKind;
  amount: Money;
  status: ChannelTransactionStatus;
  failureReason: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface ChannelRequest {
  /** Idempotency key at the bank: the same id never moves money twice. */
  requestId: string;
  token: string;
  amount: Money;
}

/**
 * A bank-card payment channel (a gateway such as UnionPay's or a bank's direct link). Every call that
 * moves money is idempotent by `requestId`, so a retry after a crash or a timeout is always safe.
 */
export interface PaymentChannel {
  readonly name: string;
  /** The largest single top-up the channel accepts. */
  readonly maxCharge: Money;
  /** Verifies the card with its bank and returns a token to charge and pay out with. */
  bindCard(cardNumber: string): Promise<Result<ChannelCard, CardNumberError>>;
  /** Takes money from the card (a top-up): the bank answers at once, `succeeded` or `failed`. */
  charge(request: ChannelRequest): Promise<ChannelTransaction>;
  /** Sends money to the card (a withdrawal): `submitted` now, `succeeded` or `failed` later. */
  payout(request: ChannelRequest): Promise<ChannelTransaction>;
  /** What the bank has for a request id, if anything reached it. */
  outcome(requestId: string): Promise<ChannelTransaction | undefined>;
  /**
   * The bank's reconciliation file for a business date (YYYY-MM-DD, Shanghai): every transaction
   * completed that day, as CSV with the header
   * `channel_ref,request_id,type,amount,currency,status,completed_at`.
   */
  reconciliationFile(businessDate: string): Promise<string>;
}

export const RECONCILIATION_HEADER = 'channel_ref,request_id,type,amount,currency,status,completed_at';
