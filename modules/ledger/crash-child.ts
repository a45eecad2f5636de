/**
 * The process crash.test.ts kills: opens the database named in its environment, sets up accounts,
 * then submits transfers from many concurrent submitters as fast as it can until it is killed.
 *
 * Environment: `DATABASE_URL` (PostgreSQL) or `LEDGER_CRASH_PGLITE_DIR` (a PGlite data dir, migrated
 * here); `LEDGER_CRASH_SUBMITTERS` (default 32).
 *
 * Stdout, one line each (a write to a pipe is synchronous on Linux, so a line the parent reads was
 * written before the kill):
 * - `ready <accountId> …` once the accounts exist and are funded;
 * - `ok <id> <status> <amount>` after `transfer()` resolved ok: the transfer was acknowledged;
 * - `no <id> <error>` after it was refused.
 * A submitter sends its next transfer (ids `k-<submitter>-<n>`, n = 0, 1, …) only after the previous
 * one was answered and its line written.
 */
import { createDatabase, type Database, migrateToLatest } from '@onefin/db';
import { type CurrencyCode, money, systemClock } from '@onefin/kernel';
import { allMigrations } from '@onefin/platform';
import { type Account, createLedgerService, type LedgerService, type TransferRequest } from './index.ts';

export const CRASH_CURRENCY: CurrencyCode = 'CNY';
export const CRASH_CUSTOMERS = 16;
/** What each customer account is funded with before the run. */
export const CRASH_FUNDING = 1_000_000n;

/** The customer owning crash account `i`. */
export function crashCustomerId(i: number): string {
  return `crash-cus-${i}`;
}

/** Opens the database from the environment, migrating a PGlite data dir on first use. */
export async function openCrashDatabase(env: NodeJS.ProcessEnv): Promise<Database> {
  const dataDir = env.LEDGER_CRASH_PGLITE_DIR;
  if (dataDir) {
    const db = await createDatabase({ engine: 'pglite', dataDir });
    await migrateToLatest(db.primary, allMigrations);
    return db;
  }
  const url = env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL or LEDGER_CRASH_PGLITE_DIR');
  return createDatabase({ engine: 'postgres', url, poolSize: 4 });
}

/** The ledger as production wires it: batched, 2 writers on PostgreSQL, 1 on PGlite. */
export function crashLedger(db: Database): LedgerService {
  return createLedgerService({
    db: db.primary,
    clock: systemClock,
    engine: { kind: 'batched', writers: db.engine === 'postgres' ? 2 : 1 },
  });
}

/** Internal clearing plus funded customer accounts; safe to run again (fixed funding ids). */
async function setUp(ledger: LedgerService): Promise<{ clearing: Account; customers: Account[] }> {
  const internal = await ledger.ensureInternalAccounts(CRASH_CURRENCY);
  const customers: Account[] = [];
  for (let i = 0; i < CRASH_CUSTOMERS; i += 1) {
    const account = await ledger.openCustomerCashAccount(crashCustomerId(i), CRASH_CURRENCY);
    const funded = await ledger.transfer({
      id: `crash-fund-${i}`,
      debitAccountId: internal.channelClearing.id,
      creditAccountId: account.id,
      amount: money(CRASH_FUNDING, CRASH_CURRENCY),
      code: 'topup',
    });
    if (!funded.ok) throw new Error(`funding ${account.id}: ${funded.error}`);
    customers.push(account);
  }
  return { clearing: internal.channelClearing, customers };
}

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('nothing to pick');
  return item;
}

/** Mostly transfers among three hot accounts, some top-ups and withdrawals; some refused for funds. */
function nextRequest(id: string, clearing: Account, customers: readonly Account[]): TransferRequest {
  const r = Math.random();
  const n = (k: number): number => Math.floor(Math.random() * k);
  let debit: Account;
  let credit: Account;
  if (r < 0.1) {
    debit = clearing;
    credit = pick(customers, n(customers.length));
  } else if (r < 0.2) {
    debit = pick(customers, n(customers.length));
    credit = clearing;
  } else {
    const hot = r < 0.8;
    const size = hot ? 3 : customers.length;
    const from = n(size);
    debit = pick(customers, from);
    credit = pick(customers, from + 1 + n(size - 1));
  }
  return {
    id,
    debitAccountId: debit.id,
    creditAccountId: credit.id,
    amount: money(BigInt(1 + n(40_000)), CRASH_CURRENCY),
    code: 'crash_test',
  };
}

async function main(): Promise<void> {
  const submitters = Number(process.env.LEDGER_CRASH_SUBMITTERS ?? '32');
  const db = await openCrashDatabase(process.env);
  const ledger = crashLedger(db);
  const { clearing, customers } = await setUp(ledger);
  process.stdout.write(`ready ${[clearing, ...customers].map((a) => a.id).join(' ')}\n`);
  await Promise.all(
    Array.from({ length: submitters }, async (_, s) => {
      for (let i = 0; ; i += 1) {
        const request = nextRequest(`k-${s}-${i}`, clearing, customers);
        const result = await ledger.transfer(request);
        process.stdout.write(
          result.ok
            ? `ok ${request.id} ${result.value.status} ${result.value.transfer.amount.amount}\n`
            : `no ${request.id} ${result.error}\n`,
        );
      }
    }),
  );
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `crash-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
