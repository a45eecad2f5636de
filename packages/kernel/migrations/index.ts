import type { Migration } from 'kysely';
import * as m0001 from './0001_create_outbox.ts';
import * as m0002 from './0002_create_http_idempotency_keys.ts';

export const kernelMigrations: Record<string, Migration> = {
  '0001_create_outbox': m0001,
  '0002_create_http_idempotency_keys': m0002,
};
