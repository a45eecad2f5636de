import type { Executor } from '@onefin/kernel';
import type { AuditEntry, AuditEvent, AuditQuery, VerifyResult } from './log.ts';
import { type AuditDeps, appendAudit, listAudit, verifyAudit } from './log.ts';

/** The append-only, hash-chained audit log of staff actions and security events. */
export interface AuditService {
  /** Records an event; pass `trx` so it commits (or not) with the action it records. */
  record(entry: AuditEntry, trx?: Executor): Promise<AuditEvent>;
  /** Newest first, cursor-paged, from the read replica. */
  list(query: AuditQuery): Promise<{ items: AuditEvent[]; next?: bigint }>;
  /** Recomputes the chain; names the first row that was changed, removed or relinked. */
  verify(): Promise<VerifyResult>;
}

export function createAuditService(deps: AuditDeps): AuditService {
  return {
    record: (entry, trx) => appendAudit(deps, entry, trx),
    list: (query) => listAudit(deps, query),
    verify: () => verifyAudit(deps),
  };
}
