import type { Page } from 'playwright-core';
import {
  assert,
  DESKTOP,
  expectNoHorizontalScroll,
  expectText,
  type Journey,
  PHONE,
  screenshot,
  withPage,
} from './harness.ts';
import { logInCustomer, logInStaff } from './log-in.ts';
import type { Platform } from './platform.ts';

/** A 19-digit ICBC debit card (BIN 622202) ending `last4` that passes the Luhn check. */
function testCardNumber(last4: string): string {
  const luhn = (digits: string) =>
    [...digits].reverse().reduce((sum, ch, i) => {
      let d = Number(ch);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      return sum + d;
    }, 0) %
      10 ===
    0;
  for (let d = 0; d <= 9; d++) {
    const candidate = `62220212345678${d}${last4}`;
    if (luhn(candidate)) return candidate;
  }
  throw new Error('unreachable: one digit always completes the Luhn check');
}

/** `¥1,234.50` / `+1,234.50` → 123450 fen. */
function fenOf(text: string): number {
  const match = /(-?)[¥+]?([\d,]+)\.(\d{2})/.exec(text.replace(/\s/g, ''));
  if (!match) throw new Error(`no amount in "${text}"`);
  const value = Number((match[2] ?? '0').replaceAll(',', '')) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor();
  // Wait for the figure to load (a dash while the query is pending).
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent()) ?? '';
    if (/\d/.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`[data-testid=${testId}] shows no amount: "${text}"`);
}

async function expectAmount(page: Page, testId: string, fen: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  let seen = '';
  while (Date.now() < deadline) {
    seen =
      (await page
        .getByTestId(testId)
        .first()
        .textContent()
        .catch(() => '')) ?? '';
    if (/\d/.test(seen) && fenOf(seen) === fen) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`expected [data-testid=${testId}] to show ${(fen / 100).toFixed(2)}, it shows "${seen}"`);
}

/** Logs a demo customer in on a phone and opens 我的账户 from the menu. */
async function openAccount(page: Page, platform: Platform, mobile: string | undefined): Promise<void> {
  await logInCustomer(page, platform, mobile);
  await page.getByTestId('phone-menu').click();
  await page.getByTestId('nav-account').click();
}

/** The ledger and payments journeys: a top-up in the portal, an adjustment through maker–checker. */
export function ledgerJourneys(platform: Platform): Journey[] {
  let accountUrl = '';
  /** The cash account the portal journey topped up, for the console journey to find. */
  let toppedUpAccountId = '';
  let toppedUpCustomerId = '';
  return [
    {
      name: 'portal: a demo customer binds a card on a phone, tops up, and sees the statement line and the new balance',
      run: (browser) =>
        withPage(browser, 'portal-top-up', PHONE, async (page) => {
          const mobile = platform.customerMobiles[1];
          assert(mobile, 'no demo customer printed');
          await page.goto(`${platform.portalUrl}/login`);
          await page.getByTestId('login-mobile').fill(mobile);
          await page.getByTestId('login-password').fill(platform.customerPassword);
          await page.getByTestId('login-submit').click();
          await page.getByTestId('home-greeting').waitFor();
          await page.getByTestId('home-cash-balance').waitFor();
          await page.getByTestId('phone-menu').click();
          await page.getByTestId('nav-account').click();
          const before = fenOf(await textOf(page, 'account-balance'));
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-account-phone', true);

          await page.getByTestId('top-up-button').click();
          await page.getByTestId('payment-submit').waitFor();
          await page.waitForTimeout(300);
          // The seed gave this customer a card: bind a second one, checking the form refuses a bad number.
          if (!(await page.getByTestId('card-number').isVisible()))
            await page.getByTestId('bind-new-card').click();
          await page.getByTestId('card-number').fill('1234');
          await page.getByTestId('bind-card-submit').click();
          await page.getByText('请输入 16–19 位数字卡号').waitFor();
          await page.getByTestId('card-number').fill(testCardNumber('0001'));
          await page.getByTestId('bind-card-submit').click();
          await page.getByText('已绑定').first().waitFor();
          await page.getByTestId('payment-amount').fill('1.234');
          await page.getByTestId('payment-submit').click();
          await page.getByText('请输入大于 0、最多两位小数的金额').waitFor();
          await screenshot(page, 'portal-top-up-form-phone');
          await page.getByTestId('payment-amount').fill('1000.00');
          await page.getByTestId('payment-submit').click();
          await expectText(page, 'payment-result-title', '充值成功');
          await expectText(page, 'payment-result', '¥1,000.00');
          await screenshot(page, 'portal-top-up-succeeded-phone');
          await page.getByTestId('payment-done').click();

          await expectAmount(page, 'account-balance', before + 100_000);
          await expectText(page, 'statement-line', '充值');
          await expectText(page, 'statement-amount', '+1,000.00');
          await expectText(page, 'payment-row', '成功');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-account-after-top-up-phone', true);
          const mine = await page.request.get(`${platform.portalUrl}/api/v1/account`);
          toppedUpAccountId = ((await mine.json()) as { accountId: string }).accountId;
          const me = await page.request.get(`${platform.portalUrl}/api/v1/me`);
          toppedUpCustomerId = ((await me.json()) as { id: string }).id;
        }),
    },
    {
      name: 'portal: a demo customer withdraws to her card and sees 处理中, the amount reserved, the balance unchanged',
      run: (browser) =>
        withPage(browser, 'portal-withdraw', PHONE, async (page) => {
          // 陈静 (seeded: CMB card, 62,345.67 topped up, 5,000.00 withdrawn). The worker books the
          // bank's answer 30 s after the payout, so the checks below come well before that.
          await openAccount(page, platform, platform.customerMobiles[4]);
          const balance = fenOf(await textOf(page, 'account-balance'));
          const available = fenOf(await textOf(page, 'account-available'));
          await expectText(page, 'payment-row', '成功');
          await page.getByTestId('withdraw-button').click();
          await page.getByTestId('payment-submit').waitFor();
          await page.getByTestId('payment-amount').fill('300.00');
          await screenshot(page, 'portal-withdraw-form-phone');
          await page.getByTestId('payment-submit').click();
          await expectText(page, 'payment-result-title', '提现申请已提交，银行处理中');
          await expectText(page, 'payment-result', '¥300.00');
          await screenshot(page, 'portal-withdrawal-submitted-phone');
          await page.getByTestId('payment-done').click();
          await expectAmount(page, 'account-available', available - 30_000);
          await expectAmount(page, 'account-pending', 30_000);
          await expectAmount(page, 'account-balance', balance);
          await expectText(page, 'payment-status', '处理中');
          await expectText(page, 'payment-row', '-300.00');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-account-withdrawal-processing-phone', true);
        }),
    },
    {
      name: 'portal: a top-up from the card ending 0002 is declined, and the customer is told why',
      run: (browser) =>
        withPage(browser, 'portal-declined', PHONE, async (page) => {
          // 李娜: the seed bound her ABC card ending 0002 and her first top-up was declined.
          await openAccount(page, platform, platform.customerMobiles[2]);
          await expectText(page, 'payment-row', '银行卡余额不足');
          await page.getByTestId('top-up-button').click();
          await page.getByTestId('payment-submit').waitFor();
          await page.getByTestId('payment-amount').fill('500.00');
          await page.getByTestId('payment-submit').click();
          await expectText(page, 'payment-result-title', '充值未成功');
          await expectText(page, 'payment-result', '银行卡余额不足');
          await screenshot(page, 'portal-top-up-declined-phone');
          await page.getByTestId('payment-done').click();
          await expectAmount(page, 'account-balance', 0);
          await expectText(page, 'payment-row', '失败');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-account-declined-phone', true);
        }),
    },
    {
      name: 'console: operations proposes an adjustment, cannot approve it, ops2 approves it and the account shows it',
      run: async (browser) => {
        let balanceBefore = 0;
        await withPage(browser, 'console-adjust-maker', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'operations');
          await page.getByTestId('nav-ledgerAccounts').click();
          await page.getByTestId('account-code-filter').click();
          await page.keyboard.type('2011');
          await page.keyboard.press('Enter');
          await page.getByTestId('account-search').click();
          await page.getByTestId('account-row').first().waitFor();
          await screenshot(page, 'console-ledger-accounts');
          await page.getByTestId('tab-chart').click();
          await expectText(page, 'chart-table', '待处理款项');
          await screenshot(page, 'console-ledger-chart');
          await page.getByTestId('tab-accounts').click();
          // The account the portal journey topped up, found by its customer.
          assert(toppedUpAccountId, 'the portal top-up journey did not run');
          await page.getByTestId('account-customer-filter').fill(toppedUpCustomerId);
          await page.getByTestId('account-search').click();
          await page.getByTestId('account-row').filter({ hasText: toppedUpAccountId }).first().waitFor();
          const funded = page
            .getByTestId('account-row')
            .filter({ hasText: toppedUpAccountId })
            .first()
            .getByTestId('account-link');
          await funded.click();
          await page.getByTestId('ledger-account-balance').waitFor();
          accountUrl = page.url();
          balanceBefore = fenOf(await textOf(page, 'ledger-account-balance'));
          await page.getByTestId('entry-row').first().waitFor();
          await page.getByTestId('propose-adjustment').click();
          await page.getByTestId('adjustment-amount').fill('0');
          await page.getByTestId('adjustment-submit').click();
          await page.getByText('请输入大于 0、最多两位小数的金额').waitFor();
          await page.getByTestId('adjustment-amount').fill('88.00');
          await page.getByTestId('adjustment-reason').fill('补记银行到账，渠道回单号 E2E-0001');
          await screenshot(page, 'console-adjustment-form');
          await page.getByTestId('adjustment-submit').click();
          await expectText(page, 'proposal-submitted', '等待另一位有审批权限的同事复核');
          await page.getByTestId('nav-approvals').click();
          const row = page
            .getByTestId('approval-row')
            .filter({ hasText: '手工调账' })
            .filter({ hasText: '88.00' });
          await row.first().click();
          await expectText(page, 'approval-details', '补记银行到账');
          await page.getByTestId('approve-button').click();
          await expectText(page, 'approval-error', '不能审批或驳回自己发起的申请');
          await page.goto(accountUrl);
          await expectAmount(page, 'ledger-account-balance', balanceBefore);
        });
        await withPage(browser, 'console-adjust-checker', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'ops2');
          await page.getByTestId('nav-approvals').click();
          const row = page
            .getByTestId('approval-row')
            .filter({ hasText: '手工调账' })
            .filter({ hasText: '88.00' });
          await row.first().click();
          await expectText(page, 'approval-details', '¥88.00');
          await expectText(page, 'approval-details', '客户资金');
          await expectText(page, 'approval-details', '贷记');
          await screenshot(page, 'console-adjustment-approval');
          await page.getByTestId('approval-note').fill('已核对银行回单，同意');
          await page.getByTestId('approve-button').click();
          await expectText(page, 'approval-drawer', '已通过');
          await screenshot(page, 'console-adjustment-approved');
          await page.goto(accountUrl);
          await expectAmount(page, 'ledger-account-balance', balanceBefore + 8_800);
          await expectText(page, 'entries-table', '调账');
          await screenshot(page, 'console-ledger-account-after-adjustment', true);
          // The transfer behind it: both sides, and the reversal a second person would have to approve.
          await page.getByTestId('entry-row').first().getByTestId('transfer-link').click();
          await expectText(page, 'transfer-entries', '待处理款项');
          await page.getByTestId('propose-reversal').waitFor();
          await screenshot(page, 'console-ledger-transfer');
        });
      },
    },
    {
      name: 'console: the trial balance is balanced and reconciling today shows the seeded bank-only credit',
      run: (browser) =>
        withPage(browser, 'console-trial-balance', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'operations');
          await page.getByTestId('nav-trialBalance').click();
          await expectText(page, 'trial-balance-CNY', '借贷平衡');
          await screenshot(page, 'console-trial-balance', true);
          await page.getByTestId('nav-reconciliation').click();
          await page.getByTestId('reconciliation-run').click();
          await page.getByTestId('breaks-drawer').waitFor();
          // The seed's bank credit OneFin never booked (2,680.00).
          await expectText(page, 'breaks-drawer', '通道有、账务无');
          await expectText(page, 'breaks-drawer', '2,680.00');
          await page.waitForTimeout(500);
          await screenshot(page, 'console-reconciliation-breaks');
          await page.keyboard.press('Escape');
          await page.getByTestId('run-row').first().waitFor();
          assert((await page.getByTestId('run-row').count()) >= 1, 'no reconciliation run listed');
          await screenshot(page, 'console-reconciliation');
        }),
    },
  ];
}
