import type { CurrencyCode, Money } from '@onefin/kernel';
import { fail, ok } from '@onefin/kernel';
import { type AccountClass, normalSideOf, type Side } from './chart.ts';
import type {
  AccountState,
  Applied,
  Entry,
  LedgerCommand,
  LedgerState,
  PostedTransfer,
  TransferError,
  TransferKind,
} from './types.ts';

const MAX_BIGINT = 2n ** 63n - 1n;
const MAX_ID_LENGTH = 128;

/** The balance on the account's normal side: what the customer (or the books) call its balance. */
export function balanceOf(a: { class: AccountClass; debits: bigint; credits: bigint }): bigint {
  return normalSideOf(a.class) === 'debit' ? a.debits - a.credits : a.credits - a.debits;
}

/** The balance less what open holds reserve against it: what may still be spent. */
export function availableOf(a: AccountState): bigint {
  return normalSideOf(a.class) === 'debit'
    ? a.debits - a.credits - a.pendingCredits
    : a.credits - a.debits - a.pendingDebits;
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

const sameMoney = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;
/** An optional field of a retry matches if omitted (the default was recorded) or equal. */
const sameIfGiven = <T>(given: T | undefined, recorded: T, eq = (a: T, b: T) => a === b) =>
  given === undefined || eq(given, recorded);

/** Whether a retry asks for exactly what was recorded under its id. */
function sameFields(c: LedgerCommand, p: PostedTransfer): boolean {
  const described =
    sameIfGiven(
      c.type === 'expire_hold' ? undefined : c.reference,
      p.reference,
      (a, b) => (a ?? null) === b,
    ) && canonicalJson(('metadata' in c ? c.metadata : undefined) ?? {}) === canonicalJson(p.metadata);
  switch (c.type) {
    case 'transfer':
      return (
        described &&
        p.kind === (c.hold ? 'hold' : 'transfer') &&
        (c.reference ?? null) === p.reference &&
        c.debitAccountId === p.debitAccountId &&
        c.creditAccountId === p.creditAccountId &&
        sameMoney(c.amount, p.amount) &&
        c.code === p.code &&
        (c.hold?.expiresAt.getTime() ?? null) === (p.expiresAt?.getTime() ?? null)
      );
    case 'post_hold':
      return (
        described &&
        p.kind === 'post_hold' &&
        p.relatedId === c.holdId &&
        sameIfGiven(c.amount, p.amount, sameMoney) &&
        sameIfGiven(c.code, p.code)
      );
    case 'void_hold':
    case 'reversal':
      return (
        described &&
        p.kind === c.type &&
        p.relatedId === (c.type === 'void_hold' ? c.holdId : c.transferId) &&
        sameIfGiven(c.code, p.code)
      );
    case 'expire_hold':
      return p.kind === 'expire_hold' && p.relatedId === c.holdId;
  }
}

/** How a command changes an account's four totals. */
interface Delta {
  debits?: bigint;
  credits?: bigint;
  pendingDebits?: bigint;
  pendingCredits?: bigint;
}

function changed(a: AccountState, d: Delta): AccountState {
  return {
    ...a,
    debits: a.debits + (d.debits ?? 0n),
    credits: a.credits + (d.credits ?? 0n),
    pendingDebits: a.pendingDebits + (d.pendingDebits ?? 0n),
    pendingCredits: a.pendingCredits + (d.pendingCredits ?? 0n),
  };
}

/**
 * Why this change may not happen to this account. `releasing` changes only give back reserved
 * money (void, expiry) and so are allowed even on a frozen or closed account.
 */
function refusal(
  account: AccountState,
  currency: CurrencyCode,
  delta: Delta,
  releasing: boolean,
): TransferError | undefined {
  if (account.currency !== currency) return 'currency_mismatch';
  if (!releasing && account.closed) return 'account_closed';
  if (!releasing && account.frozen) return 'account_frozen';
  const next = changed(account, delta);
  if (next.debits + next.pendingDebits > MAX_BIGINT || next.credits + next.pendingCredits > MAX_BIGINT) {
    return 'overflow';
  }
  if (!account.allowNegative && availableOf(next) < 0n) return 'insufficient_funds';
  return undefined;
}

function entryFor(account: AccountState, transfer: PostedTransfer, side: Side): Entry {
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

/** What a valid command will record and how it moves both accounts. */
interface Plan {
  kind: TransferKind;
  debit: AccountState;
  credit: AccountState;
  amount: Money;
  code: string;
  reference: string | null;
  relatedId: string | null;
  expiresAt: Date | null;
  debitDelta: Delta;
  creditDelta: Delta;
  /** Posting kinds write entries; holds and their release do not. */
  posts: boolean;
  releasing: boolean;
}

type Planned = Plan | TransferError;

function planTransfer(state: LedgerState, c: LedgerCommand & { type: 'transfer' }, now: Date): Planned {
  const amount = c.amount.amount;
  if (amount <= 0n) return 'amount_must_be_positive';
  if (c.debitAccountId === c.creditAccountId) return 'same_account';
  const debit = state.accounts.get(c.debitAccountId);
  const credit = state.accounts.get(c.creditAccountId);
  if (!debit || !credit) return 'account_not_found';
  if (c.hold && !(c.hold.expiresAt.getTime() > now.getTime())) return 'invalid_expiry';
  return {
    kind: c.hold ? 'hold' : 'transfer',
    debit,
    credit,
    amount: c.amount,
    code: c.code,
    reference: c.reference ?? null,
    relatedId: null,
    expiresAt: c.hold?.expiresAt ?? null,
    debitDelta: c.hold ? { pendingDebits: amount } : { debits: amount },
    creditDelta: c.hold ? { pendingCredits: amount } : { credits: amount },
    posts: !c.hold,
    releasing: false,
  };
}

const RESOLVED: Partial<Record<TransferKind, TransferError>> = {
  post_hold: 'hold_already_posted',
  void_hold: 'hold_already_voided',
  expire_hold: 'hold_expired',
};

function planResolution(
  state: LedgerState,
  c: LedgerCommand & { type: 'post_hold' | 'void_hold' | 'expire_hold' },
  now: Date,
): Planned {
  const hold = state.transfers.get(c.holdId);
  if (hold?.kind !== 'hold') return 'hold_not_found';
  const resolution = state.resolutions.get(hold.id);
  if (resolution) return RESOLVED[resolution.kind] ?? 'hold_not_found';
  const expired = hold.expiresAt !== null && now.getTime() >= hold.expiresAt.getTime();
  if (c.type === 'expire_hold' ? !expired : expired) return expired ? 'hold_expired' : 'hold_not_expired';
  const debit = state.accounts.get(hold.debitAccountId);
  const credit = state.accounts.get(hold.creditAccountId);
  if (!debit || !credit) return 'account_not_found';
  const held = hold.amount.amount;
  const amount = (c.type === 'post_hold' ? c.amount : undefined) ?? hold.amount;
  if (amount.currency !== hold.amount.currency) return 'currency_mismatch';
  if (amount.amount <= 0n) return 'amount_must_be_positive';
  if (amount.amount > held) return 'amount_exceeds_hold';
  const posts = c.type === 'post_hold';
  const posted = posts ? amount.amount : 0n;
  return {
    kind: c.type,
    debit,
    credit,
    amount,
    code: (c.type === 'expire_hold' ? undefined : c.code) ?? hold.code,
    reference: (c.type === 'expire_hold' ? undefined : c.reference) ?? hold.reference,
    relatedId: hold.id,
    expiresAt: null,
    debitDelta: { pendingDebits: -held, debits: posted },
    creditDelta: { pendingCredits: -held, credits: posted },
    posts,
    releasing: !posts,
  };
}

function planReversal(state: LedgerState, c: LedgerCommand & { type: 'reversal' }): Planned {
  const original = state.transfers.get(c.transferId);
  if (!original) return 'transfer_not_found';
  if (original.kind !== 'transfer' && original.kind !== 'post_hold') return 'not_reversible';
  if (state.resolutions.has(original.id)) return 'already_reversed';
  // The way back: what was credited is debited.
  const debit = state.accounts.get(original.creditAccountId);
  const credit = state.accounts.get(original.debitAccountId);
  if (!debit || !credit) return 'account_not_found';
  const amount = original.amount.amount;
  return {
    kind: 'reversal',
    debit,
    credit,
    amount: original.amount,
    code: c.code ?? 'reversal',
    reference: c.reference ?? original.reference,
    relatedId: original.id,
    expiresAt: null,
    debitDelta: { debits: amount },
    creditDelta: { credits: amount },
    posts: true,
    releasing: false,
  };
}

function plan(state: LedgerState, c: LedgerCommand, now: Date): Planned {
  switch (c.type) {
    case 'transfer':
      return planTransfer(state, c, now);
    case 'post_hold':
    case 'void_hold':
    case 'expire_hold':
      return planResolution(state, c, now);
    case 'reversal':
      return planReversal(state, c);
  }
}

/** The accounts a command may change, known before it is applied (for a group's undo). */
export function accountsTouchedBy(state: LedgerState, c: LedgerCommand): string[] {
  if (c.type === 'transfer') return [c.debitAccountId, c.creditAccountId];
  const other = state.transfers.get(c.type === 'reversal' ? c.transferId : c.holdId);
  return other ? [other.debitAccountId, other.creditAccountId] : [];
}

/**
 * Applies one command to the in-memory state, exactly as the database will end up: both engines
 * call this, in request order, so they give the same result for the same sequence. Mutates `state`
 * only when the transfer is created.
 *
 * Order of checks: the id's shape, then idempotency (a retry answers with the first result even if
 * an account has since been frozen), then the command's own shape, then each account (debit first).
 */
export function applyCommand(state: LedgerState, c: LedgerCommand, now: Date): Applied {
  // Checked before anything else: the database would refuse it and fail a whole batch with it.
  if (c.id.length < 1 || c.id.length > MAX_ID_LENGTH) return { result: fail('invalid_id') };
  const existing = state.transfers.get(c.id);
  if (existing) {
    return sameFields(c, existing)
      ? { result: ok({ status: 'exists', transfer: existing }) }
      : { result: fail('exists_with_different_fields') };
  }
  const p = plan(state, c, now);
  if (typeof p === 'string') return { result: fail(p) };
  const problem =
    refusal(p.debit, p.amount.currency, p.debitDelta, p.releasing) ??
    refusal(p.credit, p.amount.currency, p.creditDelta, p.releasing);
  if (problem) return { result: fail(problem) };

  const transfer: PostedTransfer = {
    id: c.id,
    kind: p.kind,
    debitAccountId: p.debit.id,
    creditAccountId: p.credit.id,
    amount: p.amount,
    code: p.code,
    reference: p.reference,
    metadata: ('metadata' in c ? c.metadata : undefined) ?? {},
    relatedId: p.relatedId,
    expiresAt: p.expiresAt,
    createdAt: now,
  };
  state.transfers.set(transfer.id, transfer);
  if (transfer.relatedId) state.resolutions.set(transfer.relatedId, transfer);
  Object.assign(p.debit, changed(p.debit, p.debitDelta));
  Object.assign(p.credit, changed(p.credit, p.creditDelta));
  const entries = p.posts
    ? [entryFor(p.debit, transfer, 'debit'), entryFor(p.credit, transfer, 'credit')]
    : [];
  return { result: ok({ status: 'created', transfer }), posting: { transfer, entries } };
}

/**
 * Applies a linked group: every command or none. On the first refusal, everything the group did
 * to the state is undone; the refused command keeps its reason, every other gets
 * `linked_event_failed`.
 */
export function applyGroup(state: LedgerState, commands: readonly LedgerCommand[], now: Date): Applied[] {
  if (commands.length === 1 && commands[0]) return [applyCommand(state, commands[0], now)];
  const saved = new Map<string, AccountState>();
  const applied: Applied[] = [];
  for (const c of commands) {
    for (const id of accountsTouchedBy(state, c)) {
      const account = state.accounts.get(id);
      if (account && !saved.has(id)) saved.set(id, { ...account });
    }
    const a = applyCommand(state, c, now);
    applied.push(a);
    if (a.result.ok) continue;
    for (const [id, copy] of saved) Object.assign(state.accounts.get(id) ?? {}, copy);
    for (const done of applied) {
      const t = done.posting?.transfer;
      if (!t) continue;
      state.transfers.delete(t.id);
      if (t.relatedId) state.resolutions.delete(t.relatedId);
    }
    const failed = a.result.error;
    return commands.map((_, i) =>
      i === applied.length - 1 ? { result: fail(failed) } : { result: fail('linked_event_failed') },
    );
  }
  return applied;
}
