import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.ts';

/** The outbox tables; owned by the kernel, written only through this file and the relay. */
export type OutboxTables = {
  outbox_events: {
    seq: Generated<bigint>;
    aggregate_type: string;
    aggregate_id: string;
    event_type: string;
    payload: unknown;
    occurred_at: Date;
  };
  outbox_deliveries: {
    subscriber: string;
    event_seq: bigint;
    delivered_at: Date;
  };
};
type Generated<T> = import('kysely').Generated<T>;

/** A domain event as modules publish it. */
export interface DomainEvent<P = unknown> {
  aggregateType: string;
  aggregateId: string;
  type: string;
  payload: P;
}

/** A stored event as subscribers receive it. */
export interface StoredEvent<P = unknown> extends DomainEvent<P> {
  seq: bigint;
  occurredAt: Date;
}

/**
 * Something that runs queries: a Kysely instance or an open transaction, typed with no tables.
 * Code passes this base type across module boundaries and narrows it to its own tables with
 * `withTables<MyTables>()`, so no module ever sees another module's schema.
 */
// biome-ignore lint/complexity/noBannedTypes: the empty schema is the point
export type Executor = Kysely<{}>;

/**
 * Publishes events in the caller's transaction, so an event exists if and only if the state change
 * that caused it committed.
 */
export interface EventPublisher {
  publish(trx: Executor, event: DomainEvent): Promise<void>;
}

export function createEventPublisher(clock: Clock): EventPublisher {
  return {
    async publish(trx, event) {
      // payloads are JSON; bigint money travels as strings
      const payload = JSON.stringify(event.payload, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
      await trx
        .withTables<OutboxTables>()
        .insertInto('outbox_events')
        .values({
          aggregate_type: event.aggregateType,
          aggregate_id: event.aggregateId,
          event_type: event.type,
          payload: sql`${payload}::jsonb`,
          occurred_at: clock.now(),
        })
        .execute();
    },
  };
}
