import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_PASSWORD, startTestPlatform, type TestPlatform } from '../../test/platform.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(() => p.close());

async function countCustomers(): Promise<number> {
  const rows = await p.db.primary
    .withTables<{ identity_customer_logins: { id: string } }>()
    .selectFrom('identity_customer_logins')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(rows.n);
}

describe('a customer registers, logs in and out', () => {
  it('registers with a mobile number, is logged in, and sees their name and a masked number', async () => {
    const { client } = await p.customer('13912345678', '张三');
    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ displayName: '张三', mobileMasked: '139****5678' });
    expect(me.body).not.toContain('13912345678');
  });

  it('sets an httpOnly, SameSite=Strict session cookie', async () => {
    const client = p.portalClient();
    const res = await client.post('/api/v1/auth/register', {
      mobile: '13912340001',
      password: CUSTOMER_PASSWORD,
      displayName: '李四',
    });
    const cookie = res.cookies.find((c) => c.name === 'onefin_portal_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('refuses a second registration of the same number', async () => {
    const client = p.portalClient();
    const res = await client.post('/api/v1/auth/register', {
      mobile: '13912345678',
      password: CUSTOMER_PASSWORD,
      displayName: '冒名',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'mobile_taken' });
  });

  it('logs in with the right password and out again; the old cookie is then useless', async () => {
    const client = p.portalClient();
    const login = await client.post('/api/v1/auth/login', {
      mobile: '13912345678',
      password: CUSTOMER_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    const stolen = client.cookieHeader();
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const replay = await p.portal.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: stolen } });
    expect(replay.statusCode).toBe(401);
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const { client } = await p.customer('13912340002');
    const other = p.portalClient();
    await other.post('/api/v1/auth/login', { mobile: '13912340002', password: CUSTOMER_PASSWORD });
    const wrong = await client.post('/api/v1/auth/password', {
      currentPassword: 'nope12345',
      newPassword: 'NewPass2026',
    });
    expect(wrong.json()).toMatchObject({ status: 400, code: 'wrong_current_password' });
    const changed = await client.post('/api/v1/auth/password', {
      currentPassword: CUSTOMER_PASSWORD,
      newPassword: 'NewPass2026',
    });
    expect(changed.statusCode).toBe(204);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    const old = await p
      .portalClient()
      .post('/api/v1/auth/login', { mobile: '13912340002', password: CUSTOMER_PASSWORD });
    expect(old.statusCode).toBe(401);
  });
});

describe('lockout after repeated failures', () => {
  it('locks on the 5th wrong password: the 6th attempt is refused even when right, until 15 minutes pass', async () => {
    await p.customer('13912340003');
    const client = p.portalClient();
    for (let i = 1; i <= 4; i += 1) {
      const res = await client.post('/api/v1/auth/login', { mobile: '13912340003', password: `wrong-${i}x` });
      expect(res.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
    }
    const fifth = await client.post('/api/v1/auth/login', { mobile: '13912340003', password: 'wrong-5x' });
    expect(fifth.json()).toMatchObject({ status: 423, code: 'account_locked' });
    const sixth = await client.post('/api/v1/auth/login', {
      mobile: '13912340003',
      password: CUSTOMER_PASSWORD,
    });
    expect(sixth.json()).toMatchObject({ status: 423, code: 'account_locked' });
    const lockouts = await p.services.audit.list({ action: 'customer.lockout', limit: 10 });
    expect(lockouts.items).toHaveLength(1);
    p.clock.advance(15 * 60_000 + 1);
    const later = await client.post('/api/v1/auth/login', {
      mobile: '13912340003',
      password: CUSTOMER_PASSWORD,
    });
    expect(later.statusCode).toBe(200);
  });

  it('answers an unknown number exactly like a wrong password', async () => {
    const res = await p
      .portalClient()
      .post('/api/v1/auth/login', { mobile: '13000000000', password: 'whatever1' });
    expect(res.json()).toMatchObject({ status: 401, code: 'invalid_credentials' });
  });
});

describe('customers reach only their own resources', () => {
  it("cannot see or revoke another customer's session: 404, and the victim stays logged in", async () => {
    const a = await p.customer('13912340004', 'A');
    const b = await p.customer('13912340005', 'B');
    const bSessions = (await b.client.get('/api/v1/sessions')).json<{ items: { id: string }[] }>().items;
    expect(bSessions).toHaveLength(1);
    const aSessions = (await a.client.get('/api/v1/sessions')).json<{ items: { id: string }[] }>().items;
    expect(aSessions.map((s) => s.id)).not.toContain(bSessions[0]?.id);
    const attack = await a.client.delete(`/api/v1/sessions/${bSessions[0]?.id}`);
    expect(attack.statusCode).toBe(404);
    expect((await b.client.get('/api/v1/me')).json()).toMatchObject({ displayName: 'B' });
  });

  it('revokes one of its own sessions', async () => {
    const a = await p.customer('13912340006');
    const phone = p.portalClient();
    await phone.post('/api/v1/auth/login', { mobile: '13912340006', password: CUSTOMER_PASSWORD });
    const sessions = (await a.client.get('/api/v1/sessions')).json<{
      items: { id: string; current: boolean }[];
    }>().items;
    const other = sessions.find((s) => !s.current);
    expect((await a.client.delete(`/api/v1/sessions/${other?.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('every customer route refuses a request without a session', async () => {
    const anon = p.portalClient();
    for (const [method, url] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/sessions'],
      ['DELETE', '/api/v1/sessions/ses_x'],
      ['POST', '/api/v1/auth/password'],
    ] as const) {
      const res = await anon.request(
        method,
        url,
        method === 'POST' ? { body: { currentPassword: 'a', newPassword: 'Abcdefg12' } } : {},
      );
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, and writes nothing', async () => {
    const before = await countCustomers();
    const res = await p
      .portalClient()
      .post(
        '/api/v1/auth/register',
        { mobile: '13912340007', password: CUSTOMER_PASSWORD, displayName: 'X' },
        { csrf: false },
      );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_token_invalid' });
    expect(await countCustomers()).toBe(before);
  });

  it('refuses a forged token even when cookie and header agree', async () => {
    const res = await p.portal.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'x-csrf-token': 'abc.def', cookie: 'onefin_portal_csrf=abc.def' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('bad input is refused with a problem naming the field, and changes nothing', () => {
  const cases: [string, { body?: unknown; rawBody?: string }, number, string | undefined][] = [
    ['malformed JSON', { rawBody: '{"mobile": "139' }, 400, undefined],
    [
      'wrong type',
      { body: { mobile: 13912340008, password: CUSTOMER_PASSWORD, displayName: 'X' } },
      400,
      'body.mobile',
    ],
    ['missing field', { body: { mobile: '13912340008', displayName: 'X' } }, 400, 'body.password'],
    [
      'unknown field',
      { body: { mobile: '13912340008', password: CUSTOMER_PASSWORD, displayName: 'X', isAdmin: true } },
      400,
      'body',
    ],
    [
      'invalid mobile',
      { body: { mobile: '12345678901', password: CUSTOMER_PASSWORD, displayName: 'X' } },
      400,
      'body.mobile',
    ],
    [
      'weak password',
      { body: { mobile: '13912340008', password: 'short', displayName: 'X' } },
      400,
      'body.password',
    ],
    [
      'oversize body',
      { body: { mobile: '13912340008', password: CUSTOMER_PASSWORD, displayName: 'x'.repeat(70_000) } },
      413,
      undefined,
    ],
  ];
  for (const [name, input, status, field] of cases) {
    it(name, async () => {
      const before = await countCustomers();
      const res = await p.portalClient().request('POST', '/api/v1/auth/register', input);
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json<{ status: number; errors?: { field: string }[] }>();
      expect(body.status).toBe(status);
      if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
      expect(await countCustomers()).toBe(before);
    });
  }

  it('unknown routes and malformed URLs are problems too', async () => {
    const missing = await p.portal.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const badUrl = await p.portal.inject({ method: 'GET', url: '/api/v1/sessions/%E0%A4%A' });
    expect(badUrl.headers['content-type']).toContain('application/problem+json');
    expect(badUrl.statusCode).toBe(400);
  });
});
