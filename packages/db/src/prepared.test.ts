import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepare } from './prepared.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const sum = (values: number[]) =>
  sql<{ total: string }>`${prepare}
    SELECT sum(v)::text AS total FROM unnest(${values}::int[]) AS u(v)`;

describe('statements marked with prepare', () => {
  it('answer as the unmarked statement does, whatever the parameters', async () => {
    for (const values of [[1, 2, 3], [40], [], [5, 5, 5, 5, 5, 5, 5]]) {
      const marked = await sum(values).execute(db.primary);
      const plain = await sql<{ total: string }>`
        SELECT sum(v)::text AS total FROM unnest(${values}::int[]) AS u(v)`.execute(db.primary);
      expect(marked.rows).toEqual(plain.rows);
    }
  });

  it('are prepared once per connection on PostgreSQL, and unmarked ones are not', async () => {
    if (db.engine !== 'postgres') return;
    // one transaction: one connection, whose prepared statements the view lists
    const names = await db.primary.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await sum([i, i + 1]).execute(trx);
      await sql`SELECT 1 AS plain`.execute(trx);
      const { rows } = await sql<{ name: string; statement: string }>`
        SELECT name, statement FROM pg_prepared_statements`.execute(trx);
      return rows;
    });
    expect(names).toHaveLength(1);
    expect(names[0]?.name).toMatch(/^onefin_[0-9a-f]{20}$/);
    expect(names[0]?.statement).toContain('sum(v)');
  });
});
