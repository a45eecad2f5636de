import type { Role } from '@onefin/identity';
import type { Services } from '@onefin/platform';

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

/** Creates the demo world; running it again adds nothing (existing logins are left as they are). */
export async function seedDemo(
  services: Services,
  onProgress?: (done: number, total: number) => void,
): Promise<{ created: number }> {
  const total = DEMO_STAFF.length + DEMO_CUSTOMERS.length;
  let done = 0;
  let created = 0;
  for (const staff of DEMO_STAFF) {
    const r = await services.identity.bootstrapStaff({ ...staff, password: DEMO_STAFF_PASSWORD });
    if (r.ok) created += 1;
    done += 1;
    onProgress?.(done, total);
  }
  for (const customer of DEMO_CUSTOMERS) {
    const r = await services.identity.registerCustomer(
      { ...customer, password: DEMO_CUSTOMER_PASSWORD },
      { requestId: 'seed' },
    );
    if (r.ok) created += 1;
    done += 1;
    onProgress?.(done, total);
  }
  return { created };
}

export function demoLoginsText(portalUrl: string, consoleUrl: string): string {
  return [
    `Portal  ${portalUrl}   customers: ${DEMO_CUSTOMERS.map((c) => c.mobile).join(', ')} / ${DEMO_CUSTOMER_PASSWORD}`,
    `Console ${consoleUrl}   staff: ${DEMO_STAFF.map((s) => s.username).join(', ')} / ${DEMO_STAFF_PASSWORD}`,
    `API docs ${portalUrl}/docs  ${consoleUrl}/docs`,
  ].join('\n');
}
