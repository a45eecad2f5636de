import type { Generated, Insertable, Selectable } from 'kysely';

export type AuditTables = {
  audit_events: {
    seq: bigint;
    occurred_at: Date;
    actor_type: string;
    actor_id: string;
    action: string;
    target_type: string | null;
    target_id: string | null;
    outcome: string;
    /** Canonical JSON text, hashed byte for byte. */
    detail: string;
    ip: string | null;
    request_id: string | null;
    prev_hash: string;
    hash: string;
  };
  audit_chain_head: {
    id: Generated<number>;
    last_seq: bigint;
    last_hash: string;
  };
};

export type AuditRow = Selectable<AuditTables['audit_events']>;
export type NewAuditRow = Insertable<AuditTables['audit_events']>;
