import type { Migration } from 'kysely';
import * as m0001 from './0001_create_investing.ts';

export const investingMigrations: Record<string, Migration> = { '0001_create_investing': m0001 };
