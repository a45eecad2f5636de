import type { Clock, CurrencyCode, Executor, Id, Money, ProblemTable, Result } from '@onefin/kernel';
import { fail, ok } from '@onefin/kernel';
import { type AccountClass, normalSideOf, type Side } from './chart.ts';

export type AccountId = Id<'acc'>;

/** A request to move money from one account to another in one currency. */
export interface TransferRequest {
  /** Client-supplied idempotency key: a retry with the same id posts at most once. */
  id: string;
  debitAccountId: AccountId;
  creditAccountId: AccountId;
  amount: Money;
  /** What kind of movement, e.g. `topup`, `fund_subscription`. */
  code: string;
  /** The business object behind it (order, loan, policy). */
  reference?: string | null | undefined;
  metadata?: Record<string, unknown> | undefined;
}

/** A transfer as the ledger recorded it. */
export interface PostedTransfer {
  id: string;
  debitAccountId: AccountId;
  creditAccountId: AccountId;
  amount: Money;
  code: string;
  reference: string | null;
  metadata: Record<string, unknown>;
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
  | 'overflow';

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
  submit(transfer: TransferRequest): Promise<TransferResult>;
  /** Resolves once every transfer submitted so far has been answered. */
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
};

/** The part of an account the checks need, with its posted totals as of now. */
export interface AccountState {
  id: AccountId;
  currency: CurrencyCode;
  class: AccountClass;
  allowNegative: boolean;
  frozen: boolean;
  closed: boolean;
  debits: bigint;
  credits: bigint;
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

/** What a batch (or a single transfer) sees: the locked accounts and the transfers already recorded. */
export interface LedgerState {
  accounts: Map<string, AccountState>;
  transfers: Map<string, PostedTransfer>;
}

export interface Applied {
  result: TransferResult;
  /** Present only when the transfer was created: what to write. */
  posting?: { transfer: PostedTransfer; entries: [Entry, Entry] };
}

const MAX_BIGINT = 2n ** 63n - 1n;
const MAX_ID_LENGTH = 128;

/** The balance on the account's normal side: what the customer (or the books) call its balance. */
export function balanceOf(a: { class: AccountClass; debits: bigint; credits: bigint }): bigint {
  return normalSideOf(a.class) === 'debit' ? a.debits - a.credits : a.credits - a.debits;
}

/** JSON with sorted keys, so metadata compares equal however its keys were ordered (jsonb reorders). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sameFields(t: TransferRequest, p: PostedTransfer): boolean {
  return (
    t.debitAccountId === p.debitAccountId &&
    t.creditAccountId === p.creditAccountId &&
    t.amount.amount === p.amount.amount &&
    t.amount.currency === p.amount.currency &&
    t.code === p.code &&
    (t.reference ?? null) === p.reference &&
    canonicalJson(t.metadata ?? {}) === canonicalJson(p.metadata)
  );
}

function refuse(error: TransferError): Applied {
  return { result: fail(error) };
}

function refusal(account: AccountState, transfer: TransferRequest, side: Side): TransferError | undefined {
  if (account.currency !== transfer.amount.currency) return 'currency_mismatch';
  if (account.closed) return 'account_closed';
  if (account.frozen) return 'account_frozen';
  const amount = transfer.amount.amount;
  const debits = side === 'debit' ? account.debits + amount : account.debits;
  const credits = side === 'credit' ? account.credits + amount : account.credits;
  if (debits > MAX_BIGINT || credits > MAX_BIGINT) return 'overflow';
  if (!account.allowNegative && balanceOf({ class: account.class, debits, credits }) < 0n) {
    return 'insufficient_funds';
  }
  return undefined;
}

function post(account: AccountState, transfer: PostedTransfer, side: Side): Entry {
  if (side === 'debit') account.debits += transfer.amount.amount;
  else account.credits += transfer.amount.amount;
  account.version += 1n;
  return {
    transferId: transfer.id,
    accountId: account.id,
    side,
    amount: transfer.amount.amount,
    currency: transfer.amount.currency,
    balanceAfter: balanceOf(account),
    accountVersion: account.version,
  };
}

/**
 * Applies one transfer to the in-memory state, exactly as the database will end up: both engines
 * call this, in request order, so they give the same result for the same sequence. Mutates `state`
 * only when the transfer is created.
 *
 * Order of checks: idempotency first (a retry answers with the first result even if an account has
 * since been frozen), then the request's own shape, then each account (debit side first).
 */
export function applyTransfer(state: LedgerState, t: TransferRequest, now: Date): Applied {
  // Checked before anything else: the database would refuse it and fail a whole batch with it.
  if (t.id.length < 1 || t.id.length > MAX_ID_LENGTH) return refuse('invalid_id');
  const existing = state.transfers.get(t.id);
  if (existing) {
    return sameFields(t, existing)
      ? { result: ok({ status: 'exists', transfer: existing }) }
      : refuse('exists_with_different_fields');
  }
  if (t.amount.amount <= 0n) return refuse('amount_must_be_positive');
  if (t.debitAccountId === t.creditAccountId) return refuse('same_account');
  const debit = state.accounts.get(t.debitAccountId);
  const credit = state.accounts.get(t.creditAccountId);
  if (!debit || !credit) return refuse('account_not_found');
  const problem = refusal(debit, t, 'debit') ?? refusal(credit, t, 'credit');
  if (problem) return refuse(problem);

  const transfer: PostedTransfer = {
    id: t.id,
    debitAccountId: t.debitAccountId,
    creditAccountId: t.creditAccountId,
    amount: t.amount,
    code: t.code,
    reference: t.reference ?? null,
    metadata: t.metadata ?? {},
    createdAt: now,
  };
  state.transfers.set(t.id, transfer);
  const entries: [Entry, Entry] = [post(debit, transfer, 'debit'), post(credit, transfer, 'credit')];
  return { result: ok({ status: 'created', transfer }), posting: { transfer, entries } };
}
