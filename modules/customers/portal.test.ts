import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { answersForLevel } from './questionnaire.ts';
import { INDIVIDUAL_QUESTIONNAIRE_V1 } from './questionnaires/individual-v1.ts';
import { answersPicking, type CustomerBody, freshResidentId, residentId } from './testing.ts';

let p: TestPlatform;
let alice: { id: string; client: TestClient };
let bob: { id: string; client: TestClient };

beforeAll(async () => {
  p = await startTestPlatform();
  alice = await p.customer('13800000301', '李爱丽');
  bob = await p.customer('13800000302', '赵博');
});
afterAll(() => p.close());

async function count(table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(
    p.db.primary,
  );
  return Number(rows[0]?.n);
}

describe('registering in the portal opens a prospect customer', () => {
  it('with the log-in id, the registration name and the mobile, masked', async () => {
    const res = await alice.client.get('/api/v1/profile');
    expect(res.statusCode).toBe(200);
    const me = res.json<CustomerBody>();
    expect(me).toMatchObject({
      id: alice.id,
      type: 'individual',
      name: '李爱丽',
      status: 'prospect',
      kycStatus: 'not_started',
      openedChannel: 'web',
      individual: { mobileMasked: '138****0301', idNumberMasked: null },
    });
    expect(me.customerNo).toMatch(/^\d{10}$/);
    expect(res.body).not.toContain('13800000301');
  });

  it('a failed registration (number taken) leaves no second customer', async () => {
    const before = await count('customers_customers');
    const again = await p.portalClient().post('/api/v1/auth/register', {
      mobile: '13800000301',
      password: 'Customer2026',
      displayName: '冒名',
    });
    expect(again.statusCode).toBe(409);
    expect(await count('customers_customers')).toBe(before);
  });
});

describe('completing the profile', () => {
  it('takes the ID number, derives gender and birth date, and shows it masked', async () => {
    const id = residentId('19880214', '302', '320102');
    const res = await alice.client.request('PATCH', '/api/v1/profile', {
      body: {
        idNumber: id,
        email: 'aili@example.cn',
        provinceCode: '32',
        city: '南京市',
        occupation: 'professional',
        incomeBand: '300k_500k',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kycStatus: 'pending',
      individual: {
        idNumberMasked: `320102********${id.slice(-4)}`,
        gender: 'female',
        birthDate: '1988-02-14',
        province: { code: '32', nameZh: '江苏省' },
        occupation: { code: 'professional' },
        incomeBand: { code: '300k_500k' },
      },
    });
    expect(res.body).not.toContain(id);
  });

  it('refuses a wrong check digit, a future birth date and unknown fields with 400, changing nothing', async () => {
    const good = freshResidentId();
    const wrongCheck = `${good.slice(0, 17)}${good.at(-1) === '0' ? '1' : '0'}`;
    const future = residentId('20990101', '101');
    const before = (await bob.client.get('/api/v1/profile')).json<CustomerBody>();
    for (const body of [
      { idNumber: wrongCheck },
      { idNumber: future },
      { idNumber: 'abc' },
      { mobile: '13900000000' },
      {},
    ]) {
      const res = await bob.client.request('PATCH', '/api/v1/profile', { body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const futureRes = await bob.client.request('PATCH', '/api/v1/profile', { body: { idNumber: future } });
    expect(futureRes.json()).toMatchObject({
      code: 'invalid_id_number',
      errors: [{ field: 'body.idNumber' }],
    });
    const bad = await bob.client.request('PATCH', '/api/v1/profile', { body: { idNumber: wrongCheck } });
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.idNumber' }] });
    const after = (await bob.client.get('/api/v1/profile')).json<CustomerBody>();
    expect(after).toEqual(before);
  });

  it("refuses another customer's ID number with 409", async () => {
    const taken = residentId('19880214', '302', '320102');
    const res = await bob.client.request('PATCH', '/api/v1/profile', {
      body: { idNumber: taken.toLowerCase() },
    });
    expect(res.json()).toMatchObject({ status: 409, code: 'id_number_taken' });
  });
});

describe('real-name verification', () => {
  it('needs the ID number first', async () => {
    const res = await bob.client.post('/api/v1/profile/real-name-verification');
    expect(res.json()).toMatchObject({ status: 422, code: 'identity_incomplete' });
  });

  it('verifies a matching name and number: KYC verified, the prospect becomes active, identity locked', async () => {
    const res = await alice.client.post('/api/v1/profile/real-name-verification');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'match',
      customer: { kycStatus: 'verified', status: 'active' },
    });
    const rename = await alice.client.request('PATCH', '/api/v1/profile', { body: { name: '李丽' } });
    expect(rename.json()).toMatchObject({ status: 409, code: 'identity_locked' });
    const again = await alice.client.post('/api/v1/profile/real-name-verification');
    expect(again.json()).toMatchObject({ status: 409, code: 'already_verified' });
  });

  it('records a mismatch as failed (KYC rejected) until the customer corrects the number', async () => {
    const mismatch = residentId('19790505', '998', '440305');
    await bob.client.request('PATCH', '/api/v1/profile', { body: { idNumber: mismatch } });
    const res = await bob.client.post('/api/v1/profile/real-name-verification');
    expect(res.json()).toMatchObject({
      outcome: 'mismatch',
      customer: { kycStatus: 'rejected', status: 'prospect' },
    });
    const fixed = await bob.client.request('PATCH', '/api/v1/profile', {
      body: { idNumber: residentId('19790505', '101', '440305') },
    });
    expect(fixed.json()).toMatchObject({ kycStatus: 'pending', realNameStatus: 'unverified' });
  });
});

describe('the risk questionnaire in the portal', () => {
  it('shows the current questionnaire in Chinese and English, without scores', async () => {
    const res = await bob.client.get('/api/v1/risk-questionnaire');
    expect(res.statusCode).toBe(200);
    const q = res.json<{ id: string; questions: { textZh: string; options: { textEn: string }[] }[] }>();
    expect(q.id).toBe('rtq-individual-v1');
    expect(q.questions[0]?.textZh).toBe('您的年龄是？');
    expect(res.body).not.toContain('"score"');
  });

  it('scores the answers into C3, records the channel, and keeps the history newest first', async () => {
    const balanced = answersForLevel(INDIVIDUAL_QUESTIONNAIRE_V1, 'C3', () => 0);
    const first = await bob.client.post('/api/v1/risk-assessments', {
      questionnaireId: 'rtq-individual-v1',
      answers: balanced,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      riskLevel: 'C3',
      riskLabelZh: '平衡型',
      channel: 'web',
      answeredByType: 'customer',
      answeredBy: bob.id,
      isExpired: false,
    });
    const cautious = answersForLevel(INDIVIDUAL_QUESTIONNAIRE_V1, 'C2', () => 0);
    const second = await bob.client.request('POST', '/api/v1/risk-assessments', {
      body: { questionnaireId: 'rtq-individual-v1', answers: cautious, channel: 'app' },
    });
    expect(second.json()).toMatchObject({ riskLevel: 'C2', channel: 'app' });
    const history = (await bob.client.get('/api/v1/risk-assessments')).json<{
      current: { riskLevel: string };
      items: { riskLevel: string }[];
    }>();
    expect(history.current.riskLevel).toBe('C2');
    expect(history.items.map((a) => a.riskLevel)).toEqual(['C2', 'C3']);
  });

  it('refuses incomplete answers with 400 and records nothing', async () => {
    const before = await count('customers_risk_assessments');
    const partial = answersPicking(INDIVIDUAL_QUESTIONNAIRE_V1, () => 1).slice(0, 9);
    const res = await bob.client.post('/api/v1/risk-assessments', {
      questionnaireId: 'rtq-individual-v1',
      answers: partial,
    });
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'invalid_answers',
      errors: [{ field: 'body.answers' }],
    });
    const wrongType = await bob.client.post('/api/v1/risk-assessments', {
      questionnaireId: 'rtq-corporate-v1',
      answers: partial,
    });
    expect(wrongType.json()).toMatchObject({ status: 404, code: 'questionnaire_not_found' });
    expect(await count('customers_risk_assessments')).toBe(before);
  });
});

describe('a customer reaches only their own record', () => {
  it("sees their own profile and assessments, never another's, and cannot name a customer id", async () => {
    const mine = (await alice.client.get('/api/v1/profile')).json<CustomerBody>();
    expect(mine.id).toBe(alice.id);
    const risk = (await alice.client.get('/api/v1/risk-assessments')).json<{ items: unknown[] }>();
    expect(risk.items).toEqual([]);
    const smuggle = await alice.client.request('PATCH', '/api/v1/profile', {
      body: { customerId: bob.id, email: 'x@y.cn' },
    });
    expect(smuggle.statusCode).toBe(400);
    const assess = await alice.client.post('/api/v1/risk-assessments', {
      questionnaireId: 'rtq-individual-v1',
      answers: answersPicking(INDIVIDUAL_QUESTIONNAIRE_V1, () => 1),
      customerId: bob.id,
    });
    expect(assess.statusCode).toBe(400);
    expect(
      (await bob.client.get('/api/v1/risk-assessments')).json<{ items: unknown[] }>().items,
    ).toHaveLength(2);
  });

  it('needs a session', async () => {
    for (const url of ['/api/v1/profile', '/api/v1/risk-questionnaire', '/api/v1/risk-assessments']) {
      expect((await p.portalClient().get(url)).statusCode).toBe(401);
    }
  });
});
