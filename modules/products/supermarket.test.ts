import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import type { BulkProduct } from './bulk.ts';
import { sampleFund, sampleProduct } from './testing.ts';

let p: TestPlatform;
const DAY = 86_400_000;

interface Item {
  id: string;
  code: string;
  kind: string;
  nameZh: string;
  riskLevel: string;
  yield: { min: string; max: string } | null;
  termDays: { min: number; max: number } | null;
  minimumAmount: { amount: string } | null;
  latestNav: { return1y: string | null } | null;
  customerTypes: string[];
  suitability?: { allowed: boolean; reason?: string };
}
type Page = { items: Item[]; next?: string };

const cny = (amount: string) => ({ amount, currency: 'CNY' });
const list = async (query: string) => {
  const res = await p.portalClient().get(`/api/v1/products${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};
const codes = (page: Page) => page.items.map((i) => i.code);

/** Follows `next` until the end, `limit` at a time. */
async function everyPage(query: string, limit: number): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const sep = query ? '&' : '?';
    const page = await list(`${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

function catalogue(now: Date): BulkProduct[] {
  const wealth = (
    code: string,
    risk: string,
    termDays: number,
    min: string,
    max: string,
    minimum: string,
  ) => ({
    input: sampleProduct('wealth', {
      code,
      now,
      riskLevel: risk,
      attributes: { termDays, expectedYieldMin: min, expectedYieldMax: max, minimumAmount: cny(minimum) },
    }),
  });
  return [
    wealth('WM-A', 'R1', 30, '0.018', '0.022', '1.00'),
    wealth('WM-B', 'R2', 91, '0.025', '0.031', '10000.00'),
    wealth('WM-C', 'R3', 182, '0.03', '0.042', '50000.00'),
    wealth('WM-D', 'R4', 365, '0.035', '0.06', '1000000.00'),
    wealth('WM-E', 'R5', 730, '0.04', '0.08', '1000000.00'),
    {
      input: sampleProduct('deposit', { code: 'TD-3M', attributes: { termDays: 91, annualRate: '0.0125' } }),
    },
    {
      input: sampleProduct('deposit', { code: 'TD-1Y', attributes: { termDays: 365, annualRate: '0.0165' } }),
    },
    {
      input: sampleProduct('deposit', {
        code: 'TD-3Y',
        attributes: { termDays: 1095, annualRate: '0.0195' },
      }),
    },
    {
      input: sampleFund('000198', 'money_market', {
        nameZh: '天弘余额宝货币',
        nameEn: 'Tianhong Yu E Bao MMF',
      }),
    },
    {
      input: sampleFund('110011', 'equity', {
        nameZh: '易方达优质精选混合',
        nameEn: 'E Fund Quality Select',
      }),
    },
    {
      input: sampleFund('510300', 'index', {
        nameZh: '华泰柏瑞沪深300ETF联接',
        nameEn: 'Huatai CSI 300 ETF Feeder',
      }),
    },
    { input: sampleProduct('loan', { code: 'LN-FLASH' }) },
    { input: sampleProduct('insurance', { code: 'INS-LIFE' }) },
    // a corporate product sold online (corporate internet banking)
    { input: sampleProduct('corporate_loan', { code: 'CL-WC', channels: ['web', 'corporate'] }) },
    // not in the supermarket: a draft, a closed one, a branch-only one, one whose sales ended
    { input: sampleProduct('deposit', { code: 'X-DRAFT' }), status: 'draft' },
    { input: sampleProduct('deposit', { code: 'X-CLOSED' }), status: 'closed' },
    { input: sampleProduct('deposit', { code: 'X-BRANCH', channels: ['branch'] }) },
    {
      input: sampleProduct('wealth', {
        code: 'X-ENDED',
        now,
        salesStart: new Date(now.getTime() - 30 * DAY).toISOString(),
        salesEnd: new Date(now.getTime() - DAY).toISOString(),
      }),
    },
    // upcoming: shown (pre-sale), refused by suitability until the window opens
    {
      input: sampleProduct('wealth', {
        code: 'WM-SOON',
        now,
        salesStart: new Date(now.getTime() + 2 * DAY).toISOString(),
        salesEnd: new Date(now.getTime() + 9 * DAY).toISOString(),
      }),
    },
  ];
}

const VISIBLE = [
  'CL-WC',
  'F000198',
  'F110011',
  'F510300',
  'INS-LIFE',
  'LN-FLASH',
  'TD-1Y',
  'TD-3M',
  'TD-3Y',
  'WM-A',
  'WM-B',
  'WM-C',
  'WM-D',
  'WM-E',
  'WM-SOON',
];

beforeAll(async () => {
  p = await startTestPlatform();
  const loaded = await p.services.products.bulkLoadProducts(catalogue(p.clock.now()));
  expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
  // A year of history for two funds: 110011 gains 20%, 510300 loses 5% (accumulated NAV).
  const nav = (fundCode: string, date: string, accNav: string) => ({
    fundCode,
    date,
    nav: accNav,
    accNav,
    per10kIncome: null,
    yield7d: null,
  });
  const navs = await p.services.products.bulkLoadNavs([
    nav('110011', '2024-03-04', '1.0000'),
    nav('110011', '2025-03-04', '1.2000'),
    nav('510300', '2024-03-04', '2.0000'),
    nav('510300', '2025-03-04', '1.9000'),
  ]);
  expect(navs.ok, JSON.stringify(navs)).toBe(true);
});
afterAll(() => p.close());

describe('the supermarket list', () => {
  it('shows what is on sale online, no login needed, by code', async () => {
    expect(codes(await list(''))).toEqual(VISIBLE);
  });

  it('filters by kind, risk, term, yield, minimum amount and customer type', async () => {
    expect(codes(await list('?kind=deposit,loan'))).toEqual(['LN-FLASH', 'TD-1Y', 'TD-3M', 'TD-3Y']);
    const lowRisk = await list('?maxRisk=R2');
    expect(lowRisk.items.every((i) => i.riskLevel <= 'R2')).toBe(true);
    expect(codes(lowRisk)).not.toContain('WM-C');
    expect(codes(await list('?kind=wealth,deposit&termMin=90&termMax=200'))).toEqual([
      'TD-3M',
      'WM-B',
      'WM-C',
      'WM-SOON',
    ]);
    expect(codes(await list('?minYield=0.04'))).toEqual(['WM-C', 'WM-D', 'WM-E']);
    expect(codes(await list('?kind=wealth&maxMinAmount=10000'))).toEqual(['WM-A', 'WM-B', 'WM-SOON']);
    expect(codes(await list('?customerType=corporate'))).toEqual(['CL-WC']);
    expect(codes(await list('?kind=fund&category=index,money_market'))).toEqual(['F000198', 'F510300']);
  });

  it('searches names in either language, product codes and fund codes, ignoring case', async () => {
    expect(codes(await list(`?q=${encodeURIComponent('余额宝')}`))).toEqual(['F000198']);
    expect(codes(await list('?q=csi%20300'))).toEqual(['F510300']);
    expect(codes(await list('?q=110011'))).toEqual(['F110011']);
    expect(codes(await list('?q=td-'))).toEqual(['TD-1Y', 'TD-3M', 'TD-3Y']);
    expect(codes(await list('?q=100%25'))).toEqual([]);
  });

  it.each([
    ['yield_desc', (a: Item, b: Item) => Number(a.yield?.max ?? -1) >= Number(b.yield?.max ?? -1)],
    [
      'return_1y_desc',
      (a: Item, b: Item) => Number(a.latestNav?.return1y ?? -2) >= Number(b.latestNav?.return1y ?? -2),
    ],
    ['risk_asc', (a: Item, b: Item) => a.riskLevel <= b.riskLevel],
    ['risk_desc', (a: Item, b: Item) => a.riskLevel >= b.riskLevel],
    ['term_asc', (a: Item, b: Item) => (a.termDays?.min ?? 1e9) <= (b.termDays?.min ?? 1e9)],
    [
      'min_amount_asc',
      (a: Item, b: Item) => Number(a.minimumAmount?.amount ?? 0) <= Number(b.minimumAmount?.amount ?? 0),
    ],
    ['newest', () => true],
    ['code', (a: Item, b: Item) => a.code < b.code],
  ])('sorts by %s and pages through everything exactly once', async (sort, inOrder) => {
    const whole = (await list(`?sort=${sort}&limit=100`)).items;
    const paged = await everyPage(`?sort=${sort}`, 4);
    expect(paged.map((i) => i.code)).toEqual(whole.map((i) => i.code));
    expect([...paged.map((i) => i.code)].sort()).toEqual(VISIBLE);
    for (let i = 1; i < whole.length; i++) expect(inOrder(whole[i - 1] as Item, whole[i] as Item)).toBe(true);
  });

  it("lists funds by their year's return, best first, those without a year of history after", async () => {
    const funds = (await list('?kind=fund&sort=return_1y_desc')).items;
    expect(funds.map((f) => [f.code, f.latestNav?.return1y ?? null]).slice(0, 2)).toEqual([
      ['F110011', '0.2'],
      ['F510300', '-0.05'],
    ]);
    expect(funds.slice(2).every((f) => (f.latestNav?.return1y ?? null) === null)).toBe(true);
  });

  it('refuses bad queries with 400 and says which field', async () => {
    for (const query of [
      '?maxRisk=R9',
      '?kind=stock',
      '?termMin=200&termMax=100',
      '?limit=1000',
      '?colour=red',
      '?minYield=4',
      '?maxMinAmount=-5',
    ]) {
      const res = await p.portalClient().get(`/api/v1/products${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field, query).toMatch(/^querystring/);
    }
    const cursor = await p.portalClient().get('/api/v1/products?cursor=bm90LWEtY3Vyc29y');
    expect(cursor.json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
  });
});

describe('product detail and comparison', () => {
  it('shows a product by code or id with its terms and plain-language disclosure', async () => {
    const byCode = await p.portalClient().get('/api/v1/products/WM-C');
    const body = byCode.json<{
      id: string;
      disclosure: { zh: string };
      attributes: { kind: string; termDays: number };
    }>();
    expect(body.attributes).toMatchObject({ kind: 'wealth', termDays: 182 });
    expect(body.disclosure.zh).toContain('不保本');
    expect((await p.portalClient().get(`/api/v1/products/${body.id}`)).statusCode).toBe(200);
    for (const hidden of ['X-DRAFT', 'X-CLOSED', 'nope']) {
      expect((await p.portalClient().get(`/api/v1/products/${hidden}`)).statusCode, hidden).toBe(404);
    }
  });

  it('compares two to four products side by side, in the order asked', async () => {
    const res = await p.portalClient().get('/api/v1/products/compare?ids=WM-C,TD-1Y,F110011,LN-FLASH');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { code: string; attributes: { kind: string } }[] }>().items;
    expect(items.map((i) => [i.code, i.attributes.kind])).toEqual([
      ['WM-C', 'wealth'],
      ['TD-1Y', 'deposit'],
      ['F110011', 'fund'],
      ['LN-FLASH', 'loan'],
    ]);
  });

  it('refuses five products, one, repeats (400) and unknown or hidden ones (404)', async () => {
    for (const ids of ['WM-A,WM-B,WM-C,WM-D,WM-E', 'WM-A', 'WM-A,WM-A']) {
      expect((await p.portalClient().get(`/api/v1/products/compare?ids=${ids}`)).statusCode, ids).toBe(400);
    }
    const missing = await p.portalClient().get('/api/v1/products/compare?ids=WM-A,X-DRAFT,nope');
    expect(missing.json()).toMatchObject({ status: 404, code: 'product_not_found', detail: 'X-DRAFT, nope' });
  });
});

describe('"suitable for me"', () => {
  it('is absent for visitors and present for a signed-in customer, with the reason', async () => {
    expect((await list('?kind=wealth')).items.every((i) => i.suitability === undefined)).toBe(true);
    const { client } = await p.customer('13900000501', '韩梅梅');
    const page = (await client.get('/api/v1/products?kind=wealth')).json<Page>();
    expect(page.items.length).toBeGreaterThan(0);
    // a newly registered customer is a prospect without KYC: refused, and told why
    for (const item of page.items) {
      expect(item.suitability, item.code).toMatchObject({ allowed: false });
      expect(item.suitability?.reason).toMatch(/kyc_incomplete|sales_window_closed/);
    }
    const detail = (await client.get('/api/v1/products/TD-1Y')).json<Item>();
    expect(detail.suitability).toMatchObject({ allowed: false, reason: 'kyc_incomplete' });
    expect((await p.portalClient().get('/api/v1/products/TD-1Y/suitability')).statusCode).toBe(401);
  });
});

describe('the API description', () => {
  it('documents the supermarket in the portal and the factory in the console (OpenAPI 3.1)', async () => {
    const portal = (await p.portal.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(portal.paths)).toEqual(
      expect.arrayContaining(['/api/v1/products', '/api/v1/products/compare', '/api/v1/products/{id}/navs']),
    );
    const staff = (await p.console.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(staff.paths)).toEqual(
      expect.arrayContaining(['/api/v1/products/{id}/reprice', '/api/v1/navs/import', '/api/v1/navs']),
    );
    expect(JSON.stringify(staff.paths['/api/v1/products'])).toContain('coolingOffHours');
  });
});
