import { createHash } from 'node:crypto';
import { type Clock, type Executor, HttpProblem, PROBLEM_CONTENT_TYPE } from '@onefin/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What a handler answers; stored and replayed verbatim for the same key. */
export interface IdempotentResponse {
  status: number;
  body: unknown;
}

/** `Idempotency-Key` handling for POSTs that move money or create orders (DESIGN.md, API). */
export interface IdempotencyKeys {
  /**
   * Runs `handle` at most once per (scope, Idempotency-Key) and sends its answer. A replay with the
   * same request gets the first answer (header `idempotent-replayed: true`); the same key with a
   * different method, path or body is a 422; while the first is still running, a 409. A missing key
   * is a 400. Answers below 500 (problems included) are kept; a 500 or a crash releases the key so a
   * retry runs again — the handler's own side effects must therefore be idempotent too.
   * @example return keys.run(request, reply, `portal:${customer.id}`, async () =>
   *   ({ status: 201, body: await placeOrder(...) }))
   */
  run(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: string,
    handle: () => Promise<IdempotentResponse>,
  ): Promise<FastifyReply>;
}

export interface IdempotencyDeps {
  db: Executor;
  clock: Clock;
  /**
   * After this long an unfinished key (its process died mid-request) may be taken over by a retry.
   * Default 60 s: longer than any request is allowed to run.
   */
  inFlightTimeoutMs?: number;
}

interface KeyRow {
  scope: string;
  key: string;
  fingerprint: string;
  status: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
  completed_at: Date | null;
}
type Tables = { http_idempotency_keys: KeyRow };

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, random tokens). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with sorted keys, so `{a,b}` and `{b,a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 over method, path (with query) and the canonical body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${url}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

function keyOf(request: FastifyRequest): string {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined || raw === '') {
    throw new HttpProblem(
      400,
      'idempotency_key_missing',
      'Idempotency-Key header required',
      'send a unique Idempotency-Key header (e.g. a UUID) with every request that moves money',
    );
  }
  if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
    throw new HttpProblem(
      400,
      'idempotency_key_invalid',
      'Invalid Idempotency-Key header',
      'the Idempotency-Key must be 1–255 printable ASCII characters',
    );
  }
  return raw;
}

export function createIdempotencyKeys(deps: IdempotencyDeps): IdempotencyKeys {
  const db = deps.db.withTables<Tables>();
  const timeoutMs = deps.inFlightTimeoutMs ?? 60_000;

  /** 'run' when this request now owns the key, else the row someone else holds. */
  async function reserve(scope: string, key: string, fingerprint: string): Promise<'run' | KeyRow> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = deps.clock.now();
      const inserted = await db
        .insertInto('http_idempotency_keys')
        .values({ scope, key, fingerprint, status: 'in_flight', created_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('key')
        .executeTakeFirst();
      if (inserted) return 'run';
      const row = await db
        .selectFrom('http_idempotency_keys')
        .selectAll()
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) continue; // released by a failed first attempt in between: try to take it
      if (row.fingerprint !== fingerprint || row.status === 'completed') return row;
      if (row.created_at.getTime() > now.getTime() - timeoutMs) return row;
      // Abandoned by a process that died mid-request: exactly one retry takes it over.
      const taken = await db
        .updateTable('http_idempotency_keys')
        .set({ created_at: now })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('status', '=', 'in_flight')
        .where('created_at', '=', row.created_at)
        .returning('key')
        .executeTakeFirst();
      if (taken) return 'run';
    }
    throw new HttpProblem(409, 'idempotency_key_in_flight', 'A request with this key is still running');
  }

  async function complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await db
      .updateTable('http_idempotency_keys')
      .set({
        status: 'completed',
        response_status: status,
        response_body: JSON.stringify(body ?? null),
        completed_at: deps.clock.now(),
      })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
  }

  return {
    async run(request, reply, scope, handle) {
      const key = keyOf(request);
      const fingerprint = requestFingerprint(request.method, request.url, request.body);
      const reserved = await reserve(scope, key, fingerprint);
      if (reserved !== 'run') {
        if (reserved.fingerprint !== fingerprint) {
          throw new HttpProblem(
            422,
            'idempotency_key_reused',
            'This Idempotency-Key was used for a different request',
            'use a new Idempotency-Key for a new request',
          );
        }
        if (reserved.status === 'in_flight' || reserved.response_status === null) {
          throw new HttpProblem(
            409,
            'idempotency_key_in_flight',
            'A request with this key is still running',
            'retry later to get its answer',
          );
        }
        void reply.header('idempotent-replayed', 'true').code(reserved.response_status);
        if (reserved.response_status >= 400) void reply.type(PROBLEM_CONTENT_TYPE);
        return reply.send(reserved.response_body);
      }
      let answer: IdempotentResponse;
      try {
        answer = await handle();
      } catch (error) {
        if (error instanceof HttpProblem && error.status < 500) {
          // A refusal is an answer too: the replay gets the same one.
          await complete(scope, key, error.status, error.toJSON(request.url));
        } else {
          await db
            .deleteFrom('http_idempotency_keys')
            .where('scope', '=', scope)
            .where('key', '=', key)
            .execute()
            .catch(() => undefined);
        }
        throw error;
      }
      await complete(scope, key, answer.status, answer.body);
      return reply.code(answer.status).send(answer.body);
    },
  };
}
