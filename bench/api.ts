import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@onefin/platform';
import autocannon from 'autocannon';
import { listenPortal, openRuntime } from '../apps/cli/src/runtime.ts';

/**
 * The portal under load: `/healthz` (no database, the baseline) and then `GET /api/v1/me` with a
 * logged-in customer's cookie (session lookup + profile read + PII decryption). The portal runs
 * in this process on a fresh embedded PGlite (or on `DATABASE_URL`); autocannon fires from a worker
 * thread so the load generator does not share the server's event loop.
 */
const CONNECTIONS = 50;

interface Measured {
  rps: number;
  p99_ms: number;
  non2xx: number;
}

function cookieFrom(res: Response, name: string): string {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    if (pair?.startsWith(`${name}=`)) return pair;
  }
  throw new Error(`${res.url} set no ${name} cookie (status ${res.status})`);
}

/** Registers a customer through the API, as the browser does, and returns its session cookie. */
async function logInCustomer(base: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/v1/csrf`);
  const { token } = (await csrfRes.json()) as { token: string };
  const csrfCookie = cookieFrom(csrfRes, 'onefin_portal_csrf');
  const mobile = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const res = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ mobile, password: 'Bench2026pw', displayName: '压测用户' }),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return cookieFrom(res, 'onefin_portal_sid');
}

async function fire(url: string, durationS: number, headers: Record<string, string>): Promise<Measured> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    headers,
    workers: 1,
  });
  if (result.errors > 0 || result.timeouts > 0)
    console.error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts`);
  return {
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

export async function runApiBench(): Promise<Record<string, unknown>> {
  const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
  if (!Number.isFinite(durationS) || durationS <= 0) throw new Error('BENCH_DURATION_S must be > 0');
  const dataDir = await mkdtemp(join(tmpdir(), 'onefin-bench-'));
  const config = loadConfig({
    ...process.env,
    ONEFIN_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORTAL_PORT: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const rt = await openRuntime(config);
  const { app, url } = await listenPortal(rt);
  try {
    const cookie = await logInCustomer(url);
    const me = await fetch(`${url}/api/v1/me`, { headers: { cookie } });
    if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status}: ${await me.text()}`);
    const warmUpS = Math.min(2, durationS);
    console.error(`warming up ${warmUpS} s, then ${durationS} s per endpoint, ${CONNECTIONS} connections`);
    await fire(`${url}/healthz`, warmUpS, {});
    const healthz = await fire(`${url}/healthz`, durationS, {});
    await fire(`${url}/api/v1/me`, warmUpS, { cookie });
    const mine = await fire(`${url}/api/v1/me`, durationS, { cookie });
    // autocannon drops its sockets at the deadline; let the requests the server already took finish
    // before the database closes under them
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      bench: 'api',
      engine: rt.db.engine,
      connections: CONNECTIONS,
      duration_s: durationS,
      healthz: { rps: healthz.rps, p99_ms: healthz.p99_ms },
      me: mine,
      me_vs_healthz: Number((mine.rps / healthz.rps).toFixed(3)),
      rps: mine.rps,
      p99_ms: mine.p99_ms,
    };
  } finally {
    await app.close();
    await rt.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
