import { createConsoleApp } from '@onefin/console';
import type { Database } from '@onefin/db';
import { createTestDatabase, createTestDatabaseWithReplica } from '@onefin/db/testing';
import type { App } from '@onefin/http';
import type { Role } from '@onefin/identity';
import { createManualClock, createMovableClock, type ManualClock, type MovableClock } from '@onefin/kernel';
import { composeServices, type Secrets, type Services } from '@onefin/platform';
import { createPortalApp } from '@onefin/portal';
import { TestClient } from './client.ts';

export const TEST_SECRETS: Secrets = {
  piiKey: Buffer.alloc(32, 7),
  piiHashKey: Buffer.alloc(32, 8),
  csrfSecret: Buffer.alloc(32, 9),
};

export const STAFF_PASSWORD = 'Staff2026pass';
export const CUSTOMER_PASSWORD = 'Customer2026';

export interface TestPlatform {
  db: Database;
  clock: ManualClock;
  /** With `demoClock`: the movable demo clock the services run on, itself running on `clock`. */
  demoClock?: MovableClock;
  services: Services;
  portal: App;
  console: App;
  /** A cookie-keeping client of the portal or the console. */
  portalClient(): TestClient;
  consoleClient(): TestClient;
  /** Creates a staff user directly (bootstrap path) and returns a logged-in console client. */
  staff(username: string, roles: Role[]): Promise<{ id: string; client: TestClient }>;
  /** Registers a customer through the API and returns the logged-in portal client. */
  customer(mobile: string, displayName?: string): Promise<{ id: string; client: TestClient }>;
  close(): Promise<void>;
}

/** The whole platform over a fresh database of the running engine, with a clock tests can move. */
export async function startTestPlatform(
  opts: { replica?: boolean; loginRateLimitPerMinute?: number; demoClock?: string } = {},
): Promise<TestPlatform> {
  const db = opts.replica ? await createTestDatabaseWithReplica() : await createTestDatabase();
  const clock = createManualClock(new Date());
  // As `onefin start --clock` runs: the demo clock starts at the instant and runs on with `clock`.
  const demoClock = opts.demoClock ? createMovableClock(opts.demoClock, clock) : undefined;
  const services = composeServices({ db, secrets: TEST_SECRETS, clock: demoClock ?? clock });
  const shared = {
    services,
    db,
    csrfSecret: TEST_SECRETS.csrfSecret,
    secureCookies: false,
    loginRateLimitPerMinute: opts.loginRateLimitPerMinute ?? 1000,
    logLevel: 'silent',
  };
  const portal = await createPortalApp(shared);
  const consoleApp = await createConsoleApp({ ...shared, demoClock });
  const platform: TestPlatform = {
    db,
    clock,
    ...(demoClock ? { demoClock } : {}),
    services,
    portal,
    console: consoleApp,
    portalClient: () => new TestClient(portal),
    consoleClient: () => new TestClient(consoleApp),
    async staff(username, roles) {
      const created = await services.identity.bootstrapStaff({
        username,
        displayName: username,
        password: STAFF_PASSWORD,
        roles,
      });
      if (!created.ok) throw new Error(`could not create ${username}: ${created.error}`);
      const client = platform.consoleClient();
      const login = await client.post('/api/v1/auth/login', { username, password: STAFF_PASSWORD });
      if (login.statusCode !== 200) throw new Error(`staff login failed: ${login.body}`);
      return { id: created.value.id, client };
    },
    async customer(mobile, displayName = '测试客户') {
      const client = platform.portalClient();
      const res = await client.post('/api/v1/auth/register', {
        mobile,
        password: CUSTOMER_PASSWORD,
        displayName,
      });
      if (res.statusCode !== 201) throw new Error(`register failed: ${res.body}`);
      return { id: res.json<{ account: { id: string } }>().account.id, client };
    },
    async close() {
      await portal.close();
      await consoleApp.close();
      await db.close();
    },
  };
  return platform;
}
