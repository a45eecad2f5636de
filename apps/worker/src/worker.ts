import type { Database } from '@onefin/db';
import { createOutboxRelay, type RelayLog, type Subscriber } from '@onefin/kernel';

export interface Worker {
  /** One pass of every job; returns what each did. */
  tick(): Promise<{ outboxDelivered: number }>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/**
 * Runs the background jobs: for now the outbox relay. End-of-day jobs (T+1 confirmation, accrual,
 * aging, warehouse ETL) join as their modules land. Ticks never overlap.
 */
export function createWorker(deps: {
  db: Database;
  log: RelayLog & { error(obj: object, msg: string): void };
  subscribers?: Subscriber[];
}): Worker {
  const relay = createOutboxRelay({
    db: deps.db.primary,
    log: deps.log,
    subscribers: deps.subscribers ?? [],
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => ({ outboxDelivered: await relay.runOnce() });
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
