import { createPiiCipher, DAY_MS } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { STAFF_PASSWORD, startTestPlatform, TEST_SECRETS, type TestPlatform } from '../../test/platform.ts';
import { answersForLevel, type Questionnaire } from './questionnaire.ts';
import { CORPORATE_QUESTIONNAIRE_V1 } from './questionnaires/corporate-v1.ts';
import { INDIVIDUAL_QUESTIONNAIRE_V1 } from './questionnaires/individual-v1.ts';
import { createCustomersService } from './service.ts';
import { openCorporate, openIndividual } from './testing.ts';
import { createSimulatedVerifier } from './verification.ts';

let p: TestPlatform;
let phone: TestClient;
let phoneId: string;
let desk: TestClient;
let start: Date;

/** A new session: moving the clock by months ends the old ones (idle and absolute timeouts). */
async function loginAgain(username: string): Promise<TestClient> {
  const client = p.consoleClient();
  const res = await client.post('/api/v1/auth/login', { username, password: STAFF_PASSWORD });
  if (res.statusCode !== 200) throw new Error(res.body);
  return client;
}

beforeAll(async () => {
  p = await startTestPlatform();
  const agent = await p.staff('phone', ['phone_sales']);
  phone = agent.client;
  phoneId = agent.id;
  desk = (await p.staff('desk', ['service_desk'])).client;
  start = p.clock.now();
});
afterAll(() => p.close());

const answers = (level: 'C1' | 'C2' | 'C3' | 'C4' | 'C5', q: Questionnaire = INDIVIDUAL_QUESTIONNAIRE_V1) =>
  answersForLevel(q, level, () => 0);

interface Assessment {
  riskLevel: string;
  channel: string;
  answeredByType: string;
  answeredBy: string;
  assessedAt: string;
  expiresAt: string;
  isExpired: boolean;
}

describe('staff assess on the customer’s behalf', () => {
  it('record who answered and through which channel; the profile shows the current level and the history', async () => {
    const c = await openIndividual(phone);
    const url = `/api/v1/customers/${c.id}/risk-assessments`;
    const first = await phone.post(url, {
      questionnaireId: 'rtq-individual-v1',
      answers: answers('C4'),
      channel: 'phone',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      riskLevel: 'C4',
      channel: 'phone',
      answeredByType: 'staff',
      answeredBy: phoneId,
    });
    await phone.post(url, { questionnaireId: 'rtq-individual-v1', answers: answers('C2'), channel: 'phone' });
    const history = (await desk.get(url)).json<{ current: Assessment; items: Assessment[] }>();
    expect(history.current.riskLevel).toBe('C2');
    expect(history.items.map((a) => a.riskLevel)).toEqual(['C2', 'C4']);
    const profile = (await desk.get(`/api/v1/customers/${c.id}`)).json<{ risk: { current: Assessment } }>();
    expect(profile.risk.current.riskLevel).toBe('C2');
  });

  it('use the corporate questionnaire for a corporate', async () => {
    const corp = await openCorporate(phone);
    const q = (await desk.get('/api/v1/risk-questionnaires/corporate')).json<{
      id: string;
      questions: unknown[];
    }>();
    expect(q).toMatchObject({ id: 'rtq-corporate-v1' });
    expect(q.questions).toHaveLength(7);
    const res = await phone.post(`/api/v1/customers/${corp.id}/risk-assessments`, {
      questionnaireId: 'rtq-corporate-v1',
      answers: answers('C3', CORPORATE_QUESTIONNAIRE_V1),
      channel: 'corporate',
    });
    expect(res.json()).toMatchObject({ riskLevel: 'C3', channel: 'corporate' });
  });

  it('need customers.write, a staff channel and a known customer', async () => {
    const c = await openIndividual(phone);
    const url = `/api/v1/customers/${c.id}/risk-assessments`;
    const body = { questionnaireId: 'rtq-individual-v1', answers: answers('C3'), channel: 'phone' };
    expect((await desk.post(url, body)).statusCode).toBe(403);
    expect((await phone.post(url, { ...body, channel: 'web' })).statusCode).toBe(400);
    const unknown = await phone.post(
      '/api/v1/customers/cus_01900000-0000-7000-8000-000000000000/risk-assessments',
      body,
    );
    expect(unknown.json()).toMatchObject({ status: 404, code: 'customer_not_found' });
  });
});

describe('expiry (12 months by default)', () => {
  it('keeps the level until the anniversary, then reports it expired but still there', async () => {
    const c = await openIndividual(phone);
    const assessed = (
      await phone.post(`/api/v1/customers/${c.id}/risk-assessments`, {
        questionnaireId: 'rtq-individual-v1',
        answers: answers('C3'),
        channel: 'branch',
      })
    ).json<Assessment>();
    const at = new Date(assessed.assessedAt);
    const expected = new Date(at);
    expected.setUTCFullYear(at.getUTCFullYear() + 1);
    expect(assessed.expiresAt).toBe(expected.toISOString());

    const facts = await p.services.customers.suitabilityProfile(c.id);
    expect(facts).toEqual({
      customerId: c.id,
      customerType: 'individual',
      status: 'prospect',
      kycStatus: 'pending',
      riskLevel: 'C3',
      assessedAt: at,
      expiresAt: expected,
    });

    p.clock.set(new Date(expected.getTime() - 1));
    const later = await loginAgain('desk');
    const before = (await later.get(`/api/v1/customers/${c.id}/risk-assessments`)).json<{
      current: Assessment;
    }>();
    expect(before.current.isExpired).toBe(false);
    p.clock.set(expected);
    const after = (await later.get(`/api/v1/customers/${c.id}/risk-assessments`)).json<{
      current: Assessment;
    }>();
    expect(after.current).toMatchObject({ riskLevel: 'C3', isExpired: true });
    // the level is still there for suitability to refuse with "expired, renew it"
    expect(await p.services.customers.suitabilityProfile(c.id)).toMatchObject({
      riskLevel: 'C3',
      expiresAt: expected,
    });
    p.clock.set(start);
  });

  it('follows the configured validity', async () => {
    const sixMonths = createCustomersService({
      db: p.db.primary,
      reads: p.db.replica,
      clock: p.clock,
      pii: createPiiCipher(TEST_SECRETS.piiKey, TEST_SECRETS.piiHashKey),
      verifier: createSimulatedVerifier(),
      settings: { assessmentValidityMonths: 6 },
    });
    const c = await openIndividual(phone);
    p.clock.set('2026-01-31T02:00:00Z');
    const done = await sixMonths.submitAssessment(
      c.id,
      { questionnaireId: 'rtq-individual-v1', answers: answers('C2') },
      { type: 'staff', id: phoneId, channel: 'phone' },
    );
    expect(done.ok && done.value.expiresAt.toISOString()).toBe('2026-07-31T02:00:00.000Z');
    p.clock.advance(180 * DAY_MS);
    expect((await sixMonths.riskAssessments(c.id)).current?.isExpired).toBe(false);
    p.clock.advance(DAY_MS);
    expect((await sixMonths.riskAssessments(c.id)).current?.isExpired).toBe(true);
    p.clock.set(start);
  });

  it('answers undefined for an unknown customer, and no level for one never assessed', async () => {
    expect(
      await p.services.customers.suitabilityProfile('cus_01900000-0000-7000-8000-000000000000'),
    ).toBeUndefined();
    const c = await openIndividual(phone);
    expect(await p.services.customers.suitabilityProfile(c.id)).toMatchObject({
      riskLevel: null,
      assessedAt: null,
      expiresAt: null,
    });
  });
});

describe('a new questionnaire version', () => {
  it('retires the old one: answers to it are refused, earlier results keep their level', async () => {
    const c = await openIndividual(phone);
    const url = `/api/v1/customers/${c.id}/risk-assessments`;
    await phone.post(url, {
      questionnaireId: 'rtq-individual-v1',
      answers: answers('C5'),
      channel: 'branch',
    });
    const v2: Questionnaire = {
      ...INDIVIDUAL_QUESTIONNAIRE_V1,
      id: 'rtq-individual-v2',
      version: 2,
      titleZh: '个人投资者风险承受能力评估问卷（2026 版）',
    };
    const bad = await p.services.customers.publishQuestionnaire({ ...v2, version: 1 });
    expect(bad).toMatchObject({ ok: false, error: 'invalid_questionnaire' });
    expect(await p.services.customers.publishQuestionnaire(v2)).toMatchObject({ ok: true });
    const old = await phone.post(url, {
      questionnaireId: 'rtq-individual-v1',
      answers: answers('C3'),
      channel: 'branch',
    });
    expect(old.json()).toMatchObject({ status: 409, code: 'questionnaire_outdated' });
    const current = (await desk.get('/api/v1/risk-questionnaires/individual')).json<{ id: string }>();
    expect(current.id).toBe('rtq-individual-v2');
    expect((await desk.get(url)).json<{ current: Assessment }>().current.riskLevel).toBe('C5');
    const renewed = await phone.post(url, {
      questionnaireId: 'rtq-individual-v2',
      answers: answers('C3'),
      channel: 'branch',
    });
    expect(renewed.json()).toMatchObject({ riskLevel: 'C3' });
  });
});

describe('KYC documents', () => {
  it('records document metadata (not the file) and lists it on the profile', async () => {
    const c = await openIndividual(phone);
    const doc = {
      kind: 'id_card_front',
      fileName: '身份证正面.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 183_204,
      sha256: 'a'.repeat(64),
    };
    const res = await phone.post(`/api/v1/customers/${c.id}/kyc-documents`, doc);
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await phone.post(`/api/v1/customers/${c.id}/kyc-documents`, { ...doc, sha256: 'XYZ' })).statusCode,
    ).toBe(400);
    const profile = (await desk.get(`/api/v1/customers/${c.id}`)).json<{
      kyc: { documents: { fileName: string; recordedBy: string }[] };
    }>();
    expect(profile.kyc.documents).toEqual([
      expect.objectContaining({ fileName: '身份证正面.jpg', recordedBy: phoneId }),
    ]);
  });
});
