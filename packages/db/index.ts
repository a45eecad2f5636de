export type { Database, DatabaseConfig, Engine } from './src/database.ts';
export { createDatabase, openPglite, pglitePrimary, postgresExecutor } from './src/database.ts';
export type { MigrationSource } from './src/migrator.ts';
export { migrateToLatest } from './src/migrator.ts';
export { prepare } from './src/prepared.ts';
