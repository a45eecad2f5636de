import type { Database } from '@onefin/db';
import { createTestDatabase } from '@onefin/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { createEventPublisher, type StoredEvent } from './outbox.ts';
import { createOutboxRelay } from './relay.ts';

let db: Database;
const publisher = createEventPublisher(createManualClock('2026-11-25T02:00:00Z'));
const silent = { warn: () => undefined };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const event = (aggregateId: string, n: number) => ({
  aggregateType: 'order',
  aggregateId,
  type: 'order.changed',
  payload: { n, amount: 12345n },
});

describe('the transactional outbox', () => {
  it('an event exists only if its transaction committed', async () => {
    await expect(
      db.primary.transaction().execute(async (trx) => {
        await publisher.publish(trx, event('rolled-back', 1));
        throw new Error('state change failed');
      }),
    ).rejects.toThrow();
    await db.primary.transaction().execute((trx) => publisher.publish(trx, event('a', 1)));
    const seen: StoredEvent[] = [];
    const relay = createOutboxRelay({
      db: db.primary,
      log: silent,
      subscribers: [{ name: 'probe', handle: async (e) => void seen.push(e) }],
    });
    expect(await relay.runOnce()).toBe(1);
    expect(seen.map((e) => e.aggregateId)).toEqual(['a']);
    expect(seen[0]?.payload).toEqual({ n: 1, amount: '12345' });
  });

  it('delivers at least once, in order per aggregate; a failure holds back only that aggregate', async () => {
    for (const [agg, n] of [
      ['x', 1],
      ['y', 1],
      ['x', 2],
      ['y', 2],
      ['x', 3],
    ] as const) {
      await db.primary.transaction().execute((trx) => publisher.publish(trx, event(agg, n)));
    }
    const seen: string[] = [];
    let failX2 = true;
    const relay = createOutboxRelay({
      db: db.primary,
      log: silent,
      subscribers: [
        {
          name: 'ordered',
          eventTypes: ['order.changed'],
          async handle(e) {
            const { n } = e.payload as { n: number };
            if (e.aggregateId === 'x' && n === 2 && failX2) throw new Error('downstream down');
            seen.push(`${e.aggregateId}${n}`);
          },
        },
      ],
    });
    await relay.runOnce();
    // a1 came from the first test; x3 waits behind the failed x2, y goes on
    expect(seen).toEqual(['a1', 'x1', 'y1', 'y2']);
    failX2 = false;
    await relay.runOnce();
    expect(seen).toEqual(['a1', 'x1', 'y1', 'y2', 'x2', 'x3']);
    expect(await relay.runOnce()).toBe(0);
  });

  it("a handler's database writes commit exactly once with its delivery", async () => {
    await db.primary.transaction().execute((trx) => publisher.publish(trx, event('z', 1)));
    let attempts = 0;
    const relay = createOutboxRelay({
      db: db.primary,
      log: silent,
      subscribers: [
        {
          name: 'projector',
          eventTypes: ['order.changed'],
          async handle(e, trx) {
            attempts += 1;
            await trx
              .withTables<{
                outbox_deliveries: { subscriber: string; event_seq: bigint; delivered_at: Date };
              }>()
              .insertInto('outbox_deliveries')
              .values({ subscriber: `side-effect-${e.seq}`, event_seq: e.seq, delivered_at: new Date() })
              .execute();
            if (attempts === 1) throw new Error('crash after the write');
          },
        },
      ],
    });
    await relay.runOnce();
    await relay.runOnce();
    const effects = await db.primary
      .withTables<{ outbox_deliveries: { subscriber: string } }>()
      .selectFrom('outbox_deliveries')
      .select('subscriber')
      .where('subscriber', 'like', 'side-effect-%')
      .execute();
    // 7 events so far, each applied once; the crashed attempt's write rolled back with it
    expect(effects).toHaveLength(7);
  });
});
