import type { Page } from 'playwright-core';
import { assert, DESKTOP, expectText, type Journey, screenshot, withPage } from './harness.ts';
import { logInStaff } from './log-in.ts';
import type { Platform } from './platform.ts';

/** The pending grant of 风险官 to the demo advisor 孙丽, as a row of the inbox. */
function grantRow(page: Page) {
  return page.getByTestId('approval-row').filter({ hasText: '孙丽' }).filter({ hasText: '风险官' });
}

/** Staff journeys through the console: RBAC navigation, maker–checker, the audit log, language. */
export function consoleJourneys(platform: Platform): Journey[] {
  return [
    {
      name: 'console: an administrator logs in and sees every admin page in the menu',
      run: (browser) =>
        withPage(browser, 'console-admin', DESKTOP, async (page) => {
          await page.goto(`${platform.consoleUrl}/`);
          await page.getByTestId('login-submit').waitFor();
          await screenshot(page, 'console-login');
          await page.getByTestId('login-username').fill('admin');
          await page.getByTestId('login-password').fill('not-the-password');
          await page.getByTestId('login-submit').click();
          await expectText(page, 'login-error', '账号或密码错误');
          await page.getByTestId('login-password').fill(platform.staffPassword);
          await page.getByTestId('login-submit').click();
          await expectText(page, 'dashboard-welcome', '欢迎，赵敏');
          await expectText(page, 'dashboard-roles', '系统管理员');
          for (const nav of ['nav-dashboard', 'nav-approvals', 'nav-audit', 'nav-staff']) {
            await page.getByTestId(nav).waitFor();
          }
          await screenshot(page, 'console-dashboard');
        }),
    },
    {
      name: 'console: an advisor sees only the pages the role allows',
      run: (browser) =>
        withPage(browser, 'console-advisor', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'advisor');
          await page.getByTestId('nav-approvals').waitFor();
          assert(
            (await page.getByTestId('nav-audit').count()) === 0,
            'advisor sees the audit log in the menu',
          );
          assert(
            (await page.getByTestId('nav-staff').count()) === 0,
            'advisor sees staff management in the menu',
          );
          await page.goto(`${platform.consoleUrl}/audit`);
          await page.getByText('无权访问').waitFor();
          await screenshot(page, 'console-advisor-forbidden');
        }),
    },
    {
      name: 'console: a role grant proposed by admin cannot be approved by admin, and admin2 approves it',
      run: async (browser) => {
        await withPage(browser, 'console-maker', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'admin');
          await page.getByTestId('nav-staff').click();
          const advisorRow = page.getByTestId('staff-row-advisor');
          await advisorRow.getByTestId('grant-role').click();
          await page.getByTestId('role-select').click();
          await page.keyboard.type('风险官');
          await page.keyboard.press('Enter');
          await page.getByTestId('role-change-submit').click();
          await expectText(page, 'proposal-submitted', '等待另一位管理员审批');
          await screenshot(page, 'console-staff-proposed');
          await page.getByTestId('nav-approvals').click();
          await grantRow(page).click();
          await page.getByTestId('approval-own-hint').waitFor();
          await page.getByTestId('approve-button').click();
          await expectText(page, 'approval-error', '不能审批或驳回自己发起的申请');
          await screenshot(page, 'console-own-approval-refused');
        });
        await withPage(browser, 'console-checker', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'admin2');
          await page.getByTestId('nav-approvals').click();
          await grantRow(page).click();
          await page.getByTestId('approval-note').fill('已核实，同意授予');
          await page.getByTestId('approve-button').click();
          await expectText(page, 'approval-drawer', '已通过');
          await screenshot(page, 'console-approved');
          await page.keyboard.press('Escape');
          await page.getByTestId('nav-staff').click();
          await expectText(page, 'staff-row-advisor', '风险官');
          await screenshot(page, 'console-staff-after-grant');
        });
      },
    },
    {
      name: 'console: a proposed new staff user waits in the inbox until another administrator rejects it',
      run: async (browser) => {
        await withPage(browser, 'console-new-staff', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'admin2');
          await page.getByTestId('nav-staff').click();
          await page.getByTestId('new-staff').click();
          await page.getByTestId('new-staff-username').fill('Bad Name');
          await page.getByTestId('new-staff-submit').click();
          await page.getByText('用户名格式不正确').waitFor();
          await page.getByTestId('new-staff-username').fill('zhou.e2e');
          await page.getByTestId('new-staff-display-name').fill('周测试');
          await page.getByTestId('new-staff-password').fill('Welcome2026');
          await page.getByTestId('new-staff-roles').click();
          await page.keyboard.type('审计');
          await page.keyboard.press('Enter');
          await page.keyboard.press('Escape');
          await screenshot(page, 'console-new-staff-form');
          await page.getByTestId('new-staff-submit').click();
          await expectText(page, 'proposal-submitted', '等待另一位管理员审批');
          assert(
            (await page.getByTestId('staff-row-zhou.e2e').count()) === 0,
            'the user exists before approval',
          );
        });
        await withPage(browser, 'console-reject', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'admin');
          await page.getByTestId('nav-approvals').click();
          await page.getByTestId('approval-row').filter({ hasText: 'zhou.e2e' }).click();
          await expectText(page, 'approval-details', '审计员');
          await page.getByTestId('approval-note').fill('不需要此账号');
          await page.getByTestId('reject-button').click();
          await expectText(page, 'approval-drawer', '已驳回');
          await expectText(page, 'approval-drawer', '不需要此账号');
          await screenshot(page, 'console-rejected');
        });
      },
    },
    {
      name: 'console: the audit log filters by action, loads more pages, and its hash chain verifies',
      run: (browser) =>
        withPage(browser, 'console-audit', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'admin2');
          // Every state-changing staff request is audited: enough of them make the log longer than a page.
          const { token } = (await (await page.request.get(`${platform.consoleUrl}/api/v1/csrf`)).json()) as {
            token: string;
          };
          for (let i = 0; i < 50; i++) {
            const res = await page.request.post(`${platform.consoleUrl}/api/v1/audit/verify`, {
              headers: { 'x-csrf-token': token },
            });
            assert(res.ok(), `POST /audit/verify answered ${res.status()}`);
          }
          const rows = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row');
          await page.getByTestId('nav-audit').click();
          await rows.first().waitFor();
          assert(
            (await rows.count()) === 50,
            `expected a first page of 50 entries, saw ${await rows.count()}`,
          );
          await page.getByTestId('audit-load-more').click();
          await page.waitForFunction(
            () => document.querySelectorAll('[data-testid="audit-table"] tbody tr.ant-table-row').length > 50,
          );
          await page.getByTestId('audit-verify').click();
          await expectText(page, 'audit-verify-result', '哈希链完整');
          await screenshot(page, 'console-audit');
          await page.getByTestId('audit-action-filter').fill('staff.login');
          await page.getByTestId('audit-search').click();
          await page.waitForFunction(() => {
            const cells = [
              ...document.querySelectorAll('[data-testid="audit-table"] tbody tr.ant-table-row'),
            ];
            return cells.length > 0 && cells.every((row) => row.textContent?.includes('staff.login'));
          });
        }),
    },
    {
      name: 'console: switching to English translates the menu, roles and pages',
      run: (browser) =>
        withPage(browser, 'console-english', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'admin');
          await page.getByTestId('language-switch').click();
          await page.getByTestId('language-option-en').click();
          await expectText(page, 'nav-approvals', 'Approvals inbox');
          await expectText(page, 'dashboard-welcome', 'Welcome, ');
          await expectText(page, 'dashboard-roles', 'Administrator');
          await page.getByTestId('nav-approvals').click();
          await page.getByTestId('approvals-filter-approved').click();
          await expectText(page, 'approvals-table', 'Grant role');
          await screenshot(page, 'console-approvals-english');
        }),
    },
  ];
}
