import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, envBool, envInt, envPostgresUrl, readConfig } from '@onefin/kernel';
import { z } from 'zod';

const key = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]+$/, 'must be base64')
    .transform((v) => Buffer.from(v, 'base64'))
    .refine(
      (b) => b.length === bytes,
      `must decode to exactly ${bytes} bytes (openssl rand -base64 ${bytes})`,
    )
    .optional();

/** Every setting OneFin reads, with its default. The README's configuration table lists the same. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: envPostgresUrl,
  DATABASE_REPLICA_URL: envPostgresUrl,
  DATABASE_POOL_SIZE: envInt(10, 1, 200),
  ONEFIN_DATA_DIR: z.string().min(1).default('.data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORTAL_PORT: envInt(3000, 0, 65535),
  CONSOLE_PORT: envInt(3001, 0, 65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ONEFIN_PII_KEY: key(32),
  ONEFIN_PII_HASH_KEY: key(32),
  ONEFIN_CSRF_SECRET: key(32),
  COOKIE_SECURE: envBool(false),
  LOGIN_MAX_FAILURES: envInt(5, 1, 100),
  LOCKOUT_MINUTES: envInt(15, 1, 1440),
  LOGIN_RATE_LIMIT_PER_MINUTE: envInt(20, 1, 10_000),
  PORTAL_SESSION_IDLE_MINUTES: envInt(30, 1, 1440),
  CONSOLE_SESSION_IDLE_MINUTES: envInt(60, 1, 1440),
  SESSION_MAX_HOURS: envInt(12, 1, 720),
  SESSION_CACHE_MS: envInt(2000, 0, 60_000),
  RISK_ASSESSMENT_VALID_MONTHS: envInt(12, 1, 60),
  ONEFIN_SEED: envBool(true),
  /**
   * Seeding trains the demo's two models on the first this-many rows of each training file; 0 (the
   * default) means all of them. Tests and CI seed with a few thousand: the full files take minutes
   * with cross-validation on a 2-core machine.
   */
  ONEFIN_SEED_MODEL_ROWS: envInt(0, 0, 1_000_000),
  /**
   * Demo only: `onefin start` runs on a movable clock that starts at this instant (ISO 8601 with an
   * offset) and can be moved forward from the console. Refused in production and by `onefin serve`.
   */
  ONEFIN_DEMO_CLOCK: z.iso
    .datetime({
      offset: true,
      message: 'must be an ISO 8601 instant with an offset, e.g. 2026-11-10T09:30:00+08:00',
    })
    .optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Secrets {
  piiKey: Buffer;
  piiHashKey: Buffer;
  csrfSecret: Buffer;
}

export interface OneFinConfig extends RawConfig {
  dataDir: string;
  secrets: Secrets;
}

/**
 * Secrets come from the environment. Outside production, missing ones are generated once into the
 * data directory, so `npm start` works with no setup and restarts keep decrypting old data; in
 * production a missing secret stops start-up.
 */
function resolveSecrets(raw: RawConfig, dataDir: string): Secrets {
  const given = {
    piiKey: raw.ONEFIN_PII_KEY,
    piiHashKey: raw.ONEFIN_PII_HASH_KEY,
    csrfSecret: raw.ONEFIN_CSRF_SECRET,
  };
  if (given.piiKey && given.piiHashKey && given.csrfSecret) return given as Secrets;
  if (raw.NODE_ENV === 'production') {
    throw new ConfigError(
      'invalid configuration:\n  ONEFIN_PII_KEY, ONEFIN_PII_HASH_KEY and ONEFIN_CSRF_SECRET are required in production',
    );
  }
  const file = join(dataDir, 'dev-secrets.json');
  let stored: Record<string, string>;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } else {
    mkdirSync(dataDir, { recursive: true });
    stored = Object.fromEntries(
      ['piiKey', 'piiHashKey', 'csrfSecret'].map((k) => [k, randomBytes(32).toString('base64')]),
    );
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const fromFile = (k: keyof Secrets) => Buffer.from(stored[k] ?? '', 'base64');
  return {
    piiKey: given.piiKey ?? fromFile('piiKey'),
    piiHashKey: given.piiHashKey ?? fromFile('piiHashKey'),
    csrfSecret: given.csrfSecret ?? fromFile('csrfSecret'),
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): OneFinConfig {
  const raw = readConfig(configSchema, env);
  if (raw.DATABASE_REPLICA_URL && !raw.DATABASE_URL) {
    throw new ConfigError(
      'invalid configuration:\n  DATABASE_REPLICA_URL: needs DATABASE_URL (the embedded database has no replica)',
    );
  }
  if (raw.ONEFIN_DEMO_CLOCK && raw.NODE_ENV === 'production') {
    throw new ConfigError(
      'invalid configuration:\n  ONEFIN_DEMO_CLOCK: a movable demo clock is never allowed in production',
    );
  }
  const dataDir = resolve(raw.ONEFIN_DATA_DIR);
  return { ...raw, dataDir, secrets: resolveSecrets(raw, dataDir) };
}
