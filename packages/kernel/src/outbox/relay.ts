import type { Executor, OutboxTables, StoredEvent } from './outbox.ts';

/**
 * A subscriber handles events at least once; it must be idempotent. Its handler runs in the same
 * transaction that records the delivery, so database side effects happen exactly once.
 */
export interface Subscriber {
  /** Stable name: delivery progress is stored under it. */
  name: string;
  /** Event types it wants; all when omitted. */
  eventTypes?: readonly string[];
  handle(event: StoredEvent, trx: Executor): Promise<void>;
}

export interface RelayLog {
  warn(obj: object, msg: string): void;
}

export interface OutboxRelay {
  /** Delivers what is pending now; returns how many deliveries succeeded. */
  runOnce(): Promise<number>;
}

/**
 * Delivers stored events to subscribers in `seq` order. A failed event blocks the later events of
 * the same aggregate (per-aggregate order) until it succeeds on a later run; other aggregates go on.
 * Run a single relay per database (the worker): two relays would still be at-least-once, but could
 * reorder an aggregate's events.
 */
export function createOutboxRelay(deps: {
  db: Executor;
  log: RelayLog;
  subscribers: readonly Subscriber[];
  batchSize?: number;
}): OutboxRelay {
  const db = deps.db.withTables<OutboxTables>();
  const batchSize = deps.batchSize ?? 200;

  async function pendingFor(sub: Subscriber): Promise<StoredEvent[]> {
    let query = db
      .selectFrom('outbox_events as e')
      .selectAll('e')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outbox_deliveries as d')
              .select('d.event_seq')
              .whereRef('d.event_seq', '=', 'e.seq')
              .where('d.subscriber', '=', sub.name),
          ),
        ),
      )
      .orderBy('e.seq')
      .limit(batchSize);
    if (sub.eventTypes) query = query.where('e.event_type', 'in', [...sub.eventTypes]);
    const rows = await query.execute();
    return rows.map((r) => ({
      seq: BigInt(r.seq),
      aggregateType: r.aggregate_type,
      aggregateId: r.aggregate_id,
      type: r.event_type,
      payload: r.payload,
      occurredAt: r.occurred_at,
    }));
  }

  async function deliver(sub: Subscriber): Promise<number> {
    const blocked = new Set<string>();
    let delivered = 0;
    for (const event of await pendingFor(sub)) {
      const aggregate = `${event.aggregateType}:${event.aggregateId}`;
      if (blocked.has(aggregate)) continue;
      try {
        await deps.db.transaction().execute(async (trx) => {
          await sub.handle(event, trx);
          await trx
            .withTables<OutboxTables>()
            .insertInto('outbox_deliveries')
            .values({ subscriber: sub.name, event_seq: event.seq, delivered_at: new Date() })
            .execute();
        });
        delivered += 1;
      } catch (error) {
        blocked.add(aggregate);
        deps.log.warn(
          { err: error, subscriber: sub.name, seq: event.seq.toString() },
          'outbox delivery failed',
        );
      }
    }
    return delivered;
  }

  return {
    async runOnce() {
      let total = 0;
      for (const sub of deps.subscribers) total += await deliver(sub);
      return total;
    },
  };
}
