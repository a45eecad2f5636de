import type { CurrencyCode, Executor, Money, Result } from '@onefin/kernel';
import {
  type AccountDeps,
  ensureInternalAccounts,
  getAccount,
  openCustomerCashAccount,
  setAccountFrozen,
} from './accounts.ts';
import { createBaselineEngine, postTransferIn } from './baseline.ts';
import { createBatchedEngine } from './batched.ts';
import type { InternalKey } from './chart.ts';
import type { AccountId, TransferEngine, TransferRequest, TransferResult } from './checks.ts';
import { type Balance, balanceOf, type TrialBalanceLine, trialBalance } from './queries.ts';
import { balanceAsOf, type StatementLine, type StatementQuery, statementOf } from './statement.ts';
import type { Account } from './store.ts';

export {
  type AccountClass,
  CHART,
  type ChartKey,
  type InternalKey,
  normalSideOf,
  type Side,
} from './chart.ts';
export {
  type AccountId,
  LEDGER_PROBLEMS,
  type PostedTransfer,
  type TransferEngine,
  type TransferError,
  type TransferRequest,
  type TransferResult,
} from './checks.ts';
export { ledgerMigrations } from './migrations/index.ts';
export type { Balance, TrialBalanceLine } from './queries.ts';
export type { StatementLine, StatementQuery } from './statement.ts';
export type { Account } from './store.ts';

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
  balanceOf(id: AccountId): Promise<Balance | undefined>;
  /** The balance at the end of a business date (YYYY-MM-DD, Shanghai); zero before the first entry. */
  balanceAsOf(id: AccountId, date: string): Promise<Money | undefined>;
  /** An account's lines with running balance, newest first, filtered by business dates, cursor-paged. */
  statement(id: AccountId, query: StatementQuery): Promise<{ lines: StatementLine[]; next?: bigint }>;
  /** Per currency, total debits and credits over all accounts; they must be equal. */
  trialBalance(): Promise<TrialBalanceLine[]>;
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
  return {
    ensureInternalAccounts: (currency) => ensureInternalAccounts(deps, currency),
    openCustomerCashAccount: (customerId, currency) => openCustomerCashAccount(deps, customerId, currency),
    getAccount: (id) => getAccount(deps, id),
    setAccountFrozen: (id, frozen) => setAccountFrozen(deps, id, frozen),
    transfer: (request, trx) =>
      trx ? postTransferIn(trx, request, deps.clock.now()) : engine.submit(request),
    balanceOf: (id) => balanceOf(db, id),
    balanceAsOf: (id, date) => balanceAsOf(db, id, date),
    statement: (id, query) => statementOf(db, id, query),
    trialBalance: () => trialBalance(db),
    drain: () => engine.drain(),
  };
}
