import type { AuditService } from '@onefin/audit';
import { forbidden, HttpProblem, unauthorized } from '@onefin/kernel';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { RequestContext } from './deps.ts';
import type { Permission } from './roles.ts';
import type { IdentityService } from './service.ts';
import type { StaffUser } from './staff.ts';

/** Cookie names differ per realm, so the two apps never read each other's sessions, even on one host. */
export const SESSION_COOKIE = { customer: 'onefin_portal_sid', staff: 'onefin_console_sid' } as const;

declare module 'fastify' {
  interface FastifyRequest {
    customer?: { id: string; sessionId: string };
    staff?: StaffUser & { sessionId: string };
  }
  interface FastifyContextConfig {
    /**
     * The route writes its own audit row in its business transaction when it succeeds (one commit
     * instead of two on a hot path); the console's generic audit of staff requests then skips it.
     */
    auditedInline?: boolean;
    /**
     * A POST that only reads (an order's preview: its body is the order it previews): like a GET, it
     * changes nothing, so the console's generic audit of staff requests skips it.
     */
    isReadOnly?: boolean;
  }
}

export function requestContext(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, requestId: request.id, ...(typeof ua === 'string' ? { userAgent: ua } : {}) };
}

export function setSessionCookie(
  reply: FastifyReply,
  realm: 'customer' | 'staff',
  token: string,
  secure: boolean,
) {
  void reply.setCookie(SESSION_COOKIE[realm], token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
  });
}

export function clearSessionCookie(reply: FastifyReply, realm: 'customer' | 'staff') {
  void reply.clearCookie(SESSION_COOKIE[realm], { path: '/' });
}

/** preHandler: the request must carry a live customer session; sets `request.customer`. */
export function requireCustomer(identity: IdentityService): preHandlerAsyncHookHandler {
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE.customer];
    const session = token ? await identity.resolveSession('customer', token) : undefined;
    if (!session) throw unauthorized();
    request.customer = { id: session.principalId, sessionId: session.id };
  };
}

/**
 * preHandler: a live staff session, an active user and, when given, the permission. A refusal for a
 * missing permission is a security event: it is audited.
 */
export function requireStaff(
  identity: IdentityService,
  audit: AuditService,
  permission?: Permission,
): preHandlerAsyncHookHandler {
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE.staff];
    const session = token ? await identity.resolveSession('staff', token) : undefined;
    const staff = session ? await identity.staffForRequest(session.principalId) : undefined;
    if (!session || !staff || staff.status !== 'active') throw unauthorized();
    request.staff = { ...staff, sessionId: session.id };
    if (permission && !staff.permissions.includes(permission)) {
      await audit.record({
        actorType: 'staff',
        actorId: staff.id,
        action: 'permission.denied',
        targetType: 'route',
        targetId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        outcome: 'denied',
        detail: { permission },
        ip: request.ip,
        requestId: request.id,
      });
      throw forbidden(`this needs the ${permission} permission`);
    }
  };
}

/** The logged-in principal set by a require* preHandler; a bug if missing. */
export function currentStaff(request: FastifyRequest): StaffUser & { sessionId: string } {
  if (!request.staff)
    throw new HttpProblem(500, 'internal_error', 'Internal error', 'route without staff guard');
  return request.staff;
}

export function currentCustomer(request: FastifyRequest): { id: string; sessionId: string } {
  if (!request.customer)
    throw new HttpProblem(500, 'internal_error', 'Internal error', 'route without customer guard');
  return request.customer;
}
