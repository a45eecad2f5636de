import { createConsoleApp } from '@onefin/console';
import type { App } from '@onefin/http';
import { createPiiCipher } from '@onefin/kernel';
import { createPortalApp } from '@onefin/portal';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.ts';
import {
  CUSTOMER_PASSWORD,
  STAFF_PASSWORD,
  startTestPlatform,
  TEST_SECRETS,
  type TestPlatform,
} from '../../test/platform.ts';
import { customersDb } from './schema.ts';
import { type CustomerBody, captureLogs, residentId } from './testing.ts';

/**
 * ID numbers and mobiles at rest and in logs: the whole platform with logging on, driven through
 * every path that takes an ID number, then every table and every log line searched for the raw values.
 */
let p: TestPlatform;
let portal: App;
let consoleApp: App;
const logs: string[] = [];

const PORTAL_ID = residentId('19910412', '216', '330106');
const BRANCH_ID = residentId('19650820', '137', '510104');
const BULK_ID = residentId('20010101', '058', '420111');
const LOWER_X_ID = residentId('19491231', '002', '110105').toLowerCase();
const MOBILES = ['13800000401', '13900000402', '13700000403', '13600000404'] as const;
const SECRETS = [PORTAL_ID, BRANCH_ID, BULK_ID, LOWER_X_ID.toUpperCase(), ...MOBILES];

beforeAll(async () => {
  p = await startTestPlatform();
  const shared = {
    services: p.services,
    db: p.db,
    csrfSecret: TEST_SECRETS.csrfSecret,
    secureCookies: false,
    loginRateLimitPerMinute: 1000,
    logLevel: 'trace',
  };
  portal = await createPortalApp(shared);
  consoleApp = await createConsoleApp(shared);
  const portalLines = captureLogs(portal);
  const consoleLines = captureLogs(consoleApp);

  // the portal: register, complete the profile, verify, try a taken number and a malformed body
  const customer = new TestClient(portal);
  await customer.post('/api/v1/auth/register', {
    mobile: MOBILES[0],
    password: CUSTOMER_PASSWORD,
    displayName: '钱塘',
  });
  await customer.request('PATCH', '/api/v1/profile', { body: { idNumber: PORTAL_ID } });
  await customer.post('/api/v1/profile/real-name-verification');
  await customer.request('PATCH', '/api/v1/profile', { rawBody: `{"idNumber":"${BRANCH_ID}",` });

  // the console: open, search by the number and the mobile, a duplicate, a malformed number
  await p.services.identity.bootstrapStaff({
    username: 'teller',
    displayName: '柜员',
    password: STAFF_PASSWORD,
    roles: ['branch'],
  });
  const staff = new TestClient(consoleApp);
  await staff.post('/api/v1/auth/login', { username: 'teller', password: STAFF_PASSWORD });
  await staff.post('/api/v1/customers/individuals', {
    name: '蜀川',
    idNumber: BRANCH_ID,
    mobile: MOBILES[1],
  });
  await staff.post('/api/v1/customers/individuals', {
    name: '重号',
    idNumber: BRANCH_ID,
    mobile: MOBILES[2],
  });
  await staff.post('/api/v1/customers/individuals', {
    name: '小写',
    idNumber: LOWER_X_ID,
    mobile: MOBILES[2],
  });
  await staff.post('/api/v1/customers/individuals', {
    name: '错号',
    idNumber: `${BRANCH_ID.slice(0, 17)}0`,
    mobile: MOBILES[2],
  });
  await staff.get(`/api/v1/customers?q=${BRANCH_ID}`);
  await staff.get(`/api/v1/customers?q=${MOBILES[1]}`);

  // the seed's path
  await p.services.customers.createIndividualsBulk([{ name: '楚汉', idNumber: BULK_ID, mobile: MOBILES[3] }]);
  logs.push(...portalLines, ...consoleLines);
});
afterAll(async () => {
  await portal.close();
  await consoleApp.close();
  await p.close();
});

describe('ID numbers and mobiles at rest', () => {
  it('appear in no table of the database, in any column, in any form but sealed, hashed or masked', async () => {
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(p.db.primary);
    expect(tables.rows.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['customers_individuals', 'audit_events']),
    );
    let scanned = 0;
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table_name)} t`.execute(
        p.db.primary,
      );
      for (const { row } of rows.rows) {
        scanned += 1;
        for (const secret of SECRETS) expect(row, `${table_name} holds ${secret}`).not.toContain(secret);
      }
    }
    expect(scanned).toBeGreaterThan(20);
  });

  it('decrypt back to the number given, with the keyed hash for look-ups and the masked copy for display', async () => {
    const pii = createPiiCipher(TEST_SECRETS.piiKey, TEST_SECRETS.piiHashKey);
    const rows = await customersDb(p.db.primary).selectFrom('customers_individuals').selectAll().execute();
    const stored = rows
      .filter((r) => r.id_number_enc !== null)
      .map((r) => pii.decrypt(r.id_number_enc ?? ''));
    expect(stored.sort()).toEqual([PORTAL_ID, BRANCH_ID, BULK_ID, LOWER_X_ID.toUpperCase()].sort());
    const branch = rows.find((r) => r.id_number_hash === pii.lookupHash(BRANCH_ID));
    expect(branch).toMatchObject({
      id_number_masked: `510104********${BRANCH_ID.slice(-4)}`,
      mobile_masked: '139****0402',
    });
    expect(pii.decrypt(branch?.mobile_enc ?? '')).toBe(MOBILES[1]);
    // sealed with a fresh nonce each time: equal numbers do not give equal ciphertexts
    expect(pii.encrypt(BRANCH_ID)).not.toBe(branch?.id_number_enc);
  });

  it('are shown masked by the console, and a lowercase x finds the same person', async () => {
    const staff = new TestClient(consoleApp);
    await staff.post('/api/v1/auth/login', { username: 'teller', password: STAFF_PASSWORD });
    const found = await staff.get(`/api/v1/customers?q=${LOWER_X_ID}`);
    const items = found.json<{ items: CustomerBody[] }>().items;
    expect(items.map((c) => c.name)).toEqual(['小写']);
    expect(found.body).toContain(`110105********${LOWER_X_ID.slice(-4).toUpperCase()}`);
    for (const secret of SECRETS) expect(found.body).not.toContain(secret);
  });
});

describe('ID numbers and mobiles in the logs', () => {
  it('never appear in any log line of either app, though every request was logged', () => {
    expect(logs.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(10);
    expect(logs.some((l) => l.includes(`510104********${BRANCH_ID.slice(-4)}`))).toBe(true);
    for (const line of logs) for (const secret of SECRETS) expect(line, line).not.toContain(secret);
  });
});
