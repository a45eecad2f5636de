import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../test/platform.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(() => p.close());

describe('what both deployables expose', () => {
  it('OpenAPI 3.1 at /docs, generated from the zod schemas', async () => {
    for (const app of [p.portal, p.console]) {
      const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
        openapi: string;
        paths: Record<string, unknown>;
      }>();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
    }
    const portalDoc = (await p.portal.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, { post?: { requestBody?: unknown } }>;
    }>();
    expect(JSON.stringify(portalDoc.paths['/api/v1/auth/register']?.post?.requestBody)).toContain('mobile');
    expect((await p.portal.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('health, readiness and Prometheus metrics', async () => {
    expect((await p.portal.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await p.portal.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    await p.portal.inject({ method: 'GET', url: '/api/v1/me' });
    const metrics = (await p.portal.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('http_request_duration_seconds_bucket');
    expect(metrics).toContain('route="/api/v1/me"');
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('helmet headers and request ids on every response', async () => {
    const res = await p.portal.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.json()).toMatchObject({ status: 401, instance: '/api/v1/me' });
    const generated = await p.console.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an out-of-range cursor as a 400 problem, never an SQL error', async () => {
    const res = await p.console.inject({ method: 'GET', url: '/api/v1/audit?before=999999999999999999999' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/select|stack/i);
  });
});
