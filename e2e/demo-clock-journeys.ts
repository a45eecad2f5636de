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
import { logInStaff } from './log-in.ts';
import type { Platform } from './platform.ts';

const BUSINESS_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date a day after `date` (YYYY-MM-DD). */
const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The demo clock as the API gives it, with the trading-calendar facts of its business date. */
interface ClockAnswer {
  now: string;
  businessDate: string;
  isTradingDay: boolean | null;
  nextTradingDay: string | null;
}

/** The clock's answer, read with the page's own session. */
const readClock = (page: Page): Promise<ClockAnswer> =>
  page.evaluate(async () => (await fetch('/api/v1/demo/clock')).json() as Promise<ClockAnswer>);

/** The card's trading-day tag and next trading day are the server calendar's (holidays included). */
async function expectTradingDayShown(page: Page, clock: ClockAnswer, yes: string, no: string) {
  assert(clock.isTradingDay !== null, `the trading calendar covers ${clock.businessDate}`);
  await expectText(page, 'demo-clock-trading-day', new RegExp(`^${clock.isTradingDay ? yes : no}$`));
  await expectText(page, 'demo-clock-next-trading-day', clock.nextTradingDay ?? '');
}

async function businessDateShown(page: Page): Promise<string> {
  await expectText(page, 'demo-clock-business-date', /\d{4}-\d{2}-\d{2}/);
  const shown = (await page.getByTestId('demo-clock-business-date').textContent())?.trim() ?? '';
  assert(BUSINESS_DATE.test(shown), `the page shows the business date "${shown}"`);
  return shown;
}

/**
 * The console's demo clock page (`onefin start --clock`). The second journey moves the clock a day on,
 * so these run after every other.
 */
export function demoClockJourneys(platform: Platform): Journey[] {
  return [
    {
      name: 'console demo clock: an advisor finds the clock in the menu and reads it (in Chinese, then English, then on a phone), without the moves',
      run: (browser) =>
        withPage(browser, 'console-demo-clock-read-only', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'advisor');
          await page.getByTestId('nav-demoClock').click();
          await expectText(page, 'demo-clock-time', /^\d{2}:\d{2}:\d{2}$/);
          const shown = await businessDateShown(page);
          const today = platform.now().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
          assert(shown === today, `the page shows business date ${shown}, the platform's is ${today}`);
          await expectTradingDayShown(page, await readClock(page), '交易日', '非交易日');
          await expectText(page, 'demo-clock-read-only', '拨动时钟需要');
          assert(
            (await page.getByTestId('demo-clock-plusDay').count()) === 0,
            'an advisor (no demo.clock) is offered to move the clock',
          );
          await page.getByTestId('language-switch').click();
          await page.getByTestId('language-option-en').click();
          await expectText(page, 'nav-demoClock', 'Demo clock');
          await expectText(page, 'demo-clock-read-only', 'moving it needs');
          await expectTradingDayShown(page, await readClock(page), 'Trading day', 'Not a trading day');
          await screenshot(page, 'console-demo-clock-read-only-en');
          await page.setViewportSize(PHONE);
          await expectText(page, 'demo-clock-business-date', shown);
          // Resized on the page, not opened at phone size: the side menu folds away on the next
          // breakpoint check, with a short transition; a page still too wide after that fails below.
          await page
            .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, {
              timeout: 3000,
            })
            .catch(() => undefined);
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'console-demo-clock-read-only-phone', true);
        }),
    },
    {
      name: 'console demo clock: operations moves the clock a day forward from the page, logs in again and sees from → to and the new business date',
      run: (browser) =>
        withPage(browser, 'console-demo-clock', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'operations');
          await page.getByTestId('nav-demoClock').click();
          const before = await businessDateShown(page);
          // The next trading day's 09:30 comes from the server's calendar (weekends and holidays skipped).
          const read = await readClock(page);
          await expectText(page, 'demo-clock-nextTradingDay', '下一个交易日 09:30');
          await expectText(page, 'demo-clock-nextTradingDay', `${read.nextTradingDay?.slice(5)} 09:30`);

          // A month has no fixed length: the server refuses it, the page says why, nothing moves.
          await page.getByTestId('demo-clock-duration').fill('P1M');
          await page.getByTestId('demo-clock-submit').click();
          await expectText(page, 'demo-clock-error', '时长格式不对');
          assert((await businessDateShown(page)) === before, 'a refused move changed the business date');
          await screenshot(page, 'console-demo-clock-refused', true);
          // Nor does it go back: midnight this morning is refused as well (422 clock_backwards).
          await page.getByTestId('demo-clock-mode').getByText('拨到指定时间').click();
          await page.getByTestId('demo-clock-to-date').fill(before);
          await page.getByTestId('demo-clock-to-time').fill('00:00');
          await page.getByTestId('demo-clock-submit').click();
          await expectText(page, 'demo-clock-error', '时钟只能向前拨，不能拨回到更早的时间');
          assert((await businessDateShown(page)) === before, 'a move back changed the business date');

          // +1 day, confirmed: a day away the operator's own session lapses, so they log in again.
          await page.getByTestId('demo-clock-plusDay').click();
          const answer = page.waitForResponse(
            (r) => r.url().endsWith('/api/v1/demo/clock') && r.request().method() === 'POST',
          );
          await page.getByTestId('demo-clock-confirm').click();
          const response = await answer;
          assert(response.ok(), `moving the clock: ${response.status()} ${await response.text()}`);
          const moved = (await response.json()) as ClockAnswer;
          assert(
            moved.businessDate === dayAfter(before),
            `a day after ${before} the clock is on ${moved.businessDate}`,
          );
          platform.clockMovedTo(new Date(moved.now));
          await page.getByText('您的登录已随之过期').waitFor();
          await page.getByTestId('login-submit').waitFor();
          await page.clock.setSystemTime(new Date(moved.now));
          await page.getByTestId('login-username').fill('operations');
          await page.getByTestId('login-password').fill(platform.staffPassword);
          await page.getByTestId('login-submit').click();

          // Back on the page it came from: the new business date, and where the clock was moved from and to.
          await expectText(page, 'demo-clock-business-date', moved.businessDate);
          await expectText(page, 'demo-clock-moved-dates', `营业日 ${before} → ${moved.businessDate}`);
          await expectText(page, 'demo-clock-moved-instants', /\d{2}:\d{2}:\d{2} → \d{4}-\d{2}-\d{2} /);
          await expectText(page, 'demo-clock-moved-instants', moved.businessDate);
          await expectTradingDayShown(page, moved, '交易日', '非交易日');
          await expectText(page, 'demo-clock-nextTradingDay', `${moved.nextTradingDay?.slice(5)} 09:30`);
          assert(
            (await page.locator('.ant-menu-item-selected [data-testid="nav-demoClock"]').count()) === 1,
            'the menu does not highlight the demo clock',
          );
          await screenshot(page, 'console-demo-clock-moved', true);

          // On to the end of day, which the worker runs for the settleable trade date by itself.
          await page.getByTestId('demo-clock-eod').first().click();
          await page.getByTestId('eod-table').waitFor();

          // The moves in English too.
          await page.getByTestId('nav-demoClock').click();
          await page.getByTestId('language-switch').click();
          await page.getByTestId('language-option-en').click();
          await expectText(page, 'demo-clock-nextTradingDay', 'Next trading day 09:30');
          await expectText(page, 'demo-clock-moved-dates', `Business date ${before} → ${moved.businessDate}`);
          await screenshot(page, 'console-demo-clock-en', true);
        }),
    },
  ];
}
