import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import type { BulkNav, BulkProduct } from './bulk.ts';
import type { ProductsService } from './service.ts';
import { sampleFund, sampleProduct } from './testing.ts';
import { CN_EXCHANGE_CALENDAR, tradingDaysBetween } from './trading-calendar.ts';

let p: TestPlatform;
let products: ProductsService;

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(p.db.primary))
      .rows[0]?.n,
  );

beforeAll(async () => {
  p = await startTestPlatform();
  products = p.services.products;
});
afterAll(() => p.close());

/** A fund's NAV history as a deterministic random walk over every trading day. */
function walk(fundCode: string, from: string, to: string, seed: number): BulkNav[] {
  let x = seed;
  let nav = 1;
  return tradingDaysBetween(from, to).map((date) => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    nav *= 1 + (x / 2 ** 31 - 0.5) * 0.03;
    const text = Math.max(nav, 0.1).toFixed(4);
    return { fundCode, date, nav: text, accNav: text, per10kIncome: null, yield7d: null };
  });
}

describe('loading a demo world set-wise', () => {
  it('loads 1,000 products and 40 funds with three years of daily NAVs, quickly', async () => {
    const kinds = ['wealth', 'deposit', 'loan', 'insurance', 'corporate_loan'] as const;
    const items: BulkProduct[] = [
      ...Array.from({ length: 40 }, (_, i) => ({
        input: sampleFund(String(100_000 + i), i % 2 ? 'bond' : 'equity'),
      })),
      ...Array.from({ length: 960 }, (_, i) => ({
        input: sampleProduct(kinds[i % kinds.length] ?? 'deposit', { code: `BULK-${i}`, now: p.clock.now() }),
      })),
    ];
    const started = performance.now();
    const loaded = await products.bulkLoadProducts(items);
    const productsMs = performance.now() - started;
    expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
    const navs = Array.from({ length: 40 }, (_, i) =>
      walk(String(100_000 + i), '2023-11-30', '2026-11-30', i + 1),
    ).flat();
    const navStarted = performance.now();
    const written = await products.bulkLoadNavs(navs);
    const navsMs = performance.now() - navStarted;
    expect(written).toEqual({ ok: true, value: { inserted: navs.length } });
    expect(await count('products_products')).toBe(1000);
    expect(await count('products_navs')).toBe(navs.length);
    console.error(
      `bulk: 1,000 products in ${productsMs.toFixed(0)} ms; ${navs.length} NAVs in ${navsMs.toFixed(0)} ms`,
    );
    const fund = await products.catalogueProduct('F100000');
    expect(fund?.latestNav?.date).toBe(navs.filter((n) => n.fundCode === '100000').at(-1)?.date);
    expect(fund?.status).toBe('on_sale');
  });

  it('running the NAV load again adds nothing', async () => {
    const again = await products.bulkLoadNavs(walk('100000', '2023-11-30', '2026-11-30', 1));
    expect(again).toEqual({ ok: true, value: { inserted: 0 } });
  });

  it('refuses an invalid product or a NAV on a closed day and writes none of the batch', async () => {
    const before = await count('products_products');
    const bad = await products.bulkLoadProducts([
      { input: sampleProduct('deposit', { code: 'OK-1' }) },
      { input: sampleProduct('deposit', { code: 'BAD-1', riskLevel: 'R4' }) },
    ]);
    expect(bad).toMatchObject({ ok: false, error: 'invalid_product', detail: expect.stringContaining('#1') });
    expect(await count('products_products')).toBe(before);
    const navs = await count('products_navs');
    const closed = await products.bulkLoadNavs([
      {
        fundCode: '100001',
        date: '2026-12-01',
        nav: '1.1',
        accNav: '1.1',
        per10kIncome: null,
        yield7d: null,
      },
      {
        fundCode: '100001',
        date: '2026-10-01',
        nav: '1.1',
        accNav: '1.1',
        per10kIncome: null,
        yield7d: null,
      },
    ]);
    expect(closed).toMatchObject({ ok: false, detail: expect.stringContaining('not a trading day') });
    expect(await count('products_navs')).toBe(navs);
  });
});

describe('the stored trading calendar', () => {
  it('holds the same closures as the built-in calendar, which the service loads', async () => {
    const stored = await products.tradingCalendar();
    const sorted = (m: ReadonlyMap<string, unknown>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(stored.holidays)).toEqual(sorted(CN_EXCHANGE_CALENDAR.holidays));
    expect([stored.firstYear, stored.lastYear]).toEqual([2023, 2027]);
  });
});
