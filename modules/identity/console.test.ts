import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.ts';
import { STAFF_PASSWORD, startTestPlatform, type TestPlatform } from '../../test/platform.ts';

let p: TestPlatform;
let admin: { id: string; client: TestClient };
let admin2: { id: string; client: TestClient };
let advisor: { id: string; client: TestClient };
let auditor: { id: string; client: TestClient };

beforeAll(async () => {
  p = await startTestPlatform();
  admin = await p.staff('admin', ['admin']);
  admin2 = await p.staff('admin2', ['admin']);
  advisor = await p.staff('advisor', ['advisor']);
  auditor = await p.staff('auditor', ['auditor']);
});
afterAll(() => p.close());

interface ApprovalBody {
  id: string;
  status: string;
  makerId: string;
  checkerId: string | null;
  version: number;
}

describe('realms are separate', () => {
  it('a portal session cookie gets 401 on the console, and a console one on the portal', async () => {
    const { client: customer } = await p.customer('13700000001');
    const portalToken = customer.cookies.get('onefin_portal_sid') ?? '';
    for (const name of ['onefin_portal_sid', 'onefin_console_sid']) {
      const res = await p.console.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `${name}=${portalToken}` },
      });
      expect(res.statusCode, name).toBe(401);
    }
    const consoleToken = admin.client.cookies.get('onefin_console_sid') ?? '';
    const res = await p.portal.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `onefin_portal_sid=${consoleToken}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('a customer cannot log in to the console with their mobile and password', async () => {
    const res = await p
      .consoleClient()
      .post('/api/v1/auth/login', { username: '13700000001', password: 'Customer2026' });
    expect(res.statusCode).toBe(401);
  });
});

describe('permissions (RBAC)', () => {
  it('an advisor without staff.read gets 403, and the refusal is audited', async () => {
    const res = await advisor.client.get('/api/v1/staff');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    const denied = await p.services.audit.list({
      action: 'permission.denied',
      actorId: advisor.id,
      limit: 5,
    });
    expect(denied.items[0]).toMatchObject({
      outcome: 'denied',
      targetId: 'GET /api/v1/staff',
      detail: { permission: 'staff.read' },
    });
  });

  it("an advisor reads colleagues' names from the directory, but not their roles; a visitor reads nothing", async () => {
    const res = await advisor.client.get('/api/v1/staff/directory');
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: Record<string, unknown>[] }>();
    expect(items.find((s) => s.username === 'advisor')).toMatchObject({ id: advisor.id });
    expect(items.every((s) => Object.keys(s).sort().join() === 'displayName,id,username')).toBe(true);
    const anonymous = await p.consoleClient().get('/api/v1/staff/directory');
    expect(anonymous.statusCode).toBe(401);
  });

  it('an auditor reads the audit log but cannot propose staff changes', async () => {
    expect((await auditor.client.get('/api/v1/audit?limit=5')).statusCode).toBe(200);
    const res = await auditor.client.post(`/api/v1/staff/${advisor.id}/roles`, { role: 'branch' });
    expect(res.statusCode).toBe(403);
  });

  it('shows the logged-in staff member their roles and permissions', async () => {
    const me = (await admin.client.get('/api/v1/me')).json<{ roles: string[]; permissions: string[] }>();
    expect(me.roles).toEqual(['admin']);
    expect(me.permissions).toContain('staff.approve');
  });
});

describe('maker–checker: a role grant', () => {
  it('is proposed by one admin, cannot be approved by the same admin, and takes effect when another approves', async () => {
    const proposed = await admin.client.post(`/api/v1/staff/${advisor.id}/roles`, { role: 'branch' });
    expect(proposed.statusCode).toBe(202);
    const approval = proposed.json<{ approval: ApprovalBody }>().approval;
    expect(approval).toMatchObject({ status: 'pending', makerId: admin.id });

    // nothing changed yet
    const before = (await admin.client.get('/api/v1/staff')).json<{
      items: { id: string; roles: string[] }[];
    }>();
    expect(before.items.find((s) => s.id === advisor.id)?.roles).toEqual(['advisor']);

    const own = await admin.client.post(`/api/v1/approvals/${approval.id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'own_approval' });
    expect(
      (await p.services.audit.list({ action: 'approval.approve', actorId: admin.id, limit: 1 })).items[0]
        ?.outcome,
    ).toBe('denied');

    const inbox = (await admin2.client.get('/api/v1/approvals?status=pending')).json<{
      items: ApprovalBody[];
    }>();
    expect(inbox.items.map((a) => a.id)).toContain(approval.id);

    const approved = await admin2.client.post(`/api/v1/approvals/${approval.id}/approve`, {
      note: 'ok',
      version: approval.version,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', checkerId: admin2.id });

    const trail = await p.services.audit.list({ action: 'staff.request', actorId: admin2.id, limit: 1 });
    expect(trail.items[0]).toMatchObject({
      targetId: 'POST /api/v1/approvals/:id/approve',
      outcome: 'success',
      detail: { status: 200 },
    });

    const after = (await advisor.client.get('/api/v1/me')).json<{ roles: string[] }>();
    expect(after.roles).toEqual(['advisor', 'branch']);

    const again = await admin2.client.post(`/api/v1/approvals/${approval.id}/reject`, {});
    expect(again.json()).toMatchObject({ status: 409, code: 'approval_not_pending' });
  });

  it('a checker without staff.approve cannot approve', async () => {
    const proposed = (await admin.client.post(`/api/v1/staff/${advisor.id}/roles`, { role: 'agent' })).json<{
      approval: ApprovalBody;
    }>().approval;
    const res = await auditor.client.post(`/api/v1/approvals/${proposed.id}/approve`, {});
    expect(res.json()).toMatchObject({ status: 403, code: 'permission_denied' });
    const rejected = await admin2.client.post(`/api/v1/approvals/${proposed.id}/reject`, {
      note: 'not needed',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'not needed' });
    expect((await advisor.client.get('/api/v1/me')).json<{ roles: string[] }>().roles).not.toContain('agent');
  });

  it('refuses a stale version', async () => {
    const proposed = (
      await admin.client.post(`/api/v1/staff/${advisor.id}/roles`, { role: 'analyst' })
    ).json<{ approval: ApprovalBody }>().approval;
    const res = await admin2.client.post(`/api/v1/approvals/${proposed.id}/approve`, {
      version: proposed.version + 1,
    });
    expect(res.json()).toMatchObject({ status: 409, code: 'version_conflict' });
  });

  it('refuses to propose granting a role the user already has', async () => {
    const res = await admin.client.post(`/api/v1/staff/${advisor.id}/roles`, { role: 'advisor' });
    expect(res.json()).toMatchObject({ status: 409, code: 'role_already_granted' });
  });

  it('the database itself refuses a maker checking their own proposal', async () => {
    const proposed = (
      await admin.client.post(`/api/v1/staff/${advisor.id}/roles`, { role: 'operations' })
    ).json<{ approval: ApprovalBody }>().approval;
    const update = p.db.primary
      .withTables<{ identity_approvals: { id: string; checker_id: string | null } }>()
      .updateTable('identity_approvals')
      .set({ checker_id: admin.id })
      .where('id', '=', proposed.id)
      .execute();
    await expect(update).rejects.toThrow(/four_eyes/);
  });
});

describe('maker–checker: creating a staff user', () => {
  it('creates the user only after approval; the password never appears in the proposal', async () => {
    const proposed = await admin.client.post('/api/v1/staff', {
      username: 'newbie',
      displayName: '新人',
      password: 'Newbie2026x',
      roles: ['service_desk'],
    });
    expect(proposed.statusCode).toBe(202);
    expect(proposed.body).not.toContain('Newbie2026x');
    const approval = proposed.json<{ approval: ApprovalBody }>().approval;
    const early = await p
      .consoleClient()
      .post('/api/v1/auth/login', { username: 'newbie', password: 'Newbie2026x' });
    expect(early.statusCode).toBe(401);
    await admin2.client.post(`/api/v1/approvals/${approval.id}/approve`, {});
    const login = await p
      .consoleClient()
      .post('/api/v1/auth/login', { username: 'newbie', password: 'Newbie2026x' });
    expect(login.json()).toMatchObject({ staff: { username: 'newbie', roles: ['service_desk'] } });
  });

  it('bad input to a proposal is a 400 naming the field', async () => {
    const res = await admin.client.post('/api/v1/staff', {
      username: 'X!',
      displayName: '',
      password: 'x',
      roles: ['king'],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.username', 'body.displayName', 'body.password', 'body.roles.0']),
    );
  });
});

describe('staff lockout', () => {
  it('locks a staff account on the 5th failure', async () => {
    await p.staff('locky', ['analyst']);
    const c = p.consoleClient();
    for (let i = 0; i < 5; i += 1)
      await c.post('/api/v1/auth/login', { username: 'locky', password: 'bad-password-1' });
    const res = await c.post('/api/v1/auth/login', { username: 'locky', password: STAFF_PASSWORD });
    expect(res.json()).toMatchObject({ status: 423, code: 'account_locked' });
  });
});
