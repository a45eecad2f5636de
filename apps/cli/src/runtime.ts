import { join } from 'node:path';
import { CONSOLE_WEB_DIST, createConsoleApp } from '@onefin/console';
import { createDatabase, type Database, migrateToLatest } from '@onefin/db';
import type { App } from '@onefin/http';
import { createMovableClock, type MovableClock } from '@onefin/kernel';
import { allMigrations, composeServices, type OneFinConfig, type Services } from '@onefin/platform';
import { createPortalApp, PORTAL_WEB_DIST } from '@onefin/portal';

export interface Runtime {
  config: OneFinConfig;
  db: Database;
  services: Services;
  /** Set by ONEFIN_DEMO_CLOCK (`onefin start --clock`): every service runs on it, and the console can move it. */
  demoClock?: MovableClock;
}

/** Opens the configured database (embedded PGlite under the data dir, or PostgreSQL), migrated. */
export async function openRuntime(config: OneFinConfig): Promise<Runtime> {
  const db = await createDatabase(
    config.DATABASE_URL
      ? {
          engine: 'postgres',
          url: config.DATABASE_URL,
          replicaUrl: config.DATABASE_REPLICA_URL,
          poolSize: config.DATABASE_POOL_SIZE,
        }
      : { engine: 'pglite', dataDir: join(config.dataDir, 'pglite') },
  );
  try {
    await migrateToLatest(db.primary, allMigrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  // Demo only (loadConfig refuses it in production): starts at the given instant and runs on from there.
  const demoClock = config.ONEFIN_DEMO_CLOCK ? createMovableClock(config.ONEFIN_DEMO_CLOCK) : undefined;
  const services = composeServices({
    db,
    secrets: config.secrets,
    ...(demoClock ? { clock: demoClock } : {}),
    identity: {
      maxFailedLogins: config.LOGIN_MAX_FAILURES,
      lockoutMinutes: config.LOCKOUT_MINUTES,
      customerSessionIdleMinutes: config.PORTAL_SESSION_IDLE_MINUTES,
      staffSessionIdleMinutes: config.CONSOLE_SESSION_IDLE_MINUTES,
      sessionMaxHours: config.SESSION_MAX_HOURS,
      cacheMs: config.SESSION_CACHE_MS,
    },
    customers: { assessmentValidityMonths: config.RISK_ASSESSMENT_VALID_MONTHS },
  });
  return { config, db, services, ...(demoClock ? { demoClock } : {}) };
}

function appOptions(rt: Runtime) {
  return {
    services: rt.services,
    db: rt.db,
    csrfSecret: rt.config.secrets.csrfSecret,
    secureCookies: rt.config.COOKIE_SECURE || rt.config.NODE_ENV === 'production',
    loginRateLimitPerMinute: rt.config.LOGIN_RATE_LIMIT_PER_MINUTE,
    logLevel: rt.config.LOG_LEVEL,
  };
}

export async function listenPortal(rt: Runtime): Promise<{ app: App; url: string }> {
  const app = await createPortalApp({ ...appOptions(rt), webDist: PORTAL_WEB_DIST });
  const url = await app.listen({ host: rt.config.HOST, port: rt.config.PORTAL_PORT });
  return { app, url };
}

export async function listenConsole(rt: Runtime): Promise<{ app: App; url: string }> {
  const app = await createConsoleApp({
    ...appOptions(rt),
    webDist: CONSOLE_WEB_DIST,
    demoClock: rt.demoClock,
  });
  const url = await app.listen({ host: rt.config.HOST, port: rt.config.CONSOLE_PORT });
  return { app, url };
}
