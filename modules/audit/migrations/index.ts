import type { Migration } from 'kysely';
import * as m0001 from './0001_create_audit_events.ts';

export const auditMigrations: Record<string, Migration> = { '0001_create_audit_events': m0001 };
