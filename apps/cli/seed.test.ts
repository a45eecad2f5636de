import { businessDateOf } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { DEMO_CUSTOMER_PASSWORD, DEMO_CUSTOMERS, DEMO_STAFF_PASSWORD, seedDemo } from './src/seed.ts';

let p: TestPlatform;
let first: { created: number };

beforeAll(async () => {
  p = await startTestPlatform();
  first = await seedDemo(p);
}, 120_000);
afterAll(() => p.close());

async function customer(mobile: string): Promise<TestClient> {
  const client = p.portalClient();
  const res = await client.post('/api/v1/auth/login', { mobile, password: DEMO_CUSTOMER_PASSWORD });
  expect(res.statusCode).toBe(200);
  return client;
}

async function staff(username: string): Promise<TestClient> {
  const client = p.consoleClient();
  const res = await client.post('/api/v1/auth/login', { username, password: DEMO_STAFF_PASSWORD });
  expect(res.statusCode).toBe(200);
  return client;
}

type Money = { amount: string; currency: string };
interface Account {
  balance: Money;
  available: Money;
  pending: Money;
}
interface Line {
  side: string;
  amount: Money;
  balanceAfter: Money;
  code: string;
}
interface Payment {
  kind: string;
  status: string;
  amount: Money;
  maskedNumber: string;
  failureReason?: string;
}

/** What a customer sees on "My account": the balance card, the statement and the payments. */
async function myAccount(mobile: string) {
  const client = await customer(mobile);
  const account = (await client.get('/api/v1/account')).json<Account>();
  const lines = (await client.get('/api/v1/account/statement?limit=50')).json<{ items: Line[] }>().items;
  const payments = (await client.get('/api/v1/payments?limit=50')).json<{ items: Payment[] }>().items;
  return {
    balance: account.balance.amount,
    available: account.available.amount,
    pending: account.pending.amount,
    statement: lines.map(
      (l) => `${l.code} ${l.side === 'credit' ? '+' : '-'}${l.amount.amount} → ${l.balanceAfter.amount}`,
    ),
    payments: payments.map(
      (x) => `${x.kind} ${x.amount.amount} ${x.status}${x.failureReason ? ` ${x.failureReason}` : ''}`,
    ),
  };
}

/** Everything a user could see of the seeded world, except reconciliation runs (running one adds one). */
async function visibleWorld() {
  const ops = await staff('operations');
  const customers = [];
  for (const c of DEMO_CUSTOMERS) customers.push(await myAccount(c.mobile));
  return {
    customers,
    trialBalance: (await ops.get('/api/v1/ledger/trial-balance')).json(),
    approvals: (await ops.get('/api/v1/approvals?limit=50')).json(),
  };
}

describe('the demo world after `onefin seed`', () => {
  it('张伟 sees his top-ups, a paid-out withdrawal, one still 处理中, and the approved adjustment', async () => {
    const seen = await myAccount('13800138001');
    // 20,000 + 3,500 + 888.88 − 2,000 paid out + 50 adjustment; 1,200 reserved by the open withdrawal
    expect(seen).toMatchObject({ balance: '22438.88', available: '21238.88', pending: '1200.00' });
    expect(seen.statement).toEqual([
      'adjustment +50.00 → 22438.88',
      'withdrawal -2000.00 → 22388.88',
      'topup +888.88 → 24388.88',
      'topup +3500.00 → 23500.00',
      'topup +20000.00 → 20000.00',
    ]);
    expect(seen.payments).toEqual([
      'withdrawal 1200.00 processing',
      'withdrawal 2000.00 succeeded',
      'topup 888.88 succeeded',
      'topup 3500.00 succeeded',
      'topup 20000.00 succeeded',
    ]);
  });

  it('李娜 has the card ending 0002: her top-up was declined, with the bank’s reason, and moved nothing', async () => {
    const seen = await myAccount('13900139003');
    expect(seen).toMatchObject({ balance: '0.00', available: '0.00', statement: [] });
    expect(seen.payments).toEqual(['topup 10000.00 failed insufficient_funds_at_bank']);
  });

  it('刘洋’s withdrawal failed at the bank (card ending 0003) and the money is his again', async () => {
    const seen = await myAccount('13700137004');
    expect(seen).toMatchObject({ balance: '7800.00', available: '7800.00', pending: '0.00' });
    expect(seen.payments[0]).toBe('withdrawal 2000.00 failed payee_account_invalid');
  });

  it('every customer has one card of a different bank', async () => {
    const banks = [];
    for (const c of DEMO_CUSTOMERS) {
      const client = await customer(c.mobile);
      const cards = (await client.get('/api/v1/payment-cards')).json<{ items: { bankCode: string }[] }>()
        .items;
      expect(cards).toHaveLength(1);
      banks.push(cards[0]?.bankCode);
    }
    expect(new Set(banks).size).toBe(DEMO_CUSTOMERS.length);
  });

  it('the books balance, and the approvals inbox has the adjustment operations proposed and ops2 approved', async () => {
    const ops = await staff('operations');
    const tb = (await ops.get('/api/v1/ledger/trial-balance')).json<{
      items: { currency: string; isBalanced: boolean; debits: Money }[];
    }>();
    expect(tb.items).toEqual([expect.objectContaining({ currency: 'CNY', isBalanced: true })]);
    const approvals = (await ops.get('/api/v1/approvals?limit=50')).json<{
      items: { action: string; status: string; makerId: string; checkerId: string; decisionNote: string }[];
    }>().items;
    const adjustment = approvals.find((a) => a.action === 'ledger.adjust');
    const staffIds = new Map((await p.services.identity.listStaff()).map((s) => [s.id, s.username]));
    expect(adjustment).toMatchObject({ status: 'approved', decisionNote: '已核对工单与补偿标准，同意' });
    expect(staffIds.get(adjustment?.makerId ?? '')).toBe('operations');
    expect(staffIds.get(adjustment?.checkerId ?? '')).toBe('ops2');
  });

  it('running seed again changes nothing anyone can see', async () => {
    const before = await visibleWorld();
    expect(await seedDemo(p)).toEqual({ created: 0 });
    expect(await visibleWorld()).toEqual(before);
    expect(first.created).toBeGreaterThan(DEMO_CUSTOMERS.length);
  });

  it('reconciling today shows the one bank credit OneFin never booked, and nothing else', async () => {
    const ops = await staff('operations');
    const res = await ops.post('/api/v1/reconciliation/runs', { date: businessDateOf(p.clock.now()) });
    expect(res.statusCode).toBe(201);
    const run = res.json<{ breakCount: number; breaks: { kind: string; channelAmount: Money | null }[] }>();
    expect(run.breaks).toEqual([
      expect.objectContaining({
        kind: 'missing_in_ledger',
        channelAmount: { amount: '2680.00', currency: 'CNY' },
      }),
    ]);
  });
});
