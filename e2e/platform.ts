import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The running platform under test: both servers on their own ports over a fresh data directory. */
export interface Platform {
  portalUrl: string;
  consoleUrl: string;
  /** The demo staff password, as `onefin start` prints it. */
  staffPassword: string;
  /** The demo customers' password and mobiles, as printed. */
  customerPassword: string;
  customerMobiles: string[];
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

/** `onefin start` on free ports and a temporary data directory (deleted on stop). */
export async function startPlatform(): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onefin-e2e-'));
  const [portalPort, consolePort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ONEFIN_DATA_DIR: dataDir,
      PORTAL_PORT: String(portalPort),
      CONSOLE_PORT: String(consolePort),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    await waitForReady(portalUrl, child, 90_000);
    await waitForReady(consoleUrl, child, 10_000);
    // The logins line follows readiness by a moment.
    const deadline = Date.now() + 10_000;
    while (!/staff: .+ \/ \S+/.test(output) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const staff = /staff: .+ \/ (\S+)/.exec(output);
    // `customers (password P): 13800138001 张伟 C3, 13800138002 王芳 C4, …`
    const customers = /customers \(password (\S+)\): (.+)/.exec(output);
    if (!staff?.[1] || !customers?.[1] || !customers[2])
      throw new Error(`no demo logins in the output:\n${output}`);
    return {
      portalUrl,
      consoleUrl,
      staffPassword: staff[1],
      customerPassword: customers[1],
      customerMobiles: customers[2].split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''),
      stop,
    };
  } catch (error) {
    console.error(output);
    await stop();
    throw error;
  }
}
