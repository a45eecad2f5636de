import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { CUSTOMER_PASSWORD, startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import type { AccountId } from './index.ts';

let p: TestPlatform;
let alice: { id: string; client: TestClient };
let bob: { id: string; client: TestClient };

interface AccountBody {
  accountId: string;
  currency: string;
  balance: { amount: string; currency: string };
  available: { amount: string; currency: string };
  pending: { amount: string; currency: string };
}
interface StatementBody {
  items: {
    transferId: string;
    side: string;
    amount: { amount: string };
    balanceAfter: { amount: string };
    code: string;
    reference: string | null;
    postedAt: string;
  }[];
  next?: string;
}

/** Money in from the payment channel, as a top-up posts it. */
async function topUp(customerId: string, fen: bigint, id: string) {
  const cash = await p.services.ledger.openCustomerCashAccount(customerId, 'CNY');
  const { channelClearing } = await p.services.ledger.ensureInternalAccounts('CNY');
  const r = await p.services.ledger.transfer({
    id,
    debitAccountId: channelClearing.id,
    creditAccountId: cash.id as AccountId,
    amount: money(fen),
    code: 'topup',
    reference: `pay_${id}`,
  });
  expect(r.ok).toBe(true);
  return cash;
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z'); // 10:00 in Shanghai, 2 March
  alice = await p.customer('13800000101', '爱丽丝');
  bob = await p.customer('13800000102', '鲍勃');
});
afterAll(() => p.close());

describe('my account', () => {
  it('opens the cash account on first look, empty, in CNY', async () => {
    const res = await bob.client.get('/api/v1/account');
    expect(res.statusCode).toBe(200);
    expect(res.json<AccountBody>()).toMatchObject({
      currency: 'CNY',
      balance: { amount: '0.00', currency: 'CNY' },
      available: { amount: '0.00', currency: 'CNY' },
      pending: { amount: '0.00', currency: 'CNY' },
    });
    // The same account on the next look.
    const again = await bob.client.get('/api/v1/account');
    expect(again.json<AccountBody>().accountId).toBe(res.json<AccountBody>().accountId);
  });

  it('shows a top-up in the balance, and a hold as pending, lowering what is available', async () => {
    const cash = await topUp(alice.id, 100_000n, 'top-1');
    let body = (await alice.client.get('/api/v1/account')).json<AccountBody>();
    expect(body.accountId).toBe(cash.id);
    expect(body.balance.amount).toBe('1000.00');
    expect(body.available.amount).toBe('1000.00');
    const { channelClearing } = await p.services.ledger.ensureInternalAccounts('CNY');
    const hold = await p.services.ledger.transfer({
      id: 'wd-hold-1',
      debitAccountId: cash.id,
      creditAccountId: channelClearing.id,
      amount: money(30_000n),
      code: 'withdrawal',
      hold: { expiresAt: new Date(p.clock.now().getTime() + 3_600_000) },
    });
    expect(hold.ok).toBe(true);
    body = (await alice.client.get('/api/v1/account')).json<AccountBody>();
    expect(body.balance.amount).toBe('1000.00');
    expect(body.pending.amount).toBe('300.00');
    expect(body.available.amount).toBe('700.00');
    await p.services.ledger.voidHold({ id: 'wd-void-1', holdId: 'wd-hold-1' });
    body = (await alice.client.get('/api/v1/account')).json<AccountBody>();
    expect(body.available.amount).toBe('1000.00');
  });

  it('needs a logged-in customer', async () => {
    const res = await p.portalClient().get('/api/v1/account');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('statement', () => {
  beforeAll(async () => {
    p.clock.set('2026-03-03T02:00:00Z');
    await topUp(alice.id, 5_000n, 'top-2');
    p.clock.set('2026-03-05T02:00:00Z');
    await topUp(alice.id, 2_500n, 'top-3');
    // Days passed: the sessions idled out, so both log in again.
    for (const [who, mobile] of [
      [alice, '13800000101'],
      [bob, '13800000102'],
    ] as const) {
      const res = await who.client.post('/api/v1/auth/login', { mobile, password: CUSTOMER_PASSWORD });
      expect(res.statusCode).toBe(200);
    }
  });

  it('lists lines newest first with the running balance', async () => {
    const res = await alice.client.get('/api/v1/account/statement');
    expect(res.statusCode).toBe(200);
    const { items } = res.json<StatementBody>();
    expect(items.map((i) => [i.transferId, i.side, i.amount.amount, i.balanceAfter.amount, i.code])).toEqual([
      ['top-3', 'credit', '25.00', '1075.00', 'topup'],
      ['top-2', 'credit', '50.00', '1050.00', 'topup'],
      ['top-1', 'credit', '1000.00', '1000.00', 'topup'],
    ]);
    expect(items[0]?.reference).toBe('pay_top-3');
  });

  it('filters by business date, both ends inclusive', async () => {
    const only = await alice.client.get('/api/v1/account/statement?from=2026-03-03&to=2026-03-03');
    expect(only.json<StatementBody>().items.map((i) => i.transferId)).toEqual(['top-2']);
    const since = await alice.client.get('/api/v1/account/statement?from=2026-03-03');
    expect(since.json<StatementBody>().items.map((i) => i.transferId)).toEqual(['top-3', 'top-2']);
  });

  it('pages with a cursor until the last line', async () => {
    const first = (await alice.client.get('/api/v1/account/statement?limit=2')).json<StatementBody>();
    expect(first.items).toHaveLength(2);
    expect(first.next).toBeDefined();
    const second = (
      await alice.client.get(`/api/v1/account/statement?limit=2&before=${first.next}`)
    ).json<StatementBody>();
    expect(second.items.map((i) => i.transferId)).toEqual(['top-1']);
    expect(second.next).toBeUndefined();
  });

  it("never shows another customer's lines, whatever cursor or dates they send", async () => {
    const first = (await alice.client.get('/api/v1/account/statement?limit=1')).json<StatementBody>();
    for (const url of [
      '/api/v1/account/statement',
      `/api/v1/account/statement?before=${first.next}`,
      '/api/v1/account/statement?before=999999&from=2026-01-01&to=2026-12-31',
    ]) {
      const res = await bob.client.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json<StatementBody>().items, url).toEqual([]);
    }
    expect((await bob.client.get('/api/v1/account')).json<AccountBody>().balance.amount).toBe('0.00');
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['from=yesterday', 'from'],
    ['to=2026-3-1', 'to'],
    ['from=2026-03-05&to=2026-03-01', 'from'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['before=-1', 'before'],
    ['accountId=acc_someone_else', 'querystring'],
  ])('refuses %s with a 400 problem naming the field', async (query, field) => {
    const res = await alice.client.get(`/api/v1/account/statement?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<{ code: string; errors: { field: string }[] }>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.field).join(' ')).toContain(field);
  });
});
