import { createHash } from 'node:crypto';
import type { AuditRow } from './schema.ts';

/** JSON with object keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}

/** The hash of one event: its content and the previous event's hash, so any edit breaks every later link. */
export function hashEvent(row: Omit<AuditRow, 'hash'>): string {
  const content = [
    row.seq.toString(),
    row.occurred_at.toISOString(),
    row.actor_type,
    row.actor_id,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.detail,
    row.ip,
    row.request_id,
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The hash the first event links to. */
export const GENESIS_HASH = '0'.repeat(64);
