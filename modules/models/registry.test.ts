import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { creditApplicantOf, marketingContactOf, trainedSample, trainingSample } from './testing.ts';

let p: TestPlatform;
let analyst: { id: string; client: TestClient };
let risk: { id: string; client: TestClient };
let marketer: { id: string; client: TestClient };

const creditSample = trainingSample('credit', 3000);
const marketingSample = trainingSample('marketing', 2000);

beforeAll(async () => {
  p = await startTestPlatform();
  analyst = await p.staff('analyst', ['analyst']);
  risk = await p.staff('risk', ['risk_officer']);
  marketer = await p.staff('marketer', ['marketing']);
}, 60_000);
afterAll(() => p.close());

type Summary = { id: string; version: number; status: string; metrics: { auc: { mean: number } } | null };

async function register(set: 'credit' | 'marketing', seed = 7): Promise<Summary> {
  return (await p.services.models.registerVersion(
    trainedSample(set, set === 'credit' ? 3000 : 2000, seed),
    'cli',
  )) as Summary;
}

/** Audit rows about a target: a decision's id, or `POST <route>` for the console's request audit. */
const auditOf = (targetId: string) =>
  p.db.primary
    .withTables<{
      audit_events: { action: string; actor_id: string; outcome: string; target_id: string | null };
    }>()
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'outcome'])
    .where('target_id', '=', targetId)
    .execute();
const SCORE_ROUTE = 'POST /api/v1/models/credit/score';

const post = (c: TestClient, url: string, body: unknown = {}) => c.post(url, body);

/** validate → analyst proposes → risk officer approves. */
async function activate(set: 'credit' | 'marketing', version: number): Promise<void> {
  expect((await post(analyst.client, `/api/v1/models/${set}/versions/${version}/validate`)).statusCode).toBe(
    200,
  );
  const proposed = await post(analyst.client, `/api/v1/models/${set}/versions/${version}/activate`);
  expect(proposed.statusCode, proposed.body).toBe(202);
  const { approvalId } = proposed.json<{ approvalId: string }>();
  const approved = await post(risk.client, `/api/v1/approvals/${approvalId}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
}

describe('the model registry', () => {
  it('registers a training run as version 1 with its data hash, features, folds and charts', async () => {
    const v = await register('credit');
    expect(v).toMatchObject({ version: 1, status: 'trained' });
    const page = (await analyst.client.get('/api/v1/models/credit/versions/1')).json<{
      trainingSha256: string;
      trainingRows: number;
      features: string[];
      folds: unknown[];
      metrics: { auc: { mean: number; sd: number } };
      report: { roc: unknown[]; gains: unknown[]; distribution: unknown[] };
      scorecard: { variable: string; points: number }[];
      woe: { variable: string; iv: number; bins: unknown[] }[];
    }>();
    expect(page.trainingSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(page.trainingRows).toBe(3000);
    expect(page.features).not.toContain('SEX');
    expect(page.folds).toHaveLength(5);
    expect(page.metrics.auc.mean).toBeGreaterThan(0.7);
    expect(page.report.gains).toHaveLength(10);
    expect(page.scorecard.length).toBeGreaterThan(page.features.length);
    expect(page.woe.map((w) => w.variable)).toEqual(page.features);
  });

  it('activates only a validated version, and only when someone other than the maker approves', async () => {
    const early = await post(analyst.client, '/api/v1/models/credit/versions/1/activate');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'invalid_transition' });

    expect((await post(risk.client, '/api/v1/models/credit/versions/1/validate')).statusCode).toBe(403);
    const validated = await post(analyst.client, '/api/v1/models/credit/versions/1/validate');
    expect(validated.json()).toMatchObject({ status: 'validated', validatedBy: analyst.id });

    const proposed = await post(analyst.client, '/api/v1/models/credit/versions/1/activate');
    expect(proposed.statusCode).toBe(202);
    const { approvalId } = proposed.json<{ approvalId: string }>();
    // Proposed, not yet decided: nothing scores.
    const applicant = creditApplicantOf(creditSample, 0);
    expect((await post(risk.client, '/api/v1/models/credit/score', applicant)).statusCode).toBe(409);
    const own = await post(analyst.client, `/api/v1/approvals/${approvalId}/approve`);
    expect(own.statusCode).toBe(403);
    expect((await post(risk.client, `/api/v1/approvals/${approvalId}/approve`)).statusCode).toBe(200);
    const overview = (await risk.client.get('/api/v1/models')).json<{
      items: { model: string; active: Summary | null }[];
    }>();
    expect(overview.items.find((m) => m.model === 'credit')?.active).toMatchObject({
      version: 1,
      status: 'active',
      activationApprovalId: approvalId,
    });
  });

  it('scores an applicant: the points of the bins add up to the score, the reasons are the costliest bins', async () => {
    const active = await p.services.models.activeVersion('credit');
    const res = await post(risk.client, '/api/v1/models/credit/score', creditApplicantOf(creditSample, 1));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<{
      score: number;
      probability: number;
      versionId: string;
      version: number;
      decisionId: string;
      points: { points: number; pointsBelowBest: number }[];
      reasons: { pointsBelowBest: number; words: { zh: string; en: string } }[];
    }>();
    expect(s.versionId).toBe(active?.id);
    expect(s.points.reduce((a, b) => a + b.points, 0)).toBe(s.score);
    expect(s.reasons.length).toBeLessThanOrEqual(4);
    const costs = s.reasons.map((r) => r.pointsBelowBest);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(Math.min(...costs)).toBeGreaterThan(0);
    expect(s.reasons[0]?.words.zh).toMatch(/[\u4e00-\u9fff]/);
    const decisions = await p.db.primary
      .withTables<{ models_decisions: { id: string; version_id: string; score: number } }>()
      .selectFrom('models_decisions')
      .selectAll()
      .where('id', '=', s.decisionId)
      .execute();
    expect(decisions).toEqual([{ ...decisions[0], version_id: active?.id, score: s.score }]);
    // Audited once, in the decision's transaction, not again by the console's request audit.
    expect(await auditOf(s.decisionId)).toEqual([
      { action: 'model.decision', actor_id: risk.id, outcome: 'success' },
    ]);
    expect((await auditOf(SCORE_ROUTE)).filter((r) => r.outcome === 'success')).toEqual([]);
  });

  it('refuses an applicant with missing or impossible values with a 400 and records nothing', async () => {
    const count = async () =>
      Number(
        (
          await p.db.primary
            .withTables<{ models_decisions: { id: string } }>()
            .selectFrom('models_decisions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const { PAY_0: _, ...missing } = creditApplicantOf(creditSample, 2);
    for (const body of [
      missing,
      { ...creditApplicantOf(creditSample, 2), AGE: 7 },
      { ...creditApplicantOf(creditSample, 2), LIMIT_BAL: 'lots' },
      { ...creditApplicantOf(creditSample, 2), duration: 100 },
    ]) {
      const res = await post(risk.client, '/api/v1/models/credit/score', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await count()).toBe(before);
  });

  it('a newer version replaces the active one, which is retired', async () => {
    const v2 = await register('credit', 11);
    expect(v2.version).toBe(2);
    await activate('credit', 2);
    const items = (await analyst.client.get('/api/v1/models/credit/versions')).json<{ items: Summary[] }>()
      .items;
    expect(items.map((v) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    const res = await post(risk.client, '/api/v1/models/credit/score', creditApplicantOf(creditSample, 1));
    expect(res.json()).toMatchObject({ version: 2, versionId: v2.id });
  });

  it('exports the scorecard to Excel with every bin and its points', async () => {
    const res = await analyst.client.get('/api/v1/models/credit/versions/2/scorecard.xlsx?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.getWorksheet('Scorecard');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Variable',
      'Meaning',
      'Bin',
      'Bin (exact)',
      'WoE',
      'Points',
    ]);
    expect(sheet?.getRow(2).getCell(6).value).toEqual(expect.any(Number));
  });
});

describe('customers scored in the product', () => {
  it('ranks customers for the deposit campaign by propensity, filters and exports the list', async () => {
    const m = await register('marketing');
    await activate('marketing', m.version);
    const people = await Promise.all(
      ['13600136001', '13600136002', '13600136003'].map((mobile, i) => p.customer(mobile, `客户${i + 1}`)),
    );
    await p.services.models.putCustomerFeatures(
      people.map((c, i) => ({
        customerId: c.id,
        credit: creditApplicantOf(creditSample, i) as never,
        marketing: marketingContactOf(marketingSample, i * 7) as never,
      })),
    );
    const list = (await marketer.client.get('/api/v1/campaigns/deposit/targets')).json<{
      total: number;
      version: number;
      items: { rank: number; customerId: string; name: string; score: number; age: number }[];
    }>();
    expect(list.total).toBe(3);
    expect(list.version).toBe(m.version);
    expect(list.items.map((t) => t.rank)).toEqual([1, 2, 3]);
    const scores = list.items.map((t) => t.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(list.items.every((t) => t.name.startsWith('客户'))).toBe(true);

    const oldest = Math.max(...list.items.map((t) => t.age));
    const filtered = (await marketer.client.get(`/api/v1/campaigns/deposit/targets?ageMin=${oldest}`)).json<{
      items: { age: number }[];
    }>();
    expect(filtered.items.every((t) => t.age >= oldest)).toBe(true);
    expect((await marketer.client.get('/api/v1/campaigns/deposit/targets?jobs=astronaut')).statusCode).toBe(
      400,
    );
    // Marketing sees propensity, not credit.
    expect((await marketer.client.get(`/api/v1/customers/${people[0]?.id}/credit-score`)).statusCode).toBe(
      403,
    );

    const xlsx = await marketer.client.get('/api/v1/campaigns/deposit/targets.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('排名');
    expect(sheet?.getRow(2).getCell(3).value).toBe(list.items[0]?.name);
  });

  it("shows a customer's credit score with reason codes by the active version", async () => {
    const [first] = (await marketer.client.get('/api/v1/campaigns/deposit/targets')).json<{
      items: { customerId: string }[];
    }>().items;
    const res = await risk.client.get(`/api/v1/customers/${first?.customerId}/credit-score`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<{ version: number; score: number; points: { points: number }[] }>();
    expect(s.version).toBe(2);
    expect(s.points.reduce((a, b) => a + b.points, 0)).toBe(s.score);
    const stability = (await risk.client.get('/api/v1/models/credit/stability')).json<{
      version: number;
      customers: number;
      psi: number;
      expected: number[];
      actual: number[];
    }>();
    expect(stability).toMatchObject({ version: 2, customers: 3 });
    expect(stability.actual.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(stability.psi).toBeGreaterThanOrEqual(0);
    const unknown = await risk.client.get('/api/v1/customers/cus_nobody/credit-score');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'no_features' });
  });
});
