import type { Migration } from 'kysely';
import * as m0001 from './0001_create_models.ts';

export const modelsMigrations: Record<string, Migration> = {
  '0001_create_models': m0001,
};
