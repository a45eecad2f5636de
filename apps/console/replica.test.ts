import { createAuditService } from '@onefin/audit';
import { createIdentityService, DEFAULT_IDENTITY_SETTINGS } from '@onefin/identity';
import { createPiiCipher } from '@onefin/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PASSWORD, startTestPlatform, TEST_SECRETS, type TestPlatform } from '../../test/platform.ts';

let p: TestPlatform;

// Two independent databases stand in for primary and replica, so which one answered is visible.
beforeAll(async () => {
  p = await startTestPlatform({ replica: true });
  const onReplica = { db: p.db.replica, reads: p.db.replica, clock: p.clock };
  const replicaIdentity = createIdentityService({
    ...onReplica,
    audit: createAuditService(onReplica),
    pii: createPiiCipher(TEST_SECRETS.piiKey, TEST_SECRETS.piiHashKey),
    settings: DEFAULT_IDENTITY_SETTINGS,
  });
  await replicaIdentity.bootstrapStaff({
    username: 'only_on_replica',
    displayName: 'R',
    password: STAFF_PASSWORD,
    roles: ['analyst'],
  });
});
afterAll(() => p.close());

describe('console read routing with DATABASE_REPLICA_URL', () => {
  it('serves list screens from the replica while log-in, sessions and proposals use the primary', async () => {
    const admin = await p.staff('admin', ['admin']);
    await p.staff('admin2', ['admin']);

    // the list reads the replica: it shows the replica-only user, not the users created on the primary
    const list = (await admin.client.get('/api/v1/staff')).json<{ items: { username: string }[] }>();
    expect(list.items.map((s) => s.username)).toEqual(['only_on_replica']);

    // a proposal is a write: it lands on the primary, and the admin's own follow-up read sees it there
    const proposed = await admin.client.post(`/api/v1/staff/${admin.id}/roles`, { role: 'auditor' });
    expect(proposed.statusCode).toBe(202);
    const id = proposed.json<{ approval: { id: string } }>().approval.id;
    expect((await admin.client.get(`/api/v1/approvals/${id}`)).statusCode).toBe(200);

    const onPrimary = await p.db.primary
      .withTables<{ identity_approvals: { id: string } }>()
      .selectFrom('identity_approvals')
      .select('id')
      .execute();
    const onReplica = await p.db.replica
      .withTables<{ identity_approvals: { id: string } }>()
      .selectFrom('identity_approvals')
      .select('id')
      .execute();
    expect(onPrimary.map((r) => r.id)).toEqual([id]);
    expect(onReplica).toEqual([]);

    // the inbox list is a heavy read: from the replica, which has not caught up in this test
    const inbox = (await admin.client.get('/api/v1/approvals')).json<{ items: unknown[] }>();
    expect(inbox.items).toEqual([]);
  });

  it('checks both databases in /readyz', async () => {
    expect((await p.console.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
