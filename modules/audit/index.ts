export type { ActorType, AuditEntry, AuditEvent, AuditOutcome, AuditQuery, VerifyResult } from './log.ts';
export { auditMigrations } from './migrations/index.ts';
export { auditConsoleRoutes } from './routes.console.ts';
export { type AuditService, createAuditService } from './service.ts';
