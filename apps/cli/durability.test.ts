import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@onefin/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, 'src/main.ts');
let db: TestDatabase;
let dataDir: string;
let env: Record<string, string>;
const children: ChildProcess[] = [];

/** Starts the whole platform as `npm start` does and resolves with the portal's URL once it serves. */
function startPlatform(): Promise<{ child: ChildProcess; portal: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Portal\s+(http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ child, portal: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`platform exited with ${code}: ${out}`)));
  });
}

async function post(base: string, path: string, body: unknown): Promise<Response> {
  const csrf = await fetch(`${base}/api/v1/csrf`);
  const { token } = (await csrf.json()) as { token: string };
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie: `onefin_portal_csrf=${token}`,
    },
    body: JSON.stringify(body),
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'onefin-kill-'));
  env = {
    ...(process.env as Record<string, string>),
    ONEFIN_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORTAL_PORT: '0',
    CONSOLE_PORT: '0',
    ONEFIN_SEED: 'false',
  };
  if (db.url) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;
}, 120_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('nothing acknowledged is lost when the process is killed', { timeout: 180_000 }, () => {
  it('a registration answered with 201 survives kill -9 and a restart', async () => {
    const first = await startPlatform();
    const registered = await post(first.portal, '/api/v1/auth/register', {
      mobile: '13511112222',
      password: 'Durable2026',
      displayName: '持久',
    });
    expect(registered.status).toBe(201);
    await killHard(first.child);

    const second = await startPlatform();
    const login = await post(second.portal, '/api/v1/auth/login', {
      mobile: '13511112222',
      password: 'Durable2026',
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { account: { displayName: string } }).account.displayName).toBe('持久');
    await killHard(second.child);
  });
});
