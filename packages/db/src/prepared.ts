import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';

const MARK = '/* prepare */';

/**
 * Put first in a statement's SQL to have PostgreSQL parse and plan it once per connection instead
 * of on every call: the statement goes out as a named prepared statement (pgjdbc and postgres.js
 * do the same for hot statements). Only for statements whose text is the same on every call
 * (arrays as parameters, not a list of placeholders per row), or each text would stay prepared on
 * every connection. PGlite reads it as the comment it is.
 */
export const prepare = sql.raw(`${MARK} `);

/** Names by text: the marked texts are few and fixed, so this stays small. */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `onefin_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * pg's client with `prepare` honoured: Kysely passes (text, values), and a marked text is sent as
 * `{ name, text, values }`, which pg prepares on the connection's first use and reuses after.
 */
export class PreparingClient extends pg.Client {
  // pg's query has a dozen overloads; this inspects only Kysely's form (text, values) and hands every
  // call on unchanged in shape, so its answer is whatever that overload answers (`never` fits them all).
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const query = super.query as (config: unknown, values?: unknown, callback?: unknown) => never;
    if (typeof config === 'string' && config.startsWith(MARK) && Array.isArray(values))
      return query.call(this, { name: nameOf(config), text: config, values }, callback);
    return query.call(this, config, values, callback);
  }
}
