import type { Database } from '@onefin/db';
import { businessDateOf, createOutboxRelay, type RelayLog, type Subscriber } from '@onefin/kernel';
import type { Services } from '@onefin/platform';

/** A background job the worker runs on every tick; what it returns is reported by `tick()`. */
export interface WorkerJob {
  name: string;
  run(): Promise<unknown>;
}

export interface Worker {
  /** One pass of every job; returns what each did. */
  tick(): Promise<{ outboxDelivered: number; jobs: Record<string, unknown> }>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/** The jobs the modules' services need run in the background. */
export function serviceJobs(
  services: Pick<Services, 'clock' | 'ledger' | 'payments' | 'paymentChannel' | 'investing'>,
): WorkerJob[] {
  let snapshotted: string | undefined;
  let settled: string | undefined;
  return [
    // Reserved money comes back to the customer when a hold lapses unposted.
    { name: 'ledger.expireHolds', run: () => services.ledger.expireHolds() },
    {
      // Once per business date, after it ended: every account's day-end balance for the warehouse.
      // Rerun after each restart, which rewrites the same rows.
      name: 'ledger.endOfDay',
      run: async () => {
        const yesterday = previousBusinessDate(services.clock.now());
        if (snapshotted === yesterday) return { date: yesterday, accounts: 0 };
        const accounts = await services.ledger.snapshotDailyBalances(yesterday);
        snapshotted = yesterday;
        return { date: yesterday, accounts };
      },
    },
    {
      // T+1: confirms the orders of the last trade date (and anything older still open), pays
      // maturities, accrues money-market income and reconciles with the ledger. A completed date
      // is not run again; an incomplete one (a NAV not imported yet) is retried on later ticks.
      name: 'investing.endOfDay',
      run: async () => {
        const tradeDate = await services.investing.settleableTradeDate();
        if (settled === tradeDate) return { tradeDate, status: 'completed' };
        const run = await services.investing.runEndOfDay(tradeDate);
        if (run.status === 'completed') settled = tradeDate;
        return { tradeDate, status: run.status, breaks: run.report.reconciliation?.breaks.length ?? 0 };
      },
    },
    // Regular investment plans due today (a trading day) are placed, or skipped with a notice.
    { name: 'investing.plans', run: () => services.investing.runDuePlans() },
    // Purchases a crash left between the order and its hold are finished.
    { name: 'investing.resume', run: () => services.investing.resumeSubmitted() },
    {
      // The simulated bank completes due payouts; then payments books every answer and finishes
      // anything a crash left half-done (top-ups between bank and ledger, payouts never sent).
      name: 'payments.settle',
      run: async () => ({
        bankSettled: await services.paymentChannel.settle(),
        topUpsResumed: await services.payments.resumeTopUps(),
        withdrawals: await services.payments.settleWithdrawals(),
      }),
    },
  ];
}

/** The Shanghai business date before the one `now` falls on. */
export function previousBusinessDate(now: Date): string {
  const startOfToday = new Date(`${businessDateOf(now)}T00:00:00+08:00`);
  return businessDateOf(new Date(startOfToday.getTime() - 1));
}

/**
 * Runs the background jobs: the outbox relay and the modules' jobs. End-of-day jobs (T+1
 * confirmation, accrual, aging, warehouse ETL) join as their modules land. Ticks never overlap;
 * a failing job is logged and does not stop the others.
 */
export function createWorker(deps: {
  db: Database;
  log: RelayLog & { error(obj: object, msg: string): void };
  subscribers?: Subscriber[];
  jobs?: WorkerJob[];
}): Worker {
  const relay = createOutboxRelay({
    db: deps.db.primary,
    log: deps.log,
    subscribers: deps.subscribers ?? [],
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    const outboxDelivered = await relay.runOnce();
    const jobs: Record<string, unknown> = {};
    for (const job of deps.jobs ?? []) {
      try {
        jobs[job.name] = await job.run();
      } catch (error) {
        deps.log.error({ err: error, job: job.name }, 'worker job failed');
        jobs[job.name] = { error: String(error) };
      }
    }
    return { outboxDelivered, jobs };
  };
  return {
    tick,
    start(intervalMs = 1000) {
      const loop = () => {
        running = tick()
          .catch((error: unknown) => deps.log.error({ err: error }, 'worker tick failed'))
          .finally(() => {
            if (timer) timer = setTimeout(loop, intervalMs);
          });
      };
      timer = setTimeout(loop, intervalMs);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
