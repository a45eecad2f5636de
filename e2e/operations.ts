import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { assert } from './harness.ts';
import { logInStaff } from './log-in.ts';
import type { Platform } from './platform.ts';

/** What operations does behind a journey's back, through the console API as its pages do. */

/** The end-of-day run as the console's API answers it. */
export interface EndOfDayRun {
  tradeDate: string;
  status: string;
  report: {
    confirmDate?: string;
    subscriptions?: { confirmed: number; failed: number; awaitingNav: number };
    reconciliation?: { breaks: unknown[] };
  };
}

/** Runs `steps` with the console API as the operations user, on a context of its own (closed after). */
async function asOperations<T>(
  browser: Browser,
  platform: Platform,
  steps: (request: APIRequestContext, csrf: string) => Promise<T>,
): Promise<T> {
  const staff = await browser.newContext();
  try {
    const desk = await staff.newPage();
    await logInStaff(desk, platform, 'operations');
    const csrf = (await (await desk.request.get(`${platform.consoleUrl}/api/v1/csrf`)).json()) as {
      token: string;
    };
    return await steps(desk.request, csrf.token);
  } finally {
    await staff.close();
  }
}

const browserOf = (page: Page): Browser => {
  const browser = page.context().browser();
  assert(browser, 'no browser for the console');
  return browser;
};

/**
 * The end of day for `tradeDate` (by default the one the platform's today settles, T when today is
 * T+1), run by operations as the console's end-of-day page does.
 */
export async function runEndOfDay(page: Page, platform: Platform, tradeDate?: string): Promise<EndOfDayRun> {
  return asOperations(browserOf(page), platform, async (request, csrf) => {
    const run = await request.post(`${platform.consoleUrl}/api/v1/investing/eod-runs`, {
      headers: { 'x-csrf-token': csrf },
      data: tradeDate ? { tradeDate } : {},
    });
    assert(run.ok(), `end of day ${tradeDate ?? ''}: ${run.status()} ${await run.text()}`);
    return (await run.json()) as EndOfDayRun;
  });
}

/**
 * Moves the platform's demo clock forward (`{ advance: 'P1D' }` or `{ to: instant }`) as operations,
 * and the page's own clock with it. Sessions idle past their limit lapse, as they would in a real day.
 */
export async function moveClock(
  page: Page,
  platform: Platform,
  move: { advance: string } | { to: string },
): Promise<{ now: Date; businessDate: string }> {
  const moved = await asOperations(browserOf(page), platform, async (request, csrf) => {
    const res = await request.post(`${platform.consoleUrl}/api/v1/demo/clock`, {
      headers: { 'x-csrf-token': csrf },
      data: move,
    });
    assert(res.ok(), `moving the demo clock: ${res.status()} ${await res.text()}`);
    return (await res.json()) as { now: string; businessDate: string };
  });
  const now = new Date(moved.now);
  platform.clockMovedTo(now);
  await page.clock.setSystemTime(now);
  return { now, businessDate: moved.businessDate };
}
