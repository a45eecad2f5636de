import type { Migration } from 'kysely';
import * as m0001 from './0001_create_products.ts';
import * as m0002 from './0002_trading_holidays.ts';
import * as m0003 from './0003_fund_return_1y.ts';

export const productsMigrations: Record<string, Migration> = {
  '0001_create_products': m0001,
  '0002_trading_holidays': m0002,
  '0003_fund_return_1y': m0003,
};
