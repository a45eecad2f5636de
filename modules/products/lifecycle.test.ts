import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { sampleProduct } from './testing.ts';

let p: TestPlatform;
let ops: { id: string; client: TestClient };
let ops2: { id: string; client: TestClient };
let admin: { id: string; client: TestClient };
let advisor: { id: string; client: TestClient };

interface ProductBody {
  id: string;
  code: string;
  status: string;
  version: number;
  yield: { min: string; max: string } | null;
  reviewApprovalId: string | null;
  history?: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    approvalId: string | null;
    detail: Record<string, unknown>;
  }[];
}

async function create(
  kind: Parameters<typeof sampleProduct>[0] = 'wealth',
  extra = {},
): Promise<ProductBody> {
  const res = await ops.client.post(
    '/api/v1/products',
    sampleProduct(kind, { now: p.clock.now(), ...extra }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ProductBody>();
}
const get = async (id: string) => (await ops.client.get(`/api/v1/products/${id}`)).json<ProductBody>();
const act = (client: TestClient, id: string, action: string, body: unknown) =>
  client.post(`/api/v1/products/${id}/${action}`, body);
const decide = (client: TestClient, approvalId: string, decision: 'approve' | 'reject') =>
  client.post(`/api/v1/approvals/${approvalId}/${decision}`, {});

async function submit(product: ProductBody): Promise<string> {
  const res = await act(ops.client, product.id, 'submit', { version: product.version });
  expect(res.statusCode, res.body).toBe(202);
  return res.json<{ approvalId: string }>().approvalId;
}

async function onSale(kind: Parameters<typeof sampleProduct>[0] = 'wealth'): Promise<ProductBody> {
  const created = await create(kind);
  const approvalId = await submit(created);
  expect((await decide(ops2.client, approvalId, 'approve')).statusCode).toBe(200);
  return get(created.id);
}

const inSupermarket = async (code: string) => {
  const res = await p.portalClient().get(`/api/v1/products?q=${encodeURIComponent(code)}`);
  return res
    .json<{ items: { code: string; yield: { min: string; max: string } | null }[] }>()
    .items.find((i) => i.code === code);
};

beforeAll(async () => {
  p = await startTestPlatform();
  ops = await p.staff('ops', ['operations']);
  ops2 = await p.staff('ops2', ['operations']);
  admin = await p.staff('admin', ['admin']);
  advisor = await p.staff('advisor', ['advisor']);
});
afterAll(() => p.close());

describe('publishing goes through maker–checker', () => {
  it('a draft is not in the supermarket; under review neither; after a second person approves, it is', async () => {
    const product = await create();
    expect(product).toMatchObject({ status: 'draft', version: 1 });
    expect(await inSupermarket(product.code)).toBeUndefined();

    const approvalId = await submit(product);
    expect(await get(product.id)).toMatchObject({ status: 'under_review', reviewApprovalId: approvalId });
    expect(await inSupermarket(product.code)).toBeUndefined();

    const own = await decide(ops.client, approvalId, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'own_approval' });
    const unauthorised = await decide(advisor.client, approvalId, 'approve');
    expect(unauthorised.statusCode).toBe(403);
    expect((await get(product.id)).status).toBe('under_review');

    const approved = await decide(ops2.client, approvalId, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', result: { status: 'on_sale' } });
    const published = await get(product.id);
    expect(published).toMatchObject({ status: 'on_sale', reviewApprovalId: null, version: 3 });
    expect(published.history?.map((h) => h.action)).toEqual(['create', 'submit', 'approve']);
    expect(await inSupermarket(product.code)).toBeDefined();
  });

  it('shows reviewers what they approve, from the database rather than from the maker', async () => {
    const product = await create('deposit');
    const approvalId = await submit(product);
    const approval = (await admin.client.get(`/api/v1/approvals/${approvalId}`)).json<{
      summary: string;
      details: { product: { code: string; kind: string } };
    }>();
    expect(approval.summary).toContain(product.code);
    expect(approval.details.product).toMatchObject({ code: product.code, kind: 'deposit', riskLevel: 'R1' });
  });

  it('a rejected review sends the product back to draft, to be edited and submitted again', async () => {
    const product = await create();
    const approvalId = await submit(product);
    expect((await decide(admin.client, approvalId, 'reject')).statusCode).toBe(200);
    const back = await get(product.id);
    expect(back).toMatchObject({ status: 'draft', reviewApprovalId: null, version: 3 });
    expect(back.history?.at(-1)).toMatchObject({ action: 'reject', approvalId, fromStatus: 'under_review' });
    const edited = await ops.client.request('PUT', `/api/v1/products/${product.id}`, {
      body: {
        ...sampleProduct('wealth', { code: product.code, now: p.clock.now() }),
        nameZh: '改名后的产品',
        version: 3,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const again = await submit(edited.json<ProductBody>());
    expect((await decide(admin.client, again, 'approve')).statusCode).toBe(200);
    expect((await get(product.id)).status).toBe('on_sale');
  });

  it('a withdrawn submission cannot be approved any more: the approval fails and nothing goes on sale', async () => {
    const product = await create();
    const approvalId = await submit(product);
    const withdrawn = await act(ops.client, product.id, 'withdraw', { version: 2 });
    expect(withdrawn.json()).toMatchObject({ status: 'draft', version: 3 });
    const late = await decide(ops2.client, approvalId, 'approve');
    expect(late.json()).toMatchObject({ status: 'failed', result: { error: 'review_not_pending' } });
    expect((await get(product.id)).status).toBe('draft');
  });
});

describe('suspend, resume, close', () => {
  it('takes an on-sale product off the supermarket and back, then closes it for good', async () => {
    const product = await onSale('deposit');
    const suspended = await act(ops.client, product.id, 'suspend', {
      version: product.version,
      reason: '利率调整前暂停销售',
    });
    expect(suspended.json()).toMatchObject({ status: 'suspended' });
    expect(await inSupermarket(product.code)).toBeUndefined();
    // holders can still open it in the portal
    expect((await p.portalClient().get(`/api/v1/products/${product.code}`)).json()).toMatchObject({
      status: 'suspended',
    });
    const resumed = await act(ops.client, product.id, 'resume', { version: product.version + 1 });
    expect(resumed.json()).toMatchObject({ status: 'on_sale' });
    expect(await inSupermarket(product.code)).toBeDefined();
    const closed = await act(ops.client, product.id, 'close', {
      version: product.version + 2,
      reason: '产品到期下架',
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await p.portalClient().get(`/api/v1/products/${product.id}`)).statusCode).toBe(404);
    const history = (await get(product.id)).history ?? [];
    expect(history.slice(-3).map((h) => [h.action, h.detail])).toEqual([
      ['suspend', { reason: '利率调整前暂停销售' }],
      ['resume', {}],
      ['close', { reason: '产品到期下架' }],
    ]);
  });

  it('refuses every move the state machine does not allow, with 409 and what is allowed', async () => {
    const draft = await create();
    const live = await onSale();
    const cases: [ProductBody, string, Record<string, unknown>][] = [
      [draft, 'suspend', { version: 1, reason: '测试' }],
      [draft, 'resume', { version: 1 }],
      [draft, 'withdraw', { version: 1 }],
      [live, 'resume', { version: live.version }],
      [live, 'withdraw', { version: live.version }],
      [live, 'submit', { version: live.version }],
    ];
    for (const [product, action, body] of cases) {
      const res = await act(ops.client, product.id, action, body);
      expect(res.statusCode, `${action} ${product.status}`).toBe(409);
      expect(res.json()).toMatchObject({ code: 'invalid_transition' });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const edit = await ops.client.request('PUT', `/api/v1/products/${live.id}`, {
      body: { ...sampleProduct('wealth', { code: live.code, now: p.clock.now() }), version: live.version },
    });
    expect(edit.json()).toMatchObject({ code: 'invalid_transition' });
    const closed = await act(ops.client, draft.id, 'close', { version: 1, reason: '不再发行' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await act(ops.client, draft.id, 'close', { version: 2, reason: '再次' })).statusCode).toBe(409);
  });

  it('refuses a stale version with 409 version_conflict and changes nothing', async () => {
    const product = await create();
    const res = await act(ops.client, product.id, 'close', { version: 7, reason: '过期版本' });
    expect(res.json()).toMatchObject({ status: 409, code: 'version_conflict' });
    expect(await get(product.id)).toMatchObject({ status: 'draft', version: 1 });
  });
});

describe('repricing an on-sale product goes through maker–checker', () => {
  it('keeps the old yields until a second person approves, then shows the new ones', async () => {
    const product = await onSale();
    expect((await inSupermarket(product.code))?.yield).toEqual({ min: '0.028', max: '0.035' });
    const proposed = await act(ops.client, product.id, 'reprice', {
      version: product.version,
      pricing: { expectedYieldMin: '0.03', expectedYieldMax: '0.038' },
      reason: '市场利率上行',
    });
    expect(proposed.statusCode, proposed.body).toBe(202);
    const { approvalId } = proposed.json<{ approvalId: string }>();
    expect((await inSupermarket(product.code))?.yield).toEqual({ min: '0.028', max: '0.035' });
    expect((await decide(ops.client, approvalId, 'approve')).statusCode).toBe(403);
    const details = (await admin.client.get(`/api/v1/approvals/${approvalId}`)).json<{
      details: Record<string, unknown>;
    }>();
    expect(details.details).toMatchObject({
      before: { expectedYieldMin: '0.028', expectedYieldMax: '0.035' },
      after: { expectedYieldMin: '0.03', expectedYieldMax: '0.038' },
    });
    expect((await decide(ops2.client, approvalId, 'approve')).json()).toMatchObject({ status: 'approved' });
    expect((await inSupermarket(product.code))?.yield).toEqual({ min: '0.03', max: '0.038' });
    expect((await get(product.id)).history?.at(-1)).toMatchObject({ action: 'reprice', approvalId });
  });

  it('refuses changes that are not pricing, and a second proposal on the same version fails once the first applied', async () => {
    const product = await onSale('deposit');
    const notPricing = await act(ops.client, product.id, 'reprice', {
      version: product.version,
      pricing: { termDays: 90 },
      reason: '改期限',
    });
    expect(notPricing.statusCode).toBe(422);
    expect(notPricing.json()).toMatchObject({
      code: 'invalid_reprice',
      detail: expect.stringContaining('termDays'),
    });
    const propose = (rate: string) =>
      act(ops.client, product.id, 'reprice', {
        version: product.version,
        pricing: { annualRate: rate },
        reason: '调整利率',
      });
    const first = (await propose('0.0175')).json<{ approvalId: string }>().approvalId;
    const second = (await propose('0.0155')).json<{ approvalId: string }>().approvalId;
    expect((await decide(ops2.client, first, 'approve')).json()).toMatchObject({ status: 'approved' });
    expect((await decide(ops2.client, second, 'approve')).json()).toMatchObject({
      status: 'failed',
      result: { error: 'version_conflict' },
    });
    expect((await inSupermarket(product.code))?.yield).toEqual({ min: '0.0175', max: '0.0175' });
    const draft = await create('deposit');
    const onDraft = await act(ops.client, draft.id, 'reprice', {
      version: 1,
      pricing: { annualRate: '0.02' },
      reason: '草稿',
    });
    expect(onDraft.json()).toMatchObject({ code: 'invalid_transition' });
  });
});

describe('bad input changes nothing', () => {
  const count = async () =>
    Number(
      (
        await p.db.primary
          .withTables<{ products_products: { id: string } }>()
          .selectFrom('products_products')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses unknown fields, wrong types and broken rules with 400 and field errors', async () => {
    const before = await count();
    const bodies = [
      { ...sampleProduct('deposit'), colour: 'red' },
      { ...sampleProduct('deposit'), riskLevel: 3 },
      sampleProduct('wealth', { attributes: { offering: 'private', coolingOffHours: 2 } }),
      sampleProduct('deposit', { attributes: { annualRate: 0.0165 } }),
    ];
    for (const body of bodies) {
      const res = await ops.client.post('/api/v1/products', body);
      expect(res.statusCode, res.body).toBe(400);
      const problem = res.json<{ code: string; errors: { field: string }[] }>();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.length).toBeGreaterThan(0);
      expect(problem.errors[0]?.field).toMatch(/^body/);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a taken code and a taken fund code with 409', async () => {
    const first = await create('fund', { code: 'F123456', attributes: { fundCode: '123456' } });
    const sameCode = await ops.client.post(
      '/api/v1/products',
      sampleProduct('deposit', { code: first.code }),
    );
    expect(sameCode.json()).toMatchObject({ status: 409, code: 'code_taken' });
    const sameFund = await ops.client.post(
      '/api/v1/products',
      sampleProduct('fund', { attributes: { fundCode: '123456' } }),
    );
    expect(sameFund.json()).toMatchObject({ status: 409, code: 'fund_code_taken' });
  });

  it('needs products.manage to change and products.read to look', async () => {
    expect((await advisor.client.post('/api/v1/products', sampleProduct('deposit'))).statusCode).toBe(403);
    expect((await advisor.client.get('/api/v1/products')).statusCode).toBe(200);
    expect((await p.consoleClient().get('/api/v1/products')).statusCode).toBe(401);
    expect((await admin.client.post('/api/v1/products', sampleProduct('deposit'))).statusCode).toBe(403);
  });

  it('answers 404 for a product that does not exist', async () => {
    expect((await ops.client.get('/api/v1/products/prd_nope')).statusCode).toBe(404);
    const res = await act(ops.client, 'prd_nope', 'suspend', { version: 1, reason: '不存在' });
    expect(res.json()).toMatchObject({ status: 404, code: 'product_not_found' });
  });
});
