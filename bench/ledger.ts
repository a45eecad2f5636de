import { performance } from 'node:perf_hooks';
import type { Database } from '@onefin/db';
import { money, newId, systemClock } from '@onefin/kernel';
import {
  type AccountId,
  CHART,
  createLedgerService,
  type LedgerEngineOption,
  type LedgerService,
  type TransferRequest,
} from '@onefin/ledger';
import { sql } from 'kysely';
import { brokenInvariants } from '../modules/ledger/testing.ts';
import {
  durationSeconds,
  type EngineName,
  openBenchDatabase,
  percentile,
  profilePhase,
  round,
} from './support.ts';

/**
 * The ledger's transfer engines under closed-loop load (DESIGN.md "Ledger"; issue 4). For each
 * database engine (PostgreSQL at 127.0.0.1:5432 or TEST_DATABASE_URL's server, in a throw-away
 * database; PGlite in a fresh on-disk data dir) and each load (`uniform`: random pairs among
 * 10,000 customer accounts; `hot`: 90% of transfers between 10 hot accounts), it runs the
 * one-transaction-per-transfer baseline and then the batched engine, each with 64 submitters that
 * await their transfer before submitting the next, for BENCH_DURATION_S seconds after a warm-up.
 * Every acknowledged transfer is checked against the database afterwards.
 */
const SUBMITTERS = 64;
/** Baseline connections: one transaction per transfer wants connections; the batched engine uses `writers`. */
const BASELINE_POOL = 16;
const CUSTOMERS = 10_000;
const HOT_ACCOUNTS = 10;
const HOT_SHARE = 0.9;
/** Each customer's opening balance; transfers move 0.01–1.00, so no account runs dry. */
const FUNDING = 1_000_000_000n;
const MAX_AMOUNT = 100;

type Load = 'uniform' | 'hot';

interface RunFigures {
  tps: number;
  transfers: number;
  errors: number;
  p50_ms: number;
  p99_ms: number;
}

interface Fixture {
  db: Database;
  source: AccountId;
  customers: AccountId[];
}

function log(message: string): void {
  console.error(`[ledger bench] ${message}`);
}

function enginesToRun(): EngineName[] {
  const wanted = (process.env.BENCH_ENGINES ?? 'postgres,pglite')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of wanted) {
    if (e !== 'postgres' && e !== 'pglite') throw new Error(`BENCH_ENGINES: unknown engine ${e}`);
  }
  return wanted as EngineName[];
}

/**
 * 10,000 customer cash accounts, inserted set-wise (opening them one by one through the service
 * would take longer than the measurement), each funded with one transfer from the channel
 * clearing account, which may go negative.
 */
async function setUp(db: Database, ledger: LedgerService): Promise<Fixture> {
  const internal = await ledger.ensureInternalAccounts('CNY');
  const spec = CHART.customerCash;
  const ids = Array.from({ length: CUSTOMERS }, () => newId('acc'));
  const owners = ids.map((_, i) => `cus_bench${String(i).padStart(5, '0')}`);
  await sql`
    INSERT INTO ledger_accounts (id, code, name_zh, name_en, class, owner_type, owner_id, currency,
      allow_negative, frozen, closed, posted_debits, posted_credits, version, created_at)
    SELECT u.id, ${spec.code}, ${spec.nameZh}, ${spec.nameEn}, ${spec.class}, 'customer', u.owner, 'CNY',
      ${spec.allowNegative}, false, false, 0, 0, 0, now()
    FROM unnest(${ids}::text[], ${owners}::text[]) AS u(id, owner)`.execute(db.primary);
  const source = internal.channelClearing.id;
  const customers = ids as AccountId[];
  const funded = await Promise.all(
    customers.map((id) =>
      ledger.transfer({
        id: `fund-${id}`,
        debitAccountId: source,
        creditAccountId: id,
        amount: money(FUNDING),
        code: 'bench_fund',
      }),
    ),
  );
  const refused = funded.filter((r) => !r.ok).length;
  if (refused > 0) throw new Error(`funding: ${refused} transfers refused`);
  return { db, source, customers };
}

/** A pseudo-random generator (xorshift32): cheap enough not to show up next to the engine. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4_294_967_296;
  };
}

function pairPicker(load: Load, customers: AccountId[], random: () => number): () => [AccountId, AccountId] {
  const pick = (n: number) => Math.floor(random() * n);
  return () => {
    const n = load === 'hot' && random() < HOT_SHARE ? HOT_ACCOUNTS : customers.length;
    const from = pick(n);
    const to = (from + 1 + pick(n - 1)) % n;
    return [customers[from] as AccountId, customers[to] as AccountId];
  };
}

/**
 * Runs one engine closed-loop: a warm-up, then `durationS` seconds measured. Throughput counts the
 * transfers answered inside the measured window; latency is submit → resolve for those. After the
 * window the submitters stop, the in-flight transfers finish, and the database must hold exactly
 * the transfers that were acknowledged ok.
 */
async function runClosedLoop(
  fx: Fixture,
  option: LedgerEngineOption,
  load: Load,
  label: string,
  durationS: number,
): Promise<RunFigures> {
  const ledger = createLedgerService({ db: fx.db.primary, clock: systemClock, engine: option });
  const code = `bench_${label}`;
  const warmUpMs = Math.min(2_000, Math.max(500, durationS * 200));
  const start = performance.now();
  const measureFrom = start + warmUpMs;
  const measureTo = measureFrom + durationS * 1_000;
  let acknowledged = 0;
  let measured = 0;
  let errors = 0;
  let firstError: unknown;
  const latencies: number[] = [];
  let seq = 0;
  await Promise.all(
    Array.from({ length: SUBMITTERS }, async (_, worker) => {
      const random = rng(0x9e3779b9 ^ (worker * 7919 + label.length));
      const nextPair = pairPicker(load, fx.customers, random);
      while (performance.now() < measureTo) {
        const [debitAccountId, creditAccountId] = nextPair();
        const request: TransferRequest = {
          id: `${label}-${seq++}`,
          debitAccountId,
          creditAccountId,
          amount: money(BigInt(1 + Math.floor(random() * MAX_AMOUNT))),
          code,
        };
        const submitted = performance.now();
        let ok = false;
        try {
          const r = await ledger.transfer(request);
          ok = r.ok && r.value.status === 'created';
          if (!ok) firstError ??= r.ok ? `unexpected ${r.value.status}` : r.error;
        } catch (error) {
          firstError ??= error;
        }
        const done = performance.now();
        if (ok) acknowledged += 1;
        else errors += 1;
        if (done >= measureFrom && done < measureTo) {
          if (ok) measured += 1;
          latencies.push(done - submitted);
        }
      }
    }),
  );
  await ledger.drain();
  if (firstError !== undefined) log(`${label}: ${errors} errors, first: ${String(firstError)}`);

  // Exactly the acknowledged transfers are in the database, and the books balance.
  const counted = await sql<{ n: string }>`
    SELECT count(*)::text AS n FROM ledger_transfers WHERE code = ${code}`.execute(fx.db.primary);
  const inDb = Number(counted.rows[0]?.n);
  if (inDb !== acknowledged) {
    throw new Error(`${label}: ${acknowledged} transfers acknowledged but ${inDb} in the database`);
  }
  const unbalanced = (await ledger.trialBalance()).filter((l) => !l.isBalanced);
  if (unbalanced.length > 0) {
    throw new Error(
      `${label}: trial balance off: ${unbalanced.map((l) => `${l.currency} ${l.difference.amount}`).join(', ')}`,
    );
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    tps: Math.round(measured / durationS),
    transfers: acknowledged,
    errors,
    p50_ms: round(percentile(sorted, 0.5), 2),
    p99_ms: round(percentile(sorted, 0.99), 2),
  };
}

async function benchEngine(engine: EngineName, durationS: number): Promise<Array<Record<string, unknown>>> {
  const lines: Array<Record<string, unknown>> = [];
  log(`${engine}: opening a fresh database`);
  const { db, drop } = await openBenchDatabase(engine, 'ledger', BASELINE_POOL);
  try {
    const writers = engine === 'postgres' ? 2 : 1;
    const batched: LedgerEngineOption = { kind: 'batched', writers };
    const setupStarted = performance.now();
    const fx = await setUp(db, createLedgerService({ db: db.primary, clock: systemClock, engine: batched }));
    log(`${engine}: ${CUSTOMERS} accounts funded in ${Math.round(performance.now() - setupStarted)} ms`);
    const uniformTps: Record<Load, number> = { uniform: 0, hot: 0 };
    for (const load of ['uniform', 'hot'] as const) {
      log(`${engine}/${load}: baseline, ${SUBMITTERS} submitters, ${durationS} s`);
      const base = await runClosedLoop(fx, { kind: 'baseline' }, load, `${engine}-${load}-base`, durationS);
      log(`${engine}/${load}: baseline ${base.tps}/s p99 ${base.p99_ms} ms; batched (${writers} writers)`);
      // BENCH_CPUPROFILE=dir: a CPU profile of the batched run, where the engine's own time shows
      const stopProfile = await profilePhase(`${engine}-${load}-batch`);
      const fast = await runClosedLoop(fx, batched, load, `${engine}-${load}-batch`, durationS);
      await stopProfile();
      log(`${engine}/${load}: batched ${fast.tps}/s p50 ${fast.p50_ms} ms p99 ${fast.p99_ms} ms`);
      uniformTps[load] = fast.tps;
      lines.push({
        bench: 'ledger',
        engine,
        load,
        baseline_tps: base.tps,
        batched_tps: fast.tps,
        ratio: base.tps > 0 ? round(fast.tps / base.tps, 2) : null,
        p50_ms: fast.p50_ms,
        p99_ms: fast.p99_ms,
        transfers: base.transfers + fast.transfers,
        errors: base.errors + fast.errors,
      });
    }
    const broken = await brokenInvariants(db.primary);
    if (broken.length > 0) throw new Error(`${engine}: invariants broken: ${broken.slice(0, 5).join('; ')}`);
    lines.push({
      bench: 'ledger',
      engine,
      hot_vs_uniform: uniformTps.uniform > 0 ? round(uniformTps.hot / uniformTps.uniform, 2) : null,
    });
  } finally {
    await drop();
  }
  return lines;
}

export async function runLedgerBench(): Promise<Array<Record<string, unknown>>> {
  const durationS = durationSeconds();
  const lines: Array<Record<string, unknown>> = [];
  for (const engine of enginesToRun()) lines.push(...(await benchEngine(engine, durationS)));
  return lines;
}
