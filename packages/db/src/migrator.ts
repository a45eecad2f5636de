import type { Executor } from '@onefin/kernel';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely';

/** One owner's migrations: a module (or the kernel) and its files by name, e.g. `0001_create_staff`. */
export interface MigrationSource {
  owner: string;
  migrations: Record<string, Migration>;
}

/**
 * Runs every owner's pending migrations, each owner's in file order. Names are `owner/file`; owners
 * have no foreign keys between them, so new owners may sort before old ones (unordered allowed).
 */
export async function migrateToLatest(db: Executor, sources: readonly MigrationSource[]): Promise<string[]> {
  const all: Record<string, Migration> = {};
  for (const { owner, migrations } of sources) {
    for (const [name, migration] of Object.entries(migrations)) all[`${owner}/${name}`] = migration;
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    allowUnorderedMigrations: true,
    migrationTableName: 'onefin_migrations',
    migrationLockTableName: 'onefin_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
