import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';
import {
  type CustomerBody,
  freshMobile,
  freshResidentId,
  openCorporate,
  openIndividual,
  residentId,
  usccOf,
} from './testing.ts';

let p: TestPlatform;
let branch: TestClient;
let deskId: string;
let desk: TestClient;
let analyst: TestClient;

beforeAll(async () => {
  p = await startTestPlatform();
  branch = (await p.staff('branch', ['branch'])).client;
  const serviceDesk = await p.staff('desk', ['service_desk']);
  desk = serviceDesk.client;
  deskId = serviceDesk.id;
  analyst = (await p.staff('analyst', ['analyst'])).client;
});
afterAll(() => p.close());

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(p.db.primary))
      .rows[0]?.n,
  );

interface Page {
  items: { id: string; name: string; mobileMasked: string | null; idNumberMasked: string | null }[];
  next?: string;
}

describe('permissions', () => {
  it('needs customers.read to search and customers.write to open or edit', async () => {
    expect((await analyst.get('/api/v1/customers')).statusCode).toBe(403);
    expect((await desk.get('/api/v1/customers')).statusCode).toBe(200);
    const refused = await desk.post('/api/v1/customers/individuals', {
      name: '刘洋',
      idNumber: freshResidentId(),
      mobile: freshMobile(),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    const audit = await p.services.audit.list({ limit: 20 });
    expect(audit.items.some((e) => e.actorId === deskId && e.action === 'permission.denied')).toBe(true);
    expect((await p.consoleClient().get('/api/v1/customers')).statusCode).toBe(401);
  });
});

describe('opening customers at the branch', () => {
  it('opens an individual: screened, KYC pending, PII masked, opened by the staff member', async () => {
    const idNumber = residentId('19720910', '515', '310104');
    const res = await branch.post('/api/v1/customers/individuals', {
      name: '周建国',
      idNumber,
      mobile: '13916668888',
      provinceCode: '31',
      city: '上海市',
      occupation: 'manager',
      channel: 'branch',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'prospect',
      kycStatus: 'pending',
      screeningStatus: 'clear',
      openedChannel: 'branch',
      individual: {
        idNumberMasked: `310104********${idNumber.slice(-4)}`,
        mobileMasked: '139****8888',
        gender: 'male',
        birthDate: '1972-09-10',
      },
    });
    expect(res.body).not.toContain(idNumber);
    expect(res.body).not.toContain('13916668888');
  });

  it('opens a corporate with its USCC', async () => {
    const corp = await openCorporate(branch, { name: '杭州西湖茶业有限公司', size: 'medium', industry: 'F' });
    expect(corp).toMatchObject({
      type: 'corporate',
      kycStatus: 'pending',
      corporate: { uscc: corp.corporate?.uscc },
    });
  });

  it('refuses bad input with 400 and field errors, duplicates with 409, and writes nothing', async () => {
    const before = await count('customers_customers');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '王五', idNumber: '110105199003073030', mobile: freshMobile() }, 'body.idNumber'],
      [{ name: '王五', idNumber: freshResidentId(), mobile: '12345' }, 'body.mobile'],
      [
        { name: '王五', idNumber: freshResidentId(), mobile: freshMobile(), provinceCode: '99' },
        'body.provinceCode',
      ],
      [{ name: '王五', idNumber: freshResidentId(), mobile: freshMobile(), vip: true }, 'body'],
      [{ name: '王5', idNumber: freshResidentId(), mobile: freshMobile() }, 'body.name'],
    ];
    for (const [body, field] of cases) {
      const res = await branch.post('/api/v1/customers/individuals', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    const corp = await branch.post('/api/v1/customers/corporates', {
      name: '某某公司',
      uscc: '91440300MA5ABCDE1X',
      industry: 'C',
      size: 'small',
      legalRepresentative: '张三',
    });
    expect(corp.json()).toMatchObject({ status: 400, errors: [{ field: 'body.uscc' }] });
    expect(await count('customers_customers')).toBe(before);

    const taken = await openWithId();
    const dup = await branch.post('/api/v1/customers/individuals', {
      name: '另一人',
      idNumber: taken.idNumber.toLowerCase(),
      mobile: freshMobile(),
    });
    expect(dup.json()).toMatchObject({ status: 409, code: 'id_number_taken' });
    expect(await count('customers_customers')).toBe(before + 1);
  });
});

/** Opens an individual and keeps the raw numbers (the API never returns them). */ async function openWithId(
  overrides: Record<string, unknown> = {},
): Promise<{ body: CustomerBody; idNumber: string; mobile: string }> {
  const idNumber = freshResidentId();
  const mobile = freshMobile('1590');
  const body = await openIndividual(branch, { idNumber, mobile, ...overrides });
  return { body, idNumber, mobile };
}

describe('search', () => {
  let target: { body: CustomerBody; idNumber: string; mobile: string };
  beforeAll(async () => {
    target = await openWithId({ name: '欧阳明月' });
  });

  it('finds a customer by name, full mobile, masked mobile, last four, ID number, customer number and id', async () => {
    const keys = [
      '欧阳',
      target.mobile,
      `${target.mobile.slice(0, 3)}****${target.mobile.slice(-4)}`,
      target.mobile.slice(-4),
      target.idNumber,
      target.body.customerNo,
      target.body.id,
    ];
    for (const q of keys) {
      const res = await desk.get(`/api/v1/customers?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json<Page>().items.map((c) => c.id),
        q,
      ).toContain(target.body.id);
      expect(res.body).not.toContain(target.idNumber);
    }
    const wrongId = await desk.get(`/api/v1/customers?q=${freshResidentId()}`);
    expect(wrongId.json<Page>().items).toEqual([]);
  });

  it('finds a corporate by its USCC and filters by type', async () => {
    const uscc = usccOf('MA99TEWX');
    const corp = await openCorporate(branch, { uscc, name: '成都天府物流有限公司' });
    const res = (await desk.get(`/api/v1/customers?q=${uscc}&type=corporate`)).json<Page>();
    expect(res.items.map((c) => c.id)).toEqual([corp.id]);
  });

  it('pages with a cursor, newest first, without repeats', async () => {
    for (let i = 0; i < 3; i++) await openIndividual(branch, { name: `翻页客户${'甲乙丙'[i]}` });
    const first = (await desk.get('/api/v1/customers?q=翻页客户&limit=2')).json<Page>();
    expect(first.items.map((c) => c.name)).toEqual(['翻页客户丙', '翻页客户乙']);
    const second = (await desk.get(`/api/v1/customers?q=翻页客户&limit=2&before=${first.next}`)).json<Page>();
    expect(second.items.map((c) => c.name)).toEqual(['翻页客户甲']);
    expect(second.next).toBeUndefined();
  });
});

describe('editing with a version', () => {
  it('applies an edit made on the current version, refuses a stale one with 409, and keeps the history', async () => {
    const { body: c } = await openWithId();
    const edit = await branch.request('PATCH', `/api/v1/customers/${c.id}`, {
      body: { version: c.version, mobile: '13688886666', email: 'wang@example.cn' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = edit.json<CustomerBody>();
    expect(edited.version).toBeGreaterThan(c.version);
    const stale = await branch.request('PATCH', `/api/v1/customers/${c.id}`, {
      body: { version: c.version, city: '苏州市' },
    });
    expect(stale.json()).toMatchObject({ status: 409, code: 'version_conflict' });

    const changes = (await desk.get(`/api/v1/customers/${c.id}/changes`)).json<{
      items: {
        field: string;
        oldValue: string | null;
        newValue: string | null;
        changedByType: string;
        channel: string;
      }[];
    }>();
    expect(changes.items.map((x) => x.field).sort()).toEqual(['email', 'mobile']);
    const mobile = changes.items.find((x) => x.field === 'mobile');
    expect(mobile).toMatchObject({ newValue: '136****6666', changedByType: 'staff', channel: 'branch' });
    expect(JSON.stringify(changes)).not.toContain('13688886666');
  });

  it('refuses corporate fields on an individual, and a wrong id with 404', async () => {
    const { body: c } = await openWithId();
    const res = await branch.request('PATCH', `/api/v1/customers/${c.id}`, {
      body: { version: c.version, industry: 'C' },
    });
    expect(res.json()).toMatchObject({ status: 400, errors: [{ field: 'body.industry' }] });
    const digits = await branch.request('PATCH', `/api/v1/customers/${c.id}`, {
      body: { version: c.version, name: '王5号' },
    });
    expect(digits.json()).toMatchObject({ status: 400, errors: [{ field: 'body.name' }] });
    const missing = await branch.request(
      'PATCH',
      '/api/v1/customers/cus_01900000-0000-7000-8000-000000000000',
      {
        body: { version: 1, city: '北京市' },
      },
    );
    expect(missing.statusCode).toBe(404);
  });

  it('moves the lifecycle: dormant and back, then closed for good', async () => {
    const { body: c } = await openWithId();
    const early = await branch.post(`/api/v1/customers/${c.id}/status`, {
      status: 'dormant',
      reason: '长期未交易',
      version: c.version,
    });
    expect(early.json()).toMatchObject({ status: 409, code: 'invalid_status_transition' });
    const verified = await branch.post(`/api/v1/customers/${c.id}/real-name-verification`);
    const active = verified.json<{ customer: CustomerBody }>().customer;
    expect(active.status).toBe('active');
    const dormant = await branch.post(`/api/v1/customers/${c.id}/status`, {
      status: 'dormant',
      reason: '长期未交易',
      version: active.version,
    });
    expect(dormant.json()).toMatchObject({ status: 'dormant' });
    const closed = await branch.post(`/api/v1/customers/${c.id}/status`, {
      status: 'closed',
      reason: '客户申请销户',
      version: dormant.json<CustomerBody>().version,
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const edit = await branch.request('PATCH', `/api/v1/customers/${c.id}`, {
      body: { version: closed.json<CustomerBody>().version, city: '北京市' },
    });
    expect(edit.json()).toMatchObject({ status: 409, code: 'customer_closed' });
  });
});

describe('relationships, households and corporate contacts', () => {
  it('records a spouse and a child both ways and puts the family in one household', async () => {
    const { body: husband } = await openWithId({ name: '张伟' });
    const { body: wife } = await openWithId({ name: '李娜' });
    const { body: son } = await openWithId({ name: '张小宝' });
    const spouse = await branch.post(`/api/v1/customers/${husband.id}/relationships`, {
      relatedId: wife.id,
      kind: 'spouse',
    });
    expect(spouse.statusCode, spouse.body).toBe(201);
    await branch.post(`/api/v1/customers/${wife.id}/relationships`, { relatedId: son.id, kind: 'child' });
    const again = await branch.post(`/api/v1/customers/${wife.id}/relationships`, {
      relatedId: husband.id,
      kind: 'spouse',
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'relationship_exists' });

    const profile = (await desk.get(`/api/v1/customers/${son.id}`)).json<{
      relationships: { kind: string; name: string }[];
      household: { name: string; members: { name: string }[] };
    }>();
    expect(profile.relationships).toEqual([expect.objectContaining({ kind: 'parent', name: '李娜' })]);
    expect(profile.household.name).toBe('张伟家庭');
    expect(profile.household.members.map((m) => m.name).sort()).toEqual(['张伟', '张小宝', '李娜'].sort());
  });

  it('refuses a family tie with a corporate, and a second spouse', async () => {
    const { body: a } = await openWithId();
    const { body: b } = await openWithId();
    const { body: c } = await openWithId();
    const corp = await openCorporate(branch);
    const wrong = await branch.post(`/api/v1/customers/${a.id}/relationships`, {
      relatedId: corp.id,
      kind: 'spouse',
    });
    expect(wrong.json()).toMatchObject({ status: 422, code: 'relationship_not_allowed' });
    await branch.post(`/api/v1/customers/${a.id}/relationships`, { relatedId: b.id, kind: 'spouse' });
    const second = await branch.post(`/api/v1/customers/${c.id}/relationships`, {
      relatedId: a.id,
      kind: 'spouse',
    });
    expect(second.json()).toMatchObject({ status: 409, code: 'already_has_spouse' });
  });

  it('links a corporate to its employees and its authorised contacts, who are individual customers', async () => {
    const corp = await openCorporate(branch, { name: '南京金陵电子有限公司' });
    const { body: clerk } = await openWithId({ name: '钱晓红' });
    const employee = await branch.post(`/api/v1/customers/${corp.id}/relationships`, {
      relatedId: clerk.id,
      kind: 'employee',
    });
    expect(employee.statusCode).toBe(201);
    const contact = await branch.post(`/api/v1/customers/${corp.id}/contacts`, {
      individualId: clerk.id,
      role: '财务负责人',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const twice = await branch.post(`/api/v1/customers/${corp.id}/contacts`, {
      individualId: clerk.id,
      role: '经办人',
    });
    expect(twice.json()).toMatchObject({ status: 409, code: 'contact_exists' });
    const notCorp = await branch.post(`/api/v1/customers/${clerk.id}/contacts`, {
      individualId: clerk.id,
      role: '经办人',
    });
    expect(notCorp.json()).toMatchObject({ status: 422, code: 'not_a_corporate' });
    const person = (await desk.get(`/api/v1/customers/${clerk.id}`)).json<{
      relationships: { kind: string; name: string }[];
      contacts: { corporateName: string; role: string }[];
    }>();
    expect(person.relationships).toEqual([
      expect.objectContaining({ kind: 'employer', name: '南京金陵电子有限公司' }),
    ]);
    expect(person.contacts).toEqual([
      expect.objectContaining({ corporateName: '南京金陵电子有限公司', role: '财务负责人' }),
    ]);
  });
});

describe('the OpenAPI document', () => {
  it('lists the customer routes of both apps', async () => {
    const consolePaths = Object.keys(
      (await p.consoleClient().get('/docs/json')).json<{ paths: object }>().paths,
    );
    expect(consolePaths).toEqual(
      expect.arrayContaining([
        '/api/v1/customers',
        '/api/v1/customers/{id}',
        '/api/v1/watchlist',
        '/api/v1/customers/{id}/risk-assessments',
      ]),
    );
    const portalPaths = Object.keys(
      (await p.portalClient().get('/docs/json')).json<{ paths: object }>().paths,
    );
    expect(portalPaths).toEqual(
      expect.arrayContaining(['/api/v1/profile', '/api/v1/risk-questionnaire', '/api/v1/risk-assessments']),
    );
  });
});
