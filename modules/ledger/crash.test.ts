import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@onefin/db';
import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { money } from '@onefin/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH_CURRENCY, crashLedger, openCrashDatabase } from './crash-child.ts';
import type { AccountId } from './index.ts';
import { brokenInvariants } from './testing.ts';

const CHILD = join(import.meta.dirname, 'crash-child.ts');
/** Acknowledgements to wait for before the kill. */
const ACKS_BEFORE_KILL = 600;
const SUBMITTERS = 32;

interface Acknowledged {
  status: string;
  amount: bigint;
}

interface ChildRun {
  accounts: AccountId[];
  acknowledged: Map<string, Acknowledged>;
  refused: Map<string, string>;
  /** Per submitter, the highest sequence number it got an answer for. */
  lastAnswered: Map<number, number>;
  signal: NodeJS.Signals | null;
}

let tdb: TestDatabase | undefined;
let tempDir: string | undefined;
let pgliteDir: string | undefined;
let db: Database | undefined;
let child: ChildProcess | undefined;

function sequenceOf(id: string): { submitter: number; n: number } {
  const match = /^k-(\d+)-(\d+)$/.exec(id);
  if (!match) throw new Error(`unexpected transfer id ${id}`);
  return { submitter: Number(match[1]), n: Number(match[2]) };
}

/** Starts the child, kills it with SIGKILL once enough transfers were acknowledged, and reads all it said. */
function runAndKill(env: NodeJS.ProcessEnv): Promise<ChildRun> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const run: ChildRun = {
    accounts: [],
    acknowledged: new Map(),
    refused: new Map(),
    lastAnswered: new Map(),
    signal: null,
  };
  let pending = '';
  let stderr = '';
  let killed = false;
  const answered = (id: string): void => {
    const { submitter, n } = sequenceOf(id);
    run.lastAnswered.set(submitter, Math.max(n, run.lastAnswered.get(submitter) ?? -1));
  };
  const onLine = (line: string): void => {
    const [kind, ...rest] = line.split(' ');
    if (kind === 'ready') run.accounts = rest as AccountId[];
    else if (kind === 'ok') {
      const [id, status, amount] = rest;
      if (!id || !status || !amount) throw new Error(`bad line ${line}`);
      expect(run.acknowledged.has(id), `${id} acknowledged twice`).toBe(false);
      run.acknowledged.set(id, { status, amount: BigInt(amount) });
      answered(id);
    } else if (kind === 'no') {
      const [id, error] = rest;
      if (!id || !error) throw new Error(`bad line ${line}`);
      run.refused.set(id, error);
      answered(id);
    } else throw new Error(`bad line ${line}`);
  };
  return new Promise((resolve, reject) => {
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      // a line the kill cut short is not an acknowledgement
      pending = lines.pop() ?? '';
      try {
        for (const line of lines) onLine(line);
      } catch (error) {
        reject(error);
      }
      if (!killed && run.acknowledged.size >= ACKS_BEFORE_KILL) {
        killed = true;
        // land the kill at an arbitrary point of a batch, not just after a burst of answers
        setTimeout(() => proc.kill('SIGKILL'), Math.floor(Math.random() * 20));
      }
    });
    // 'close' rather than 'exit': every byte written to the pipe before the kill has been read
    proc.on('close', (code, signal) => {
      run.signal = signal;
      if (!killed) reject(new Error(`child exited by itself (${code ?? signal}): ${stderr}`));
      else resolve(run);
    });
    proc.on('error', reject);
  });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  tempDir = await mkdtemp(join(tmpdir(), 'onefin-ledger-crash-'));
  pgliteDir = tdb.url ? undefined : join(tempDir, 'pgdata');
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.close();
  await tdb?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe('the batched ledger killed with SIGKILL mid-run', { timeout: 180_000 }, () => {
  it('after a restart every acknowledged transfer is there exactly once and the invariants hold', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LEDGER_CRASH_SUBMITTERS: String(SUBMITTERS) };
    delete env.DATABASE_URL;
    delete env.LEDGER_CRASH_PGLITE_DIR;
    if (tdb?.url) env.DATABASE_URL = tdb.url;
    else if (pgliteDir) env.LEDGER_CRASH_PGLITE_DIR = pgliteDir;

    const run = await runAndKill(env);
    expect(run.signal).toBe('SIGKILL');
    expect(run.accounts.length).toBeGreaterThan(1);
    expect(run.acknowledged.size).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    // Restart: PostgreSQL lives on; a PGlite data dir is opened again, now by this process.
    if (pgliteDir) db = await openCrashDatabase({ LEDGER_CRASH_PGLITE_DIR: pgliteDir });
    const database = db ?? tdb;
    if (!database) throw new Error('no database');
    const executor = database.primary;

    const stored = await sql<{ id: string; amount: bigint; entries: string }>`
      SELECT t.id, t.amount, (SELECT count(*) FROM ledger_entries e WHERE e.transfer_id = t.id)::text AS entries
      FROM ledger_transfers t WHERE t.id LIKE 'k-%'`.execute(executor);
    const byId = new Map<string, { amount: bigint; entries: string }[]>();
    for (const row of stored.rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);

    // every acknowledged transfer: present, once, with its amount and both entries
    const missing: string[] = [];
    for (const [id, ack] of run.acknowledged) {
      expect(ack.status, id).toBe('created');
      const rows = byId.get(id) ?? [];
      if (rows.length === 0) missing.push(id);
      else {
        expect(rows, id).toHaveLength(1);
        expect(rows[0]?.amount, id).toBe(ack.amount);
        expect(rows[0]?.entries, id).toBe('2');
      }
    }
    expect(missing, `${missing.length} acknowledged transfers lost`).toEqual([]);
    // no transfer twice, none with other than two entries
    for (const [id, rows] of byId) {
      expect(rows, id).toHaveLength(1);
      expect(rows[0]?.entries, id).toBe('2');
    }
    const orphans = await sql<{ transfer_id: string }>`
      SELECT DISTINCT transfer_id FROM ledger_entries e
      WHERE NOT EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.id = e.transfer_id)`.execute(executor);
    expect(orphans.rows).toEqual([]);
    // a refused transfer (only ever for want of funds) left nothing behind
    for (const [id, error] of run.refused) {
      expect(error, id).toBe('insufficient_funds');
      expect(byId.has(id), id).toBe(false);
    }
    // what is stored but was never answered can only be each submitter's one transfer in flight
    const unanswered = [...byId.keys()].filter((id) => !run.acknowledged.has(id));
    expect(unanswered.length).toBeLessThanOrEqual(SUBMITTERS);
    for (const id of unanswered) {
      const { submitter, n } = sequenceOf(id);
      expect(n, id).toBe((run.lastAnswered.get(submitter) ?? -1) + 1);
    }

    // per currency, debits and credits over all entries net to zero
    const net = await sql<{ currency: string; diff: bigint }>`
      SELECT currency, sum(CASE WHEN side = 'debit' THEN amount ELSE -amount END) AS diff
      FROM ledger_entries GROUP BY currency`.execute(executor);
    expect(net.rows.length).toBeGreaterThan(0);
    for (const row of net.rows) expect(BigInt(row.diff), row.currency).toBe(0n);
    // account totals equal their entries, nothing negative without leave, running balances right
    expect(await brokenInvariants(executor)).toEqual([]);

    // the restarted ledger takes new transfers, and an acknowledged id answers `exists`
    const ledger = crashLedger(database);
    const [clearing, customer] = run.accounts;
    if (!clearing || !customer) throw new Error('no accounts');
    const fresh = await ledger.transfer({
      id: 'after-restart-1',
      debitAccountId: clearing,
      creditAccountId: customer,
      amount: money(777n, CRASH_CURRENCY),
      code: 'topup',
    });
    expect(fresh.ok && fresh.value.status).toBe('created');
    const [ackedId, acked] = [...run.acknowledged][0] ?? [];
    if (!ackedId || !acked) throw new Error('nothing acknowledged');
    const original = await sql<{ debit_account_id: AccountId; credit_account_id: AccountId; code: string }>`
      SELECT debit_account_id, credit_account_id, code FROM ledger_transfers WHERE id = ${ackedId}`.execute(
      executor,
    );
    const first = original.rows[0];
    if (!first) throw new Error(`${ackedId} not stored`);
    const again = await ledger.transfer({
      id: ackedId,
      debitAccountId: first.debit_account_id,
      creditAccountId: first.credit_account_id,
      amount: money(acked.amount, CRASH_CURRENCY),
      code: first.code,
    });
    expect(again.ok && again.value.status).toBe('exists');
    expect(again.ok && again.value.transfer.amount.amount).toBe(acked.amount);
    await ledger.drain();
    expect(await brokenInvariants(executor)).toEqual([]);
    console.info(
      `crash test (${database.engine}): ${run.acknowledged.size} acknowledged, ${run.refused.size} refused, ` +
        `${unanswered.length} committed but unanswered at the kill, ${missing.length} lost`,
    );
  });
});
