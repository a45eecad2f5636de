import type { Migration } from 'kysely';
import * as m0001 from './0001_create_identity.ts';

export const identityMigrations: Record<string, Migration> = { '0001_create_identity': m0001 };
