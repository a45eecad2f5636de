import type { Selectable } from 'kysely';

export type IdentityTables = {
  identity_customer_logins: {
    id: string;
    /** Keyed hash of the mobile number, for log-in look-ups; the number itself is encrypted. */
    mobile_hash: string;
    mobile_enc: string;
    display_name: string;
    password_hash: string;
    failed_logins: number;
    locked_until: Date | null;
    created_at: Date;
    password_changed_at: Date;
  };
  identity_staff: {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    status: 'active' | 'disabled';
    failed_logins: number;
    locked_until: Date | null;
    created_at: Date;
    version: number;
  };
  identity_staff_roles: {
    staff_id: string;
    role: string;
    granted_at: Date;
    approval_id: string | null;
  };
  identity_sessions: {
    id: string;
    token_hash: string;
    realm: 'customer' | 'staff';
    principal_id: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
    ip: string | null;
    user_agent: string | null;
  };
  identity_approvals: {
    id: string;
    action: string;
    payload: string;
    summary: string;
    target_type: string | null;
    target_id: string | null;
    required_permission: string;
    maker_id: string;
    status: 'pending' | 'approved' | 'rejected' | 'failed';
    checker_id: string | null;
    decided_at: Date | null;
    decision_note: string | null;
    result: string | null;
    created_at: Date;
    version: number;
  };
};

export type CustomerLoginRow = Selectable<IdentityTables['identity_customer_logins']>;
export type StaffRow = Selectable<IdentityTables['identity_staff']>;
export type SessionRow = Selectable<IdentityTables['identity_sessions']>;
export type ApprovalRow = Selectable<IdentityTables['identity_approvals']>;
