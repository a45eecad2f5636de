import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './api-client.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server | undefined;

/** A real HTTP server playing the API: the client is exercised over the wire, not with a fake fetch. */
async function serve(handler: Handler): Promise<string> {
  const created = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => handler(req, res, body));
  });
  server = created;
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(created.address() as AddressInfo).port}/api/v1`;
}

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, code: string, extra: object = {}): void {
  json(
    res,
    status,
    { type: `https://onefin.dev/problems/${code}`, title: code, status, code, ...extra },
    'application/problem+json',
  );
}

async function stopServer(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections(); // fetch keeps connections alive; close would wait for them
  await new Promise((resolve) => running.close(resolve));
}

afterEach(stopServer);

describe('the API client', () => {
  it('fetches the CSRF token once, before the first state-changing request, and sends it on each', async () => {
    const seen: string[] = [];
    const baseUrl = await serve((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-csrf-token'] ?? '-'}`);
      if (req.url === '/api/v1/csrf') return json(res, 200, { token: 'tok-1' });
      if (req.method === 'DELETE') return res.writeHead(204).end();
      return json(res, 200, { ok: true });
    });
    const api = createApiClient({ baseUrl });
    await api.get('/me');
    await api.post('/auth/login', { mobile: '13800138000' });
    await api.delete('/sessions/s1');
    expect(seen).toEqual([
      'GET /api/v1/me -',
      'GET /api/v1/csrf -',
      'POST /api/v1/auth/login tok-1',
      'DELETE /api/v1/sessions/s1 tok-1',
    ]);
  });

  it('refetches the token and retries once when the server says it is invalid', async () => {
    let tokens = 0;
    const baseUrl = await serve((req, res) => {
      if (req.url === '/api/v1/csrf') return json(res, 200, { token: `tok-${++tokens}` });
      if (req.headers['x-csrf-token'] !== 'tok-2') return problem(res, 403, 'csrf_token_invalid');
      return json(res, 200, { done: true });
    });
    const api = createApiClient({ baseUrl });
    await expect(api.post('/auth/logout')).resolves.toEqual({ done: true });
    expect(tokens).toBe(2);
  });

  it('gives up after one retry, surfacing the problem', async () => {
    const baseUrl = await serve((req, res) => {
      if (req.url === '/api/v1/csrf') return json(res, 200, { token: 'stale' });
      return problem(res, 403, 'csrf_token_invalid');
    });
    const error = await createApiClient({ baseUrl })
      .post('/x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('csrf_token_invalid');
  });

  it('throws an ApiError carrying the problem body, field errors included', async () => {
    const baseUrl = await serve((req, res) => {
      if (req.url === '/api/v1/csrf') return json(res, 200, { token: 't' });
      return problem(res, 400, 'validation_failed', { errors: [{ field: 'body.mobile', message: 'bad' }] });
    });
    const error = (await createApiClient({ baseUrl })
      .post('/auth/register', {})
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.problem.errors).toEqual([{ field: 'body.mobile', message: 'bad' }]);
  });

  it('reports a 401 to onUnauthorized, and turns a non-JSON error into a problem', async () => {
    const baseUrl = await serve((req, res) => {
      if (req.url === '/api/v1/me') return problem(res, 401, 'unauthenticated');
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    });
    const unauthorized: string[] = [];
    const api = createApiClient({
      baseUrl,
      onUnauthorized: (e, path) => unauthorized.push(`${e.code} ${path}`),
    });
    await expect(api.get('/me')).rejects.toBeInstanceOf(ApiError);
    expect(unauthorized).toEqual(['unauthenticated /me']);
    const error = (await api.get('/broken').catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([502, 'http_502']);
  });

  it('sends text as it is, with its content type and the CSRF token', async () => {
    const seen: string[] = [];
    const baseUrl = await serve((req, res, body) => {
      if (req.url === '/api/v1/csrf') return json(res, 200, { token: 'tok' });
      seen.push(`${req.headers['content-type']} ${req.headers['x-csrf-token']} ${body}`);
      return json(res, 200, { rows: 1 });
    });
    const api = createApiClient({ baseUrl });
    await expect(
      api.postText('/navs/import', 'fund_code,date\n000001,2026-03-02', 'text/csv'),
    ).resolves.toEqual({
      rows: 1,
    });
    expect(seen).toEqual(['text/csv tok fund_code,date\n000001,2026-03-02']);
  });

  it('turns a refused connection into a network_error with status 0', async () => {
    const baseUrl = await serve((_req, res) => res.end());
    await stopServer();
    const error = (await createApiClient({ baseUrl })
      .get('/me')
      .catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([0, 'network_error']);
  });
});
