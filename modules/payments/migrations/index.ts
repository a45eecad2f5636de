import type { Migration } from 'kysely';
import * as m0001 from './0001_create_payments.ts';

export const paymentsMigrations: Record<string, Migration> = { '0001_create_payments': m0001 };
