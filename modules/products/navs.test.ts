import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleFund, sampleProduct } from './testing.ts';

let p: TestPlatform;
let ops: { id: string; client: TestClient };
let advisor: { id: string; client: TestClient };

interface Issue {
  line: number;
  code: string;
  message: string;
}
interface Report {
  accepted: boolean;
  inserted: number;
  unchanged: number;
  errors: Issue[];
  warnings: Issue[];
  importId: string | null;
}

const HEADER = 'fund_code,date,nav,acc_nav,per_10k_income,yield_7d';
const csv = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;

function upload(client: TestClient, body: string, query = '', contentType = 'text/csv') {
  return client.request('POST', `/api/v1/navs/import${query}`, {
    rawBody: body,
    headers: { 'content-type': contentType },
  });
}

async function counts() {
  const db = p.db.primary.withTables<{
    products_navs: { product_id: string };
    products_nav_imports: { id: string };
  }>();
  const navs = await db
    .selectFrom('products_navs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const imports = await db
    .selectFrom('products_nav_imports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { navs: Number(navs.n), imports: Number(imports.n) };
}

beforeAll(async () => {
  p = await startTestPlatform();
  ops = await p.staff('ops', ['operations']);
  advisor = await p.staff('advisor', ['advisor']);
  const loaded = await p.services.products.bulkLoadProducts([
    { input: sampleFund('110011', 'equity') },
    { input: sampleFund('000198', 'money_market') },
    { input: sampleFund('217022', 'bond') },
    { input: sampleProduct('deposit', { code: 'DEP-NAV-1' }) },
  ]);
  expect(loaded.ok).toBe(true);
});
afterAll(() => p.close());

describe('a bad NAV file is rejected whole, line by line, and nothing is imported', () => {
  it.each([
    [
      'wrong columns',
      'fund_code,day,nav\n110011,2024-03-01,1.2\n',
      ['1:missing_column', '1:missing_column', '1:unknown_column'],
    ],
    [
      'duplicate dates',
      csv('110011,2024-03-01,1.2,1.2,,', '110011,2024-03-04,1.21,1.21,,', '110011,2024-03-01,1.2,1.2,,'),
      ['4:duplicate_in_file'],
    ],
    [
      'a negative NAV',
      csv('110011,2024-03-01,1.2,1.2,,', '110011,2024-03-04,-1.21,1.21,,'),
      ['3:not_positive'],
    ],
    [
      'non-trading dates',
      csv('110011,2024-03-02,1.2,1.2,,', '110011,2024-10-03,1.21,1.21,,', '110011,2024-10-08,1.22,1.22,,'),
      ['2:not_trading_day', '3:not_trading_day'],
    ],
    [
      'an unknown fund and an unparsable number',
      csv('999999,2024-03-01,1.2,1.2,,', '110011,2024-03-01,1,2x,,'),
      ['2:unknown_fund', '3:unparsable_number'],
    ],
  ])('%s', async (_name, body, expected) => {
    const before = await counts();
    const res = await upload(ops.client, body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<{ code: string; errors: { field: string }[]; report: Report }>();
    expect(problem.code).toBe('nav_import_rejected');
    expect(problem.report.errors.map((e) => `${e.line}:${e.code}`)).toEqual(expected);
    expect(problem.errors[0]?.field).toMatch(/^line \d+/);
    expect(problem.report).toMatchObject({ accepted: false, inserted: 0, importId: null });
    expect(await counts()).toEqual(before);
  });
});

describe('a good file is imported once', () => {
  const good = csv(
    '110011,2024-03-01,1.2000,2.2000,,',
    '110011,2024-03-04,1.2100,2.2100,,',
    '110011,2024-03-05,1.2050,2.2050,,',
    '000198,2024-03-04,1.0000,1.0000,0.6512,0.023450',
    '000198,2024-03-05,1.0000,1.0000,0.6498,0.023400',
  );

  it('imports every row, and the fund shows its latest NAV with the day-on-day change', async () => {
    const res = await upload(ops.client, good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Report>()).toMatchObject({
      accepted: true,
      inserted: 5,
      unchanged: 0,
      errors: [],
      warnings: [],
    });
    const fund = (await p.portalClient().get('/api/v1/products/F110011')).json<{
      latestNav: Record<string, unknown>;
    }>();
    expect(fund.latestNav).toEqual({
      date: '2024-03-05',
      nav: '1.2050',
      accNav: '2.2050',
      dailyReturn: '-0.002262',
      per10kIncome: null,
      yield7d: null,
      // less than a year of history
      return1y: null,
    });
    const chart = await p.portalClient().get('/api/v1/products/F110011/navs?from=2024-01-01&to=2024-12-31');
    expect(chart.json<{ items: { date: string }[] }>().items.map((i) => i.date)).toEqual([
      '2024-03-01',
      '2024-03-04',
      '2024-03-05',
    ]);
  });

  it('a money-market fund keeps per-10,000 income and 7-day yield, and its yield is the latest 7-day yield', async () => {
    const chart = await p.portalClient().get('/api/v1/products/F000198/navs?from=2024-03-01&to=2024-03-31');
    expect(chart.json<{ items: unknown[] }>().items).toEqual([
      { date: '2024-03-04', nav: '1.0000', accNav: '1.0000', per10kIncome: '0.6512', yield7d: '0.023450' },
      { date: '2024-03-05', nav: '1.0000', accNav: '1.0000', per10kIncome: '0.6498', yield7d: '0.023400' },
    ]);
    const list = await p.portalClient().get('/api/v1/products?kind=fund&minYield=0.02');
    const items = list.json<{ items: { code: string; yield: unknown; latestNav: { yield7d: string } }[] }>()
      .items;
    expect(items.map((i) => i.code)).toEqual(['F000198']);
    expect(items[0]).toMatchObject({
      yield: { min: '0.0234', max: '0.0234' },
      latestNav: { yield7d: '0.0234' },
    });
  });

  it('importing the same file again changes nothing and is not an error', async () => {
    const before = await counts();
    const again = await upload(ops.client, good);
    expect(again.statusCode).toBe(200);
    expect(again.json<Report>()).toMatchObject({ accepted: true, inserted: 0, unchanged: 5 });
    expect((await counts()).navs).toBe(before.navs);
  });

  it('refuses a different NAV for a stored day as a duplicate', async () => {
    const res = await upload(ops.client, csv('110011,2024-03-05,1.3000,2.3000,,'));
    expect(res.statusCode).toBe(422);
    expect(res.json<{ report: Report }>().report.errors).toMatchObject([
      { line: 2, code: 'duplicate_stored', message: expect.stringContaining('1.2050') },
    ]);
  });

  it('imports with gaps and outliers flagged as warnings', async () => {
    const res = await upload(ops.client, csv('110011,2024-03-08,1.3500,2.5000,,'));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<Report>();
    expect(report).toMatchObject({ accepted: true, inserted: 1 });
    expect(report.warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['2:gap', '2:outlier']);
    expect(report.warnings[0]?.message).toContain('2024-03-06, 2024-03-07');
  });

  it('validates without writing on a dry run', async () => {
    const before = await counts();
    const res = await upload(ops.client, csv('217022,2024-03-01,1.0500,1.3000,,'), '?dryRun=true');
    expect(res.json<Report>()).toMatchObject({ accepted: true, dryRun: true, inserted: 1, importId: null });
    expect(await counts()).toEqual(before);
  });

  it("a year on, the list shows the fund's one-year return (of the accumulated NAV); a money-market fund has none", async () => {
    // the last NAV on or before 2024-03-10 is 2024-03-08's accumulated 2.5000
    const res = await upload(ops.client, csv('110011,2025-03-10,1.4000,2.7500,,'));
    expect(res.statusCode, res.body).toBe(200);
    const list = await p.portalClient().get('/api/v1/products?kind=fund');
    const items = list.json<{ items: { code: string; latestNav: { return1y: string | null } | null }[] }>()
      .items;
    const returnOf = (code: string) => items.find((i) => i.code === code)?.latestNav?.return1y;
    expect(returnOf('F110011')).toBe('0.1');
    expect(returnOf('F000198')).toBeNull();
  });
});

describe('the JSON NAV feed', () => {
  it('imports rows, numbering the report by row', async () => {
    const res = await ops.client.post('/api/v1/navs', {
      rows: [
        { fundCode: '217022', date: '2024-04-01', nav: '1.0500', accNav: '1.3000' },
        { fundCode: '217022', date: '2024-04-06', nav: '1.0510', accNav: '1.3010' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ report: Report }>().report.errors).toMatchObject([
      { line: 2, code: 'not_trading_day' },
    ]);
    const ok = await ops.client.post('/api/v1/navs', {
      rows: [{ fundCode: '217022', date: '2024-04-01', nav: '1.0500', accNav: '1.3000' }],
    });
    expect(ok.json<Report>()).toMatchObject({ accepted: true, inserted: 1 });
  });

  it('refuses a wrong shape with 400 before looking at the content: numbers as JSON numbers, unknown fields', async () => {
    for (const rows of [
      [{ fundCode: '217022', date: '2024-04-02', nav: 1.05, accNav: '1.3' }],
      [{ fundCode: '217022', date: '2024-04-02', nav: '1.05', accNav: '1.3', extra: 1 }],
      [],
    ]) {
      const res = await ops.client.post('/api/v1/navs', { rows });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });
});

describe('who may import and what has NAVs', () => {
  it('needs products.nav; takes text/plain too; a deposit has no NAV history', async () => {
    expect((await upload(advisor.client, csv('110011,2024-03-11,1.2,1.2,,'))).statusCode).toBe(403);
    const plain = await upload(ops.client, csv('217022,2024-04-02,1.0500,1.3000,,'), '', 'text/plain');
    expect(plain.json<Report>()).toMatchObject({ accepted: true, inserted: 1 });
    const deposit = await p.portalClient().get('/api/v1/products/DEP-NAV-1/navs');
    expect(deposit.json()).toMatchObject({ status: 422, code: 'not_a_fund' });
    const fund = (await ops.client.get('/api/v1/products?q=110011')).json<{ items: { id: string }[] }>()
      .items[0];
    const staffList = await advisor.client.get(
      `/api/v1/products/${fund?.id}/navs?from=2024-03-01&to=2024-03-31`,
    );
    expect(staffList.json<{ items: { date: string }[] }>().items.map((n) => n.date)).toEqual([
      '2024-03-01',
      '2024-03-04',
      '2024-03-05',
      '2024-03-08',
    ]);
    const longRange = await ops.client.get('/api/v1/products/prd_x/navs?from=2000-01-01&to=2024-01-01');
    expect(longRange.statusCode).toBe(400);
  });

  it('refuses an empty body and an upload beyond the route limit is 413', async () => {
    expect((await upload(ops.client, '')).statusCode).toBe(400);
    const huge = `${HEADER}\n${'110011,2024-03-01,1.2,1.2,,\n'.repeat(700_000)}`;
    expect((await upload(ops.client, huge)).statusCode).toBe(413);
  });
});
