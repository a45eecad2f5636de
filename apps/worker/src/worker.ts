import type { Database } from '@onefin/db';
import { createOutboxRelay, type RelayLog, type Subscriber } from '@onefin/kernel';
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
export function serviceJobs(services: Pick<Services, 'payments' | 'paymentChannel'>): WorkerJob[] {
  return [
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
