import { type ChildProcess, spawn } from 'node:child_process';
import { ConfigError } from '@onefin/kernel';
import { loadConfig } from '@onefin/platform';
import { createWorker, serviceJobs } from '@onefin/worker';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import pino from 'pino';
import { registerModelCommands } from './model.ts';
import { listenConsole, listenPortal, openRuntime, type Runtime } from './runtime.ts';
import { MAX_SEED_CUSTOMERS, parseSeedFlags } from './seed/options.ts';
import { DEFAULT_WORLD, demoLoginsText, type SeedReport, seedDemo } from './seed.ts';

type Closer = () => Promise<void>;

/** Stops cleanly on SIGINT/SIGTERM: servers first, then the worker, then the database. */
function closeOnSignal(closers: Closer[]): void {
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    for (const c of closers) await c().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

async function withRuntime(env: Record<string, string | undefined> = process.env): Promise<Runtime> {
  try {
    return await openRuntime(loadConfig(env));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Seeds with one progress bar across every stage (on stderr, so stdout stays the logins). */
async function seedWithProgress(
  rt: Runtime,
  world: { customers: number; seed: string } = DEFAULT_WORLD,
): Promise<SeedReport> {
  const bar = new SingleBar({
    format: 'seeding {stage} [{bar}] {percentage}% {value}/{total}',
    clearOnComplete: true,
    stream: process.stderr,
    noTTYOutput: false,
  });
  // the world is generated before the first update can be drawn (generation holds the event loop)
  bar.start(1, 0, { stage: 'generating world'.padEnd(16) });
  try {
    return await seedDemo(rt, {
      ...world,
      ...(rt.config.ONEFIN_SEED_MODEL_ROWS > 0 ? { modelRows: rt.config.ONEFIN_SEED_MODEL_ROWS } : {}),
      onProgress: ({ stage, done, total }) => {
        bar.setTotal(total);
        bar.update(done, { stage: stage.padEnd(16) });
      },
    });
  } finally {
    bar.stop();
  }
}

function worldText(report: SeedReport, seed: string): string {
  if (report.world === 'already_seeded')
    return 'world already seeded: nothing added (one world per database; seed a fresh database to change its size or seed)';
  const w = report.world;
  return `world (seed ${seed}): ${w.individuals} individuals, ${w.corporates} corporates, ${w.relationships} relationships, ${w.assessments} risk assessments, ${w.funds} funds with ${w.navs} NAVs, ${w.products} other products on sale`;
}

function startWorker(rt: Runtime) {
  const log = pino({ level: rt.config.LOG_LEVEL, name: 'worker' });
  const worker = createWorker({ db: rt.db, log, jobs: serviceJobs(rt.services) });
  worker.start();
  return worker;
}

/** The vite dev servers of both web apps; they proxy /api to the portal and console started here. */
function startViteDevServers(): ChildProcess[] {
  return ['portal', 'console'].map((app) =>
    spawn('npx', ['vite', '--config', `apps/${app}/web/vite.config.ts`, '--host', '127.0.0.1'], {
      stdio: 'inherit',
    }),
  );
}

const program = new Command('onefin').description('OneFin operator commands').showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const rt = await withRuntime();
    console.log('database is at the latest migration');
    await rt.db.close();
  });

program
  .command('seed')
  .description('create the deterministic demo world and print its logins (adds nothing when run again)')
  .option(
    '--customers <n>',
    `individual customers to generate, 0–${MAX_SEED_CUSTOMERS.toLocaleString('en')} (corporates: one per 40)`,
    String(DEFAULT_WORLD.customers),
  )
  .option('--seed <s>', 'random seed: the same seed gives the same world', DEFAULT_WORLD.seed)
  .action(async (flags: { customers: string; seed: string }) => {
    const parsed = parseSeedFlags(flags);
    if (!parsed.ok) {
      console.error(`onefin seed: ${parsed.detail}`);
      process.exit(2);
    }
    const rt = await withRuntime();
    const started = Date.now();
    const report = await seedWithProgress(rt, parsed.value);
    console.log(
      `seeded ${report.created} new records in ${((Date.now() - started) / 1000).toFixed(1)} s (${rt.db.engine})`,
    );
    console.log(worldText(report, parsed.value.seed));
    console.log(
      demoLoginsText(
        `http://${rt.config.HOST}:${rt.config.PORTAL_PORT}`,
        `http://${rt.config.HOST}:${rt.config.CONSOLE_PORT}`,
      ),
    );
    await rt.db.close();
  });

program
  .command('serve')
  .description('run one deployable as its own process (production shape)')
  .argument('<app>', 'portal | console | worker')
  .action(async (which: string) => {
    if (!['portal', 'console', 'worker'].includes(which))
      program.error(`unknown app "${which}": use portal, console or worker`);
    // Each process would run its own copy of the clock, and moving one would not move the others.
    if (process.env.ONEFIN_DEMO_CLOCK) {
      console.error('ONEFIN_DEMO_CLOCK works with `onefin start` only, where one process shares the clock');
      process.exit(2);
    }
    const rt = await withRuntime();
    if (which === 'worker') {
      const worker = startWorker(rt);
      closeOnSignal([() => worker.stop(), () => rt.db.close()]);
      return;
    }
    const { app, url } = which === 'portal' ? await listenPortal(rt) : await listenConsole(rt);
    console.log(`${which} listening on ${url}`);
    closeOnSignal([() => app.close(), () => rt.db.close()]);
  });

program
  .command('start')
  .description('migrate, seed on first run, and run portal, console and worker in this process')
  .option('--dev', 'also run both web apps under the vite dev server (hot reload on 5173 and 5174)')
  .option(
    '--clock <instant>',
    'demo only: run on a clock that starts at this ISO 8601 instant (e.g. 2026-11-10T09:30:00+08:00) and that operations can move forward from the console (POST /api/v1/demo/clock); same as ONEFIN_DEMO_CLOCK',
  )
  .action(async (opts: { dev?: boolean; clock?: string }) => {
    const started = Date.now();
    const rt = await withRuntime(
      opts.clock ? { ...process.env, ONEFIN_DEMO_CLOCK: opts.clock } : process.env,
    );
    if (rt.config.ONEFIN_SEED && (await rt.services.identity.listStaff()).length === 0)
      await seedWithProgress(rt);
    const portal = await listenPortal(rt);
    const consoleApp = await listenConsole(rt);
    const worker = startWorker(rt);
    const viteServers = opts.dev ? startViteDevServers() : [];
    closeOnSignal([
      async () => {
        for (const child of viteServers) child.kill('SIGTERM');
      },
      () => portal.app.close(),
      () => consoleApp.app.close(),
      () => worker.stop(),
      () => rt.db.close(),
    ]);
    console.log(`OneFin is up in ${((Date.now() - started) / 1000).toFixed(1)} s (${rt.db.engine})`);
    if (rt.demoClock)
      console.log(
        `Demo clock at ${rt.demoClock.now().toISOString()}: move it forward on the console's 运营 → 演示时钟 page (${consoleApp.url}/demo/clock) or with POST ${consoleApp.url}/api/v1/demo/clock {"advance":"P1D"} (admin or operations)`,
      );
    console.log(demoLoginsText(portal.url, consoleApp.url));
    if (opts.dev)
      console.log('Hot-reloading web apps: portal http://127.0.0.1:5173  console http://127.0.0.1:5174');
  });

const audit = program.command('audit').description('audit log tools');
audit
  .command('verify')
  .description('recompute the hash chain; exit 1 naming the first bad row')
  .action(async () => {
    const rt = await withRuntime();
    const result = await rt.services.audit.verify();
    await rt.db.close();
    if (result.ok) {
      console.log(`audit chain intact: ${result.checked} events verified`);
      return;
    }
    console.error(
      `audit chain BROKEN at seq ${result.seq}: ${result.problem} (${result.checked} events verified before it)`,
    );
    process.exit(1);
  });

// Model commands use the registry of the configured database (the embedded one by default).
registerModelCommands(program, async () => {
  const rt = await withRuntime();
  return { models: rt.services.models, close: () => rt.db.close() };
});

await program.parseAsync();
