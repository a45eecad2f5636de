import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import type { z } from 'zod';
import type { IdentityDeps, RequestContext } from './deps.ts';
import type { IdentityError } from './errors.ts';
import { auditCtx } from './lockout.ts';
import type { Permission } from './roles.ts';
import type { ApprovalRow, IdentityTables } from './schema.ts';
import type { StaffUser } from './staff.ts';

/**
 * A sensitive action that runs only after a second person approves it (maker–checker). Any module
 * registers its own: publishing a product, a manual ledger adjustment, a role grant.
 */
export interface ApprovalHandler<P> {
  action: string;
  /** What the maker needs to propose it. */
  proposePermission: Permission;
  /** What the checker needs to approve or reject it. */
  approvePermission: Permission;
  schema: z.ZodType<P>;
  /** Turns the proposal into what is stored and shown (e.g. hashes a password); may refuse early. */
  prepare(payload: P, db: Executor): Promise<Result<P, string>>;
  describe(payload: P): { summary: string; targetType?: string; targetId?: string };
  /** Runs in the approving transaction; a failure marks the approval failed and changes nothing else. */
  execute(
    payload: P,
    ctx: { trx: Executor; approvalId: string; makerId: string; checkerId: string },
  ): Promise<Result<unknown, string>>;
  /** Fields of the payload safe to show reviewers. */
  display(payload: P): Record<string, unknown>;
}

export type ApprovalStatus = ApprovalRow['status'];

export interface Approval {
  id: string;
  action: string;
  summary: string;
  details: Record<string, unknown>;
  targetType: string | null;
  targetId: string | null;
  makerId: string;
  checkerId: string | null;
  status: ApprovalStatus;
  decisionNote: string | null;
  result: unknown;
  createdAt: Date;
  decidedAt: Date | null;
  version: number;
}

export interface ApprovalRegistry {
  // biome-ignore lint/suspicious/noExplicitAny: handlers of different payload types live in one map
  handlers: Map<string, ApprovalHandler<any>>;
}

export function registerApprovalHandler<P>(registry: ApprovalRegistry, handler: ApprovalHandler<P>): void {
  if (registry.handlers.has(handler.action))
    throw new Error(`approval action ${handler.action} registered twice`);
  registry.handlers.set(handler.action, handler);
}

function toApproval(registry: ApprovalRegistry, row: ApprovalRow): Approval {
  const handler = registry.handlers.get(row.action);
  const payload: unknown = JSON.parse(row.payload);
  return {
    id: row.id,
    action: row.action,
    summary: row.summary,
    details: handler ? handler.display(payload) : {},
    targetType: row.target_type,
    targetId: row.target_id,
    makerId: row.maker_id,
    checkerId: row.checker_id,
    status: row.status,
    decisionNote: row.decision_note,
    result: row.result === null ? null : JSON.parse(row.result),
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    version: row.version,
  };
}

async function deny(
  d: IdentityDeps,
  staff: StaffUser,
  action: string,
  targetId: string,
  ctx: RequestContext,
  reason: string,
) {
  await d.audit.record({
    actorType: 'staff',
    actorId: staff.id,
    action,
    targetType: 'approval',
    targetId,
    outcome: 'denied',
    detail: { reason },
    ...auditCtx(ctx),
  });
}

export async function proposeAction(
  d: IdentityDeps,
  registry: ApprovalRegistry,
  maker: StaffUser,
  input: { action: string; payload: unknown },
  ctx: RequestContext,
): Promise<Result<Approval, IdentityError | string>> {
  const handler = registry.handlers.get(input.action);
  if (!handler) return fail('unknown_action', input.action);
  if (!maker.permissions.includes(handler.proposePermission)) {
    await deny(d, maker, 'approval.propose', input.action, ctx, `missing ${handler.proposePermission}`);
    return fail('permission_denied', `proposing ${input.action} needs ${handler.proposePermission}`);
  }
  const parsed = handler.schema.safeParse(input.payload);
  if (!parsed.success)
    return fail(
      'invalid_payload',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const prepared = await handler.prepare(parsed.data, d.db);
  if (!prepared.ok) return prepared;
  const { summary, targetType, targetId } = handler.describe(prepared.value);
  const row: ApprovalRow = {
    id: newId('apr'),
    action: input.action,
    payload: JSON.stringify(prepared.value),
    summary,
    target_type: targetType ?? null,
    target_id: targetId ?? null,
    required_permission: handler.approvePermission,
    maker_id: maker.id,
    status: 'pending',
    checker_id: null,
    decided_at: null,
    decision_note: null,
    result: null,
    created_at: d.clock.now(),
    version: 1,
  };
  await d.db.transaction().execute(async (trx) => {
    await trx.withTables<IdentityTables>().insertInto('identity_approvals').values(row).execute();
    await d.audit.record(
      {
        actorType: 'staff',
        actorId: maker.id,
        action: 'approval.propose',
        targetType: 'approval',
        targetId: row.id,
        outcome: 'success',
        detail: { action: input.action, summary },
        ...auditCtx(ctx),
      },
      trx,
    );
  });
  return ok(toApproval(registry, row));
}

/**
 * Approves or rejects a pending action. The checker must hold the action's permission and must not
 * be its maker (also a CHECK constraint). Approval executes the action in the same transaction.
 */
export async function decideAction(
  d: IdentityDeps,
  registry: ApprovalRegistry,
  checker: StaffUser,
  input: {
    approvalId: string;
    decision: 'approve' | 'reject';
    note?: string | undefined;
    version?: number | undefined;
  },
  ctx: RequestContext,
): Promise<Result<Approval, IdentityError>> {
  const auditAction = `approval.${input.decision}`;
  const outcome = await d.db
    .transaction()
    .execute(
      async (trx): Promise<Result<Approval, IdentityError> | { deny: string; error: IdentityError }> => {
        const db = trx.withTables<IdentityTables>();
        const row = await db
          .selectFrom('identity_approvals')
          .selectAll()
          .where('id', '=', input.approvalId)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return fail('approval_not_found');
        if (input.version !== undefined && input.version !== row.version) return fail('version_conflict');
        if (row.status !== 'pending') return fail('approval_not_pending', `already ${row.status}`);
        if (row.maker_id === checker.id) return { deny: 'own proposal', error: 'own_approval' };
        if (!checker.permissions.includes(row.required_permission as Permission))
          return { deny: `missing ${row.required_permission}`, error: 'permission_denied' };
        const handler = registry.handlers.get(row.action);
        if (!handler) return fail('unknown_action', row.action);
        let status: ApprovalStatus = 'rejected';
        let result: unknown = null;
        if (input.decision === 'approve') {
          const executed = await handler.execute(JSON.parse(row.payload), {
            trx,
            approvalId: row.id,
            makerId: row.maker_id,
            checkerId: checker.id,
          });
          status = executed.ok ? 'approved' : 'failed';
          result = executed.ok ? executed.value : { error: executed.error, detail: executed.detail ?? null };
        }
        const decided = await db
          .updateTable('identity_approvals')
          .set({
            status,
            checker_id: checker.id,
            decided_at: d.clock.now(),
            decision_note: input.note ?? null,
            result: result === null ? null : JSON.stringify(result),
            version: row.version + 1,
          })
          .where('id', '=', row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await d.audit.record(
          {
            actorType: 'staff',
            actorId: checker.id,
            action: auditAction,
            targetType: 'approval',
            targetId: row.id,
            outcome: status === 'failed' ? 'failure' : 'success',
            detail: { action: row.action, status, makerId: row.maker_id },
            ...auditCtx(ctx),
          },
          trx,
        );
        return ok(toApproval(registry, decided));
      },
    );
  if ('deny' in outcome) {
    await deny(d, checker, auditAction, input.approvalId, ctx, outcome.deny);
    return fail(outcome.error);
  }
  return outcome;
}

export async function listApprovals(
  d: IdentityDeps,
  registry: ApprovalRegistry,
  q: { status?: ApprovalStatus | undefined; limit: number; before?: string | undefined },
): Promise<{ items: Approval[]; next?: string }> {
  let query = d.reads
    .withTables<IdentityTables>()
    .selectFrom('identity_approvals')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map((r) => toApproval(registry, r));
  const last = items.at(-1);
  return rows.length > q.limit && last ? { items, next: last.id } : { items };
}

export async function getApproval(
  d: IdentityDeps,
  registry: ApprovalRegistry,
  id: string,
): Promise<Approval | undefined> {
  const row = await d.db
    .withTables<IdentityTables>()
    .selectFrom('identity_approvals')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toApproval(registry, row) : undefined;
}
