import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openPglite, pglitePrimary, postgresExecutor } from '@onefin/db';
import { DEFAULT_TEST_ADMIN_URL, withDatabase } from '@onefin/db/testing';
import { allMigrations } from '@onefin/platform';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';

/**
 * Migrates one template database per run; each test file then gets its own copy of it
 * (a PGlite data-dir dump, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = project.name === 'postgres' ? 'postgres' : 'pglite';
  project.provide('onefinEngine', engine);
  if (engine === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'onefin-pglite-'));
    const pglite = await openPglite(undefined);
    const db = pglitePrimary(pglite);
    await migrateToLatest(db, allMigrations);
    const dump = await pglite.dumpDataDir('none');
    await writeFile(join(dir, 'template.tar'), Buffer.from(await dump.arrayBuffer()));
    await db.destroy();
    project.provide('onefinTemplate', join(dir, 'template.tar'));
    project.provide('onefinAdminUrl', '');
    return () => rm(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_ADMIN_URL;
  const template = `onefin_tpl_${process.pid}`;
  const admin = postgresExecutor(adminUrl, 1);
  try {
    await sql`SELECT 1`.execute(admin);
  } catch (error) {
    await admin.destroy();
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl.replace(/:[^:@/]*@/, ':***@')} (set TEST_DATABASE_URL): ${String(error)}. ` +
        'The PostgreSQL half of the suite does not skip; start the server and run again.',
    );
  }
  await sql`DROP DATABASE IF EXISTS ${sql.id(template)} WITH (FORCE)`.execute(admin);
  await sql`CREATE DATABASE ${sql.id(template)}`.execute(admin);
  const tpl = postgresExecutor(withDatabase(adminUrl, template), 1);
  await migrateToLatest(tpl, allMigrations);
  await tpl.destroy();
  project.provide('onefinTemplate', template);
  project.provide('onefinAdminUrl', adminUrl);
  return async () => {
    await sql`DROP DATABASE IF EXISTS ${sql.id(template)} WITH (FORCE)`.execute(admin);
    await admin.destroy();
  };
}
