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
import { logInCustomer } from './log-in.ts';
import type { Platform } from './platform.ts';

/** Customer journeys through the portal; later ones use the customer the first one registers. */
export function portalJourneys(platform: Platform): Journey[] {
  // A fresh data dir per run, but a random number keeps reruns against a kept dir from colliding.
  const mobile = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const password = 'Journey2026';
  const newPassword = 'Journey2027';
  return [
    {
      name: 'portal: a visitor is sent to log in, registers at desktop size and is greeted',
      run: (browser) =>
        withPage(browser, 'portal-register', DESKTOP, async (page) => {
          await page.goto(`${platform.portalUrl}/`);
          await page.getByTestId('login-submit').waitFor();
          assert(page.url().endsWith('/login'), `expected the log-in page, got ${page.url()}`);
          await screenshot(page, 'portal-login-desktop');
          await page.getByTestId('to-register').click();
          await page.getByTestId('register-mobile').fill('12345');
          await page.getByTestId('register-password').fill('short');
          await page.getByTestId('register-submit').click();
          await page.getByText('请输入有效的中国大陆手机号').waitFor();
          await page.getByText('密码须为 8–64 位，且同时包含字母和数字').first().waitFor();
          await screenshot(page, 'portal-register-validation');
          await page.getByTestId('register-mobile').fill(mobile);
          await page.getByTestId('register-display-name').fill('林晓');
          await page.getByTestId('register-password').fill(password);
          await page.getByTestId('register-confirm').fill(password);
          await page.getByTestId('register-submit').click();
          await expectText(page, 'home-greeting', '您好，林晓');
          await expectText(page, 'home-mobile', `${mobile.slice(0, 3)}****${mobile.slice(7)}`);
          await expectText(page, 'assets-total', '¥0.00');
          await expectText(page, 'assets-card', '暂无持仓');
          await screenshot(page, 'portal-home-desktop');
        }),
    },
    {
      name: 'portal: the same customer logs in on a phone without sideways scrolling, and logs out',
      run: (browser) =>
        withPage(browser, 'portal-phone', PHONE, async (page) => {
          await page.goto(`${platform.portalUrl}/login`);
          await page.getByTestId('login-mobile').fill(mobile);
          await page.getByTestId('login-password').fill('WrongPass1');
          await page.getByTestId('login-submit').click();
          await expectText(page, 'login-error', '账号或密码错误');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-login-error-phone');
          await page.getByTestId('login-password').fill(password);
          await page.getByTestId('login-submit').click();
          await expectText(page, 'home-greeting', '您好，林晓');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-home-phone', true);
          await page.getByTestId('phone-menu').click();
          await page.getByTestId('nav-security').click();
          await page.getByTestId('session-row').first().waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-security-phone', true);
          await page.getByTestId('phone-menu').click();
          await page.getByTestId('logout').click();
          await page.getByTestId('login-submit').waitFor();
        }),
    },
    {
      name: 'portal: a customer ends another session, which is then sent back to log in',
      run: async (browser) => {
        await withPage(browser, 'portal-sessions-other', PHONE, async (other) => {
          await logInCustomer(other, platform, mobile, password);
          await withPage(browser, 'portal-sessions', DESKTOP, async (page) => {
            await logInCustomer(page, platform, mobile, password);
            await page.getByTestId('nav-security').click();
            await page.getByTestId('session-current').waitFor();
            const before = await page.getByTestId('session-row').count();
            assert(before >= 2, `expected at least two sessions, saw ${before}`);
            await screenshot(page, 'portal-security-desktop', true);
            await page.getByTestId('session-revoke').first().click();
            await page.locator('.ant-popconfirm .ant-btn-primary').click();
            await page.waitForFunction(
              (n) => document.querySelectorAll('[data-testid="session-row"]').length === n,
              before - 1,
            );
          });
          // The revoked phone session: its next request is a 401, and the app sends the user to log in.
          await other.getByTestId('phone-menu').click();
          await other.getByTestId('nav-security').click();
          await other.getByTestId('login-submit').waitFor();
        });
      },
    },
    {
      name: 'portal: changing the password checks the current one, then the new one logs in',
      run: (browser) =>
        withPage(browser, 'portal-password', DESKTOP, async (page) => {
          await logInCustomer(page, platform, mobile, password);
          await page.goto(`${platform.portalUrl}/security`);
          await page.getByTestId('current-password').fill('NotMyPass1');
          await page.getByTestId('new-password').fill(newPassword);
          await page.getByTestId('confirm-new-password').fill(newPassword);
          await page.getByTestId('change-password-submit').click();
          await page.getByText('当前密码错误').first().waitFor();
          await page.getByTestId('current-password').fill(password);
          await page.getByTestId('change-password-submit').click();
          await page.getByText('密码已修改').first().waitFor();
          await page.getByTestId('user-menu').click();
          await page.getByTestId('logout').click();
          await logInCustomer(page, platform, mobile, newPassword);
        }),
    },
    {
      name: 'portal: a demo customer switches to English, and the choice survives a reload',
      run: (browser) =>
        withPage(browser, 'portal-english', DESKTOP, async (page) => {
          const demoMobile = platform.customerMobiles[0];
          assert(demoMobile, 'no demo customer printed');
          await logInCustomer(page, platform, demoMobile, platform.customerPassword);
          await expectText(page, 'home-greeting', '您好，');
          await page.getByTestId('language-switch').click();
          await page.getByTestId('language-option-en').click();
          await expectText(page, 'home-greeting', 'Hello, ');
          await expectText(page, 'assets-card', 'My assets');
          await expectText(page, 'assets-card', 'No holdings yet');
          await page.reload();
          await expectText(page, 'home-greeting', 'Hello, ');
          await expectText(page, 'nav-security', 'Security');
          await screenshot(page, 'portal-home-english');
        }),
    },
  ];
}
