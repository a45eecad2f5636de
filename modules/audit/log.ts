import type { Clock, Executor } from '@onefin/kernel';
import { canonicalJson, GENESIS_HASH, hashEvent } from './chain.ts';
import type { AuditRow, AuditTables } from './schema.ts';

export type ActorType = 'staff' | 'customer' | 'system' | 'anonymous';
export type AuditOutcome = 'success' | 'failure' | 'denied';

/** What happened, who did it, to what. */
export interface AuditEntry {
  actorType: ActorType;
  actorId: string;
  action: string;
  targetType?: string | undefined;
  targetId?: string | undefined;
  outcome: AuditOutcome;
  detail?: Record<string, unknown> | undefined;
  ip?: string | undefined;
  requestId?: string | undefined;
}

export interface AuditEvent extends AuditEntry {
  seq: bigint;
  occurredAt: Date;
  hash: string;
}

export type VerifyResult =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      seq: bigint;
      problem: 'hash_mismatch' | 'broken_link' | 'missing_row' | 'head_mismatch';
    };

export interface AuditDeps {
  db: Executor;
  reads: Executor;
  clock: Clock;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorType: row.actor_type as ActorType,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type ?? undefined,
    targetId: row.target_id ?? undefined,
    outcome: row.outcome as AuditOutcome,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    ip: row.ip ?? undefined,
    requestId: row.request_id ?? undefined,
    hash: row.hash,
  };
}

/**
 * Appends inside `trx` when given (the event commits with the action it records), otherwise in a
 * transaction of its own. Locks the chain head so events form one unbroken line.
 */
export async function appendAudit(d: AuditDeps, entry: AuditEntry, trx?: Executor): Promise<AuditEvent> {
  const run = async (tx: Executor) => {
    const db = tx.withTables<AuditTables>();
    // Two statements: taking the next number locks the head (and hands back the previous hash);
    // the event and the head's new hash are written together.
    const head = await db
      .updateTable('audit_chain_head')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1n) }))
      .where('id', '=', 1)
      .returning(['last_seq', 'last_hash'])
      .executeTakeFirstOrThrow();
    const row = {
      seq: head.last_seq,
      occurred_at: d.clock.now(),
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      outcome: entry.outcome,
      detail: canonicalJson(entry.detail ?? {}),
      ip: entry.ip ?? null,
      request_id: entry.requestId ?? null,
      prev_hash: head.last_hash,
    };
    const full = { ...row, hash: hashEvent(row) };
    await db
      .with('event', (q) => q.insertInto('audit_events').values(full))
      .updateTable('audit_chain_head')
      .set({ last_hash: full.hash })
      .where('id', '=', 1)
      .execute();
    return toEvent(full);
  };
  return trx ? run(trx) : d.db.transaction().execute(run);
}

export interface AuditQuery {
  actorId?: string | undefined;
  action?: string | undefined;
  /** Events older than this seq (cursor from the previous page). */
  before?: bigint | undefined;
  limit: number;
}

/** Newest first, cursor-paged by seq; served from the read replica. */
export async function listAudit(
  d: AuditDeps,
  q: AuditQuery,
): Promise<{ items: AuditEvent[]; next?: bigint }> {
  let query = d.reads
    .withTables<AuditTables>()
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(q.limit + 1);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.before !== undefined) query = query.where('seq', '<', q.before);
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map(toEvent);
  const last = items.at(-1);
  return rows.length > q.limit && last ? { items, next: last.seq } : { items };
}

/**
 * Walks the whole chain on the primary: recomputes every hash, checks every link and that no seq is
 * missing, and that the head matches the last row (so deleting the newest rows is caught too).
 */
export async function verifyAudit(d: AuditDeps, pageSize = 5000): Promise<VerifyResult> {
  const db = d.db.withTables<AuditTables>();
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, seq: expectedSeq, problem: 'missing_row' };
      if (row.prev_hash !== prevHash) return { ok: false, checked, seq: row.seq, problem: 'broken_link' };
      const { hash, ...content } = row;
      if (hashEvent(content) !== hash) return { ok: false, checked, seq: row.seq, problem: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom('audit_chain_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  if (head.last_seq !== expectedSeq - 1n || head.last_hash !== prevHash) {
    return { ok: false, checked, seq: head.last_seq, problem: 'head_mismatch' };
  }
  return { ok: true, checked };
}
