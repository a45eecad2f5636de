import type { Migration } from 'kysely';
import * as m0001 from './0001_create_customers.ts';
import * as m0002 from './0002_screening_risk_history.ts';
import * as m0003 from './0003_risk_questionnaires_v1.ts';

export const customersMigrations: Record<string, Migration> = {
  '0001_create_customers': m0001,
  '0002_screening_risk_history': m0002,
  '0003_risk_questionnaires_v1': m0003,
};
