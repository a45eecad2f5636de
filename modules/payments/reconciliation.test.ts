import { money } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { account, bindCard, cny, type PaymentBody, pay } from './testing.ts';

let p: TestPlatform;
let ops: TestClient;

interface BreakBody {
  kind: string;
  orderId: string | null;
  channelRef: string | null;
  channelAmount: { amount: string } | null;
  ledgerAmount: { amount: string } | null;
}
interface RunBody {
  id: string;
  businessDate: string;
  channelLines: number;
  ledgerLines: number;
  matched: number;
  breakCount: number;
  channelNet: { amount: string };
  ledgerNet: { amount: string };
  breaks: BreakBody[];
}

const TODAY = '2026-03-02';
const run = async (date: string) => ops.post('/api/v1/reconciliation/runs', { date });

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z'); // 10:00 in Shanghai
  ops = (await p.staff('ops1', ['operations'])).client;
  const alice = await p.customer('13800000501', '爱丽丝');
  const card = await bindCard(alice.client, 'PSBC', '1234');
  const declined = await bindCard(alice.client, 'CIB', '0002');
  await pay(alice.client, '/api/v1/top-ups', { cardId: card.id, amount: cny('100.00') }, 'r-1');
  await pay(alice.client, '/api/v1/top-ups', { cardId: declined.id, amount: cny('20.00') }, 'r-2');
  const w = await pay(alice.client, '/api/v1/withdrawals', { cardId: card.id, amount: cny('30.00') }, 'r-3');
  expect(w.json<PaymentBody>().status).toBe('processing');
  p.clock.advance(31_000);
  await p.services.paymentChannel.settle();
  await p.services.payments.settleWithdrawals();
  expect(await account(alice.client)).toEqual({ balance: '70.00', available: '70.00' });
});
afterAll(() => p.close());

describe('daily reconciliation with the bank', () => {
  it('finds no breaks on a clean day: the bank and the clearing account agree', async () => {
    const res = await run(TODAY);
    expect(res.statusCode).toBe(201);
    expect(res.json<RunBody>()).toMatchObject({
      businessDate: TODAY,
      channelLines: 3, // top-up, declined top-up, payout
      ledgerLines: 2,
      matched: 3,
      breakCount: 0,
      channelNet: cny('70.00'),
      ledgerNet: cny('70.00'),
      breaks: [],
    });
  });

  it('reports a bank-only transaction as missing_in_ledger, and a ledger-only one as missing_in_channel', async () => {
    const stray = await p.services.paymentChannel.injectUnmatched({ kind: 'charge', amount: money(8_800n) });
    const { channelClearing, suspense } = await p.services.ledger.ensureInternalAccounts('CNY');
    const ghost = await p.services.ledger.transfer({
      id: 'ghost-1',
      debitAccountId: channelClearing.id,
      creditAccountId: suspense.id,
      amount: money(1_500n),
      code: 'topup',
      reference: 'pay_ghost',
    });
    expect(ghost.ok).toBe(true);
    const res = await run(TODAY);
    const body = res.json<RunBody>();
    expect(body).toMatchObject({
      matched: 3,
      breakCount: 2,
      channelNet: cny('158.00'),
      ledgerNet: cny('85.00'),
    });
    expect(body.breaks).toEqual([
      expect.objectContaining({
        kind: 'missing_in_ledger',
        orderId: stray.requestId,
        channelRef: stray.channelRef,
        channelAmount: cny('88.00'),
        ledgerAmount: null,
      }),
      expect.objectContaining({
        kind: 'missing_in_channel',
        orderId: 'pay_ghost',
        channelRef: null,
        channelAmount: null,
        ledgerAmount: cny('15.00'),
      }),
    ]);
    // Rerunning the date is a new run with the same result.
    const again = (await run(TODAY)).json<RunBody>();
    expect(again.id).not.toBe(body.id);
    expect(again.breaks).toEqual(body.breaks);
    const one = await ops.get(`/api/v1/reconciliation/runs/${body.id}`);
    expect(one.json<RunBody>().breaks).toEqual(body.breaks);
    const list = await ops.get('/api/v1/reconciliation/runs');
    expect(list.json<{ items: RunBody[] }>().items.map((r) => r.breakCount)).toEqual([2, 2, 0]);
  });

  it('reconciles a quiet day to nothing, and refuses a future or impossible date', async () => {
    expect((await run('2026-03-01')).json<RunBody>()).toMatchObject({
      channelLines: 0,
      ledgerLines: 0,
      breakCount: 0,
    });
    expect((await run('2026-03-03')).json()).toMatchObject({ status: 422, code: 'business_date_in_future' });
    for (const date of ['2026-02-30', '20260301', 2026]) {
      expect((await ops.post('/api/v1/reconciliation/runs', { date })).statusCode).toBe(400);
    }
    expect((await ops.get('/api/v1/reconciliation/runs/rec_nope')).statusCode).toBe(404);
  });

  it('is for staff with payments.reconcile only', async () => {
    const advisor = (await p.staff('adv1', ['advisor'])).client;
    expect((await advisor.post('/api/v1/reconciliation/runs', { date: TODAY })).statusCode).toBe(403);
    expect((await advisor.get('/api/v1/reconciliation/runs')).statusCode).toBe(403);
    expect((await p.consoleClient().get('/api/v1/reconciliation/runs')).statusCode).toBe(401);
  });
});
