import { type Approval, api, type Page } from '../api.ts';

/** Money as the API carries it: a decimal string and its currency. */
export interface MoneyDto {
  amount: string;
  currency: string;
}

export type AccountClass = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export type Side = 'debit' | 'credit';

export interface ChartEntry {
  key: string;
  code: string;
  nameZh: string;
  nameEn: string;
  class: AccountClass;
  normalSide: Side;
  scope: 'customer' | 'internal';
  allowNegative: boolean;
}

export interface LedgerAccount {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  class: AccountClass;
  normalSide: Side;
  ownerType: 'customer' | 'internal';
  ownerId: string | null;
  currency: string;
  allowNegative: boolean;
  frozen: boolean;
  closed: boolean;
  postedDebits: MoneyDto;
  postedCredits: MoneyDto;
  balance: MoneyDto;
  pending: MoneyDto;
  available: MoneyDto;
  createdAt: string;
}

export interface AccountEntry {
  transferId: string;
  side: Side;
  amount: MoneyDto;
  balanceAfter: MoneyDto;
  counterpartyAccountId: string;
  code: string;
  reference: string | null;
  postedAt: string;
}

export interface LedgerTransfer {
  id: string;
  kind: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: MoneyDto;
  code: string;
  reference: string | null;
  metadata: Record<string, unknown>;
  relatedId: string | null;
  createdAt: string;
}

export interface TransferDetail extends LedgerTransfer {
  entries: {
    accountId: string;
    accountCode: string;
    accountNameZh: string;
    accountNameEn: string;
    ownerType: string;
    ownerId: string | null;
    side: Side;
    amount: MoneyDto;
    balanceAfter: MoneyDto;
  }[];
  resolutions: LedgerTransfer[];
}

interface Totals {
  debits: MoneyDto;
  credits: MoneyDto;
  balance: MoneyDto;
}

export interface TrialBalance {
  currency: string;
  classes: (Totals & { class: AccountClass; normalSide: Side })[];
  codes: (Totals & { code: string; nameZh: string; nameEn: string; class: AccountClass; accounts: number })[];
  debits: MoneyDto;
  credits: MoneyDto;
  difference: MoneyDto;
  isBalanced: boolean;
}

export interface AccountFilter {
  ownerType?: 'customer' | 'internal' | undefined;
  code?: string | undefined;
  currency?: string | undefined;
  customerId?: string | undefined;
}

export async function fetchChart(): Promise<ChartEntry[]> {
  return (await api.get<{ items: ChartEntry[] }>('/ledger/chart')).items;
}

export function fetchAccounts(filter: AccountFilter, cursor?: string): Promise<Page<LedgerAccount>> {
  return api.get<Page<LedgerAccount>>('/ledger/accounts', { ...filter, cursor, limit: 50 });
}

export function fetchAccount(id: string): Promise<LedgerAccount> {
  return api.get<LedgerAccount>(`/ledger/accounts/${encodeURIComponent(id)}`);
}

export function fetchEntries(
  id: string,
  range: { from?: string | undefined; to?: string | undefined },
  before?: string,
): Promise<Page<AccountEntry>> {
  return api.get<Page<AccountEntry>>(`/ledger/accounts/${encodeURIComponent(id)}/entries`, {
    ...range,
    before,
    limit: 50,
  });
}

export function fetchTransfer(id: string): Promise<TransferDetail> {
  return api.get<TransferDetail>(`/ledger/transfers/${encodeURIComponent(id)}`);
}

export async function fetchTrialBalance(): Promise<TrialBalance[]> {
  return (await api.get<{ items: TrialBalance[] }>('/ledger/trial-balance')).items;
}

export async function proposeAdjustment(input: {
  accountId: string;
  direction: Side;
  amount: MoneyDto;
  reason: string;
}): Promise<Approval> {
  return (await api.post<{ approval: Approval }>('/ledger/adjustments', input)).approval;
}

export async function proposeReversal(input: { transferId: string; reason: string }): Promise<Approval> {
  return (await api.post<{ approval: Approval }>('/ledger/reversals', input)).approval;
}

export type BreakKind = 'missing_in_ledger' | 'missing_in_channel' | 'amount_mismatch' | 'status_mismatch';

export interface ReconciliationRun {
  id: string;
  businessDate: string;
  channel: string;
  requestedBy: string | null;
  channelLines: number;
  ledgerLines: number;
  matched: number;
  breakCount: number;
  channelNet: MoneyDto;
  ledgerNet: MoneyDto;
  createdAt: string;
}

export interface ReconciliationBreak {
  seq: number;
  kind: BreakKind;
  orderId: string | null;
  channelRef: string | null;
  ledgerTransferId: string | null;
  channelAmount: MoneyDto | null;
  ledgerAmount: MoneyDto | null;
  detail: string;
}

export function fetchRuns(before?: string): Promise<Page<ReconciliationRun>> {
  return api.get<Page<ReconciliationRun>>('/reconciliation/runs', { before, limit: 50 });
}

export function fetchRun(id: string): Promise<ReconciliationRun & { breaks: ReconciliationBreak[] }> {
  return api.get(`/reconciliation/runs/${encodeURIComponent(id)}`);
}

export function runReconciliation(date: string): Promise<ReconciliationRun> {
  return api.post<ReconciliationRun>('/reconciliation/runs', { date });
}
