import type { LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../../test/client.ts';
import { type BankCode, cardNumberFor } from './banks.ts';

/** Test helpers over the portal API, as the web app calls it. */
export interface CardBody {
  id: string;
  bankCode: string;
  bankNameZh: string;
  maskedNumber: string;
  last4: string;
}
export interface PaymentBody {
  id: string;
  kind: 'topup' | 'withdrawal';
  status: string;
  amount: { amount: string; currency: string };
  cardId: string;
  maskedNumber: string;
  failureReason?: string;
  completedAt?: string;
}
export interface AccountBody {
  balance: { amount: string };
  available: { amount: string };
}

let serial = 0;

/** Binds a fresh valid card of the bank ending in `last4` (0002: top-ups declined, 0003: payouts fail). */
export async function bindCard(
  client: TestClient,
  bank: BankCode = 'ICBC',
  last4 = '1234',
): Promise<CardBody> {
  serial += 1;
  const res = await client.post('/api/v1/payment-cards', {
    cardNumber: cardNumberFor(bank, last4, serial + process.pid),
  });
  if (res.statusCode !== 201) throw new Error(`binding failed: ${res.body}`);
  return res.json<{ card: CardBody }>().card;
}

/** A POST with an Idempotency-Key (omitted when `key` is undefined). */
export function pay(
  client: TestClient,
  path: '/api/v1/top-ups' | '/api/v1/withdrawals',
  body: unknown,
  key: string | undefined,
): Promise<LightMyRequestResponse> {
  return client.request('POST', path, { body, headers: key === undefined ? {} : { 'idempotency-key': key } });
}

export const cny = (amount: string) => ({ amount, currency: 'CNY' });

/** Balance and available of the customer's cash account, as "My account" shows them. */
export async function account(client: TestClient): Promise<{ balance: string; available: string }> {
  const res = await client.get('/api/v1/account');
  if (res.statusCode !== 200) throw new Error(`account: ${res.body}`);
  const body = res.json<AccountBody>();
  return { balance: body.balance.amount, available: body.available.amount };
}
