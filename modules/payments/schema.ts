import type { Executor } from '@onefin/kernel';
import type { Selectable } from 'kysely';

/** The payments module's own tables; no other module reads or writes them. */
export type PaymentsTables = {
  payments_cards: {
    id: string;
    customer_id: string;
    bank_code: string;
    last4: string;
    masked_number: string;
    /** Keyed hash (PiiCipher.lookupHash) of the full number: finds a second binding, reveals nothing. */
    card_hash: string;
    channel_token: string;
    status: 'active' | 'removed';
    created_at: Date;
    removed_at: Date | null;
  };
  payments_orders: {
    id: string;
    customer_id: string;
    card_id: string;
    kind: 'topup' | 'withdrawal';
    status: 'created' | 'processing' | 'succeeded' | 'failed';
    amount: bigint;
    currency: string;
    /** Copied from the card when the order was placed: the order still reads right after an unbind. */
    masked_number: string;
    bank_code: string;
    idempotency_key: string;
    failure_reason: string | null;
    channel_ref: string | null;
    created_at: Date;
    updated_at: Date;
    completed_at: Date | null;
  };
  payments_order_events: {
    order_id: string;
    status: string;
    at: Date;
    detail: string | null;
  };
  payments_reconciliation_runs: {
    id: string;
    business_date: string;
    channel: string;
    currency: string;
    requested_by: string | null;
    channel_lines: number;
    ledger_lines: number;
    matched: number;
    breaks: number;
    /** Net movement, money into the clearing account positive. */
    channel_net: bigint;
    ledger_net: bigint;
    created_at: Date;
  };
  payments_reconciliation_breaks: {
    run_id: string;
    seq: number;
    kind: string;
    order_id: string | null;
    channel_ref: string | null;
    ledger_transfer_id: string | null;
    channel_amount: bigint | null;
    ledger_amount: bigint | null;
    currency: string;
    detail: string;
  };
  /** The simulated bank's books (simulator.ts): what a real bank would keep on its side. */
  payments_sim_cards: {
    token: string;
    card_hash: string;
    bank_code: string;
    last4: string;
    created_at: Date;
  };
  payments_sim_transactions: {
    id: string;
    request_id: string;
    kind: 'charge' | 'payout';
    token: string | null;
    amount: bigint;
    currency: string;
    status: 'submitted' | 'succeeded' | 'failed';
    failure_reason: string | null;
    created_at: Date;
    settle_after: Date | null;
    completed_at: Date | null;
    /** The bank's business date of completion: which day's file lists it. */
    business_date: string | null;
  };
};

export type CardRow = Selectable<PaymentsTables['payments_cards']>;
export type OrderRow = Selectable<PaymentsTables['payments_orders']>;
export type RunRow = Selectable<PaymentsTables['payments_reconciliation_runs']>;
export type BreakRow = Selectable<PaymentsTables['payments_reconciliation_breaks']>;
export type SimTransactionRow = Selectable<PaymentsTables['payments_sim_transactions']>;

export function paymentsDb(db: Executor) {
  return db.withTables<PaymentsTables>();
}
