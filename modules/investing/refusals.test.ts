import { DAY_MS, money } from '@onefin/kernel';
import { CHANNELS } from '@onefin/products';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund } from '../products/testing.ts';
import type { InvestingService } from './service.ts';
import { cashOf, type Investor, investor, loadCatalogue } from './testing.ts';

/** Refused orders: suitability on every channel, bad amounts, suspended products, replays. */
let p: TestPlatform;
let investing: InvestingService;
let ids: Record<string, string>;
let cautious: Investor;
let bold: Investor;
let staffId: string;
const yuan = (s: string) => money(BigInt(Math.round(Number(s) * 100)));

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set('2026-03-02T02:00:00Z');
  investing = p.services.investing;
  ids = await loadCatalogue(p, [sampleFund('161725', 'equity', { channels: [...CHANNELS] })]);
  const suspended = await p.services.products.bulkLoadProducts([
    { input: sampleFund('519001', 'bond', { code: 'FSUSP' }), status: 'suspended' },
  ]);
  if (!suspended.ok) throw new Error(suspended.detail);
  ids.FSUSP = suspended.value.ids[0] as string;
  cautious = await investor(p, '13800000801', { level: 'C2', cash: '5000.00' });
  bold = await investor(p, '13800000802', { level: 'C5', cash: '5000.00' });
  staffId = (await p.staff('phone1', ['phone_sales'])).id;
});
afterAll(() => p.close());

const subscribe = (who: Investor, over: Record<string, unknown> = {}) =>
  investing.subscribe({
    customerId: who.id,
    productId: ids.F161725 as string,
    channel: 'web',
    idempotencyKey: `r-${Math.random()}`,
    amount: yuan('1000.00'),
    ...over,
  });

describe('suitability comes first', () => {
  it.each(CHANNELS)(
    'refuses a C2 customer an R4 fund through the %s channel, and records why',
    async (channel) => {
      const assisted = channel === 'web' || channel === 'app' ? null : staffId;
      const refused = await subscribe(cautious, { channel, staffId: assisted });
      expect(refused).toMatchObject({ ok: false, error: 'risk_too_high' });
      const [last] = (await investing.listOrders({ customerId: cautious.id, limit: 1 })).items;
      expect(last).toMatchObject({
        status: 'refused',
        failureReason: 'risk_too_high',
        channel,
        staffId: assisted,
      });
      expect(last?.detail).toMatchObject({ productRisk: 'R4', customerRisk: 'C2' });
      expect(await cashOf(p, cautious.id)).toEqual({ balance: '5000.00', available: '5000.00' });
    },
  );

  it('refuses a suspended product for everyone, holding nothing', async () => {
    expect(await subscribe(bold, { productId: ids.FSUSP })).toMatchObject({
      ok: false,
      error: 'not_on_sale',
    });
    expect(await cashOf(p, bold.id)).toEqual({ balance: '5000.00', available: '5000.00' });
  });
});

describe('amounts and replays', () => {
  it('refuses an amount below the minimum or in another currency without recording an order', async () => {
    const before = (await investing.listOrders({ customerId: bold.id, limit: 50 })).items.length;
    expect(await subscribe(bold, { amount: yuan('9.99') })).toMatchObject({
      ok: false,
      error: 'below_minimum',
    });
    expect(await subscribe(bold, { amount: money(100_000n, 'USD') })).toMatchObject({
      ok: false,
      error: 'currency_mismatch',
    });
    expect((await investing.listOrders({ customerId: bold.id, limit: 50 })).items).toHaveLength(before);
  });

  it('refuses more than the available cash, recording the failed order and holding nothing', async () => {
    const refused = await subscribe(bold, { amount: yuan('5000.01') });
    expect(refused).toMatchObject({ ok: false, error: 'insufficient_funds' });
    const [last] = (await investing.listOrders({ customerId: bold.id, limit: 1 })).items;
    expect(last).toMatchObject({ status: 'failed', failureReason: 'insufficient_funds' });
    // never pending: the hold was refused in the transaction that placed it
    const detail = last && (await investing.getOrder(last.id, bold.id));
    expect(detail?.ok && detail.value.history.map((h) => h.status)).toEqual(['submitted', 'failed']);
    expect(await cashOf(p, bold.id)).toEqual({ balance: '5000.00', available: '5000.00' });
  });

  it('answers a replay with the first order and one hold; the same key for another amount is refused', async () => {
    const first = await subscribe(bold, { idempotencyKey: 'same-key' });
    const again = await subscribe(bold, { idempotencyKey: 'same-key' });
    expect(first.ok && again.ok && again.value.id).toBe(first.ok && first.value.id);
    expect(await cashOf(p, bold.id)).toEqual({ balance: '5000.00', available: '4000.00' });
    expect(await subscribe(bold, { idempotencyKey: 'same-key', amount: yuan('1001.00') })).toMatchObject({
      ok: false,
      error: 'idempotency_key_reused',
    });
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => subscribe(bold, { idempotencyKey: 'racing-key' })),
    );
    const orderIds = new Set(concurrent.map((r) => (r.ok ? r.value.id : r.error)));
    expect(orderIds.size).toBe(1);
    expect(await cashOf(p, bold.id)).toEqual({ balance: '5000.00', available: '3000.00' });
  });

  it('asks for a renewed assessment once it has expired', async () => {
    p.clock.set(new Date(p.clock.now().getTime() + 400 * DAY_MS));
    expect(await subscribe(bold, { amount: yuan('100.00') })).toMatchObject({
      ok: false,
      error: 'assessment_expired',
    });
  });
});
