import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@onefin/platform';
import { createPortalApp } from '@onefin/portal';
import { type BulkProduct, createProductsService, RISK_LEVELS, tradingDaysBetween } from '@onefin/products';
import autocannon from 'autocannon';
import { listenPortal, openRuntime, type Runtime } from '../apps/cli/src/runtime.ts';
import { loadWorld } from '../apps/cli/src/seed/world-load.ts';
import { demoWorld } from '../apps/cli/src/seed.ts';

/**
 * The financial supermarket under load: `GET /api/v1/products` with a rotation of filter, search and
 * sort combinations over 1,000 products loaded set-wise, against `/healthz` (no database) as the
 * baseline, in the same run. The portal runs in this process on a fresh embedded PGlite (or on
 * `DATABASE_URL`), as `bench/api.ts` does. Measured three ways: as deployed (the catalogue cache on),
 * with the cache off (every request a query), and signed in (plus the suitability check per item).
 */
const CONNECTIONS = 50;
const LIGHT_CONNECTIONS = 4;
const PRODUCTS = 1000;

/** The filters customers use, each a distinct query: the cache holds them, the uncached run queries each. */
const QUERIES = [
  '?kind=wealth&maxRisk=R3&sort=yield_desc',
  '?kind=fund&sort=newest',
  '?maxRisk=R2&termMin=90&termMax=400',
  '?minYield=0.03&maxMinAmount=50000',
  `?q=${encodeURIComponent('稳健')}`,
  '?kind=deposit,wealth&sort=term_asc',
  '?kind=wealth&category=private&sort=min_amount_asc',
  '?maxRisk=R4&sort=risk_desc&limit=50',
];

/**
 * The customers of the demo world (`onefin seed`'s generator and bulk loader) without its catalogue:
 * the issue's figure is with 100,000 customers seeded next to the bench's 1,000 products.
 */
async function seedCustomers(rt: Runtime, count: number): Promise<void> {
  if (count <= 0) return;
  const started = performance.now();
  const { world, endDate } = await demoWorld(rt.services, { customers: count, seed: 7 });
  const { counts } = await loadWorld(rt, { ...world, funds: [], products: [] }, { seed: 7, endDate });
  console.error(
    `loaded ${counts.individuals} individuals and ${counts.corporates} corporates in ${Math.round(performance.now() - started)} ms`,
  );
}

const cny = (amount: string) => ({ amount, currency: 'CNY' });
const DISCLOSURE = {
  zh: '理财非存款，产品有风险，投资须谨慎。过往业绩不代表未来表现。',
  en: 'Wealth products are not deposits and carry risk; past performance does not predict future returns.',
};
const WORDS = ['稳健', '安享', '鑫盈', '悦享', '智选', '恒利', '睿远', '天天'];

/** A varied catalogue: 40 funds, wealth products R1–R5 over many terms and yields, deposits, loans. */
function catalogue(now: Date): BulkProduct[] {
  const day = 86_400_000;
  const fundTypes = ['money_market', 'bond', 'equity', 'mixed', 'index'] as const;
  return Array.from({ length: PRODUCTS }, (_, i): BulkProduct => {
    const word = WORDS[i % WORDS.length] ?? '稳健';
    const base = {
      nameEn: `Product ${i}`,
      currency: 'CNY',
      disclosure: DISCLOSURE,
      customerTypes: ['individual'],
    };
    if (i < 40) {
      const fundType = fundTypes[i % fundTypes.length] ?? 'bond';
      const isMmf = fundType === 'money_market';
      const fee = isMmf ? '0' : '0.015';
      return {
        input: {
          ...base,
          code: `F${String(200_000 + i)}`,
          nameZh: `壹金${word}${fundType === 'index' ? '指数' : '混合'}${i}`,
          riskLevel: isMmf ? 'R1' : fundType === 'bond' ? 'R2' : 'R4',
          channels: ['web', 'app', 'branch'],
          attributes: {
            kind: 'fund',
            fundType,
            fundCode: String(200_000 + i),
            company: '壹金基金',
            manager: '王经理',
            inceptionDate: '2021-06-01',
            minimumSubscription: cny('10.00'),
            subscriptionFees: [{ fromAmount: cny('0.00'), rate: fee }],
            redemptionFees: [
              { minHoldingDays: 0, rate: isMmf ? '0' : '0.015' },
              { minHoldingDays: 7, rate: '0' },
            ],
            managementFeeRate: '0.012',
            custodyFeeRate: '0.002',
          },
        },
      };
    }
    if (i < 800) {
      const risk = RISK_LEVELS[i % 5] ?? 'R2';
      const isPrivate = i % 7 === 0;
      const low = (0.015 + (i % 5) * 0.005 + (i % 3) * 0.001).toFixed(4);
      return {
        input: {
          ...base,
          code: `WM-${i}`,
          nameZh: `${word}理财${i}期`,
          riskLevel: risk,
          channels: ['web', 'app', 'branch', 'phone'],
          salesStart: new Date(now.getTime() - 5 * day).toISOString(),
          salesEnd: new Date(now.getTime() + 60 * day).toISOString(),
          attributes: {
            kind: 'wealth',
            offering: isPrivate ? 'private' : 'public',
            issuer: '壹金理财',
            termDays: [7, 30, 91, 182, 365, 730][i % 6] ?? 91,
            expectedYieldMin: low,
            expectedYieldMax: (Number(low) + 0.006).toFixed(4),
            minimumAmount: cny(
              isPrivate ? '1000000.00' : (['1.00', '10000.00', '50000.00'][i % 3] ?? '1.00'),
            ),
            increment: cny('1.00'),
            coolingOffHours: isPrivate ? 24 : 0,
            size: cny('1000000000.00'),
          },
        },
      };
    }
    if (i < 950) {
      return {
        input: {
          ...base,
          code: `TD-${i}`,
          nameZh: `${word}定期存款${i}`,
          riskLevel: 'R1',
          channels: ['web', 'app', 'branch'],
          attributes: {
            kind: 'deposit',
            termDays: [90, 180, 365, 730, 1095][i % 5] ?? 365,
            annualRate: (0.008 + (i % 5) * 0.002).toFixed(4),
            earlyWithdrawalRate: '0.0005',
            minimumAmount: cny('50.00'),
            interestPayment: 'at_maturity',
            dayCount: 'act_360',
            autoRenew: true,
          },
        },
      };
    }
    return {
      input: {
        ...base,
        code: `LN-${i}`,
        nameZh: `${word}贷${i}`,
        riskLevel: 'R1',
        channels: ['web', 'app'],
        attributes: {
          kind: 'loan',
          loanType: 'consumer',
          rateMin: '0.0318',
          rateMax: '0.12',
          termsMonths: [3, 6, 12, 24, 36],
          repaymentMethods: ['equal_installment', 'equal_principal'],
          minAmount: cny('1000.00'),
          maxAmount: cny('300000.00'),
          dayCount: 'act_360',
          penaltyRateMultiplier: '1.5',
        },
      },
    };
  });
}

interface Measured {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
}

async function fire(
  base: string,
  paths: string[],
  durationS: number,
  options: { headers?: Record<string, string>; connections?: number } = {},
) {
  const headers = options.headers ?? {};
  const result = await autocannon({
    url: base,
    connections: options.connections ?? CONNECTIONS,
    duration: durationS,
    workers: 1,
    requests: paths.map((path) => ({ method: 'GET' as const, path, headers })),
  });
  if (result.errors > 0 || result.timeouts > 0)
    console.error(`${base}: ${result.errors} errors, ${result.timeouts} timeouts`);
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non2xx: result.non2xx,
  } satisfies Measured;
}

function cookieFrom(res: Response, name: string): string {
  const pair = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${name}=`));
  if (!pair) throw new Error(`${res.url} set no ${name} cookie (status ${res.status})`);
  return pair;
}

async function logInCustomer(base: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/v1/csrf`);
  const { token } = (await csrfRes.json()) as { token: string };
  const res = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie: cookieFrom(csrfRes, 'onefin_portal_csrf'),
    },
    body: JSON.stringify({
      mobile: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      password: 'Bench2026pw',
      displayName: '压测用户',
    }),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return cookieFrom(res, 'onefin_portal_sid');
}

export async function runCatalogueBench(): Promise<Record<string, unknown>> {
  const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
  if (!Number.isFinite(durationS) || durationS <= 0) throw new Error('BENCH_DURATION_S must be > 0');
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 0);
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
  // The same portal with the catalogue cache off, on the same database: what every query costs.
  const uncachedProducts = createProductsService({
    db: rt.db.primary,
    reads: rt.db.replica,
    clock: rt.services.clock,
    events: rt.services.events,
    customers: rt.services.customers,
    approvals: rt.services.identity,
    settings: { catalogueCacheMs: 0 },
  });
  const uncachedApp = await createPortalApp({
    services: { ...rt.services, products: uncachedProducts },
    db: rt.db,
    csrfSecret: config.secrets.csrfSecret,
    secureCookies: false,
    loginRateLimitPerMinute: 1000,
    logLevel: 'warn',
  });
  const uncachedUrl = await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
  try {
    const started = performance.now();
    const loaded = await rt.services.products.bulkLoadProducts(catalogue(rt.services.clock.now()));
    if (!loaded.ok) throw new Error(`loading products: ${loaded.detail}`);
    const today = new Date(rt.services.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const days = tradingDaysBetween('2026-01-01', today < '2027-12-31' ? today : '2027-12-31');
    const navs = Array.from({ length: 40 }, (_, i) =>
      days.map((date, k) => {
        const nav = (1 + 0.0004 * k + 0.01 * Math.sin(k / 9 + i)).toFixed(4);
        const isMmf = i % 5 === 0;
        return {
          fundCode: String(200_000 + i),
          date,
          nav: isMmf ? '1.0000' : nav,
          accNav: isMmf ? '1.0000' : nav,
          per10kIncome: isMmf ? '0.5' : null,
          yield7d: isMmf ? '0.018' : null,
        };
      }),
    ).flat();
    const loadedNavs = await rt.services.products.bulkLoadNavs(navs);
    if (!loadedNavs.ok) throw new Error(`loading NAVs: ${loadedNavs.detail}`);
    const loadMs = Math.round(performance.now() - started);
    await seedCustomers(rt, customers);
    for (const q of QUERIES) {
      const res = await fetch(`${url}/api/v1/products${q}`);
      if (res.status !== 200) throw new Error(`${q} answered ${res.status}: ${await res.text()}`);
    }
    const lists = QUERIES.map((q) => `/api/v1/products${q}`);
    const cookie = await logInCustomer(url);
    const warmUpS = Math.min(2, durationS);
    console.error(
      `loaded ${PRODUCTS} products and ${navs.length} NAVs in ${loadMs} ms; ${durationS} s per run, ${CONNECTIONS} connections`,
    );
    await fire(url, ['/healthz'], warmUpS);
    const healthz = await fire(url, ['/healthz'], durationS);
    await fire(url, lists, warmUpS);
    const list = await fire(url, lists, durationS);
    await fire(uncachedUrl, lists, warmUpS);
    const uncached = await fire(uncachedUrl, lists, durationS);
    const signedIn = await fire(url, lists, durationS, { headers: { cookie } });
    // What one customer waits when the server is busy but not saturated (the runs above queue 50 deep).
    const light = {
      healthz: await fire(url, ['/healthz'], durationS, { connections: LIGHT_CONNECTIONS }),
      signed_in: await fire(url, lists, durationS, { headers: { cookie }, connections: LIGHT_CONNECTIONS }),
      uncached: await fire(uncachedUrl, lists, durationS, { connections: LIGHT_CONNECTIONS }),
    };
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      bench: 'catalogue',
      engine: rt.db.engine,
      products: PRODUCTS,
      customers,
      connections: CONNECTIONS,
      duration_s: durationS,
      load_ms: loadMs,
      rps: list.rps,
      p50_ms: list.p50_ms,
      p99_ms: list.p99_ms,
      non2xx: list.non2xx,
      healthz: { rps: healthz.rps, p50_ms: healthz.p50_ms, p99_ms: healthz.p99_ms },
      list_vs_healthz: Number((list.rps / healthz.rps).toFixed(3)),
      uncached,
      uncached_vs_healthz: Number((uncached.rps / healthz.rps).toFixed(3)),
      signed_in: signedIn,
      light: { connections: LIGHT_CONNECTIONS, ...light },
    };
  } finally {
    await uncachedApp.close();
    await app.close();
    await rt.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
