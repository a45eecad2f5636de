import type { Role } from '@onefin/identity';
import { seedAdjustment, seedReconciliationBreak } from './seed/books.ts';
import {
  MONEY_STORIES,
  placeOpenWithdrawals,
  type SeedTarget,
  seedCustomerMoney,
  settleSeedPayouts,
} from './seed/money.ts';

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
  { username: 'auditor', displayName: '蒋琳 (审计)', roles: ['auditor'] },
];

export const DEMO_CUSTOMERS: readonly { mobile: string; displayName: string }[] = [
  { mobile: '13800138001', displayName: '张伟' },
  { mobile: '13800138002', displayName: '王芳' },
  { mobile: '13900139003', displayName: '李娜' },
  { mobile: '13700137004', displayName: '刘洋' },
  { mobile: '13600136005', displayName: '陈静' },
];

/** The customer whose cash account gets the seeded maker–checker adjustment (张伟). */
export const ADJUSTED_CUSTOMER = '13800138001';

/**
 * Creates the demo world: staff, customers, and each new customer's money (cards, top-ups,
 * withdrawals), one maker–checker adjustment and one bank-side break for today's reconciliation.
 * Running it again adds nothing: a customer who already exists keeps what they have, and the
 * money is placed with fixed idempotency keys.
 */
export async function seedDemo(
  target: SeedTarget,
  onProgress?: (done: number, total: number) => void,
): Promise<{ created: number }> {
  const { services } = target;
  // staff, customers, each story's money, the bank's answers, the open withdrawals, the books
  const total = DEMO_STAFF.length + DEMO_CUSTOMERS.length + MONEY_STORIES.length + 3;
  let done = 0;
  let created = 0;
  const step = (records = 0) => {
    created += records;
    done += 1;
    onProgress?.(done, total);
  };
  for (const staff of DEMO_STAFF) {
    const r = await services.identity.bootstrapStaff({ ...staff, password: DEMO_STAFF_PASSWORD });
    step(r.ok ? 1 : 0);
  }
  /** Customers registered by this run, by mobile: only they get the seeded money. */
  const fresh = new Map<string, string>();
  for (const customer of DEMO_CUSTOMERS) {
    const r = await services.identity.registerCustomer(
      { ...customer, password: DEMO_CUSTOMER_PASSWORD },
      { requestId: 'seed' },
    );
    if (r.ok) fresh.set(customer.mobile, r.value.id);
    step(r.ok ? 1 : 0);
  }
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
  const first = fresh.get(ADJUSTED_CUSTOMER);
  if (first) {
    await seedAdjustment(services, first);
    await seedReconciliationBreak(services);
  }
  step(first ? 2 : 0);
  return { created };
}

export function demoLoginsText(portalUrl: string, consoleUrl: string): string {
  return [
    `Portal  ${portalUrl}   customers: ${DEMO_CUSTOMERS.map((c) => c.mobile).join(', ')} / ${DEMO_CUSTOMER_PASSWORD}`,
    `Console ${consoleUrl}   staff: ${DEMO_STAFF.map((s) => s.username).join(', ')} / ${DEMO_STAFF_PASSWORD}`,
    `API docs ${portalUrl}/docs  ${consoleUrl}/docs`,
    `Demo money: ${demoCardsText()}; reconcile today in the console to see a seeded break`,
  ].join('\n');
}

/** Which demo customer's card does what at the simulated bank (docs/operations.md). */
function demoCardsText(): string {
  const cardOf = (last4: string) => MONEY_STORIES.find((s) => s.card.last4 === last4)?.mobile ?? '—';
  return [
    `${cardOf('0002')} card *0002 declines top-ups`,
    `${cardOf('0003')} card *0003 payouts fail at the bank`,
  ].join(', ');
}
