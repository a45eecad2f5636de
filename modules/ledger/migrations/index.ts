import type { Migration } from 'kysely';
import * as m0001 from './0001_create_ledger.ts';
import * as m0002 from './0002_holds_and_reversals.ts';
import * as m0003 from './0003_daily_balances.ts';
import * as m0004 from './0004_ids_in_c_collation.ts';
import * as m0005 from './0005_write_conflict_function.ts';

export const ledgerMigrations: Record<string, Migration> = {
  '0001_create_ledger': m0001,
  '0002_holds_and_reversals': m0002,
  '0003_daily_balances': m0003,
  '0004_ids_in_c_collation': m0004,
  '0005_write_conflict_function': m0005,
};
