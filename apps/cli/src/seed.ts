import type { Role } from '@onefin/identity';
import { businessDateOf } from '@onefin/kernel';
import type { CustomerFeatures } from '@onefin/models';
import type { Services } from '@onefin/platform';
import { seedAdjustment, seedReconciliationBreak } from './seed/books.ts';
import { completeDemoProfile, type DemoCustomer, demoIdentities } from './seed/demo-profiles.ts';
import { seedModelVersions } from './seed/models.ts';
import {
  MONEY_STORIES,
  placeOpenWithdrawals,
  type SeedTarget,
  seedCustomerMoney,
  settleSeedPayouts,
} from './seed/money.ts';
import { type FeatureProfile, modelFeatures } from './seed/world/model-features.ts';
import { createRng } from './seed/world/random.ts';
import { generateCatalogue, generateCustomers, type World } from './seed/world/world.ts';
import { isWorldLoaded, loadWorld, type WorldCounts, worldRows } from './seed/world-load.ts';

export type { SeedTarget } from './seed/money.ts';

export const DEMO_STAFF_PASSWORD = 'OneFin@2026';
export const DEMO_CUSTOMER_PASSWORD = 'Customer@2026';

/** One demo user per role, plus a second admin and a second operations officer for maker–checker. */
export const DEMO_STAFF: readonly { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '赵敏 (系统管理员)', roles: ['admin'] },
  { username: 'admin2', displayName: '钱坤 (系统管理员)', roles: ['admin'] },
  { username: 'advisor', displayName: '孙丽 (理财顾问)', roles: ['advisor'] },
  { username: 'phone_sales', displayName: '李强 (电话销售)', roles: ['phone_sales'] },
  { username: 'agent', displayName: '周杰 (个人代理人)', roles: ['agent'] },
  { username: 'branch', displayName: '吴芳 (网点柜员)', roles: ['branch'] },
  { username: 'corporate_sales', displayName: '郑伟 (团体业务)', roles: ['corporate_sales'] },
  { username: 'operations', displayName: '王磊 (运营)', roles: ['operations'] },
  // A second operations officer: ledger adjustments need a maker and a different checker.
  { username: 'ops2', displayName: '何静 (运营)', roles: ['operations'] },
  { username: 'risk_officer', displayName: '冯雪 (风控)', roles: ['risk_officer'] },
  { username: 'underwriter', displayName: '陈晨 (核保)', roles: ['underwriter'] },
  { username: 'service_desk', displayName: '褚萍 (服务台)', roles: ['service_desk'] },
  { username: 'analyst', displayName: '卫东 (数据分析)', roles: ['analyst'] },
  { username: 'marketing', displayName: '杨帆 (市场营销)', roles: ['marketing'] },
  { username: 'auditor', displayName: '蒋琳 (审计)', roles: ['auditor'] },
];

/**
 * The fixed portal log-ins, each with a complete, KYC-verified profile and a risk level of their own
 * (so suitability says something different to each); 陈静 has not taken the questionnaire yet, so a
 * journey can take it.
 */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    mobile: '13800138001',
    displayName: '张伟',
    gender: 'male',
    age: 38,
    email: 'zhang.wei@example.com',
    occupation: 'enterprise_staff',
    incomeBand: '300k_500k',
    riskLevel: 'C3',
  },
  {
    mobile: '13800138002',
    displayName: '王芳',
    gender: 'female',
    age: 41,
    email: 'wang.fang@example.com',
    occupation: 'finance',
    incomeBand: '500k_1m',
    riskLevel: 'C4',
  },
  {
    mobile: '13900139003',
    displayName: '李娜',
    gender: 'female',
    age: 29,
    email: 'li.na@example.com',
    occupation: 'professional',
    incomeBand: '100k_300k',
    riskLevel: 'C2',
  },
  {
    mobile: '13700137004',
    displayName: '刘洋',
    gender: 'male',
    age: 46,
    email: 'liu.yang@example.com',
    occupation: 'business_owner',
    incomeBand: 'over_1m',
    riskLevel: 'C5',
  },
  {
    mobile: '13600136005',
    displayName: '陈静',
    gender: 'female',
    age: 26,
    email: 'chen.jing@example.com',
    occupation: 'freelancer',
    incomeBand: '100k_300k',
    riskLevel: null,
  },
];

/** The customer whose cash account gets the seeded maker–checker adjustment (张伟). */
export const ADJUSTED_CUSTOMER = '13800138001';

/** What `npm start` seeds on first run and `onefin seed` without options: small, so start-up stays quick. */
export const DEFAULT_WORLD = { customers: 200, seed: '7' } as const;

export interface SeedOptions {
  /** Individual customers in the generated world (corporates: one per 40 of them). */
  customers?: number;
  /** The same seed always gives the same world. */
  seed?: number | string;
  onProgress?: (progress: { stage: string; done: number; total: number }) => void;
  /** Train the demo's models on the first rows of each training file only (tests); all rows by default. */
  modelRows?: number;
}

export interface SeedReport {
  /** Records this run added (0 on a rerun). */
  created: number;
  /** The world this run loaded, or `already_seeded` when the database holds one (it is never added twice). */
  world: WorldCounts | 'already_seeded';
}

/**
 * Creates the demo world: staff, the demo log-ins with complete profiles and each new one's money
 * (cards, top-ups, withdrawals), one maker–checker adjustment, one bank-side break for today's
 * reconciliation, and the generated world (customers, corporates, families, assessments, funds with
 * NAV histories, the rest of the catalogue).
 *
 * Running it again adds nothing: a customer who already exists keeps what they have, the money is
 * placed with fixed idempotency keys, and a database that holds a world (of any size or seed) gets
 * no second one. To change the world's size or seed, seed a fresh database.
 */
export async function seedDemo(target: SeedTarget, options: SeedOptions = {}): Promise<SeedReport> {
  const { services } = target;
  const seed = options.seed ?? DEFAULT_WORLD.seed;
  let stage = 'generating world';
  let done = 0;
  let total = 1;
  let created = 0;
  const report = () => options.onProgress?.({ stage, done, total });
  report();
  // The catalogue alone tells whether a world is there: generate the customers only when it is not.
  const endDate = await worldEndDate(services);
  const catalogue = generateCatalogue({ seed, endDate });
  const isLoaded = await isWorldLoaded(services, catalogue);
  const world: World = {
    ...(isLoaded
      ? EMPTY_CUSTOMERS
      : demoCustomers(options.customers ?? DEFAULT_WORLD.customers, seed, endDate)),
    ...catalogue,
  };
  // staff, log-ins, profiles, each story's money, the bank's answers, the open withdrawals, the books
  total =
    DEMO_STAFF.length +
    DEMO_CUSTOMERS.length * 2 +
    MONEY_STORIES.length +
    3 +
    MODELS.length +
    (isLoaded ? 0 : worldRows(world) + world.individuals.length);
  /** The bar names the stage under way, and moves as each of its steps is done. */
  const begin = (name: string) => {
    stage = name;
    report();
  };
  const step = (records = 0, units = 1) => {
    created += records;
    done += units;
    report();
  };

  begin('staff');
  for (const staff of DEMO_STAFF) {
    const r = await services.identity.bootstrapStaff({ ...staff, password: DEMO_STAFF_PASSWORD });
    step(r.ok ? 1 : 0);
  }
  /** Customers registered by this run, by mobile: only they get the profile and the seeded money. */
  const fresh = new Map<string, string>();
  begin('demo log-ins');
  for (const { mobile, displayName } of DEMO_CUSTOMERS) {
    const r = await services.identity.registerCustomer(
      { mobile, displayName, password: DEMO_CUSTOMER_PASSWORD },
      { requestId: 'seed' },
    );
    if (r.ok) fresh.set(mobile, r.value.id);
    step(r.ok ? 1 : 0);
  }
  begin('demo profiles');
  const identities = demoIdentities(DEMO_CUSTOMERS);
  for (const demo of DEMO_CUSTOMERS) {
    const customerId = fresh.get(demo.mobile);
    const identity = identities.get(demo.mobile);
    const records =
      customerId && identity ? await completeDemoProfile(services, customerId, demo, identity) : 0;
    step(records);
  }
  begin('demo money');
  const open: (() => Promise<number>)[] = [];
  for (const story of MONEY_STORIES) {
    const customerId = fresh.get(story.mobile);
    if (!customerId) {
      step();
      continue;
    }
    const { card, orders } = await seedCustomerMoney(services, customerId, story);
    open.push(() => placeOpenWithdrawals(services, customerId, card, story));
    step(orders + 1);
  }
  if (open.length > 0) await settleSeedPayouts(target);
  step();
  let opened = 0;
  for (const place of open) opened += await place();
  step(opened);
  // The books' extras belong to the first demo customer's world: seeded with them, once.
  begin('books');
  const first = fresh.get(ADJUSTED_CUSTOMER);
  if (first) {
    await seedAdjustment(services, first);
    await seedReconciliationBreak(services);
  }
  step(first ? 2 : 0);

  // Both models trained, validated and activated (analyst proposes, risk officer approves) before the
  // customers' features are written, so each customer is scored as their features go in.
  begin('models');
  const seeded = await seedModelVersions(services, {
    ...(options.modelRows ? { rows: options.modelRows } : {}),
    onModel: (model) => begin(`model ${model}`),
  });
  step(seeded.length, MODELS.length);
  const demoFeatures = demoCustomerFeatures(fresh, identities, endDate);
  if (demoFeatures.length > 0) await services.models.putCustomerFeatures(demoFeatures);

  if (isLoaded) return { created, world: 'already_seeded' };
  const { counts, individualIds } = await loadWorld(target, world, {
    seed,
    endDate,
    onStage: begin,
    onRows: (_, rows) => step(rows, rows),
  });
  begin('model features');
  const features = modelFeatures(
    world.individuals,
    world.relationships,
    endDate,
    createRng(seed).fork('model-features'),
  );
  const rows: CustomerFeatures[] = world.individuals.map((p) => {
    const f = features.get(p.ref);
    return {
      customerId: individualIds.get(p.ref) as string,
      credit: f?.credit ?? null,
      marketing: f?.marketing ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += FEATURE_CHUNK) {
    const part = rows.slice(i, i + FEATURE_CHUNK);
    await services.models.putCustomerFeatures(part);
    step(part.length, part.length);
  }
  return { created, world: counts };
}

const MODELS = ['credit', 'marketing'] as const;
/** Customers per feature-store write (each is scored by both models as it goes in). */
const FEATURE_CHUNK = 5000;

/**
 * The demo log-ins registered by this run get model features like the world's customers: from their
 * profile (ID number's birth date, gender, occupation, income), each from a fixed stream of their own.
 */
function demoCustomerFeatures(
  fresh: ReadonlyMap<string, string>,
  identities: ReadonlyMap<string, { birthDate: string }>,
  endDate: string,
): CustomerFeatures[] {
  const profiles: (FeatureProfile & { customerId: string })[] = DEMO_CUSTOMERS.flatMap((d) => {
    const customerId = fresh.get(d.mobile);
    const identity = identities.get(d.mobile);
    if (!customerId || !identity) return [];
    return [
      {
        customerId,
        ref: d.mobile,
        gender: d.gender,
        birthDate: identity.birthDate,
        occupation: d.occupation,
        incomeBand: d.incomeBand,
      },
    ];
  });
  const features = modelFeatures(
    profiles,
    [],
    endDate,
    createRng('onefin demo log-ins').fork('model-features'),
  );
  return profiles.map((p) => ({
    customerId: p.customerId,
    credit: features.get(p.ref)?.credit ?? null,
    marketing: features.get(p.ref)?.marketing ?? null,
  }));
}

/** The world `seedDemo` generates for these options today (as plain records, nothing written). */
export async function demoWorld(
  services: Services,
  options: { customers: number; seed: number | string },
): Promise<{ world: World; endDate: string }> {
  const endDate = await worldEndDate(services);
  const world = {
    ...demoCustomers(options.customers, options.seed, endDate),
    ...generateCatalogue({ seed: options.seed, endDate }),
  };
  return { world, endDate };
}

const EMPTY_CUSTOMERS = { individuals: [], corporates: [], relationships: [], households: [] };

/** The world's customers; the demo log-ins' mobiles are never handed out again. */
const demoCustomers = (customers: number, seed: number | string, endDate: string) =>
  generateCustomers({ customers, seed, endDate, reservedMobiles: DEMO_CUSTOMERS.map((c) => c.mobile) });

/**
 * The world ends on today's business date (Asia/Shanghai), kept inside the products module's exchange
 * calendar: NAVs are only accepted on days it covers, and the history reaches three years back.
 */
async function worldEndDate(services: Services): Promise<string> {
  const calendar = await services.products.tradingCalendar();
  const today = businessDateOf(services.clock.now());
  const earliest = `${calendar.firstYear + 3}-01-01`;
  const latest = `${calendar.lastYear}-12-31`;
  return today < earliest ? earliest : today > latest ? latest : today;
}

export function demoLoginsText(portalUrl: string, consoleUrl: string): string {
  return [
    `Portal  ${portalUrl}   customers (password ${DEMO_CUSTOMER_PASSWORD}): ${DEMO_CUSTOMERS.map(loginText).join(', ')}`,
    `Console ${consoleUrl}   staff: ${DEMO_STAFF.map((s) => s.username).join(', ')} / ${DEMO_STAFF_PASSWORD}`,
    `API docs ${portalUrl}/docs  ${consoleUrl}/docs`,
    `Demo money: ${demoCardsText()}; reconcile today in the console to see a seeded break`,
  ].join('\n');
}

const loginText = (c: DemoCustomer) =>
  `${c.mobile} ${c.displayName} ${c.riskLevel ?? '(no risk assessment yet)'}`;

/** Which demo customer's card does what at the simulated bank (docs/operations.md). */
function demoCardsText(): string {
  const cardOf = (last4: string) => MONEY_STORIES.find((s) => s.card.last4 === last4)?.mobile ?? '—';
  return [
    `${cardOf('0002')} card *0002 declines top-ups`,
    `${cardOf('0003')} card *0003 payouts fail at the bank`,
  ].join(', ');
}
