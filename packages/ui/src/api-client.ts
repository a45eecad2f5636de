/** One field the server refused, named by its dotted input path (e.g. `body.mobile`). */
export interface ProblemFieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem+json body as OneFin's servers send it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: ProblemFieldError[];
}

/** A non-2xx answer (or no answer at all: status 0, code `network_error`) carrying the server's problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Prefix of every path, e.g. `/api/v1`. */
  baseUrl: string;
  /** Called on every 401, e.g. to send the user back to the log-in page. */
  onUnauthorized?: (error: ApiError, path: string) => void;
}

/** A `fetch` wrapper: same-origin cookies, JSON both ways, CSRF token on state-changing requests. */
export interface ApiClient {
  get<T>(path: string, query?: QueryParams): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /**
   * POSTs with an `Idempotency-Key` (orders, payments): a retry with the same key gets the first
   * answer, never a second order. Keep the key until a definite answer came back.
   */
  postIdempotent<T>(path: string, body: unknown, idempotencyKey: string): Promise<T>;
  /** POSTs text as it is, e.g. a CSV file with `text/csv`; answers and errors as for `post`. */
  postText<T>(path: string, text: string, contentType: string): Promise<T>;
}

export type QueryParams = Record<string, string | number | undefined | null>;

const CSRF_HEADER = 'x-csrf-token';

/** A body sent as it is rather than as JSON. */
class RawBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toProblem(response: Response, body: unknown): Problem {
  if (isProblem(body)) {
    return { ...body, type: body.type ?? 'about:blank', code: body.code ?? `http_${response.status}` };
  }
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: `http_${response.status}`,
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  let csrfToken: string | undefined;
  let csrfPending: Promise<string> | undefined;

  async function send(
    method: Method,
    path: string,
    body: unknown,
    token?: string,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    const raw = body instanceof RawBody ? body : undefined;
    if (body !== undefined) headers['content-type'] = raw ? raw.contentType : 'application/json';
    if (token) headers[CSRF_HEADER] = token;
    try {
      return await fetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: raw ? raw.text : JSON.stringify(body) }),
      });
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new ApiError({
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: 'network_error',
        detail,
      });
    }
  }

  async function fetchCsrfToken(): Promise<string> {
    const response = await send('GET', '/csrf', undefined);
    const body = await readBody(response);
    if (!response.ok) throw new ApiError(toProblem(response, body));
    const token = (body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') throw new Error('GET /csrf answered without a token');
    return token;
  }

  /** One token for the page's lifetime; concurrent first requests share one fetch. */
  function csrf(refresh: boolean): Promise<string> {
    if (refresh) csrfToken = undefined;
    if (csrfToken) return Promise.resolve(csrfToken);
    csrfPending ??= fetchCsrfToken()
      .then((token) => {
        csrfToken = token;
        return token;
      })
      .finally(() => {
        csrfPending = undefined;
      });
    return csrfPending;
  }

  async function request<T>(
    method: Method,
    path: string,
    body?: unknown,
    extra?: Record<string, string>,
  ): Promise<T> {
    const isStateChanging = method !== 'GET';
    let response = await send(method, path, body, isStateChanging ? await csrf(false) : undefined, extra);
    let parsed = await readBody(response);
    if (
      isStateChanging &&
      response.status === 403 &&
      isProblem(parsed) &&
      parsed.code === 'csrf_token_invalid'
    ) {
      // The token may have rotated (a new session, a server restart): fetch a fresh one and retry once.
      response = await send(method, path, body, await csrf(true), extra);
      parsed = await readBody(response);
    }
    if (!response.ok) {
      const error = new ApiError(toProblem(response, parsed));
      if (error.status === 401) options.onUnauthorized?.(error, path);
      throw error;
    }
    return parsed as T;
  }

  return {
    get: (path, query) => request('GET', withQuery(path, query)),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    postIdempotent: (path, body, idempotencyKey) =>
      request('POST', path, body ?? {}, { 'idempotency-key': idempotencyKey }),
    postText: (path, text, contentType) => request('POST', path, new RawBody(text, contentType)),
  };
}
