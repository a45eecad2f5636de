import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { INTERNAL_KEYS } from './chart.ts';
import type { Account, AccountId } from './index.ts';

let p: TestPlatform;
let ops: { id: string; client: TestClient };
let ops2: { id: string; client: TestClient };
let admin: { id: string; client: TestClient };
let auditor: { id: string; client: TestClient };
let advisor: { id: string; client: TestClient };
let customer: { id: string; client: TestClient };
let cash: Account;
let suspense: Account;

type MoneyBody = { amount: string; currency: string };
interface AccountBody {
  id: string;
  code: string;
  ownerId: string | null;
  balance: MoneyBody;
  available: MoneyBody;
}
interface ApprovalBody {
  id: string;
  status: string;
  result: { error?: string; detail?: string; transferId?: string } | null;
  details: Record<string, unknown>;
}

const balanceOf = async (id: string) =>
  (await ops.client.get(`/api/v1/ledger/accounts/${id}`)).json<AccountBody>().balance.amount;
const myBalance = async () =>
  (await customer.client.get('/api/v1/account')).json<{ balance: MoneyBody }>().balance.amount;

async function propose(client: TestClient, url: string, body: unknown): Promise<ApprovalBody> {
  const res = await client.post(url, body);
  expect(res.statusCode, res.body).toBe(202);
  return res.json<{ approval: ApprovalBody }>().approval;
}

async function approve(client: TestClient, approvalId: string) {
  return client.post(`/api/v1/approvals/${approvalId}/approve`, {});
}

beforeAll(async () => {
  p = await startTestPlatform();
  ops = await p.staff('ops', ['operations']);
  ops2 = await p.staff('ops2', ['operations']);
  admin = await p.staff('admin', ['admin']);
  auditor = await p.staff('auditor', ['auditor']);
  advisor = await p.staff('advisor', ['advisor']);
  customer = await p.customer('13900000201', '陈客户');
  cash = await p.services.ledger.openCustomerCashAccount(customer.id, 'CNY');
  const internal = await p.services.ledger.ensureInternalAccounts('CNY');
  suspense = internal.suspense;
  const topUp = await p.services.ledger.transfer({
    id: 'top-console-1',
    debitAccountId: internal.channelClearing.id,
    creditAccountId: cash.id as AccountId,
    amount: money(20_000n),
    code: 'topup',
  });
  expect(topUp.ok).toBe(true);
});
afterAll(() => p.close());

describe('reading the books needs ledger.read', () => {
  it.each([
    '/api/v1/ledger/chart',
    '/api/v1/ledger/accounts',
    '/api/v1/ledger/trial-balance',
    '/api/v1/ledger/transfers/top-console-1',
  ])('an advisor gets 403 on %s, an auditor 200', async (url) => {
    const denied = await advisor.client.get(url);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    expect((await auditor.client.get(url)).statusCode).toBe(200);
  });

  it('shows the chart of accounts with classes and normal sides', async () => {
    const { items } = (await auditor.client.get('/api/v1/ledger/chart')).json<{
      items: { code: string; nameZh: string; class: string; normalSide: string; scope: string }[];
    }>();
    expect(items.find((i) => i.code === '2011')).toMatchObject({
      nameZh: '客户资金',
      class: 'liability',
      normalSide: 'credit',
      scope: 'customer',
    });
    expect(items.find((i) => i.code === '1901')).toMatchObject({ class: 'asset', normalSide: 'debit' });
  });
});

describe('explorer', () => {
  it("finds a customer's account by customer id, with its balance", async () => {
    const res = await ops.client.get(`/api/v1/ledger/accounts?customerId=${customer.id}`);
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: AccountBody[] }>();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: cash.id,
      code: '2011',
      ownerId: customer.id,
      balance: { amount: '200.00' },
    });
  });

  it('filters internal accounts by code and pages through them with a cursor', async () => {
    const one = (await ops.client.get('/api/v1/ledger/accounts?ownerType=internal&code=1122')).json<{
      items: AccountBody[];
    }>();
    expect(one.items.map((a) => [a.code, a.balance.amount])).toEqual([['1122', '200.00']]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await ops.client.get(
          `/api/v1/ledger/accounts?ownerType=internal&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json<{ items: AccountBody[]; next?: string }>();
      seen.push(...page.items.map((a) => a.id));
      cursor = page.next;
    } while (cursor);
    expect(new Set(seen).size).toBe(INTERNAL_KEYS.length);
  });

  it("shows an account's entries and a transfer with both of its sides", async () => {
    const entries = (await ops.client.get(`/api/v1/ledger/accounts/${cash.id}/entries`)).json<{
      items: { transferId: string; side: string; balanceAfter: MoneyBody }[];
    }>();
    expect(entries.items[0]).toMatchObject({
      transferId: 'top-console-1',
      side: 'credit',
      balanceAfter: { amount: '200.00' },
    });
    const transfer = (await ops.client.get('/api/v1/ledger/transfers/top-console-1')).json<{
      code: string;
      entries: { accountCode: string; side: string; amount: MoneyBody }[];
    }>();
    expect(transfer.code).toBe('topup');
    expect(transfer.entries.map((e) => [e.accountCode, e.side, e.amount.amount])).toEqual([
      ['1122', 'debit', '200.00'],
      ['2011', 'credit', '200.00'],
    ]);
  });

  it('answers 404 problems for an unknown account or transfer', async () => {
    for (const url of [
      '/api/v1/ledger/accounts/acc_nope',
      '/api/v1/ledger/accounts/acc_nope/entries',
      '/api/v1/ledger/transfers/nope',
    ]) {
      const res = await ops.client.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses bad filters with 400', async () => {
    for (const url of [
      '/api/v1/ledger/accounts?currency=XYZ',
      '/api/v1/ledger/accounts?ownerType=bank',
      '/api/v1/ledger/accounts?limit=0',
      `/api/v1/ledger/accounts/${cash.id}/entries?from=2026-13-01`,
    ]) {
      expect((await ops.client.get(url)).statusCode, url).toBe(400);
    }
  });

  it('shows a balanced trial balance per class, the totals netting to zero', async () => {
    const { items } = (await auditor.client.get('/api/v1/ledger/trial-balance')).json<{
      items: {
        currency: string;
        isBalanced: boolean;
        debits: MoneyBody;
        credits: MoneyBody;
        difference: MoneyBody;
        classes: { class: string; balance: MoneyBody }[];
        codes: { code: string; balance: MoneyBody }[];
      }[];
    }>();
    const cny = items.find((i) => i.currency === 'CNY');
    expect(cny?.isBalanced).toBe(true);
    expect(cny?.difference.amount).toBe('0.00');
    expect(cny?.debits).toEqual(cny?.credits);
    expect(cny?.classes.find((c) => c.class === 'asset')?.balance.amount).toBe('200.00');
    expect(cny?.classes.find((c) => c.class === 'liability')?.balance.amount).toBe('200.00');
    expect(cny?.codes.find((c) => c.code === '2011')?.balance.amount).toBe('200.00');
  });
});

describe('manual adjustment through maker–checker', () => {
  it('waits for a second person: the maker cannot approve, another operations officer can', async () => {
    const proposal = await propose(ops.client, '/api/v1/ledger/adjustments', {
      accountId: cash.id,
      direction: 'credit',
      amount: { amount: '50.00', currency: 'CNY' },
      reason: '补记渠道漏记的到账',
    });
    expect(proposal.status).toBe('pending');
    expect(await myBalance()).toBe('200.00');
    const own = await approve(ops.client, proposal.id);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'own_approval' });
    expect(await myBalance()).toBe('200.00');

    const approved = await approve(ops2.client, proposal.id);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<ApprovalBody>()).toMatchObject({
      status: 'approved',
      details: {
        direction: 'credit',
        amount: { amount: '50.00', currency: 'CNY' },
        account: { code: '2011' },
      },
    });
    expect(await myBalance()).toBe('250.00');
    expect(await balanceOf(suspense.id)).toBe('50.00'); // an asset: debited for the customer's credit
    const statement = (await customer.client.get('/api/v1/account/statement?limit=1')).json<{
      items: { code: string; side: string; amount: MoneyBody; reference: string }[];
    }>();
    expect(statement.items[0]).toMatchObject({
      code: 'adjustment',
      side: 'credit',
      amount: { amount: '50.00' },
      reference: proposal.id,
    });
  });

  it('an adjustment that would overdraw the customer ends failed, saying why, and moves nothing', async () => {
    const proposal = await propose(ops.client, '/api/v1/ledger/adjustments', {
      accountId: cash.id,
      direction: 'debit',
      amount: { amount: '1000.00', currency: 'CNY' },
      reason: '冲减多记金额',
    });
    const res = await approve(admin.client, proposal.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<ApprovalBody>()).toMatchObject({
      status: 'failed',
      result: { error: 'insufficient_funds', detail: 'Insufficient funds' },
    });
    expect(await myBalance()).toBe('250.00');
    expect(await balanceOf(suspense.id)).toBe('50.00'); // an asset: debited for the customer's credit
  });

  it('a staff member without ledger.adjust cannot propose', async () => {
    const res = await auditor.client.post('/api/v1/ledger/adjustments', {
      accountId: cash.id,
      direction: 'credit',
      amount: { amount: '1.00', currency: 'CNY' },
      reason: '测试',
    });
    expect(res.statusCode).toBe(403);
  });

  const valid = () => ({
    accountId: cash.id,
    direction: 'credit',
    amount: { amount: '10.00', currency: 'CNY' },
    reason: '调账原因',
  });
  it.each([
    ['a zero amount', { amount: { amount: '0', currency: 'CNY' } }, 400, 'body.amount.amount'],
    ['a negative amount', { amount: { amount: '-5.00', currency: 'CNY' } }, 400, 'body.amount.amount'],
    ['three decimals', { amount: { amount: '1.234', currency: 'CNY' } }, 400, 'body.amount.amount'],
    ['a number, not a string', { amount: { amount: 10, currency: 'CNY' } }, 400, 'body.amount.amount'],
    ['an unknown currency', { amount: { amount: '1.00', currency: 'XYZ' } }, 400, 'body.amount.currency'],
    ['an unknown direction', { direction: 'sideways' }, 400, 'body.direction'],
    ['no reason', { reason: '' }, 400, 'body.reason'],
    ['an unknown field', { approvedBy: 'me' }, 400, 'body'],
    ['an unknown account', { accountId: 'acc_nope' }, 404, undefined],
    ['another currency than the account', { amount: { amount: '1.00', currency: 'USD' } }, 422, undefined],
    ['the suspense account itself', 'suspense', 400, undefined],
  ])('refuses %s and proposes nothing', async (_name, change, status, field) => {
    const before = (await ops.client.get('/api/v1/approvals?status=pending')).json<{ items: unknown[] }>()
      .items.length;
    const body =
      typeof change === 'string' ? { ...valid(), accountId: suspense.id } : { ...valid(), ...change };
    const res = await ops.client.post('/api/v1/ledger/adjustments', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (field) {
      const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
      expect(fields).toContain(field);
    }
    const after = (await ops.client.get('/api/v1/approvals?status=pending')).json<{ items: unknown[] }>()
      .items.length;
    expect(after).toBe(before);
  });
});

describe('reversal through maker–checker', () => {
  it('undoes a posted top-up once approved, restoring both balances', async () => {
    expect(await myBalance()).toBe('250.00');
    const proposal = await propose(ops.client, '/api/v1/ledger/reversals', {
      transferId: 'top-console-1',
      reason: '渠道退回，原充值无效',
    });
    expect(proposal.details).toMatchObject({
      transferId: 'top-console-1',
      transfer: { code: 'topup', amount: { amount: '200.00', currency: 'CNY' } },
    });
    expect(await myBalance()).toBe('250.00');
    const res = await approve(ops2.client, proposal.id);
    expect(res.json<ApprovalBody>().status).toBe('approved');
    expect(await myBalance()).toBe('50.00');
    const { channelClearing } = await p.services.ledger.ensureInternalAccounts('CNY');
    expect(await balanceOf(channelClearing.id)).toBe('0.00');
    const transfer = (await ops.client.get('/api/v1/ledger/transfers/top-console-1')).json<{
      resolutions: { kind: string; id: string }[];
    }>();
    expect(transfer.resolutions.map((r) => r.kind)).toEqual(['reversal']);
    const statement = (await customer.client.get('/api/v1/account/statement?limit=1')).json<{
      items: { code: string; side: string; amount: MoneyBody }[];
    }>();
    expect(statement.items[0]).toMatchObject({
      code: 'reversal',
      side: 'debit',
      amount: { amount: '200.00' },
    });
  });

  it('refuses to propose reversing it again, or an unknown transfer', async () => {
    const again = await ops.client.post('/api/v1/ledger/reversals', {
      transferId: 'top-console-1',
      reason: '再次冲正',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_reversed' });
    const unknown = await ops.client.post('/api/v1/ledger/reversals', { transferId: 'nope', reason: '冲正' });
    expect(unknown.statusCode).toBe(404);
    const bad = await ops.client.post('/api/v1/ledger/reversals', { transferId: 'top-console-1' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('list screens read from the replica', () => {
  it('serves accounts and the trial balance from the replica database, not the primary', async () => {
    const q = await startTestPlatform({ replica: true });
    try {
      const staff = await q.staff('ops', ['operations']);
      await q.services.ledger.ensureInternalAccounts('CNY'); // on the primary only
      const accounts = (await staff.client.get('/api/v1/ledger/accounts')).json<{ items: unknown[] }>();
      expect(accounts.items).toEqual([]);
      const tb = (await staff.client.get('/api/v1/ledger/trial-balance')).json<{ items: unknown[] }>();
      expect(tb.items).toEqual([]);
    } finally {
      await q.close();
    }
  });
});
