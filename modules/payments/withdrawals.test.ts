import { createPiiCipher } from '@onefin/kernel';
import { createWorker, serviceJobs } from '@onefin/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, TEST_SECRETS, type TestPlatform } from '../../test/platform.ts';
import { createPaymentsService, type PaymentsService } from './service.ts';
import { account, bindCard, type CardBody, cny, type PaymentBody, pay } from './testing.ts';

let p: TestPlatform;
let alice: { id: string; client: TestClient };
let card: CardBody;
let failing: CardBody;

const PAYOUT_DELAY_MS = 30_000;
/** One worker pass after the simulated bank's payout delay: what `npm start` does every second. */
async function workerPassAfterDelay() {
  p.clock.advance(PAYOUT_DELAY_MS + 1000);
  const worker = createWorker({ db: p.db, log: silentLog, jobs: serviceJobs(p.services) });
  return worker.tick();
}
const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function status(client: TestClient, id: string) {
  return (await client.get(`/api/v1/payments/${id}`)).json<PaymentBody & { history: { status: string }[] }>();
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  alice = await p.customer('13800000401', '爱丽丝');
  card = await bindCard(alice.client, 'ICBC', '1234');
  failing = await bindCard(alice.client, 'BOCOM', '0003');
  const top = await pay(alice.client, '/api/v1/top-ups', { cardId: card.id, amount: cny('1000.00') }, 'fund');
  expect(top.json<PaymentBody>().status).toBe('succeeded');
});
afterAll(() => p.close());

describe('withdrawing to a bound card', () => {
  it('reserves the amount at once, then pays it out when the bank settles', async () => {
    const res = await pay(
      alice.client,
      '/api/v1/withdrawals',
      { cardId: card.id, amount: cny('300.00') },
      'w-1',
    );
    expect(res.statusCode).toBe(202);
    const order = res.json<PaymentBody>();
    expect(order).toMatchObject({ kind: 'withdrawal', status: 'processing', amount: cny('300.00') });
    // Reserved: available drops, the balance does not (yet).
    expect(await account(alice.client)).toEqual({ balance: '1000.00', available: '700.00' });
    // Before the bank's delay nothing changes, however often the worker runs.
    await p.services.paymentChannel.settle();
    await p.services.payments.settleWithdrawals();
    expect((await status(alice.client, order.id)).status).toBe('processing');

    const tick = await workerPassAfterDelay();
    expect(tick.jobs['payments.settle']).toMatchObject({ bankSettled: 1, withdrawals: { succeeded: 1 } });
    const done = await status(alice.client, order.id);
    expect(done.status).toBe('succeeded');
    expect(done.history.map((h) => h.status)).toEqual(['created', 'processing', 'succeeded']);
    expect(await account(alice.client)).toEqual({ balance: '700.00', available: '700.00' });
    const statement = await alice.client.get('/api/v1/account/statement');
    expect(
      statement.json<{ items: { side: string; code: string; reference: string }[] }>().items[0],
    ).toMatchObject({ side: 'debit', code: 'withdrawal', reference: order.id });
  });

  it('gives the money back when the payout fails', async () => {
    const res = await pay(
      alice.client,
      '/api/v1/withdrawals',
      { cardId: failing.id, amount: cny('200.00') },
      'w-2',
    );
    expect(res.json<PaymentBody>().status).toBe('processing');
    expect(await account(alice.client)).toEqual({ balance: '700.00', available: '500.00' });
    await workerPassAfterDelay();
    const done = await status(alice.client, res.json<PaymentBody>().id);
    expect(done).toMatchObject({ status: 'failed', failureReason: 'payee_account_invalid' });
    expect(await account(alice.client)).toEqual({ balance: '700.00', available: '700.00' });
  });

  it('refuses more than is available with 409 insufficient_funds and holds nothing', async () => {
    const first = await pay(
      alice.client,
      '/api/v1/withdrawals',
      { cardId: card.id, amount: cny('600.00') },
      'w-3',
    );
    expect(first.statusCode).toBe(202);
    // 700 balance, 600 reserved: 100.01 is more than the 100 still available.
    const res = await pay(
      alice.client,
      '/api/v1/withdrawals',
      { cardId: card.id, amount: cny('100.01') },
      'w-4',
    );
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'insufficient_funds' });
    expect(await account(alice.client)).toEqual({ balance: '700.00', available: '100.00' });
    const kinds = (await alice.client.get('/api/v1/payments')).json<{ items: PaymentBody[] }>().items;
    expect(kinds.filter((o) => o.kind === 'withdrawal')).toHaveLength(3);
    await workerPassAfterDelay();
    expect(await account(alice.client)).toEqual({ balance: '100.00', available: '100.00' });
  });

  it('replays a withdrawal for the same key without holding twice', async () => {
    const body = { cardId: card.id, amount: cny('40.00') };
    const first = await pay(alice.client, '/api/v1/withdrawals', body, 'w-5');
    const again = await pay(alice.client, '/api/v1/withdrawals', body, 'w-5');
    expect(again.statusCode).toBe(202);
    expect(again.json<PaymentBody>().id).toBe(first.json<PaymentBody>().id);
    expect(await account(alice.client)).toEqual({ balance: '100.00', available: '60.00' });
    const other = await pay(alice.client, '/api/v1/withdrawals', { ...body, amount: cny('41.00') }, 'w-5');
    expect(other.json()).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    await workerPassAfterDelay();
    expect(await account(alice.client)).toEqual({ balance: '60.00', available: '60.00' });
  });
});

/**
 * The same service over the same database, but its process "dies" at one step: the call throws
 * there, as a kill -9 would end it, and whatever it had not committed is gone.
 */
function dyingAt(step: 'charge' | 'payout' | 'postHold'): PaymentsService {
  const channel = p.services.paymentChannel;
  const ledger = p.services.ledger;
  const killed = () => Promise.reject(new Error(`process killed at ${step}`));
  return createPaymentsService({
    db: p.db.primary,
    reads: p.db.replica,
    clock: p.clock,
    pii: createPiiCipher(TEST_SECRETS.piiKey, TEST_SECRETS.piiHashKey),
    channel: {
      ...channel,
      // the bank did charge the card; the answer never arrived
      charge: step === 'charge' ? (r) => channel.charge(r).then(killed) : channel.charge,
      // the payout never left
      payout: step === 'payout' ? killed : channel.payout,
    },
    ledger: { ...ledger, postHold: step === 'postHold' ? killed : ledger.postHold },
  });
}

describe('a crash in the middle of a payment', () => {
  it('a withdrawal whose payout was never sent is sent and settled by the next worker passes', async () => {
    const input = {
      cardId: card.id,
      amount: { amount: 1_000n, currency: 'CNY' as const },
      idempotencyKey: 'crash-1',
    };
    await expect(dyingAt('payout').withdraw(alice.id, input)).rejects.toThrow('killed');
    // The order and its hold committed together before the crash: the money is reserved, not lost.
    expect(await account(alice.client)).toEqual({ balance: '60.00', available: '50.00' });
    const [order] = (await alice.client.get('/api/v1/payments?limit=1')).json<{ items: PaymentBody[] }>()
      .items;
    expect(order).toMatchObject({ status: 'created', amount: cny('10.00') });
    expect(await p.services.payments.settleWithdrawals()).toMatchObject({ submitted: 1, pending: 1 });
    await workerPassAfterDelay();
    expect((await status(alice.client, order?.id ?? '')).status).toBe('succeeded');
    expect(await account(alice.client)).toEqual({ balance: '50.00', available: '50.00' });
  });

  it('a withdrawal whose settle step was interrupted is finished by the next settleWithdrawals()', async () => {
    const input = {
      cardId: card.id,
      amount: { amount: 1_000n, currency: 'CNY' as const },
      idempotencyKey: 'crash-2',
    };
    const placed = await p.services.payments.withdraw(alice.id, input);
    const id = placed.ok ? placed.value.id : '';
    p.clock.advance(PAYOUT_DELAY_MS + 1000);
    expect(await p.services.paymentChannel.settle()).toBe(1);
    await expect(dyingAt('postHold').settleWithdrawals()).rejects.toThrow('killed');
    expect((await status(alice.client, id)).status).toBe('processing');
    expect(await account(alice.client)).toEqual({ balance: '50.00', available: '40.00' });
    expect(await p.services.payments.settleWithdrawals()).toMatchObject({ succeeded: 1, pending: 0 });
    expect((await status(alice.client, id)).status).toBe('succeeded');
    expect(await account(alice.client)).toEqual({ balance: '40.00', available: '40.00' });
    // Running the job again changes nothing.
    expect(await p.services.payments.settleWithdrawals()).toEqual({
      submitted: 0,
      succeeded: 0,
      failed: 0,
      pending: 0,
    });
    expect(await account(alice.client)).toEqual({ balance: '40.00', available: '40.00' });
  });

  it('a top-up the bank took while the request died before the ledger is booked by the worker', async () => {
    const input = {
      cardId: card.id,
      amount: { amount: 2_500n, currency: 'CNY' as const },
      idempotencyKey: 'crash-3',
    };
    await expect(dyingAt('charge').topUp(alice.id, input)).rejects.toThrow('killed');
    expect((await account(alice.client)).balance).toBe('40.00');
    const [order] = (await alice.client.get('/api/v1/payments?limit=1')).json<{ items: PaymentBody[] }>()
      .items;
    expect(order?.status).toBe('created');
    // Too fresh: its request might still be running.
    expect(await p.services.payments.resumeTopUps()).toBe(0);
    p.clock.advance(61_000);
    expect(await p.services.payments.resumeTopUps()).toBe(1);
    expect((await status(alice.client, order?.id ?? '')).status).toBe('succeeded');
    expect(await account(alice.client)).toEqual({ balance: '65.00', available: '65.00' });
    // The customer's retry with the same key answers the same order and posts nothing more.
    const retry = await p.services.payments.topUp(alice.id, input);
    expect(retry).toMatchObject({ ok: true, value: { id: order?.id, status: 'succeeded' } });
    expect((await account(alice.client)).balance).toBe('65.00');
  });
});
