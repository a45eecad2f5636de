export { type ComposeOptions, composeServices, type Services } from './src/compose.ts';
export { configSchema, loadConfig, type OneFinConfig, type Secrets } from './src/config.ts';
export { allMigrations } from './src/migrations.ts';
