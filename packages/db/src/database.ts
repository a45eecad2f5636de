import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Executor } from '@onefin/kernel';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { PreparingClient } from './prepared.ts';

export type Engine = 'pglite' | 'postgres';

/**
 * The database handles a process works with. `primary` takes writes and any read that must see its
 * own writes; `replica` is for heavy read-only queries (the console's lists), and is the primary
 * itself when no replica is configured.
 */
export interface Database {
  engine: Engine;
  primary: Executor;
  replica: Executor;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { engine: 'pglite'; dataDir: string | undefined }
  | { engine: 'postgres'; url: string; replicaUrl?: string | undefined; poolSize?: number };

const INT8 = 20;
const DATE = 1082;

/** Same value types on both engines: BIGINT as bigint (money), DATE as 'YYYY-MM-DD' (business dates). */
const parsers = {
  [INT8]: (value: string) => BigInt(value),
  [DATE]: (value: string) => value,
};

/** The PostgreSQL major version the embedded PGlite runs, as its data directories record it. */
export const EMBEDDED_POSTGRES_MAJOR = '18';

/**
 * A data directory made by another PostgreSQL major version cannot be opened (PGlite only says it
 * "failed to initialize"): name the cause and the way out instead.
 */
function refuseOtherMajor(dataDir: string): void {
  const versionFile = join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return;
  const major = readFileSync(versionFile, 'utf8').trim();
  if (major === EMBEDDED_POSTGRES_MAJOR) return;
  throw new Error(
    `The embedded database in ${dataDir} was made by PostgreSQL ${major} (an earlier OneFin); this ` +
      `OneFin embeds PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} and cannot open it. Move the directory aside ` +
      '(the next start seeds a new one), or point DATABASE_URL at a PostgreSQL server.',
  );
}

export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    refuseOtherMajor(dataDir);
  }
  // the single-object form: `new PGlite(undefined, opts)` silently drops opts (and BIGINT comes back as number)
  const pglite = new PGlite({ ...(dataDir ? { dataDir } : {}), parsers });
  await pglite.waitReady;
  return pglite;
}

export function pglitePrimary(pglite: PGlite): Executor {
  return new Kysely({ dialect: new PGliteDialect(pglite) });
}

function postgresPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    Client: PreparingClient,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === DATE
          ? parsers[oid]
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client dropped by the server (restart, failover) is discarded by the pool; without a
  // listener the 'error' event would crash the process.
  pool.on('error', (error) => {
    process.emitWarning(`postgres pool: idle client error: ${error.message}`);
  });
  return pool;
}

export function postgresExecutor(url: string, poolSize = 10): Executor {
  return new Kysely({ dialect: new PostgresDialect({ pool: postgresPool(url, poolSize) }) });
}

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.engine === 'pglite') {
    const pglite = await openPglite(config.dataDir);
    const primary = pglitePrimary(pglite);
    return { engine: 'pglite', primary, replica: primary, close: () => primary.destroy() };
  }
  const primary = postgresExecutor(config.url, config.poolSize);
  const replica = config.replicaUrl ? postgresExecutor(config.replicaUrl, config.poolSize) : primary;
  return {
    engine: 'postgres',
    primary,
    replica,
    async close() {
      await primary.destroy();
      if (replica !== primary) await replica.destroy();
    },
  };
}
