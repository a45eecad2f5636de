import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import type { CorporateRecord, IndividualRecord } from './bulk-customers.ts';
import type { RiskLevel } from './model.ts';
import { answersForLevel } from './questionnaire.ts';
import { INDIVIDUAL_QUESTIONNAIRE_V1 } from './questionnaires/individual-v1.ts';
import { residentId, usccOf } from './testing.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
  // one listed name among the generated ones: screening runs set-wise too
  await p.services.customers.addWatchlistEntry(
    { listKind: 'pep', entityType: 'person', name: '测试九九', source: '内部' },
    { type: 'system' },
  );
});
afterAll(() => p.close());

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

/** 10,000 distinct, valid people: birth dates spread over 1950–1999, sequence numbers over 000–899. */
function people(n: number): IndividualRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const birth = `${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const sequence = String(Math.floor(i / 600) * 50 + (i % 50)).padStart(3, '0');
    return {
      name:
        i === 4242
          ? '测试九九'
          : `${SURNAMES[i % 20]}${GIVEN[Math.floor(i / 20) % 20]}${GIVEN[Math.floor(i / 400) % 20]}`,
      idNumber: residentId(birth, sequence, `3101${String(i % 20).padStart(2, '0')}`),
      mobile: `139${String(i).padStart(8, '0')}`,
      provinceCode: '31',
      city: '上海市',
      occupation: 'enterprise_staff',
      incomeBand: '100k_300k',
      isRealNameVerified: i % 3 !== 0,
      channel: i % 2 === 0 ? 'app' : 'branch',
    };
  });
}

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(p.db.primary))
      .rows[0]?.n,
  );

describe('the seed’s bulk path', () => {
  it('writes 10,000 individuals set-wise, encrypted, screened, findable by their keyed hashes', async () => {
    const records = people(10_000);
    expect(new Set(records.map((r) => r.idNumber)).size).toBe(10_000);
    const started = performance.now();
    const created = await p.services.customers.createIndividualsBulk(records);
    const ms = performance.now() - started;
    console.info(`bulk: 10,000 individuals in ${Math.round(ms)} ms on ${p.db.engine}`);
    expect(created).toHaveLength(10_000);
    expect(new Set(created.map((c) => c.customerNo)).size).toBe(10_000);
    expect(await count('customers_individuals')).toBe(10_000);
    expect(await count('customers_screenings')).toBe(10_000);

    const sample = records[7777] as IndividualRecord;
    const byId = await p.services.customers.search({ q: sample.idNumber, limit: 5 });
    expect(byId.items.map((c) => c.id)).toEqual([created[7777]?.id]);
    expect(byId.items[0]).toMatchObject({
      kycStatus: 'verified',
      status: 'active',
      mobileMasked: '139****7777',
    });
    const unverified = await p.services.customers.getCustomer(created[0]?.id ?? '');
    expect(unverified).toMatchObject({ status: 'prospect', kycStatus: 'pending', openedChannel: 'app' });
    const listed = await p.services.customers.getCustomer(created[4242]?.id ?? '');
    expect(listed).toMatchObject({ screeningStatus: 'potential_match', kycStatus: 'under_review' });
  });

  it('is all or nothing: a duplicate ID number in a batch writes none of it', async () => {
    const before = await count('customers_customers');
    const fresh: IndividualRecord = {
      name: '新客',
      idNumber: residentId('19990909', '901', '440106'),
      mobile: '13512345678',
    };
    const duplicate = { ...(people(1)[0] as IndividualRecord), name: '重复' };
    await expect(p.services.customers.createIndividualsBulk([fresh, duplicate])).rejects.toThrow();
    expect(await count('customers_customers')).toBe(before);
  });

  it('writes corporates, their employees and contacts, families into households, and assessments', async () => {
    const corporates: CorporateRecord[] = Array.from({ length: 50 }, (_, i) => ({
      name: `上海第${i + 1}号实业有限公司`,
      uscc: usccOf(`MA${String(i).padStart(6, '0')}`, '310115'),
      industry: 'C',
      size: 'small',
      legalRepresentative: '李建华',
      isRealNameVerified: true,
    }));
    const corps = await p.services.customers.createCorporatesBulk(corporates);
    const persons = (await p.services.customers.search({ type: 'individual', limit: 6 })).items;
    const [a, b, c, d, e, f] = persons.map((x) => x.id) as [string, string, string, string, string, string];
    await p.services.customers.addRelationshipsBulk([
      { customerId: a, relatedId: b, kind: 'spouse' },
      { customerId: a, relatedId: c, kind: 'child' },
      { customerId: d, relatedId: e, kind: 'spouse' },
      // a tie between two families makes one household of them
      { customerId: c, relatedId: d, kind: 'parent' },
      { customerId: corps[0]?.id ?? '', relatedId: f, kind: 'employee' },
    ]);
    await p.services.customers.addCorporateContactsBulk([
      { corporateId: corps[0]?.id ?? '', individualId: f, role: '经办人' },
    ]);
    const profile = await p.services.customers.getProfile(c);
    expect(profile?.relationships.map((r) => `${r.kind} ${r.customerId}`).sort()).toEqual(
      [`parent ${a}`, `parent ${d}`].sort(),
    );
    expect(profile?.household?.members.map((m) => m.customerId).sort()).toEqual([a, b, c, d, e].sort());
    expect((await p.services.customers.getProfile(f))?.contacts).toEqual([
      expect.objectContaining({ role: '经办人' }),
    ]);
    expect(await p.services.customers.getCustomer(corps[0]?.id ?? '')).toMatchObject({
      kycStatus: 'verified',
      status: 'active',
    });

    const levels: RiskLevel[] = ['C1', 'C2', 'C3', 'C4', 'C5', 'C3'];
    await p.services.customers.recordAssessmentsBulk(
      persons.map((x, i) => ({
        customerId: x.id,
        answers: answersForLevel(INDIVIDUAL_QUESTIONNAIRE_V1, levels[i] ?? 'C3', (n) => i % n),
        assessedAt: new Date('2025-06-01T02:00:00Z'),
      })),
    );
    const facts = await p.services.customers.suitabilityProfile(e);
    expect(facts).toMatchObject({
      riskLevel: 'C5',
      assessedAt: new Date('2025-06-01T02:00:00Z'),
      expiresAt: new Date('2026-06-01T02:00:00Z'),
    });
  });
});
