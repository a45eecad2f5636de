import { strictBody } from '@onefin/http';
import { MAINLAND_MOBILE, notFound, problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CustomerAccount } from './customer-auth.ts';
import { IDENTITY_PROBLEMS } from './errors.ts';
import {
  clearSessionCookie,
  currentCustomer,
  requestContext,
  requireCustomer,
  SESSION_COOKIE,
  setSessionCookie,
} from './http-auth.ts';
import type { IdentityService } from './service.ts';
import { PASSWORD } from './staff-approvals.ts';

const mobile = z
  .string()
  .regex(MAINLAND_MOBILE, 'must be an 11-digit mainland mobile number (1[3-9]xxxxxxxxx)');
const account = z.object({
  id: z.string(),
  displayName: z.string(),
  mobileMasked: z.string(),
  createdAt: z.iso.datetime(),
});
const toAccountDto = (a: CustomerAccount) => ({ ...a, createdAt: a.createdAt.toISOString() });

export interface PortalIdentityOptions {
  identity: IdentityService;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
}

/** Customers: register, log in/out, password, own profile and sessions. */
export async function identityPortalRoutes(
  root: FastifyInstance,
  opts: PortalIdentityOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { identity } = opts;
  const auth = requireCustomer(identity);
  const loginLimit = { rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/v1/auth/register',
    {
      config: loginLimit,
      schema: {
        tags: ['auth'],
        body: strictBody({ mobile, password: PASSWORD, displayName: z.string().trim().min(1).max(40) }),
        response: { 201: z.object({ account }) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const registered = await identity.registerCustomer(request.body, ctx);
      if (!registered.ok) throw problemFor(IDENTITY_PROBLEMS, registered.error, registered.detail);
      const login = await identity.loginCustomer(
        { mobile: request.body.mobile, password: request.body.password },
        ctx,
      );
      if (login.ok) setSessionCookie(reply, 'customer', login.value.token, opts.secureCookies);
      return reply.code(201).send({ account: toAccountDto(registered.value) });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: loginLimit,
      schema: {
        tags: ['auth'],
        body: strictBody({ mobile, password: z.string().min(1).max(128) }),
        response: { 200: z.object({ account }) },
      },
    },
    async (request, reply) => {
      const login = await identity.loginCustomer(request.body, requestContext(request));
      if (!login.ok) throw problemFor(IDENTITY_PROBLEMS, login.error, login.detail);
      setSessionCookie(reply, 'customer', login.value.token, opts.secureCookies);
      return { account: toAccountDto(login.value.account) };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE.customer];
    const session = token ? await identity.resolveSession('customer', token) : undefined;
    if (session) await identity.revokeSession(session.principalId, session.id);
    clearSessionCookie(reply, 'customer');
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/auth/password',
    {
      preHandler: auth,
      schema: {
        tags: ['auth'],
        body: strictBody({ currentPassword: z.string().min(1).max(128), newPassword: PASSWORD }),
      },
    },
    async (request, reply) => {
      const me = currentCustomer(request);
      const changed = await identity.changeCustomerPassword(
        me.id,
        me.sessionId,
        request.body,
        requestContext(request),
      );
      if (!changed.ok) throw problemFor(IDENTITY_PROBLEMS, changed.error, changed.detail);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    { preHandler: auth, schema: { tags: ['me'], response: { 200: account } } },
    async (request) => {
      const found = await identity.getCustomer(currentCustomer(request).id);
      if (!found) throw notFound('customer');
      return toAccountDto(found);
    },
  );

  const session = z.object({
    id: z.string(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  });
  app.get(
    '/api/v1/sessions',
    { preHandler: auth, schema: { tags: ['me'], response: { 200: z.object({ items: z.array(session) }) } } },
    async (request) => {
      const me = currentCustomer(request);
      const items = await identity.listSessions(me.id);
      return {
        items: items.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          current: s.id === me.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/sessions/:id',
    {
      preHandler: auth,
      schema: { tags: ['me'], params: z.strictObject({ id: z.string().min(1).max(64) }) },
    },
    async (request, reply) => {
      // another customer's session id answers exactly like one that does not exist
      if (!(await identity.revokeSession(currentCustomer(request).id, request.params.id)))
        throw notFound('session');
      return reply.code(204).send();
    },
  );
}
