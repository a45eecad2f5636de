import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpProblem } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problems.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sign(secret: Buffer, nonce: string): string {
  return createHmac('sha256', secret).update(nonce).digest('base64url');
}

function isValid(secret: Buffer, token: string): boolean {
  const [nonce, mac] = token.split('.');
  if (!nonce || !mac) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Signed double-submit CSRF protection (OWASP): `GET /api/v1/csrf` sets a signed token cookie and
 * returns it; every state-changing /api request must echo it in `x-csrf-token`. A cross-site page
 * can neither read the cookie nor forge the signature. SameSite=Strict session cookies are the
 * first line; this is the second.
 */
export function installCsrf(
  app: FastifyInstance,
  opts: { cookieName: string; secret: Buffer; secure: boolean },
): void {
  app.get('/api/v1/csrf', { schema: { hide: true } }, async (_request, reply) => {
    const nonce = randomBytes(18).toString('base64url');
    const token = `${nonce}.${sign(opts.secret, nonce)}`;
    void reply.setCookie(opts.cookieName, token, {
      path: '/',
      sameSite: 'strict',
      secure: opts.secure,
      httpOnly: false,
    });
    return { token };
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    const header = request.headers['x-csrf-token'];
    const cookie = request.cookies[opts.cookieName];
    if (typeof header !== 'string' || !cookie || header !== cookie || !isValid(opts.secret, header)) {
      return sendProblem(
        reply,
        new HttpProblem(
          403,
          'csrf_token_invalid',
          'Missing or invalid CSRF token',
          'GET /api/v1/csrf, then send its token in the x-csrf-token header',
        ),
      );
    }
  });
}
