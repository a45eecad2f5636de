import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { createManualClock, HttpProblem } from '@onefin/kernel';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TestClient } from '../../../test/client.ts';
import { type App, createHttpApp } from '../index.ts';
import { createIdempotencyKeys, requestFingerprint } from './idempotency.ts';
import { strictBody } from './zod.ts';

let db: TestDatabase;
let app: App;
const clock = createManualClock('2026-03-02T02:00:00Z');
/** Every order the handler really placed: what a replay must never add to. */
const placed: string[] = [];
/** Lets a test hold the first request in the middle of its work. */
let gate: Promise<void> | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await createHttpApp({
    name: 'portal',
    title: 'idempotency test',
    logLevel: 'silent',
    readiness: [db.primary],
    csrfSecret: Buffer.alloc(32, 1),
    secureCookies: false,
  });
  const keys = createIdempotencyKeys({ db: db.primary, clock, inFlightTimeoutMs: 60_000 });
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/api/v1/orders',
      { schema: { body: strictBody({ item: z.string(), customer: z.string() }) } },
      async (request, reply) =>
        keys.run(request, reply, `test:${request.body.customer}`, async () => {
          if (gate) await gate;
          if (request.body.item === 'sold-out') throw new HttpProblem(409, 'sold_out', 'Sold out');
          if (request.body.item === 'boom') throw new Error('database went away');
          placed.push(request.body.item);
          return { status: 201, body: { order: placed.length, item: request.body.item } };
        }),
    );
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const client = () => new TestClient(app);
const order = (c: TestClient, body: unknown, key?: string) =>
  c.request('POST', '/api/v1/orders', { body, headers: key === undefined ? {} : { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  it('answers a replay with the first response and does the work once', async () => {
    const c = client();
    const first = await order(c, { item: 'fund', customer: 'a' }, 'k-1');
    expect(first.statusCode).toBe(201);
    // The same body with its keys in another order is the same request.
    const again = await c.request('POST', '/api/v1/orders', {
      rawBody: '{"customer":"a","item":"fund"}',
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(placed).toEqual(['fund']);
  });

  it('refuses the same key with a different body with 422, doing nothing', async () => {
    const res = await order(client(), { item: 'bond', customer: 'a' }, 'k-1');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(placed).toEqual(['fund']);
  });

  it('keeps scopes apart: another customer may use the same key', async () => {
    const res = await order(client(), { item: 'fund', customer: 'b' }, 'k-1');
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(placed).toEqual(['fund', 'fund']);
  });

  it('needs a key, and a sane one', async () => {
    const missing = await order(client(), { item: 'x', customer: 'a' });
    expect(missing.json()).toMatchObject({ status: 400, code: 'idempotency_key_missing' });
    const bad = await order(client(), { item: 'x', customer: 'a' }, 'k'.repeat(256));
    expect(bad.json()).toMatchObject({ status: 400, code: 'idempotency_key_invalid' });
    expect(placed).toHaveLength(2);
  });

  it('answers 409 while the first request is still running, then replays its answer', async () => {
    let release = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    const c = client();
    await c.csrf();
    const first = order(c, { item: 'slow', customer: 'a' }, 'k-2');
    await new Promise((r) => setTimeout(r, 50));
    const second = await order(c, { item: 'slow', customer: 'a' }, 'k-2');
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'idempotency_key_in_flight' });
    gate = undefined;
    release();
    expect((await first).statusCode).toBe(201);
    const third = await order(c, { item: 'slow', customer: 'a' }, 'k-2');
    expect(third.json()).toEqual((await first).json());
    expect(placed.filter((i) => i === 'slow')).toHaveLength(1);
  });

  it('replays a refusal too, but lets a retry run again after a server error', async () => {
    const refused = await order(client(), { item: 'sold-out', customer: 'a' }, 'k-3');
    const replay = await order(client(), { item: 'sold-out', customer: 'a' }, 'k-3');
    expect([refused.statusCode, replay.statusCode]).toEqual([409, 409]);
    expect(replay.headers['content-type']).toContain('application/problem+json');
    expect(replay.json()).toEqual(refused.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const broken = await order(client(), { item: 'boom', customer: 'a' }, 'k-4');
    expect(broken.statusCode).toBe(500);
    const retry = await order(client(), { item: 'boom', customer: 'a' }, 'k-4');
    expect(retry.statusCode).toBe(500);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets a retry take over a key whose process died mid-request, once the timeout passed', async () => {
    // The state a kill -9 leaves: the key reserved for this very request, never answered.
    await db.primary
      .withTables<{
        http_idempotency_keys: {
          scope: string;
          key: string;
          fingerprint: string;
          status: string;
          created_at: Date;
        };
      }>()
      .insertInto('http_idempotency_keys')
      .values({
        scope: 'test:a',
        key: 'k-5',
        fingerprint: requestFingerprint('POST', '/api/v1/orders', { item: 'lost', customer: 'a' }),
        status: 'in_flight',
        created_at: clock.now(),
      })
      .execute();
    const early = await order(client(), { item: 'lost', customer: 'a' }, 'k-5');
    expect(early.statusCode).toBe(409);
    clock.advance(61_000);
    const late = await order(client(), { item: 'lost', customer: 'a' }, 'k-5');
    expect(late.statusCode).toBe(201);
    expect(placed.filter((i) => i === 'lost')).toHaveLength(1);
  });
});
