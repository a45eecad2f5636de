import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database, migrateToLatest, postgresExecutor } from '@onefin/db';
import { allMigrations } from '@onefin/platform';
import { sql } from 'kysely';

/** What the benches share: a throw-away database, the measured duration, percentiles. */

export type EngineName = 'postgres' | 'pglite';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function durationSeconds(): number {
  const s = Number(process.env.BENCH_DURATION_S ?? 10);
  if (!Number.isFinite(s) || s <= 0) throw new Error('BENCH_DURATION_S must be > 0');
  return s;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? 0;
}

export const round = (n: number, digits = 0) => Number(n.toFixed(digits));

/** Opens a fresh, migrated database on the engine; `drop` removes it (and its files) again. */
export async function openBenchDatabase(
  engine: EngineName,
  bench: string,
  poolSize: number,
): Promise<{ db: Database; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), `onefin-bench-${bench}-`));
    const db = await createDatabase({ engine: 'pglite', dataDir });
    await migrateToLatest(db.primary, allMigrations);
    return {
      db,
      async drop() {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const name = `onefin_bench_${bench}_${process.pid}`;
  const admin = postgresExecutor(adminUrl, 1);
  try {
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin);
    await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const db = await createDatabase({
    engine: 'postgres',
    url: withDatabase(adminUrl, name),
    poolSize,
  });
  await migrateToLatest(db.primary, allMigrations);
  return {
    db,
    async drop() {
      await db.close();
      const cleanup = postgresExecutor(adminUrl, 1);
      try {
        await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(cleanup);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}

/**
 * BENCH_CPUPROFILE=dir: a V8 CPU profile of one timed phase (not the set-up around it), written as
 * `<dir>/<label>.cpuprofile` for Chrome's DevTools or `bench/profile-summary.ts`.
 */
export async function profilePhase(label: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_CPUPROFILE;
  if (!dir) return async () => {};
  const { Session } = await import('node:inspector/promises');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}
