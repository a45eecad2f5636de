import { performance } from 'node:perf_hooks';
import { answersForLevel } from '@onefin/customers';
import { createManualClock, money } from '@onefin/kernel';
import type { AccountId } from '@onefin/ledger';
import { composeServices, type Services } from '@onefin/platform';
import { residentId } from '../modules/customers/testing.ts';
import { sampleFund } from '../modules/products/testing.ts';
import { durationSeconds, openBenchDatabase, percentile, profilePhase, round } from './support.ts';

/**
 * Investment orders under closed-loop load on PostgreSQL (issue 6): 64 clients place fund
 * subscriptions through the order service (suitability, order row, hold on the customer's cash)
 * for BENCH_DURATION_S seconds, against the bare ledger hold the same clients submit first (the
 * baseline: what the order path adds to the money movement). Then the book is filled to 100,000
 * pending orders and the end-of-day job confirms them all at T+1, timed, and reconciled.
 */
const CLIENTS = 64;
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const EOD_ORDERS = Number(process.env.BENCH_EOD_ORDERS ?? 100_000);
const POOL = Number(process.env.BENCH_POOL ?? 16);
/** Monday 2026-03-02, 10:00 in Shanghai: a trading day before the cut-off. */
const TRADE_DAY = '2026-03-02T02:00:00Z';
const FUNDING = 1_000_000_000n;

function log(message: string): void {
  console.error(`[orders bench] ${message}`);
}

async function setUp(services: Services): Promise<{ customers: string[]; productId: string }> {
  const loaded = await services.products.bulkLoadProducts([{ input: sampleFund('110011') }]);
  if (!loaded.ok) throw new Error(loaded.detail);
  await services.products.bulkLoadNavs([
    {
      fundCode: '110011',
      date: '2026-03-02',
      nav: '1.2345',
      accNav: '1.2345',
      per10kIncome: null,
      yield7d: null,
    },
  ]);
  const questionnaire = await services.customers.currentQuestionnaire('individual');
  const answers = answersForLevel(questionnaire, 'C4', () => 0);
  const customers: string[] = [];
  for (let start = 0; start < CUSTOMERS; start += 1000) {
    const records = Array.from({ length: Math.min(1000, CUSTOMERS - start) }, (_, i) => {
      const n = start + i;
      return {
        name: `压测客户${n}`,
        // Distinct and valid: region from the thousands, sequence from the rest.
        idNumber: residentId(
          '19800101',
          String(n % 1000).padStart(3, '0'),
          String(110101 + Math.floor(n / 1000)),
        ),
        mobile: `139${String(n).padStart(8, '0')}`,
        isRealNameVerified: true,
      };
    });
    const created = await services.customers.createIndividualsBulk(records);
    await services.customers.recordAssessmentsBulk(created.map((c) => ({ customerId: c.id, answers })));
    customers.push(...created.map((c) => c.id));
  }
  const internal = await services.ledger.ensureInternalAccounts('CNY');
  await Promise.all(
    customers.map(async (id) => {
      const cash = await services.ledger.openCustomerCashAccount(id, 'CNY');
      const funded = await services.ledger.transfer({
        id: `fund-${id}`,
        debitAccountId: internal.channelClearing.id,
        creditAccountId: cash.id,
        amount: money(FUNDING),
        code: 'bench_fund',
      });
      if (!funded.ok) throw new Error(`funding ${id}: ${funded.error}`);
    }),
  );
  return { customers, productId: loaded.value.ids[0] as string };
}

interface Loop {
  count: number;
  errors: number;
  latencies: number[];
}

/** `CLIENTS` loops, each awaiting its call before the next, until `until()` says stop. */
async function closedLoop(
  call: (client: number, n: number) => Promise<boolean>,
  until: () => boolean,
): Promise<Loop> {
  const loop: Loop = { count: 0, errors: 0, latencies: [] };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; !until(); n++) {
        const started = performance.now();
        const ok = await call(client, n);
        loop.latencies.push(performance.now() - started);
        if (ok) loop.count++;
        else loop.errors++;
      }
    }),
  );
  return loop;
}

function figures(loop: Loop, seconds: number) {
  const sorted = Float64Array.from(loop.latencies).sort();
  return {
    per_s: Math.round(loop.count / seconds),
    errors: loop.errors,
    p50_ms: round(percentile(sorted, 0.5), 2),
    p99_ms: round(percentile(sorted, 0.99), 2),
  };
}

/** BENCH_PROFILE=1: how long the order path's calls into other modules take under the load. */
function profileCalls(services: Services): () => void {
  const timings: Record<string, number[]> = {};
  const wrap = <T extends object>(target: T, name: keyof T & string, label: string) => {
    const original = target[name] as unknown as (...args: unknown[]) => Promise<unknown>;
    (target as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original.apply(target, args);
      } finally {
        const list = timings[label] ?? [];
        list.push(performance.now() - started);
        timings[label] = list;
      }
    };
  };
  wrap(services.products, 'catalogueProduct', 'products.catalogueProduct');
  wrap(services.products, 'suitabilityFor', 'products.suitabilityFor');
  wrap(services.ledger, 'transfer', 'ledger.transfer');
  wrap(services.ledger, 'transferGroupsIn', 'ledger.transferGroupsIn');
  wrap(services.ledger, 'openCustomerCashAccount', 'ledger.openCustomerCashAccount');
  wrap(services.products, 'tradingCalendar', 'products.tradingCalendar');
  wrap(services.investing, 'subscribe', 'investing.subscribe');
  return () => {
    for (const [label, values] of Object.entries(timings)) {
      const sorted = Float64Array.from(values).sort();
      log(
        `${label}: n ${values.length}, p50 ${round(percentile(sorted, 0.5), 1)} ms, p99 ${round(percentile(sorted, 0.99), 1)} ms`,
      );
    }
  };
}

export async function runOrdersBench(): Promise<Record<string, unknown>> {
  const durationS = durationSeconds();
  const { db, drop } = await openBenchDatabase('postgres', 'orders', POOL);
  try {
    const clock = createManualClock(TRADE_DAY);
    const services = composeServices({
      db,
      secrets: {
        piiKey: Buffer.alloc(32, 7),
        piiHashKey: Buffer.alloc(32, 8),
        csrfSecret: Buffer.alloc(32, 9),
      },
      clock,
      ...(process.env.BENCH_ORDER_WRITERS
        ? { investing: { writers: Number(process.env.BENCH_ORDER_WRITERS) } }
        : {}),
    });
    const setupStarted = performance.now();
    const { customers, productId } = await setUp(services);
    log(`${customers.length} investors funded in ${Math.round(performance.now() - setupStarted)} ms`);
    const internal = await services.ledger.ensureInternalAccounts('CNY');
    const cash: AccountId[] = [];
    for (const id of customers) cash.push((await services.ledger.openCustomerCashAccount(id, 'CNY')).id);
    const pick = (client: number, n: number) => (client * 7919 + n * 104_729) % customers.length;

    const timed = async (call: (client: number, n: number) => Promise<boolean>) => {
      const end = performance.now() + durationS * 1000;
      const started = performance.now();
      const loop = await closedLoop(call, () => performance.now() >= end);
      return figures(loop, (performance.now() - started) / 1000);
    };
    const baseline = await timed(async (client, n) => {
      const i = pick(client, n);
      const held = await services.ledger.transfer({
        id: `base-${client}-${n}`,
        debitAccountId: cash[i] as AccountId,
        // Held against suspense, not subscription clearing: the reconciliation afterwards counts orders' holds only.
        creditAccountId: internal.suspense.id,
        amount: money(10_000n),
        code: 'bench_hold',
        hold: { expiresAt: new Date(Date.parse(TRADE_DAY) + 30 * 86_400_000) },
      });
      return held.ok;
    });
    log(`baseline (ledger holds): ${JSON.stringify(baseline)}`);
    let placed = 0;
    const subscribe = async (client: number, n: number) => {
      const result = await services.investing.subscribe({
        customerId: customers[pick(client, n)] as string,
        productId,
        channel: 'app',
        idempotencyKey: `o-${client}-${n}`,
        amount: money(10_000n),
      });
      if (result.ok) placed++;
      return result.ok;
    };
    const profile = process.env.BENCH_PROFILE ? profileCalls(services) : undefined;
    const stopProfile = await profilePhase('orders');
    const orders = await timed(subscribe);
    await stopProfile();
    profile?.();
    log(`orders: ${JSON.stringify(orders)}`);
    const fillStarted = performance.now();
    const offset = 1_000_000;
    await closedLoop(
      (client, n) => subscribe(client, n + offset),
      () => placed >= EOD_ORDERS,
    );
    log(`filled to ${placed} pending orders in ${Math.round(performance.now() - fillStarted)} ms`);

    clock.set('2026-03-03T01:00:00Z');
    const eodStarted = performance.now();
    const run = await services.investing.runEndOfDay('2026-03-02');
    const eodS = (performance.now() - eodStarted) / 1000;
    const breaks = run.report.reconciliation?.breaks ?? [];
    log(
      `end of day: ${run.report.subscriptions?.confirmed} confirmed in ${eodS.toFixed(1)} s; breaks ${JSON.stringify(breaks)}`,
    );
    return {
      bench: 'orders',
      orders_per_s: orders.per_s,
      p99_ms: orders.p99_ms,
      eod_100k_s: round(eodS * (100_000 / Math.max(1, run.report.subscriptions?.confirmed ?? 1)), 1),
      eod_orders: run.report.subscriptions?.confirmed ?? 0,
      eod_s: round(eodS, 1),
      baseline_holds_per_s: baseline.per_s,
      orders_vs_holds: baseline.per_s > 0 ? round(orders.per_s / baseline.per_s, 2) : null,
      p50_ms: orders.p50_ms,
      errors: orders.errors,
      reconciliation_breaks: breaks.length,
      clients: CLIENTS,
      duration_s: durationS,
    };
  } finally {
    await drop();
  }
}
