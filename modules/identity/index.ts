export type { Approval, ApprovalHandler, ApprovalStatus } from './approvals.ts';
export type { CustomerAccount } from './customer-auth.ts';
export type { IdentityDeps, IdentitySettings, RequestContext } from './deps.ts';
export { DEFAULT_IDENTITY_SETTINGS } from './deps.ts';
export { IDENTITY_PROBLEMS, type IdentityError } from './errors.ts';
export {
  currentCustomer,
  currentStaff,
  requestContext,
  requireCustomer,
  requireStaff,
  SESSION_COOKIE,
} from './http-auth.ts';
export { identityMigrations } from './migrations/index.ts';
export {
  isRole,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from './roles.ts';
export { identityConsoleRoutes } from './routes.console.ts';
export { identityPortalRoutes } from './routes.portal.ts';
export { createIdentityService, type IdentityService } from './service.ts';
export type { Realm, Session, SessionSummary } from './sessions.ts';
export type { StaffUser } from './staff.ts';
export { PASSWORD, USERNAME } from './staff-approvals.ts';
