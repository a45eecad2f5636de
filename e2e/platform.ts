import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where the journeys' demo clock starts (`onefin start --clock`), so they read the same whatever the
 * wall-clock time: Tuesday 10 November 2026, 09:30 in Shanghai, a trading day before the 15:00 fund
 * cut-off, whose NAVs the seeded world has (its history ends on the clock's date), and followed by
 * a trading day (T+1 is Wednesday 11 November). Journeys that move the clock on run last.
 */
export const DEMO_CLOCK_START = '2026-11-10T09:30:00+08:00';

/** The running platform under test: both servers on their own ports over a fresh data directory. */
export interface Platform {
  portalUrl: string;
  consoleUrl: string;
  /** The demo staff password, as `onefin start` prints it. */
  staffPassword: string;
  /** The demo customers' password and mobiles, as printed. */
  customerPassword: string;
  customerMobiles: string[];
  /** The servers' demo clock now: it started at DEMO_CLOCK_START and runs on, or from where it was moved. */
  now(): Date;
  /** Tells this object the servers' clock was moved to `now` (the answer of POST /api/v1/demo/clock). */
  clockMovedTo(now: Date): void;
  stop(): Promise<void>;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((name) => name !== 'node_modules' && name !== 'dist' && !name.endsWith('.test.ts'))
      .map((name) => newestMtime(join(path, name))),
  );
}

/** Builds a web app with Vite unless its dist is newer than everything it is built from. */
export function ensureWebBuilt(app: 'portal' | 'console'): void {
  const web = join(ROOT, 'apps', app, 'web');
  const built = join(web, 'dist', 'index.html');
  const sourcesChanged = Math.max(newestMtime(web), newestMtime(join(ROOT, 'packages', 'ui')));
  if (existsSync(built) && statSync(built).mtimeMs >= sourcesChanged) return;
  console.log(`building ${app} web…`);
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`vite build of ${app} failed`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the platform exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}/readyz did not answer within ${timeoutMs} ms`);
}

/** `onefin start --clock DEMO_CLOCK_START` on free ports and a temporary data directory (deleted on stop). */
export async function startPlatform(): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onefin-e2e-'));
  const [portalPort, consolePort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/cli/src/main.ts', 'start', '--clock', DEMO_CLOCK_START],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ONEFIN_DATA_DIR: dataDir,
        PORTAL_PORT: String(portalPort),
        CONSOLE_PORT: String(consolePort),
        LOG_LEVEL: 'warn',
        // the models trained on 5,000 rows each: the pages and journeys read the same, in seconds
        ONEFIN_SEED_MODEL_ROWS: '5000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    const consoleUrl = `http://127.0.0.1:${consolePort}`;
    // The first start seeds the demo world and trains both models (about a minute on a busy 2-core machine).
    await waitForReady(portalUrl, child, 240_000);
    await waitForReady(consoleUrl, child, 10_000);
    // The logins line follows readiness by a moment.
    const deadline = Date.now() + 10_000;
    while (!/staff: .+ \/ \S+/.test(output) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const staff = /staff: .+ \/ (\S+)/.exec(output);
    // `Demo clock at 2026-11-10T01:30:02.114Z: move it forward with …`, printed just before the logins
    const clock = /Demo clock at (\S+):/.exec(output);
    // `customers (password P): 13800138001 张伟 C3, 13800138002 王芳 C4, …`
    const customers = /customers \(password (\S+)\): (.+)/.exec(output);
    if (!staff?.[1] || !customers?.[1] || !customers[2] || !clock?.[1])
      throw new Error(`no demo logins or demo clock in the output:\n${output}`);
    // How far the demo clock is ahead of this machine's (negative: behind); within a few ms.
    let offsetMs = Date.parse(clock[1]) - Date.now();
    return {
      portalUrl,
      consoleUrl,
      staffPassword: staff[1],
      customerPassword: customers[1],
      customerMobiles: customers[2].split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''),
      now: () => new Date(Date.now() + offsetMs),
      clockMovedTo: (now) => {
        offsetMs = now.getTime() - Date.now();
      },
      stop,
    };
  } catch (error) {
    console.error(output);
    await stop();
    throw error;
  }
}
