import type { App } from '@onefin/http';
import type { LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Drives an app through `inject` like a browser would: keeps cookies, fetches and sends the CSRF
 * token on state-changing requests (unless told not to).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(private readonly app: App) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async csrf(): Promise<string> {
    if (!this.csrfToken) {
      const res = await this.request('GET', '/api/v1/csrf');
      this.csrfToken = res.json<{ token: string }>().token;
    }
    return this.csrfToken;
  }

  async request(
    method: Method,
    url: string,
    opts: { body?: unknown; rawBody?: string; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = await this.csrf();
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
    if (hasBody) headers['content-type'] ??= 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(opts.rawBody !== undefined
        ? { payload: opts.rawBody }
        : opts.body !== undefined
          ? { payload: JSON.stringify(opts.body) }
          : {}),
    });
    this.remember(res);
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, opts: { csrf?: boolean } = {}) {
    return this.request('POST', url, { ...opts, ...(body === undefined ? {} : { body }) });
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
