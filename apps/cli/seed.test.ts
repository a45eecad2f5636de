import { isValidResidentId } from '@onefin/customers';
import { businessDateOf, maskIdNumber } from '@onefin/kernel';
import { CORPORATE_KINDS, isTradingDay, PRODUCT_KINDS } from '@onefin/products';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { demoIdentities } from './src/seed/demo-profiles.ts';
import {
  DEMO_CUSTOMER_PASSWORD,
  DEMO_CUSTOMERS,
  DEMO_STAFF_PASSWORD,
  demoWorld,
  type SeedReport,
  seedDemo,
} from './src/seed.ts';

/** Small, so the suite stays quick; the world's shape does not depend on its size. */
const WORLD = { customers: 300, seed: 7 };
/** The models are trained on the first rows of each file only: the suite checks the wiring, not the fit. */
const SEED = { ...WORLD, modelRows: 3000 };

let p: TestPlatform;
let first: SeedReport;

beforeAll(async () => {
  p = await startTestPlatform();
  first = await seedDemo(p, SEED);
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

/** Every individual customer as the console's search lists them (PII masked), by name. */
async function individuals(platform: TestPlatform) {
  const found: string[] = [];
  let after: string | undefined;
  do {
    const page = await platform.services.customers.search({ type: 'individual', limit: 100, after });
    for (const c of page.items) found.push(`${c.name} ${c.idNumberMasked} ${c.mobileMasked} ${c.riskLevel}`);
    after = page.next;
  } while (after);
  return found.sort();
}

/** Every fund's NAV history by fund code. */
async function fundNavs(platform: TestPlatform) {
  const { products } = platform.services;
  const funds = (await products.listProducts({ kind: ['fund'], limit: 100 })).items;
  const navs: Record<string, unknown> = {};
  for (const f of funds) {
    const history = await products.navHistory(f.id, { from: '2020-01-01', to: '2030-12-31' });
    navs[f.code] = history.ok ? history.value : history.error;
  }
  return navs;
}

const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const count = async (platform: TestPlatform, table: string) =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(
        platform.db.primary,
      )
    ).rows[0]?.n,
  );

/** Everything a user could see of the seeded world, except reconciliation runs (running one adds one). */
async function visibleWorld() {
  const ops = await staff('operations');
  const customers = [];
  for (const c of DEMO_CUSTOMERS) customers.push(await myAccount(c.mobile));
  return {
    customers,
    trialBalance: (await ops.get('/api/v1/ledger/trial-balance')).json(),
    approvals: (await ops.get('/api/v1/approvals?limit=50')).json(),
    individuals: await individuals(p),
    products: (await p.services.products.listProducts({ limit: 200 })).items.map((x) => x.code).sort(),
    navs: await count(p, 'products_navs'),
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

  it('running seed again changes nothing anyone can see, whatever size or seed it is asked for', async () => {
    const before = await visibleWorld();
    expect(await seedDemo(p, SEED)).toEqual({ created: 0, world: 'already_seeded' });
    expect(await seedDemo(p, { customers: 500, seed: 8 })).toEqual({ created: 0, world: 'already_seeded' });
    expect(await visibleWorld()).toEqual(before);
    expect(first.created).toBeGreaterThan(WORLD.customers);
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

describe('the generated world after `onefin seed --customers 300 --seed 7`', () => {
  it('has the customers and companies, each found by the ID number on their card, which is stored only encrypted', async () => {
    const { world } = await demoWorld(p.services, WORLD);
    expect(first.world).toMatchObject({ individuals: 300, corporates: world.corporates.length });
    expect(world.corporates.length).toBeGreaterThanOrEqual(3);
    expect(await count(p, 'customers_individuals')).toBe(300 + DEMO_CUSTOMERS.length);
    expect(await count(p, 'customers_corporates')).toBe(world.corporates.length);
    expect(world.individuals.every((x) => isValidResidentId(x.idNumber))).toBe(true);
    const stored = JSON.stringify(
      (await sql`SELECT * FROM customers_individuals`.execute(p.db.primary)).rows,
      (_, v) => (typeof v === 'bigint' ? String(v) : v),
    );
    for (const person of world.individuals.filter((_, i) => i % 15 === 0)) {
      const found = await p.services.customers.search({ q: person.idNumber, limit: 5 });
      expect(found.items.map((c) => [c.name, c.idNumberMasked])).toEqual([
        [person.name, maskIdNumber(person.idNumber)],
      ]);
      expect(stored).not.toContain(person.idNumber);
      expect(stored).not.toContain(person.mobile);
    }
    // about 5% never took the questionnaire, and about a third of those who did are due to renew
    const facts = await Promise.all(
      (await p.services.customers.search({ type: 'individual', limit: 300 })).items.map((c) =>
        p.services.customers.suitabilityProfile(c.id),
      ),
    );
    const assessed = facts.filter((f) => f?.riskLevel);
    const expired = assessed.filter((f) => (f?.expiresAt?.getTime() ?? 0) < p.clock.now().getTime());
    expect(assessed.length / facts.length).toBeGreaterThan(0.88);
    expect(expired.length / assessed.length).toBeGreaterThan(0.15);
    expect(expired.length / assessed.length).toBeLessThan(0.5);
  });

  it('is the same world in another database with the same seed, and another world with another seed', async () => {
    const twin = await startTestPlatform();
    const other = await startTestPlatform();
    try {
      await seedDemo(twin, SEED);
      await seedDemo(other, { ...SEED, seed: 8 });
      const [mine, twins, others] = [await individuals(p), await individuals(twin), await individuals(other)];
      expect(twins).toEqual(mine);
      const navs = await fundNavs(p);
      expect(await fundNavs(twin)).toEqual(navs);
      // the demo log-ins are the same five people in every world; the rest differ
      const shared = others.filter((x) => mine.includes(x));
      expect(shared.length).toBeLessThanOrEqual(DEMO_CUSTOMERS.length);
      expect(Object.keys(await fundNavs(other))).not.toEqual(Object.keys(navs));
    } finally {
      await twin.close();
      await other.close();
    }
  }, 180_000);

  it('gives every fund about three years of NAVs, published on exchange trading days only', async () => {
    const navs = await fundNavs(p);
    const today = businessDateOf(p.clock.now());
    const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
    expect(Object.keys(navs).length).toBeGreaterThanOrEqual(30);
    for (const history of Object.values(navs) as { date: string; nav: string }[][]) {
      const dates = history.map((n) => n.date);
      // about 244 trading days a year
      expect(dates.length).toBeGreaterThan(700);
      expect(dates.length).toBeLessThan(745);
      expect(daysFrom(threeYearsAgo, dates[0] ?? '')).toBeGreaterThan(0);
      expect(daysFrom(threeYearsAgo, dates[0] ?? '')).toBeLessThan(12);
      expect(daysFrom(dates.at(-1) ?? '', today)).toBeGreaterThanOrEqual(0);
      expect(daysFrom(dates.at(-1) ?? '', today)).toBeLessThan(12);
      expect(dates.filter((d) => !isTradingDay(d))).toEqual([]);
      expect(history.every((n) => Number(n.nav) > 0)).toBe(true);
    }
  });

  it('puts products of every kind on sale; the supermarket shows every kind a person can buy', async () => {
    const { products } = p.services;
    for (const kind of PRODUCT_KINDS) {
      const onSale = await products.listProducts({ kind: [kind], status: ['on_sale'], limit: 5 });
      expect(onSale.items.length, kind).toBeGreaterThan(0);
      if (CORPORATE_KINDS.includes(kind)) continue;
      const shelf = await products.browse({ kinds: [kind], sort: 'code', limit: 5 });
      expect(shelf.ok && shelf.value.items.length, kind).toBeGreaterThan(0);
    }
    const wealth = await products.browse({ kinds: ['wealth'], sort: 'risk_asc', limit: 100 });
    const levels = new Set(wealth.ok ? wealth.value.items.map((x) => x.riskLevel) : []);
    expect([...levels].sort()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
  });

  it('gives each demo log-in a verified profile and their own risk level; 陈静 has yet to take the questionnaire', async () => {
    const identities = demoIdentities(DEMO_CUSTOMERS);
    const seen = [];
    for (const demo of DEMO_CUSTOMERS) {
      const client = await customer(demo.mobile);
      const profile = (await client.get('/api/v1/profile')).json<{
        name: string;
        status: string;
        kycStatus: string;
        individual: { idNumberMasked: string; city: string | null; occupation: { code: string } | null };
      }>();
      const risk = (await client.get('/api/v1/risk-assessments')).json<{
        current: { riskLevel: string; isExpired: boolean } | null;
      }>();
      const idNumber = identities.get(demo.mobile)?.idNumber ?? '';
      expect(isValidResidentId(idNumber)).toBe(true);
      expect(profile.individual.idNumberMasked).toBe(maskIdNumber(idNumber));
      expect(profile.individual.city).toBeTruthy();
      expect(risk.current?.isExpired ?? false).toBe(false);
      seen.push(`${profile.name} ${profile.status} ${profile.kycStatus} ${risk.current?.riskLevel ?? '—'}`);
    }
    expect(seen).toEqual([
      '张伟 active verified C3',
      '王芳 active verified C4',
      '李娜 active verified C2',
      '刘洋 active verified C5',
      '陈静 active verified —',
    ]);
  });

  it('scores every individual with both active models: a credit score with reasons, a place on the campaign list', async () => {
    const models = (await (await staff('analyst')).get('/api/v1/models')).json<{
      items: { model: string; active: { status: string } | null }[];
    }>().items;
    expect(models.map((m) => `${m.model} ${m.active?.status}`)).toEqual([
      'credit active',
      'marketing active',
    ]);
    const marketing = await staff('marketing');
    const list = (await marketing.get('/api/v1/campaigns/deposit/targets?limit=200')).json<{
      total: number;
      expectedSubscriptions: number;
      items: { customerId: string; name: string; score: number }[];
    }>();
    expect(list.total).toBe(WORLD.customers + DEMO_CUSTOMERS.length);
    expect(list.expectedSubscriptions).toBeGreaterThan(0);
    const scores = list.items.map((i) => i.score);
    expect(new Set(scores).size).toBeGreaterThan(20);
    const risk = await staff('risk_officer');
    const credit = [];
    for (const item of list.items.slice(0, 40)) {
      const res = await risk.get(`/api/v1/customers/${item.customerId}/credit-score`);
      expect(res.statusCode).toBe(200);
      const score = res.json<{ score: number; points: { points: number }[]; reasons: unknown[] }>();
      expect(score.points.reduce((a, b) => a + b.points, 0)).toBeCloseTo(score.score, 0);
      credit.push(score.score);
    }
    expect(new Set(credit).size).toBeGreaterThan(10);
  });
});
