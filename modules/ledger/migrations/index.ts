import type { Migration } from 'kysely';
import * as m0001 from './0001_create_ledger.ts';

export const ledgerMigrations: Record<string, Migration> = { '0001_create_ledger': m0001 };
