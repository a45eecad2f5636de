import type { Migration } from 'kysely';
import * as m0001 from './0001_create_outbox.ts';

export const kernelMigrations: Record<string, Migration> = { '0001_create_outbox': m0001 };
