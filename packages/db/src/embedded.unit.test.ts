import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_POSTGRES_MAJOR, openPglite } from './database.ts';

describe('the embedded database', () => {
  it('records the PostgreSQL major version it is said to run (update the constant with PGlite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onefin-embedded-'));
    const pglite = await openPglite(dir);
    const { rows } = await pglite.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    await pglite.close();
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim()).toBe(EMBEDDED_POSTGRES_MAJOR);
    expect(rows[0]?.v.slice(0, 2)).toBe(EMBEDDED_POSTGRES_MAJOR);
  });

  it('refuses a data directory of another major version, naming both and the way out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onefin-embedded-'));
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    await expect(openPglite(dir)).rejects.toThrow(
      new RegExp(`PostgreSQL 17 .*embeds PostgreSQL ${EMBEDDED_POSTGRES_MAJOR}.*Move the directory aside`),
    );
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8')).toBe('17\n');
  });
});
