import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Executor } from '@onefin/kernel';
import { HttpProblem } from '@onefin/kernel';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { installCsrf } from './csrf.ts';
import { installMetrics, loggerOptions } from './observability.ts';
import { frameworkErrors, installProblemHandlers, sendProblem } from './problems.ts';
import { securityHeaders } from './security-headers.ts';

export type App = FastifyInstance;

export interface HttpAppOptions {
  name: 'portal' | 'console';
  title: string;
  logLevel: string;
  /** Databases /readyz checks. */
  readiness: Executor[];
  csrfSecret: Buffer;
  secureCookies: boolean;
  /** Built web assets to serve with SPA fallback, when present. */
  webDist?: string | undefined;
  bodyLimitBytes?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The Fastify instance both deployables share the shape of: zod-validated routes with OpenAPI 3.1 at
 * /docs, problem+json for every error, helmet, request ids, metrics, health, CSRF, web assets.
 */
export async function createHttpApp(opts: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logLevel),
    bodyLimit: opts.bodyLimitBytes ?? 64 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    frameworkErrors,
    // one log line per request (below) instead of Fastify's two
    disableRequestLogging: true,
    routerOptions: { maxParamLength: 200 },
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });

  const headers = securityHeaders(opts.secureCookies);
  app.addHook('onRequest', async (_request, reply) => {
    void reply.headers(headers);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: { openapi: '3.1.0', info: { title: opts.title, version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });

  installMetrics(app, opts.name);
  installCsrf(app, {
    cookieName: `onefin_${opts.name}_csrf`,
    secret: opts.csrfSecret,
    secure: opts.secureCookies,
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      for (const db of opts.readiness) await sql`SELECT 1`.execute(db);
      return { status: 'ready' };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      return sendProblem(reply, new HttpProblem(503, 'not_ready', 'Database unavailable'));
    }
  });

  const hasWeb = opts.webDist !== undefined && existsSync(join(opts.webDist, 'index.html'));
  if (hasWeb && opts.webDist) {
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb;
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return sendProblem(
      reply,
      new HttpProblem(
        404,
        'not_found',
        'Not found',
        `${request.method} ${request.url.split('?')[0]} does not exist`,
      ),
    );
  });
  return app;
}
