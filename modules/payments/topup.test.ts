import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { account, bindCard, type CardBody, cny, type PaymentBody, pay } from './testing.ts';

let p: TestPlatform;
let alice: { id: string; client: TestClient };
let bob: { id: string; client: TestClient };
let card: CardBody;

interface StatementBody {
  items: {
    transferId: string;
    side: string;
    amount: { amount: string };
    code: string;
    reference: string | null;
  }[];
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  alice = await p.customer('13800000301', '爱丽丝');
  bob = await p.customer('13800000302', '鲍勃');
  card = await bindCard(alice.client, 'ICBC', '1234');
});
afterAll(() => p.close());

describe('topping up from a bound card', () => {
  it('credits the cash account and shows a statement line referencing the order', async () => {
    const res = await pay(
      alice.client,
      '/api/v1/top-ups',
      { cardId: card.id, amount: cny('1000.00') },
      'topup-1',
    );
    expect(res.statusCode).toBe(201);
    const order = res.json<PaymentBody>();
    expect(order).toMatchObject({
      kind: 'topup',
      status: 'succeeded',
      amount: cny('1000.00'),
      cardId: card.id,
      maskedNumber: card.maskedNumber,
    });
    expect(order.completedAt).toBeDefined();
    expect(await account(alice.client)).toEqual({ balance: '1000.00', available: '1000.00' });
    const statement = await alice.client.get('/api/v1/account/statement');
    expect(statement.json<StatementBody>().items).toEqual([
      expect.objectContaining({ side: 'credit', amount: cny('1000.00'), code: 'topup', reference: order.id }),
    ]);
    const history = await alice.client.get('/api/v1/payments');
    expect(history.json<{ items: PaymentBody[] }>().items.map((o) => [o.id, o.status])).toEqual([
      [order.id, 'succeeded'],
    ]);
    const detail = await alice.client.get(`/api/v1/payments/${order.id}`);
    expect(detail.json<{ history: { status: string }[] }>().history.map((h) => h.status)).toEqual([
      'created',
      'succeeded',
    ]);
  });

  it('replays the first answer for the same key and posts once, also when the replays race', async () => {
    const body = { cardId: card.id, amount: cny('50.00') };
    const first = await pay(alice.client, '/api/v1/top-ups', body, 'topup-2');
    const again = await pay(alice.client, '/api/v1/top-ups', body, 'topup-2');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const racing = await Promise.all(
      Array.from({ length: 6 }, () =>
        pay(alice.client, '/api/v1/top-ups', { ...body, amount: cny('7.00') }, 'topup-3'),
      ),
    );
    // Each answer is the order, or "still running, retry"; never a second order.
    for (const r of racing) expect([201, 409]).toContain(r.statusCode);
    const ids = new Set(racing.filter((r) => r.statusCode === 201).map((r) => r.json<PaymentBody>().id));
    expect(ids.size).toBe(1);
    const after = await pay(alice.client, '/api/v1/top-ups', { ...body, amount: cny('7.00') }, 'topup-3');
    expect(after.json<PaymentBody>().id).toBe([...ids][0]);
    expect(await account(alice.client)).toEqual({ balance: '1057.00', available: '1057.00' });
    const topups = (await alice.client.get('/api/v1/payments')).json<{ items: PaymentBody[] }>().items;
    expect(topups).toHaveLength(3);
  });

  it('refuses the same key with a different body with 422 and moves nothing', async () => {
    const res = await pay(
      alice.client,
      '/api/v1/top-ups',
      { cardId: card.id, amount: cny('51.00') },
      'topup-2',
    );
    expect(res.json()).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect((await account(alice.client)).balance).toBe('1057.00');
  });

  it('needs an Idempotency-Key', async () => {
    const res = await pay(
      alice.client,
      '/api/v1/top-ups',
      { cardId: card.id, amount: cny('5.00') },
      undefined,
    );
    expect(res.json()).toMatchObject({ status: 400, code: 'idempotency_key_missing' });
    expect((await account(alice.client)).balance).toBe('1057.00');
  });

  it('records a declined card as a failed top-up that moves nothing', async () => {
    const poor = await bindCard(alice.client, 'CCB', '0002');
    const res = await pay(
      alice.client,
      '/api/v1/top-ups',
      { cardId: poor.id, amount: cny('10.00') },
      'topup-4',
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<PaymentBody>()).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_funds_at_bank',
      maskedNumber: poor.maskedNumber,
    });
    expect(await account(alice.client)).toEqual({ balance: '1057.00', available: '1057.00' });
  });

  it('refuses bad amounts with 400 and changes nothing', async () => {
    const bad: unknown[] = [
      cny('0'),
      cny('0.00'),
      cny('-5.00'),
      cny('1.005'),
      cny('1e3'),
      cny(' 5'),
      { amount: '5.00', currency: 'XYZ' },
      { amount: 5, currency: 'CNY' },
      { amount: '5.00' },
      '5.00',
      { amount: '5.00', currency: 'CNY', extra: true },
    ];
    for (const [i, amount] of bad.entries()) {
      const res = await pay(alice.client, '/api/v1/top-ups', { cardId: card.id, amount }, `bad-${i}`);
      expect(res.statusCode, JSON.stringify(amount)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    const noCard = await pay(alice.client, '/api/v1/top-ups', { amount: cny('5.00') }, 'bad-x');
    expect(noCard.statusCode).toBe(400);
    // A key used by a refused request stays free: it was never reserved.
    const ok = await pay(alice.client, '/api/v1/top-ups', { cardId: card.id, amount: cny('1.00') }, 'bad-0');
    expect(ok.statusCode).toBe(201);
    expect((await account(alice.client)).balance).toBe('1058.00');
  });

  it('refuses a currency the channel does not take, and more than the single limit, with 422', async () => {
    const usd = await pay(
      alice.client,
      '/api/v1/top-ups',
      { cardId: card.id, amount: { amount: '5.00', currency: 'USD' } },
      'usd',
    );
    expect(usd.json()).toMatchObject({ status: 422, code: 'currency_not_supported' });
    const big = await pay(
      alice.client,
      '/api/v1/top-ups',
      { cardId: card.id, amount: cny('50000.01') },
      'big',
    );
    expect(big.json()).toMatchObject({ status: 422, code: 'over_single_limit' });
    const limit = await pay(
      alice.client,
      '/api/v1/top-ups',
      { cardId: card.id, amount: cny('50000.00') },
      'limit',
    );
    expect(limit.json<PaymentBody>().status).toBe('succeeded');
    expect((await account(alice.client)).balance).toBe('51058.00');
  });

  it("keeps each customer's payments to themselves", async () => {
    const mine = (await alice.client.get('/api/v1/payments')).json<{ items: PaymentBody[] }>().items;
    const theirs = await bob.client.get('/api/v1/payments');
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    const peek = await bob.client.get(`/api/v1/payments/${mine[0]?.id}`);
    expect(peek.statusCode).toBe(404);
    // Bob's key space is his own: the same key as Alice's is a new payment for him.
    const bobCard = await bindCard(bob.client, 'ABC', '1111');
    const res = await pay(
      bob.client,
      '/api/v1/top-ups',
      { cardId: bobCard.id, amount: cny('3.00') },
      'topup-1',
    );
    expect(res.json<PaymentBody>()).toMatchObject({ status: 'succeeded', cardId: bobCard.id });
  });

  it('pages the history newest first', async () => {
    const first = await alice.client.get('/api/v1/payments?limit=2');
    const page = first.json<{ items: PaymentBody[]; next?: string }>();
    expect(page.items).toHaveLength(2);
    expect(page.next).toBeDefined();
    const rest = await alice.client.get(`/api/v1/payments?limit=50&before=${page.next}`);
    const all = [...page.items, ...rest.json<{ items: PaymentBody[] }>().items];
    expect(all).toHaveLength(6);
    expect(all.map((o) => o.id)).toEqual([...all.map((o) => o.id)].sort().reverse());
  });
});
