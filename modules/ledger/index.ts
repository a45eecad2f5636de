import { type CurrencyCode, createCoalescer, type Executor, type Money, type Result } from '@onefin/kernel';
import {
  type AccountDeps,
  ensureInternalAccounts,
  findCustomerCashAccounts,
  getAccount,
  openCustomerCashAccount,
  setAccountFrozen,
} from './accounts.ts';
import { postGroupsIn } from './apply.ts';
import { createBaselineEngine } from './baseline.ts';
import { createBatchedEngine } from './batched.ts';
import type { InternalKey } from './chart.ts';
import { expireHolds, type OpenHold, openHoldsOf } from './holds.ts';
import { type Balance, balanceOf, type TrialBalanceLine, trialBalance } from './queries.ts';
import { type DailyBalance, dailyBalancesOf, snapshotDailyBalances } from './snapshots.ts';
import { balanceAsOf, type StatementLine, type StatementQuery, statementOf } from './statement.ts';
import type { Account } from './store.ts';
import type {
  AccountId,
  LedgerCommand,
  PostHoldRequest,
  ReversalRequest,
  TransferEngine,
  TransferRequest,
  TransferResult,
  VoidHoldRequest,
} from './types.ts';

export {
  type AccountClass,
  CHART,
  type ChartKey,
  type InternalKey,
  normalSideOf,
  type Side,
} from './chart.ts';
export type { OpenHold } from './holds.ts';
export { ledgerMigrations } from './migrations/index.ts';
export type { Balance, TrialBalanceLine } from './queries.ts';
export type { DailyBalance } from './snapshots.ts';
export type { StatementLine, StatementQuery } from './statement.ts';
export type { Account } from './store.ts';
export {
  type AccountId,
  LEDGER_PROBLEMS,
  type LedgerCommand,
  type PostedTransfer,
  type PostHoldRequest,
  type ReversalRequest,
  type TransferEngine,
  type TransferError,
  type TransferKind,
  type TransferRequest,
  type TransferResult,
  type VoidHoldRequest,
} from './types.ts';

/** Which transfer engine posts: batched in production, the baseline for comparison. */
export type LedgerEngineOption =
  | { kind: 'batched'; writers: number; maxBatch?: number }
  | { kind: 'baseline' };

export interface LedgerDeps extends AccountDeps {
  engine: LedgerEngineOption;
}

/** The double-entry ledger: accounts, exactly-once transfers, balances. */
export interface LedgerService {
  /** The group's internal accounts in a currency, created on first call; safe to call again. */
  ensureInternalAccounts(currency: CurrencyCode): Promise<Record<InternalKey, Account>>;
  /** The customer's one cash account in a currency, opened on first call; safe to call again. */
  openCustomerCashAccount(customerId: string, currency: CurrencyCode): Promise<Account>;
  getAccount(id: AccountId): Promise<Account | undefined>;
  /** A frozen account takes part in no new transfer until unfrozen. */
  setAccountFrozen(id: AccountId, frozen: boolean): Promise<Result<Account, 'account_not_found'>>;
  /**
   * Posts a transfer, exactly once per id. Without `trx` it goes through the engine and resolves
   * after it committed; with `trx` it is posted inside the caller's transaction (locking both
   * accounts there) and commits or rolls back with it.
   * @example await ledger.transfer({ id: order.id, debitAccountId: cash.id, creditAccountId: clearing.id,
   *   amount: money(10_000n), code: 'fund_subscription', reference: order.id })
   */
  transfer(request: TransferRequest, trx?: Executor): Promise<TransferResult>;
  /** Posts an open hold in full or in part (the rest is released); entries appear now. */
  postHold(request: PostHoldRequest, trx?: Executor): Promise<TransferResult>;
  /** Releases an open hold; nothing is posted. */
  voidHold(request: VoidHoldRequest, trx?: Executor): Promise<TransferResult>;
  /** A new transfer moving a posted transfer's amount back; once per transfer. */
  reverse(request: ReversalRequest, trx?: Executor): Promise<TransferResult>;
  /**
   * A linked group: every command recorded or none; on a refusal the refused one carries its reason
   * and the others `linked_event_failed`.
   * @example await ledger.transferGroup([{ type: 'transfer', ...principal }, { type: 'transfer', ...fee }])
   */
  transferGroup(commands: readonly LedgerCommand[], trx?: Executor): Promise<TransferResult[]>;
  /**
   * Many independent linked groups inside the caller's transaction, with one lock of their accounts
   * and one write: an end-of-day job settling thousands of orders per transaction.
   *
   * `freshIds`: the caller made every command's id in this transaction, from a row it has just
   * inserted (an order's hold from the new order's id), so no transfer can carry it yet and the
   * look-up of recorded ones is skipped. Were one there after all, the insert would fail (23505):
   * never a second posting.
   */
  transferGroupsIn(
    trx: Executor,
    groups: ReadonlyArray<readonly LedgerCommand[]>,
    opts?: { freshIds?: boolean },
  ): Promise<TransferResult[][]>;
  /** Releases every hold past its expiry (the worker's job); returns how many it expired. */
  expireHolds(): Promise<number>;
  /** The account's open holds (reserved, not yet posted), oldest first. */
  openHolds(id: AccountId): Promise<OpenHold[]>;
  balanceOf(id: AccountId): Promise<Balance | undefined>;
  /** The balance at the end of a business date (YYYY-MM-DD, Shanghai); zero before the first entry. */
  balanceAsOf(id: AccountId, date: string): Promise<Money | undefined>;
  /** An account's lines with running balance, newest first, filtered by business dates, cursor-paged. */
  statement(id: AccountId, query: StatementQuery): Promise<{ lines: StatementLine[]; next?: bigint }>;
  /** Per currency, total debits and credits over all accounts; they must be equal. */
  trialBalance(): Promise<TrialBalanceLine[]>;
  /**
   * The end-of-day job's step: every account's balance at the end of a business date, written for
   * the warehouse; rerunning a date rewrites the same rows. Returns the number of accounts.
   */
  snapshotDailyBalances(date: string): Promise<number>;
  dailyBalances(id: AccountId, from: string, to: string): Promise<DailyBalance[]>;
  /** Waits until every submitted transfer has been answered (for shutdown). */
  drain(): Promise<void>;
}

export function createLedgerService(deps: LedgerDeps): LedgerService {
  const engineDeps = { db: deps.db, clock: deps.clock };
  const engine: TransferEngine =
    deps.engine.kind === 'batched'
      ? createBatchedEngine(engineDeps, deps.engine)
      : createBaselineEngine(engineDeps);
  const db: Executor = deps.db;
  const group = async (commands: readonly LedgerCommand[], trx?: Executor): Promise<TransferResult[]> => {
    if (commands.length === 0) return [];
    if (!trx) return engine.submit(commands);
    return (await postGroupsIn(trx, [commands], deps.clock.now()))[0] ?? [];
  };
  const one = async (command: LedgerCommand, trx?: Executor): Promise<TransferResult> => {
    const [result] = await group([command], trx);
    if (!result) throw new Error('the ledger returned no result');
    return result;
  };
  // Concurrent look-ups of customers' cash accounts share one read; only a missing one is opened.
  const findCash = createCoalescer(
    async (keys: { customerId: string; currency: CurrencyCode }[]) => {
      const found = await findCustomerCashAccounts(deps, keys);
      return keys.map((k) => found.get(`${k.customerId}:${k.currency}`));
    },
    { parallel: 2 },
  );
  return {
    ensureInternalAccounts: (currency) => ensureInternalAccounts(deps, currency),
    openCustomerCashAccount: async (customerId, currency) =>
      (await findCash({ customerId, currency })) ?? openCustomerCashAccount(deps, customerId, currency),
    getAccount: (id) => getAccount(deps, id),
    setAccountFrozen: (id, frozen) => setAccountFrozen(deps, id, frozen),
    transfer: (request, trx) => one({ type: 'transfer', ...request }, trx),
    postHold: (request, trx) => one({ type: 'post_hold', ...request }, trx),
    voidHold: (request, trx) => one({ type: 'void_hold', ...request }, trx),
    reverse: (request, trx) => one({ type: 'reversal', ...request }, trx),
    transferGroup: group,
    transferGroupsIn: async (trx, groups, opts) =>
      groups.length === 0 ? [] : postGroupsIn(trx, groups, deps.clock.now(), opts?.freshIds),
    expireHolds: () => expireHolds(db, deps.clock, engine),
    openHolds: (id) => openHoldsOf(db, id),
    balanceOf: (id) => balanceOf(db, id),
    balanceAsOf: (id, date) => balanceAsOf(db, id, date),
    statement: (id, query) => statementOf(db, id, query),
    trialBalance: () => trialBalance(db),
    snapshotDailyBalances: (date) => snapshotDailyBalances(db, deps.clock, date),
    dailyBalances: (id, from, to) => dailyBalancesOf(db, id, from, to),
    drain: () => engine.drain(),
  };
}

/** Maker–checker handlers for manual adjustments and reversals; the composition root registers them with identity. */
export { ledgerApprovalHandlers } from './approvals.ts';
/** The console's ledger explorer and correction proposals (Fastify plugin). */
export { type ConsoleLedgerOptions, ledgerConsoleRoutes } from './routes.console.ts';
/** The customer's own cash account and statement (Fastify plugin). */
export { ledgerPortalRoutes, type PortalLedgerOptions } from './routes.portal.ts';
