import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { cardNumberFor } from './banks.ts';
import { bindCard, type CardBody } from './testing.ts';

let p: TestPlatform;
let alice: { id: string; client: TestClient };
let bob: { id: string; client: TestClient };

beforeAll(async () => {
  p = await startTestPlatform();
  alice = await p.customer('13800000201', '爱丽丝');
  bob = await p.customer('13800000202', '鲍勃');
});
afterAll(() => p.close());

describe('bank cards', () => {
  it('lists the supported banks with Chinese and English names, without a session', async () => {
    const res = await p.portalClient().get('/api/v1/banks');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { code: string; nameZh: string }[] }>().items;
    expect(items.map((b) => b.code)).toEqual(['ICBC', 'CCB', 'ABC', 'BOC', 'CMB', 'BOCOM', 'PSBC', 'CIB']);
    expect(items[0]).toMatchObject({ nameZh: '中国工商银行' });
  });

  it('binds a card and shows only its masked number and bank, never the number', async () => {
    const number = cardNumberFor('CMB', '5678', 42);
    const res = await alice.client.post('/api/v1/payment-cards', { cardNumber: number });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ card: CardBody }>().card).toMatchObject({
      bankCode: 'CMB',
      bankNameZh: '招商银行',
      maskedNumber: '6225 **** **** 5678',
      last4: '5678',
    });
    expect(res.body).not.toContain(number);
    const list = await alice.client.get('/api/v1/payment-cards');
    expect(list.json<{ items: CardBody[] }>().items.map((c) => c.maskedNumber)).toEqual([
      '6225 **** **** 5678',
    ]);
    expect(list.body).not.toContain(number);
  });

  it('refuses a number failing the Luhn check, an unknown bank, and a malformed one with 400', async () => {
    const good = cardNumberFor('ICBC', '1234', 7);
    const luhnBroken = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    const bad = await alice.client.post('/api/v1/payment-cards', { cardNumber: luhnBroken });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_card_number' });
    const visa = await alice.client.post('/api/v1/payment-cards', { cardNumber: '4111111111111111' });
    expect(visa.json()).toMatchObject({ status: 400, code: 'unsupported_bank' });
    for (const cardNumber of ['6222 0212 3456 7890', 6222021234567890, '']) {
      const res = await alice.client.post('/api/v1/payment-cards', { cardNumber });
      expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    }
    const extra = await alice.client.post('/api/v1/payment-cards', { cardNumber: good, cvv: '123' });
    expect(extra.statusCode).toBe(400);
    expect((await alice.client.get('/api/v1/payment-cards')).json<{ items: unknown[] }>().items).toHaveLength(
      1,
    );
  });

  it('refuses binding a card that is already bound, to anyone, with 409', async () => {
    const number = cardNumberFor('BOC', '4321', 9);
    expect((await alice.client.post('/api/v1/payment-cards', { cardNumber: number })).statusCode).toBe(201);
    const again = await alice.client.post('/api/v1/payment-cards', { cardNumber: number });
    expect(again.json()).toMatchObject({ status: 409, code: 'card_already_bound' });
    const other = await bob.client.post('/api/v1/payment-cards', { cardNumber: number });
    expect(other.json()).toMatchObject({ status: 409, code: 'card_already_bound' });
  });

  it("answers 404 for another customer's card, and unbinds one's own", async () => {
    const card = await bindCard(bob.client, 'CCB', '7777');
    const steal = await alice.client.delete(`/api/v1/payment-cards/${card.id}`);
    expect(steal.json()).toMatchObject({ status: 404, code: 'card_not_found' });
    const pay = await alice.client.request('POST', '/api/v1/top-ups', {
      body: { cardId: card.id, amount: { amount: '1.00', currency: 'CNY' } },
      headers: { 'idempotency-key': 'steal-1' },
    });
    expect(pay.json()).toMatchObject({ status: 404, code: 'card_not_found' });
    expect((await bob.client.get('/api/v1/payment-cards')).json<{ items: CardBody[] }>().items).toHaveLength(
      1,
    );
    expect((await bob.client.delete(`/api/v1/payment-cards/${card.id}`)).statusCode).toBe(204);
    expect((await bob.client.get('/api/v1/payment-cards')).json<{ items: CardBody[] }>().items).toHaveLength(
      0,
    );
    expect((await bob.client.delete(`/api/v1/payment-cards/${card.id}`)).statusCode).toBe(404);
  });

  it('needs a session', async () => {
    expect((await p.portalClient().get('/api/v1/payment-cards')).statusCode).toBe(401);
  });
});
