import type { Clock, CurrencyCode, Executor, Id, Money, ProblemTable, Result } from '@onefin/kernel';
import type { AccountClass, Side } from './chart.ts';

export type AccountId = Id<'acc'>;

interface Described {
  /** Client-supplied idempotency key, shared by every kind: a retry with the same id posts at most once. */
  id: string;
  reference?: string | null | undefined;
  metadata?: Record<string, unknown> | undefined;
}

/** A request to move money from one account to another in one currency. */
export interface TransferRequest extends Described {
  debitAccountId: AccountId;
  creditAccountId: AccountId;
  amount: Money;
  /** What kind of movement, e.g. `topup`, `fund_subscription`. */
  code: string;
  /**
   * Makes it a hold: the amount is reserved on the debit account (its available balance drops) and
   * posted later in full or in part, voided, or released when it expires.
   */
  hold?: { expiresAt: Date } | undefined;
}

/** Posts an open hold, in full or for less (the rest is released). */
export interface PostHoldRequest extends Described {
  holdId: string;
  /** At most the held amount; the whole hold when omitted. */
  amount?: Money | undefined;
  code?: string | undefined;
}

/** Releases an open hold; nothing is posted. */
export interface VoidHoldRequest extends Described {
  holdId: string;
  code?: string | undefined;
}

/** Undoes a posted transfer with a new one moving the same amount back; entries are never edited. */
export interface ReversalRequest extends Described {
  transferId: string;
  code?: string | undefined;
}

/** Everything the engines apply, tagged. */
export type LedgerCommand =
  | ({ type: 'transfer' } & TransferRequest)
  | ({ type: 'post_hold' } & PostHoldRequest)
  | ({ type: 'void_hold' } & VoidHoldRequest)
  | { type: 'expire_hold'; id: string; holdId: string }
  | ({ type: 'reversal' } & ReversalRequest);

export type TransferKind = 'transfer' | 'hold' | 'post_hold' | 'void_hold' | 'expire_hold' | 'reversal';

/** A transfer as the ledger recorded it. */
export interface PostedTransfer {
  id: string;
  kind: TransferKind;
  debitAccountId: AccountId;
  creditAccountId: AccountId;
  amount: Money;
  code: string;
  reference: string | null;
  metadata: Record<string, unknown>;
  /** The hold this posts, voids or expires; the transfer this reverses. */
  relatedId: string | null;
  /** Holds only: when it lapses if still open. */
  expiresAt: Date | null;
  createdAt: Date;
}

/** Why a transfer was refused (TigerBeetle's result codes, where they apply). */
export type TransferError =
  | 'exists_with_different_fields'
  | 'invalid_id'
  | 'amount_must_be_positive'
  | 'same_account'
  | 'account_not_found'
  | 'currency_mismatch'
  | 'account_closed'
  | 'account_frozen'
  | 'insufficient_funds'
  | 'overflow'
  | 'invalid_expiry'
  | 'hold_not_found'
  | 'hold_already_posted'
  | 'hold_already_voided'
  | 'hold_expired'
  | 'hold_not_expired'
  | 'amount_exceeds_hold'
  | 'transfer_not_found'
  | 'already_reversed'
  | 'not_reversible'
  | 'linked_event_failed';

/**
 * `created` the first time; `exists` for a retry of the same id with the same fields, carrying the
 * transfer as first recorded. A refused transfer is not recorded, so retrying it is evaluated afresh.
 */
export type TransferResult = Result<
  { status: 'created' | 'exists'; transfer: PostedTransfer },
  TransferError
>;

/** Posts transfers; both implementations give the same results and balances for the same sequence. */
export interface TransferEngine {
  /**
   * Applies the commands as one linked group: all are recorded or none (the failing one gets its
   * reason, the others `linked_event_failed`). A single command is a group of one.
   */
  submit(commands: readonly LedgerCommand[]): Promise<TransferResult[]>;
  /** Resolves once every group submitted so far has been answered. */
  drain(): Promise<void>;
}

export interface EngineDeps {
  db: Executor;
  clock: Clock;
}

export const LEDGER_PROBLEMS: ProblemTable<TransferError> = {
  exists_with_different_fields: {
    status: 422,
    title: 'This idempotency key was used for a different transfer',
  },
  invalid_id: { status: 400, title: 'The transfer id must be 1 to 128 characters' },
  amount_must_be_positive: { status: 400, title: 'The amount must be positive' },
  same_account: { status: 400, title: 'The debit and credit accounts must differ' },
  account_not_found: { status: 404, title: 'Account not found' },
  currency_mismatch: { status: 422, title: "The transfer's currency differs from an account's" },
  account_closed: { status: 409, title: 'The account is closed' },
  account_frozen: { status: 409, title: 'The account is frozen' },
  insufficient_funds: { status: 409, title: 'Insufficient funds' },
  overflow: { status: 422, title: 'The amount would overflow the balance' },
  invalid_expiry: { status: 400, title: 'A hold must expire in the future' },
  hold_not_found: { status: 404, title: 'Hold not found' },
  hold_already_posted: { status: 409, title: 'The hold has already been posted' },
  hold_already_voided: { status: 409, title: 'The hold has already been voided' },
  hold_expired: { status: 409, title: 'The hold has expired' },
  hold_not_expired: { status: 409, title: 'The hold has not expired yet' },
  amount_exceeds_hold: { status: 422, title: 'The amount exceeds the held amount' },
  transfer_not_found: { status: 404, title: 'Transfer not found' },
  already_reversed: { status: 409, title: 'The transfer has already been reversed' },
  not_reversible: { status: 422, title: 'Only a posted transfer can be reversed' },
  linked_event_failed: { status: 409, title: 'Another transfer of the same group failed' },
};

/** The part of an account the checks need, with its totals as of now. */
export interface AccountState {
  id: AccountId;
  currency: CurrencyCode;
  class: AccountClass;
  allowNegative: boolean;
  frozen: boolean;
  closed: boolean;
  debits: bigint;
  credits: bigint;
  pendingDebits: bigint;
  pendingCredits: bigint;
  version: bigint;
}

/** One side of a posted transfer, as written to ledger_entries. */
export interface Entry {
  transferId: string;
  accountId: AccountId;
  side: Side;
  amount: bigint;
  currency: CurrencyCode;
  balanceAfter: bigint;
  accountVersion: bigint;
}

/** What a batch (or a single group) sees: the locked accounts and the transfers already recorded. */
export interface LedgerState {
  accounts: Map<string, AccountState>;
  /** Recorded transfers by id: the commands' own ids and the holds/transfers they refer to. */
  transfers: Map<string, PostedTransfer>;
  /** By related id: what resolved a hold (post/void/expiry) or reversed a transfer. */
  resolutions: Map<string, PostedTransfer>;
}

/** What to write for one created transfer. */
export interface Posting {
  transfer: PostedTransfer;
  /** Two for a posting kind, none for a hold, void or expiry. */
  entries: Entry[];
}

export interface Applied {
  result: TransferResult;
  /** Present only when the transfer was created. */
  posting?: Posting;
}
