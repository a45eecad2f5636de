import type { AuditService } from '@onefin/audit';
import { pageQuery, strictBody } from '@onefin/http';
import { HttpProblem, notFound, problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Approval } from './approvals.ts';
import { IDENTITY_PROBLEMS, type IdentityError } from './errors.ts';
import {
  clearSessionCookie,
  currentStaff,
  requestContext,
  requireStaff,
  SESSION_COOKIE,
  setSessionCookie,
} from './http-auth.ts';
import { ROLES } from './roles.ts';
import type { IdentityService } from './service.ts';
import type { StaffUser } from './staff.ts';
import { PASSWORD, USERNAME } from './staff-approvals.ts';

const staffDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
const toStaffDto = ({
  id,
  username,
  displayName,
  status,
  roles,
  permissions,
  createdAt,
  version,
}: StaffUser) => ({
  id,
  username,
  displayName,
  status,
  roles,
  permissions,
  createdAt: createdAt.toISOString(),
  version,
});

const approvalDto = z.object({
  id: z.string(),
  action: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  makerId: z.string(),
  checkerId: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected', 'failed']),
  decisionNote: z.string().nullable(),
  result: z.unknown(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
const toApprovalDto = (a: Approval) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  decidedAt: a.decidedAt?.toISOString() ?? null,
});

/** A proposal refused up front: identity's own codes map by table; other modules' codes are conflicts. */
function proposalProblem(error: string, detail?: string): HttpProblem {
  return error in IDENTITY_PROBLEMS
    ? problemFor(IDENTITY_PROBLEMS, error as IdentityError, detail)
    : new HttpProblem(409, error, 'The action cannot be proposed', detail);
}

export interface ConsoleIdentityOptions {
  identity: IdentityService;
  audit: AuditService;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
}

/** Staff: log in/out, staff users (changes via maker–checker), the approvals inbox. */
export async function identityConsoleRoutes(
  root: FastifyInstance,
  opts: ConsoleIdentityOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { identity, audit } = opts;
  const guard = (permission?: Parameters<typeof requireStaff>[2]) =>
    requireStaff(identity, audit, permission);

  app.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: strictBody({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
        response: { 200: z.object({ staff: staffDto }) },
      },
    },
    async (request, reply) => {
      const login = await identity.loginStaff(request.body, requestContext(request));
      if (!login.ok) throw problemFor(IDENTITY_PROBLEMS, login.error, login.detail);
      setSessionCookie(reply, 'staff', login.value.token, opts.secureCookies);
      return { staff: toStaffDto(login.value.staff) };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE.staff];
    const session = token ? await identity.resolveSession('staff', token) : undefined;
    if (session) await identity.revokeSession(session.principalId, session.id);
    clearSessionCookie(reply, 'staff');
    return reply.code(204).send();
  });

  app.get(
    '/api/v1/me',
    { preHandler: guard(), schema: { tags: ['me'], response: { 200: staffDto } } },
    async (request) => toStaffDto(currentStaff(request)),
  );

  app.get(
    '/api/v1/staff',
    {
      preHandler: guard('staff.read'),
      schema: { tags: ['staff'], response: { 200: z.object({ items: z.array(staffDto) }) } },
    },
    async () => ({
      items: (await identity.listStaff()).map(toStaffDto),
    }),
  );

  // Names of colleagues for anyone signed in, so approvals and histories show who rather than an id;
  // roles and status stay behind staff.read.
  app.get(
    '/api/v1/staff/directory',
    {
      preHandler: guard(),
      schema: {
        tags: ['staff'],
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
          }),
        },
      },
    },
    async () => ({
      items: (await identity.listStaff()).map(({ id, username, displayName }) => ({
        id,
        username,
        displayName,
      })),
    }),
  );

  const propose = async (request: Parameters<typeof requestContext>[0], action: string, payload: unknown) => {
    const proposed = await identity.propose(
      currentStaff(request),
      { action, payload },
      requestContext(request),
    );
    if (!proposed.ok) throw proposalProblem(proposed.error, proposed.detail);
    return { approval: toApprovalDto(proposed.value) };
  };
  const accepted = { 202: z.object({ approval: approvalDto }) };

  app.post(
    '/api/v1/staff',
    {
      preHandler: guard('staff.propose'),
      schema: {
        tags: ['staff'],
        body: strictBody({
          username: USERNAME,
          displayName: z.string().trim().min(1).max(60),
          password: PASSWORD,
          roles: z.array(z.enum(ROLES)).max(ROLES.length),
        }),
        response: accepted,
      },
    },
    async (request, reply) =>
      reply.code(202).send(await propose(request, 'identity.create_staff', request.body)),
  );

  const staffId = z.string().min(1).max(64);
  app.post(
    '/api/v1/staff/:id/roles',
    {
      preHandler: guard('staff.propose'),
      schema: {
        tags: ['staff'],
        params: z.strictObject({ id: staffId }),
        body: strictBody({ role: z.enum(ROLES) }),
        response: accepted,
      },
    },
    async (request, reply) =>
      reply.code(202).send(
        await propose(request, 'identity.grant_role', {
          staffId: request.params.id,
          role: request.body.role,
        }),
      ),
  );

  app.delete(
    '/api/v1/staff/:id/roles/:role',
    {
      preHandler: guard('staff.propose'),
      schema: {
        tags: ['staff'],
        params: z.strictObject({ id: staffId, role: z.enum(ROLES) }),
        response: accepted,
      },
    },
    async (request, reply) =>
      reply.code(202).send(
        await propose(request, 'identity.revoke_role', {
          staffId: request.params.id,
          role: request.params.role,
        }),
      ),
  );

  app.post(
    '/api/v1/approvals',
    {
      preHandler: guard(),
      schema: {
        tags: ['approvals'],
        body: strictBody({ action: z.string().min(1).max(100), payload: z.record(z.string(), z.unknown()) }),
        response: accepted,
      },
    },
    async (request, reply) =>
      reply.code(202).send(await propose(request, request.body.action, request.body.payload)),
  );

  app.get(
    '/api/v1/approvals',
    {
      preHandler: guard('approvals.read'),
      schema: {
        tags: ['approvals'],
        querystring: z.strictObject({
          status: z.enum(['pending', 'approved', 'rejected', 'failed']).optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ items: z.array(approvalDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await identity.listApprovals(request.query);
      return { items: page.items.map(toApprovalDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  const approvalId = z.strictObject({ id: z.string().min(1).max(64) });
  app.get(
    '/api/v1/approvals/:id',
    {
      preHandler: guard('approvals.read'),
      schema: { tags: ['approvals'], params: approvalId, response: { 200: approvalDto } },
    },
    async (request) => {
      const found = await identity.getApproval(request.params.id);
      if (!found) throw notFound('approval');
      return toApprovalDto(found);
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/approvals/:id/${decision}`,
      {
        preHandler: guard(),
        schema: {
          tags: ['approvals'],
          params: approvalId,
          body: strictBody({
            note: z.string().max(500).optional(),
            version: z.number().int().min(1).optional(),
          }),
          response: { 200: approvalDto },
        },
      },
      async (request) => {
        const decided = await identity.decide(
          currentStaff(request),
          { approvalId: request.params.id, decision, ...request.body },
          requestContext(request),
        );
        if (!decided.ok) throw problemFor(IDENTITY_PROBLEMS, decided.error, decided.detail);
        return toApprovalDto(decided.value);
      },
    );
  }
}
