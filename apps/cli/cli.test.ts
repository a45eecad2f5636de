import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MAIN = join(import.meta.dirname, 'src/main.ts');

let db: TestDatabase;
let dataDir: string;
let env: Record<string, string>;

/** Runs `onefin <args>` as an operator would, on this engine's database. */
async function onefin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Tampers with the audit table directly, as an attacker with database access would. */
async function tamper(statement: string): Promise<void> {
  if (db.url) {
    const { sql } = await import('kysely');
    await sql.raw(statement).execute(db.primary);
    return;
  }
  const pglite = new PGlite(join(dataDir, 'pglite'));
  await pglite.exec(statement);
  await pglite.close();
}

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'onefin-cli-'));
  env = {
    ...(process.env as Record<string, string>),
    ONEFIN_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // the full training files take minutes with cross-validation; the seed's steps are the same
    ONEFIN_SEED_MODEL_ROWS: '5000',
  };
  if (db.url) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;
}, 120_000);
afterAll(async () => {
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

// each step starts a real process (tsx, PGlite, migrations): give them room on a loaded 2-core machine
describe('the onefin command', { timeout: 180_000 }, () => {
  it('migrates idempotently, seeds demo logins, and verifies the audit chain', async () => {
    expect((await onefin('migrate')).code).toBe(0);
    expect((await onefin('migrate')).code).toBe(0);
    const seeded = await onefin('seed');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('admin2');
    expect(seeded.stdout).toContain('13800138001');
    expect(seeded.stdout).toContain('13900139003 card *0002 declines top-ups');
    expect(seeded.stdout).toContain('13800138001 张伟 C3');
    expect(seeded.stdout).toMatch(/world \(seed 7\): 200 individuals, \d+ corporates/);
    const again = await onefin('seed', '--customers', '300');
    expect(again.stdout).toContain('seeded 0 new records');
    expect(again.stdout).toContain('world already seeded');
    const verified = await onefin('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/audit chain intact: \d+ events verified/);
  });

  it('fails and names the row when one audit row is changed', async () => {
    await tamper(`UPDATE audit_events SET outcome = 'failure' WHERE seq = 3`);
    const verified = await onefin('audit', 'verify');
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain('BROKEN at seq 3');
  });

  it('refuses a bad seed size with exit 2, naming the flag, before touching the database', async () => {
    const result = await onefin('seed', '--customers', '2.5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--customers "2.5": must be a whole number');
  });

  it('stops with a message naming a wrong setting', async () => {
    const saved = env;
    env = { ...env, PORTAL_PORT: 'eighty' };
    const result = await onefin('migrate');
    env = saved;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORTAL_PORT="eighty"');
  });
});
