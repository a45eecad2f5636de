import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import { type CustomerBody, openCorporate, openIndividual, residentId } from './testing.ts';

let p: TestPlatform;
let advisor: TestClient;
let risk: TestClient;
let riskId: string;

beforeAll(async () => {
  p = await startTestPlatform();
  advisor = (await p.staff('advisor', ['advisor'])).client;
  const officer = await p.staff('risk', ['risk_officer']);
  risk = officer.client;
  riskId = officer.id;
});
afterAll(() => p.close());

interface Hit {
  id: string;
  status: string;
  matchedOn: string;
  entry: { name: string; listKind: string };
}
const profileOf = async (id: string) =>
  (await risk.get(`/api/v1/customers/${id}`)).json<{
    customer: CustomerBody;
    screening: { recent: { trigger: string; result: string }[]; hits: Hit[] };
  }>();

describe('the watch list', () => {
  it('is kept by risk officers: an advisor can list it but not add to it', async () => {
    const entry = {
      listKind: 'pep',
      entityType: 'person',
      name: '欧阳 国栋',
      source: '内部 PEP 名单',
      nationality: 'CN',
    };
    const refused = await advisor.post('/api/v1/watchlist', entry);
    expect(refused.statusCode).toBe(403);
    const added = await risk.post('/api/v1/watchlist', entry);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      entry: { name: '欧阳 国栋', addedBy: riskId },
      matchedCustomers: [],
    });
    const list = await advisor.get('/api/v1/watchlist?q=欧阳');
    expect(list.json<{ items: { name: string }[] }>().items.map((e) => e.name)).toEqual(['欧阳 国栋']);
  });

  it('refuses a malformed entry with 400', async () => {
    const res = await risk.post('/api/v1/watchlist', {
      listKind: 'terror',
      entityType: 'person',
      name: 'X',
      source: 'UN',
    });
    expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});

describe('screening', () => {
  it('flags a new customer whose name is listed, holding KYC for review', async () => {
    const c = await openIndividual(advisor, { name: '欧阳国栋' });
    expect(c).toMatchObject({ screeningStatus: 'potential_match', kycStatus: 'under_review' });
    const profile = await profileOf(c.id);
    expect(profile.screening.recent[0]).toMatchObject({ trigger: 'onboarding', result: 'potential_match' });
    expect(profile.screening.hits).toEqual([
      expect.objectContaining({
        status: 'open',
        matchedOn: 'name',
        entry: expect.objectContaining({ listKind: 'pep' }),
      }),
    ]);
  });

  it('does not flag a namesake whose known birth date differs', async () => {
    await risk.post('/api/v1/watchlist', {
      listKind: 'sanctions',
      entityType: 'person',
      name: '司马光明',
      birthDate: '1960-01-01',
      source: 'UN Security Council',
    });
    const namesake = await openIndividual(advisor, {
      name: '司马光明',
      idNumber: residentId('19750303', '117'),
    });
    expect(namesake.screeningStatus).toBe('clear');
    const same = await openIndividual(advisor, { name: '司马光明', idNumber: residentId('19600101', '135') });
    expect(same.screeningStatus).toBe('potential_match');
    expect((await profileOf(same.id)).screening.hits[0]?.matchedOn).toBe('name_and_birth_date');
  });

  it('catches existing customers when their name is listed later, and on demand', async () => {
    const c = await openIndividual(advisor, { name: '诸葛明亮' });
    expect(c.screeningStatus).toBe('clear');
    const added = await risk.post('/api/v1/watchlist', {
      listKind: 'pep',
      entityType: 'person',
      name: '诸葛明亮',
      source: '内部',
    });
    expect(added.json<{ matchedCustomers: string[] }>().matchedCustomers).toEqual([c.id]);
    expect((await profileOf(c.id)).customer.kycStatus).toBe('under_review');
    const again = await advisor.post(`/api/v1/customers/${c.id}/screenings`);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ screening: { trigger: 'on_demand', result: 'potential_match' } });
    // a known match is not raised twice
    expect((await profileOf(c.id)).screening.hits).toHaveLength(1);
  });

  it('screens corporates against organisations only', async () => {
    await risk.post('/api/v1/watchlist', {
      listKind: 'sanctions',
      entityType: 'organisation',
      name: '远洋黑帆贸易有限公司',
      source: 'OFAC SDN',
    });
    const corp = await openCorporate(advisor, { name: '远洋黑帆贸易有限公司' });
    expect(corp.screeningStatus).toBe('potential_match');
    const person = await openIndividual(advisor, { name: '远洋黑帆贸易有限公司'.slice(0, 4) });
    expect(person.screeningStatus).toBe('clear');
  });
});

describe('resolving a match', () => {
  it('is for risk officers; dismissing a false positive lets KYC go on, and cannot be done twice', async () => {
    await risk.post('/api/v1/watchlist', {
      listKind: 'pep',
      entityType: 'person',
      name: '慕容复兴',
      source: '内部',
    });
    const c = await openIndividual(advisor, { name: '慕容复兴' });
    const hit = (await profileOf(c.id)).screening.hits[0] as Hit;
    const url = `/api/v1/customers/${c.id}/screening-hits/${hit.id}/resolve`;
    expect((await advisor.post(url, { decision: 'dismiss', note: '同名不同人' })).statusCode).toBe(403);
    const dismissed = await risk.post(url, { decision: 'dismiss', note: '同名不同人，出生日期不符' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', resolvedBy: riskId });
    expect((await profileOf(c.id)).customer).toMatchObject({
      screeningStatus: 'clear',
      kycStatus: 'pending',
    });
    const verified = await advisor.post(`/api/v1/customers/${c.id}/real-name-verification`);
    expect(verified.json()).toMatchObject({ customer: { kycStatus: 'verified', status: 'active' } });
    expect((await risk.post(url, { decision: 'confirm', note: '再次确认' })).json()).toMatchObject({
      status: 409,
      code: 'hit_already_resolved',
    });
  });

  it('confirming a true match rejects KYC', async () => {
    await risk.post('/api/v1/watchlist', {
      listKind: 'sanctions',
      entityType: 'person',
      name: '上官无忌',
      source: 'UN',
    });
    const c = await openIndividual(advisor, { name: '上官无忌' });
    const hit = (await profileOf(c.id)).screening.hits[0] as Hit;
    const other = await openIndividual(advisor, { name: '无关客户' });
    const wrongCustomer = await risk.post(`/api/v1/customers/${other.id}/screening-hits/${hit.id}/resolve`, {
      decision: 'confirm',
      note: '确认命中',
    });
    expect(wrongCustomer.json()).toMatchObject({ status: 404, code: 'screening_hit_not_found' });
    await risk.post(`/api/v1/customers/${c.id}/screening-hits/${hit.id}/resolve`, {
      decision: 'confirm',
      note: '确认命中',
    });
    expect((await profileOf(c.id)).customer).toMatchObject({
      screeningStatus: 'confirmed_match',
      kycStatus: 'rejected',
    });
    const suitability = await p.services.customers.suitabilityProfile(c.id);
    expect(suitability?.kycStatus).toBe('rejected');
  });
});
