import type { Executor, Result } from '@onefin/kernel';
import {
  type Approval,
  type ApprovalHandler,
  type ApprovalRegistry,
  type ApprovalStatus,
  decideAction,
  getApproval,
  listApprovals,
  proposeAction,
  registerApprovalHandler,
} from './approvals.ts';
import { createIdentityCaches, type IdentityContext } from './caches.ts';
import {
  type CustomerAccount,
  changeCustomerPassword,
  getCustomerAccount,
  loginCustomer,
  registerCustomer,
} from './customer-auth.ts';
import type { IdentityDeps, RequestContext } from './deps.ts';
import type { IdentityError } from './errors.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from './roles.ts';
import {
  listSessions,
  type Realm,
  resolveSession,
  revokeSession,
  type Session,
  type SessionSummary,
} from './sessions.ts';
import { createStaff, getStaff, listStaff, loginStaff, type StaffUser } from './staff.ts';
import { staffApprovalHandlers } from './staff-approvals.ts';

/** Customers' and staff's identities, sessions, maker–checker approvals. */
export interface IdentityService {
  /** Registers a customer log-in; the mobile number is stored encrypted with a keyed look-up hash. */
  registerCustomer(
    input: { mobile: string; password: string; displayName: string },
    ctx: RequestContext,
  ): Promise<Result<CustomerAccount, IdentityError>>;
  /** Checks a customer's password (with lockout) and opens a session. */
  loginCustomer(
    input: { mobile: string; password: string },
    ctx: RequestContext,
  ): Promise<Result<{ token: string; session: Session; account: CustomerAccount }, IdentityError>>;
  getCustomer(customerId: string): Promise<CustomerAccount | undefined>;
  changeCustomerPassword(
    customerId: string,
    sessionId: string,
    input: { currentPassword: string; newPassword: string },
    ctx: RequestContext,
  ): Promise<Result<void, IdentityError>>;
  loginStaff(
    input: { username: string; password: string },
    ctx: RequestContext,
  ): Promise<Result<{ token: string; session: Session; staff: StaffUser }, IdentityError>>;
  /** A staff user read from the primary (fresh permissions for every request). */
  getStaff(staffId: string): Promise<StaffUser | undefined>;
  /**
   * The staff member behind a request, from the in-process cache (`cacheMs`; a role change in this
   * process shows at once). Maker–checker reads `getStaff`, which is always fresh.
   */
  staffForRequest(staffId: string): Promise<StaffUser | undefined>;
  /** All staff users, from the read replica. */
  listStaff(): Promise<StaffUser[]>;
  /** Bootstrap only (seed): creates a staff user without maker–checker. */
  bootstrapStaff(input: {
    username: string;
    displayName: string;
    password: string;
    roles: readonly Role[];
  }): Promise<Result<StaffUser, IdentityError>>;
  /** The session behind a cookie token in one realm; undefined when invalid for that realm. */
  resolveSession(realm: Realm, token: string): Promise<Session | undefined>;
  listSessions(principalId: string): Promise<SessionSummary[]>;
  /** Revokes a session of this principal; false when it is not theirs. */
  revokeSession(principalId: string, sessionId: string): Promise<boolean>;
  /** Makes an action available for maker–checker. Modules call this once at wiring time. */
  registerApprovalHandler<P>(handler: ApprovalHandler<P>): void;
  propose(
    maker: StaffUser,
    input: { action: string; payload: unknown },
    ctx: RequestContext,
  ): Promise<Result<Approval, IdentityError | string>>;
  decide(
    checker: StaffUser,
    input: {
      approvalId: string;
      decision: 'approve' | 'reject';
      note?: string | undefined;
      version?: number | undefined;
    },
    ctx: RequestContext,
  ): Promise<Result<Approval, IdentityError>>;
  listApprovals(q: {
    status?: ApprovalStatus | undefined;
    limit: number;
    before?: string | undefined;
  }): Promise<{ items: Approval[]; next?: string }>;
  getApproval(id: string): Promise<Approval | undefined>;
}

export function createIdentityService(externalDeps: IdentityDeps): IdentityService {
  const deps: IdentityContext = {
    ...externalDeps,
    caches: createIdentityCaches(externalDeps.settings.cacheMs),
  };
  const registry: ApprovalRegistry = { handlers: new Map() };
  const [createStaffHandler, grantRoleHandler, revokeRoleHandler] = staffApprovalHandlers(deps);
  registerApprovalHandler(registry, createStaffHandler);
  registerApprovalHandler(registry, grantRoleHandler);
  registerApprovalHandler(registry, revokeRoleHandler);
  const inTransaction = <T>(fn: (trx: Executor) => Promise<T>) => deps.db.transaction().execute(fn);
  return {
    registerCustomer: (input, ctx) => registerCustomer(deps, input, ctx),
    loginCustomer: (input, ctx) => loginCustomer(deps, input, ctx),
    getCustomer: (id) => getCustomerAccount(deps, id),
    changeCustomerPassword: (id, sessionId, input, ctx) =>
      changeCustomerPassword(deps, id, sessionId, input, ctx),
    loginStaff: (input, ctx) => loginStaff(deps, input, ctx),
    getStaff: (id) => getStaff(deps.db, id),
    async staffForRequest(id) {
      const cached = deps.caches.staff(id);
      if (cached) return cached;
      const staff = await getStaff(deps.db, id);
      if (staff) deps.caches.rememberStaff(staff);
      return staff;
    },
    listStaff: () => listStaff(deps),
    bootstrapStaff: async (input) => {
      const passwordHash = await hashPassword(input.password);
      return inTransaction((trx) => createStaff(deps, { ...input, passwordHash }, trx));
    },
    resolveSession: (realm, token) => resolveSession(deps, realm, token),
    listSessions: (id) => listSessions(deps, id),
    revokeSession: (principalId, sessionId) => revokeSession(deps, principalId, sessionId),
    registerApprovalHandler: (handler) => registerApprovalHandler(registry, handler),
    propose: (maker, input, ctx) => proposeAction(deps, registry, maker, input, ctx),
    decide: (checker, input, ctx) => decideAction(deps, registry, checker, input, ctx),
    listApprovals: (q) => listApprovals(deps, registry, q),
    getApproval: (id) => getApproval(deps, registry, id),
  };
}
