import type { Migration } from 'kysely';
import * as m0001 from './0001_create_investing.ts';
import * as m0002 from './0002_plans_and_conversions.ts';

export const investingMigrations: Record<string, Migration> = {
  '0001_create_investing': m0001,
  '0002_plans_and_conversions': m0002,
};
