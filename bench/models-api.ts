import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '@onefin/platform';
import { listenConsole, openRuntime } from '../apps/cli/src/runtime.ts';
import { DEMO_MODEL_STAFF, seedModelVersions } from '../apps/cli/src/seed/models.ts';
import { profilePhase } from './support.ts';

/**
 * One applicant scored through the console API, as the "score an applicant" form does it: a risk
 * officer's `POST /api/v1/models/credit/score` over HTTP on localhost, one request at a time, against
 * the active credit version (session check, validation, scoring, the decision row written). The
 * console runs in this process on a fresh embedded PGlite, or on `DATABASE_URL`; the client runs in
 * a worker thread (`models-api-client.mjs`), off the server's event loop as a browser is.
 */
const PASSWORD = 'Bench2026pw';

function cookieFrom(res: Response, name: string): string {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    if (pair?.startsWith(`${name}=`)) return pair;
  }
  throw new Error(`${res.url} set no ${name} cookie (status ${res.status})`);
}

async function logInStaff(base: string, username: string) {
  const csrfRes = await fetch(`${base}/api/v1/csrf`);
  const { token } = (await csrfRes.json()) as { token: string };
  const csrf = cookieFrom(csrfRes, 'onefin_console_csrf');
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrf },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return { 'x-csrf-token': token, cookie: `${csrf}; ${cookieFrom(res, 'onefin_console_sid')}` };
}

const APPLICANT = {
  LIMIT_BAL: 50_000,
  SEX: 2,
  EDUCATION: 2,
  MARRIAGE: 1,
  AGE: 37,
  PAY_0: 1,
  PAY_2: 2,
  PAY_3: 0,
  PAY_4: 0,
  PAY_5: 0,
  PAY_6: 0,
  BILL_AMT1: 46_990,
  BILL_AMT2: 48_233,
  BILL_AMT3: 49_291,
  BILL_AMT4: 28_314,
  BILL_AMT5: 28_959,
  BILL_AMT6: 29_547,
  PAY_AMT1: 2_000,
  PAY_AMT2: 2_019,
  PAY_AMT3: 1_200,
  PAY_AMT4: 1_100,
  PAY_AMT5: 1_069,
  PAY_AMT6: 1_000,
};

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

/** p50 and p99 of single scores through the API, after a warm-up. */
export async function consoleScoreLatency(requests = 4000): Promise<{ p50_ms: number; p99_ms: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'onefin-bench-models-'));
  const config = loadConfig({
    ...process.env,
    ONEFIN_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    CONSOLE_PORT: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const rt = await openRuntime(config);
  const { app, url } = await listenConsole(rt);
  try {
    for (const [username, roles] of [
      [DEMO_MODEL_STAFF.maker, ['analyst']],
      [DEMO_MODEL_STAFF.checker, ['risk_officer']],
    ] as const)
      await rt.services.identity.bootstrapStaff({
        username,
        displayName: username,
        password: PASSWORD,
        roles,
      });
    await seedModelVersions(rt.services, { rows: 5000, models: ['credit'] });
    const headers = {
      ...(await logInStaff(url, DEMO_MODEL_STAFF.checker)),
      'content-type': 'application/json',
    };
    // Warm, as a serving process is: the first ~1,500 requests ran with a p99 a third higher while
    // V8 still optimised the request path and tiered up PGlite's WebAssembly (500-request windows
    // after 200 warm-up requests: p99 5.3, 4.8, 6.1, then 4.3, 3.7, 4.2, 4.8, 4.0 ms). The worker
    // sends 2,000 of them before it starts timing; BENCH_CPUPROFILE covers both.
    const stopProfile = await profilePhase('models-single');
    const latencies = await new Promise<number[]>((resolve, reject) => {
      const client = new Worker(new URL('./models-api-client.mjs', import.meta.url), {
        workerData: {
          url: `${url}/api/v1/models/credit/score`,
          headers,
          body: JSON.stringify(APPLICANT),
          warmUp: 2000,
          requests,
        },
      });
      client.once('message', resolve);
      client.once('error', reject);
    });
    await stopProfile();
    latencies.sort((a, b) => a - b);
    const round = (v: number) => Math.round(v * 100) / 100;
    return { p50_ms: round(percentile(latencies, 0.5)), p99_ms: round(percentile(latencies, 0.99)) };
  } finally {
    await app.close();
    await rt.db.close();
  }
}
