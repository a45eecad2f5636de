import type { Migration } from 'kysely';
import * as m0001 from './0001_create_products.ts';
import * as m0002 from './0002_trading_holidays.ts';

export const productsMigrations: Record<string, Migration> = {
  '0001_create_products': m0001,
  '0002_trading_holidays': m0002,
};
