import { type Kysely, sql } from 'kysely';
import { CN_EXCHANGE_HOLIDAYS_2023_2027 } from './data/cn-exchange-holidays-2023-2027.ts';

/** The exchanges' weekday closures, 2023–2027 (2027 provisional), as data the calendar loads. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('products_trading_holidays')
    .addColumn('holiday_date', 'date', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('provisional', 'boolean', (c) => c.notNull())
    .addCheckConstraint(
      'products_trading_holidays_weekday',
      sql`extract(isodow FROM holiday_date) BETWEEN 1 AND 5`,
    )
    .execute();
  const rows = CN_EXCHANGE_HOLIDAYS_2023_2027;
  await sql`INSERT INTO products_trading_holidays (holiday_date, name_zh, name_en, provisional)
    SELECT * FROM unnest(
      ${rows.map((r) => r[0])}::date[], ${rows.map((r) => r[1])}::text[],
      ${rows.map((r) => r[2])}::text[], ${rows.map((r) => r[3] ?? false)}::boolean[])`.execute(db);
}
