import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type Database, type Engine, pglitePrimary, postgresExecutor } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    onefinEngine: Engine;
    /** PGlite: path of a dump of a fully migrated database. Postgres: name of the migrated template. */
    onefinTemplate: string;
    onefinAdminUrl: string;
  }
}

const INT8 = 20;
const DATE = 1082;
const parsers = { [INT8]: (v: string) => BigInt(v), [DATE]: (v: string) => v };

/** The PostgreSQL server tests use, unless TEST_DATABASE_URL names another. */
export const DEFAULT_TEST_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function freshPglite(templatePath: string): Promise<Database> {
  const dump = await readFile(templatePath);
  const pglite = new PGlite({ loadDataDir: new Blob([dump]), parsers });
  await pglite.waitReady;
  const primary = pglitePrimary(pglite);
  return { engine: 'pglite', primary, replica: primary, close: () => primary.destroy() };
}

/** A test database; on PostgreSQL also its URL, for tests that start a separate process on it. */
export type TestDatabase = Database & { url?: string };

async function freshPostgres(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `onefin_t_${randomBytes(6).toString('hex')}`;
  const admin = postgresExecutor(adminUrl, 1);
  try {
    await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(template)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const url = withDatabase(adminUrl, name);
  const primary = postgresExecutor(url, 10);
  return {
    url,
    engine: 'postgres',
    primary,
    replica: primary,
    async close() {
      await primary.destroy();
      const cleanup = postgresExecutor(adminUrl, 1);
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(cleanup);
      await cleanup.destroy();
    },
  };
}

/**
 * A fresh, fully migrated, isolated database for one test file, on the engine of the running Vitest
 * project (the suite runs once on PGlite and once on PostgreSQL). Close it in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const engine = inject('onefinEngine');
  return engine === 'pglite'
    ? freshPglite(inject('onefinTemplate'))
    : freshPostgres(inject('onefinAdminUrl'), inject('onefinTemplate'));
}

/**
 * Two separate databases wired as primary and replica, so a test can prove which one a query hit by
 * making them differ. (Real replication is the operator's; here they are independent copies.)
 */
export async function createTestDatabaseWithReplica(): Promise<Database> {
  const primary = await createTestDatabase();
  const replica = await createTestDatabase();
  return {
    engine: primary.engine,
    primary: primary.primary,
    replica: replica.primary,
    async close() {
      await primary.close();
      await replica.close();
    },
  };
}
