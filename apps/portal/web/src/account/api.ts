import { api, queryClient } from '../api.ts';

/** Money as the API carries it: a decimal string and its currency. */
export interface MoneyDto {
  amount: string;
  currency: string;
}

/** The customer's CNY cash account: posted balance, what is still available, what is on hold. */
export interface CashAccount {
  accountId: string;
  currency: string;
  balance: MoneyDto;
  available: MoneyDto;
  pending: MoneyDto;
}

export interface StatementLine {
  transferId: string;
  side: 'debit' | 'credit';
  amount: MoneyDto;
  balanceAfter: MoneyDto;
  code: string;
  reference: string | null;
  postedAt: string;
}

export interface Bank {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface PaymentCard {
  id: string;
  bankCode: string;
  bankNameZh: string;
  bankNameEn: string;
  maskedNumber: string;
  last4: string;
  createdAt: string;
}

export type PaymentStatus = 'created' | 'processing' | 'succeeded' | 'failed';

export interface Payment {
  id: string;
  kind: 'topup' | 'withdrawal';
  status: PaymentStatus;
  amount: MoneyDto;
  cardId: string;
  maskedNumber: string;
  bankCode: string;
  failureReason?: string;
  createdAt: string;
  completedAt?: string;
}

export interface Page<T> {
  items: T[];
  next?: string;
}

export const CASH_ACCOUNT_KEY = ['cash-account'] as const;
export const STATEMENT_KEY = ['statement'] as const;
export const CARDS_KEY = ['payment-cards'] as const;
export const PAYMENTS_KEY = ['payments'] as const;

export function fetchCashAccount(): Promise<CashAccount> {
  return api.get<CashAccount>('/account');
}

export function fetchStatement(
  filter: { from?: string; to?: string },
  before?: string,
): Promise<Page<StatementLine>> {
  return api.get<Page<StatementLine>>('/account/statement', { ...filter, before, limit: 20 });
}

export async function fetchBanks(): Promise<Bank[]> {
  return (await api.get<{ items: Bank[] }>('/banks')).items;
}

export async function fetchCards(): Promise<PaymentCard[]> {
  return (await api.get<{ items: PaymentCard[] }>('/payment-cards')).items;
}

export async function bindCard(cardNumber: string): Promise<PaymentCard> {
  return (await api.post<{ card: PaymentCard }>('/payment-cards', { cardNumber })).card;
}

export function fetchPayments(before?: string): Promise<Page<Payment>> {
  return api.get<Page<Payment>>('/payments', { before, limit: 10 });
}

/** A random UUID, also where `crypto.randomUUID` is missing (plain-http origins other than localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Posts a top-up or withdrawal with its `Idempotency-Key`: a retry gets the first answer, never a second payment. */
export function submitPayment(
  kind: 'topup' | 'withdrawal',
  input: { cardId: string; amount: MoneyDto },
  idempotencyKey: string,
): Promise<Payment> {
  return api.postIdempotent<Payment>(kind === 'topup' ? '/top-ups' : '/withdrawals', input, idempotencyKey);
}

/** After money moved: the balance, the statement and the history are stale. */
export function refreshAfterPayment(): void {
  for (const key of [CASH_ACCOUNT_KEY, STATEMENT_KEY, PAYMENTS_KEY]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
