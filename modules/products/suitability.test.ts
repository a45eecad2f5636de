import { createHttpApp } from '@onefin/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, TEST_SECRETS, type TestPlatform } from '../../test/platform.ts';
import { RISK_LEVELS, type SuitabilityProfile } from './model.ts';
import { productsPortalRoutes } from './routes.portal.ts';
import { createProductsService, type ProductsService } from './service.ts';
import { createFactsTable, sampleFund, sampleProduct } from './testing.ts';

/**
 * The suitability service over real data: customer facts in a table of this test's database (as
 * the customers module serves them), products loaded into the catalogue.
 */
let p: TestPlatform;
let products: ProductsService;
let facts: Awaited<ReturnType<typeof createFactsTable>>;
const ids: Record<string, string> = {};
const DAY = 86_400_000;
const LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;

function profile(customerId: string, over: Partial<SuitabilityProfile> = {}): SuitabilityProfile {
  const now = p.clock.now().getTime();
  return {
    customerId,
    customerType: 'individual',
    status: 'active',
    kycStatus: 'verified',
    riskLevel: 'C3',
    assessedAt: new Date(now - 30 * DAY),
    expiresAt: new Date(now + 335 * DAY),
    ...over,
  };
}

beforeAll(async () => {
  p = await startTestPlatform();
  facts = await createFactsTable(p.db.primary);
  products = createProductsService({
    db: p.db.primary,
    reads: p.db.replica,
    clock: p.clock,
    events: p.services.events,
    customers: facts,
    approvals: p.services.identity,
  });
  const loaded = await products.bulkLoadProducts([
    ...RISK_LEVELS.map((r, i) => ({
      input: sampleFund(`60000${i}`, 'equity', { code: `FUND-${r}`, riskLevel: r }),
    })),
    { input: sampleProduct('deposit', { code: 'DEPOSIT' }) },
    { input: sampleProduct('wealth', { code: 'SUSPENDED', now: p.clock.now() }), status: 'suspended' },
    { input: sampleProduct('corporate_loan', { code: 'CORP' }) },
    { input: sampleProduct('deposit', { code: 'BRANCH-ONLY', channels: ['branch'] }) },
  ]);
  if (!loaded.ok) throw new Error(loaded.detail);
  for (const code of [
    ...RISK_LEVELS.map((r) => `FUND-${r}`),
    'DEPOSIT',
    'SUSPENDED',
    'CORP',
    'BRANCH-ONLY',
  ]) {
    const found = await products.catalogueProduct(code);
    ids[code] = found?.id ?? '';
  }
  for (const c of LEVELS) await facts.put(profile(`cus_${c}`, { riskLevel: c }));
  const now = p.clock.now().getTime();
  await facts.put(profile('cus_expired', { expiresAt: new Date(now - DAY) }));
  await facts.put(profile('cus_unassessed', { riskLevel: null, assessedAt: null, expiresAt: null }));
  await facts.put(profile('cus_kyc', { kycStatus: 'pending', riskLevel: 'C5' }));
  await facts.put(profile('cus_closed', { status: 'closed', riskLevel: 'C5' }));
  await facts.put(profile('cus_corp', { customerType: 'corporate', riskLevel: 'C5' }));
});
afterAll(() => p.close());

const ask = async (customerId: string, code: string, channel: 'web' | 'app' | 'branch' | 'phone' = 'app') => {
  const r = await products.suitability({ customerId, productId: ids[code] ?? code, channel });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('every risk pair, through the service', () => {
  const pairs = LEVELS.flatMap((c, ci) => RISK_LEVELS.map((r, ri) => [c, r, ri <= ci] as const));
  it.each(pairs)('a %s investor and an %s fund: allowed=%s', async (c, r, allowed) => {
    const d = await ask(`cus_${c}`, `FUND-${r}`);
    expect(d.allowed).toBe(allowed);
    if (!d.allowed) expect(d).toMatchObject({ reason: 'risk_too_high', productRisk: r, customerRisk: c });
  });
});

describe('each refusal, from stored facts', () => {
  it.each([
    ['cus_nobody', 'FUND-R1', 'app', 'customer_unknown'],
    ['cus_closed', 'FUND-R1', 'app', 'customer_closed'],
    ['cus_C5', 'SUSPENDED', 'app', 'not_on_sale'],
    ['cus_C5', 'BRANCH-ONLY', 'app', 'channel_not_allowed'],
    ['cus_C5', 'CORP', 'branch', 'customer_type_not_allowed'],
    ['cus_corp', 'FUND-R1', 'app', 'customer_type_not_allowed'],
    ['cus_kyc', 'FUND-R1', 'app', 'kyc_incomplete'],
    ['cus_unassessed', 'FUND-R1', 'app', 'assessment_missing'],
    ['cus_expired', 'FUND-R1', 'app', 'assessment_expired'],
    ['cus_C2', 'FUND-R4', 'app', 'risk_too_high'],
  ] as const)('%s buying %s via %s: %s', async (customer, code, channel, reason) => {
    expect(await ask(customer, code, channel)).toMatchObject({ allowed: false, reason });
  });

  it('lets an unassessed customer open a deposit (no risk match for deposits) and a corporate buy its loan', async () => {
    expect((await ask('cus_unassessed', 'DEPOSIT')).allowed).toBe(true);
    expect((await ask('cus_corp', 'CORP', 'branch')).allowed).toBe(true);
    expect((await ask('cus_C1', 'BRANCH-ONLY', 'branch')).allowed).toBe(true);
  });

  it('renewing an assessment is seen at once: the expired customer may buy after the facts change', async () => {
    expect((await ask('cus_expired', 'FUND-R3')).allowed).toBe(false);
    await facts.put(profile('cus_expired', { riskLevel: 'C3' }));
    expect((await ask('cus_expired', 'FUND-R3')).allowed).toBe(true);
  });

  it('answers product_not_found for a product that does not exist', async () => {
    expect(
      await products.suitability({ customerId: 'cus_C3', productId: 'prd_nope', channel: 'web' }),
    ).toEqual({
      ok: false,
      error: 'product_not_found',
    });
  });

  it("reads inside the caller's transaction, so an order path sees its own uncommitted facts", async () => {
    const seen = await p.db.primary.transaction().execute(async (trx) => {
      await facts.put(profile('cus_in_trx', { riskLevel: 'C4' }), trx);
      return products.suitability(
        { customerId: 'cus_in_trx', productId: ids['FUND-R4'] ?? '', channel: 'app' },
        trx,
      );
    });
    expect(seen).toMatchObject({ ok: true, value: { allowed: true } });
  });
});

describe('"suitable for me" in the portal for a signed-in C2 customer', () => {
  it('marks R1–R2 funds allowed and R3–R5 refused, with the reason, and answers the single check', async () => {
    const app = await createHttpApp({
      name: 'portal',
      title: 'products',
      logLevel: 'silent',
      readiness: [p.db.primary],
      csrfSecret: TEST_SECRETS.csrfSecret,
      secureCookies: false,
    });
    await app.register(productsPortalRoutes, { identity: p.services.identity, products, clock: p.clock });
    const customer = await p.customer('13900000601', '李雷');
    await facts.put(profile(customer.id, { riskLevel: 'C2' }));
    const headers = { cookie: customer.client.cookieHeader() };
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/products?q=FUND-&sort=risk_asc&channel=app',
      headers,
    });
    const items = res.json<{
      items: { code: string; suitability: { allowed: boolean; reason?: string } }[];
    }>().items;
    expect(items.map((i) => [i.code, i.suitability.allowed, i.suitability.reason ?? null])).toEqual([
      ['FUND-R1', true, null],
      ['FUND-R2', true, null],
      ['FUND-R3', false, 'risk_too_high'],
      ['FUND-R4', false, 'risk_too_high'],
      ['FUND-R5', false, 'risk_too_high'],
    ]);
    const one = await app.inject({ method: 'GET', url: '/api/v1/products/FUND-R3/suitability', headers });
    expect(one.json()).toMatchObject({
      allowed: false,
      reason: 'risk_too_high',
      customerRisk: 'C2',
      productRisk: 'R3',
    });
    await app.close();
  });
});
