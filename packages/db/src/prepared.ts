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
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this only inspects the first form
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && config.startsWith(MARK) && Array.isArray(values))
      return super.query({ name: nameOf(config), text: config, values }, callback);
    return super.query(config, values, callback);
  }
}
