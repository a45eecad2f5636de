import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from './platform.ts';

export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** One user-visible path through the apps; throws when the user would see something wrong. */
export interface Journey {
  name: string;
  run(browser: Browser): Promise<void>;
}

let platformNow: (() => Date) | undefined;

/**
 * Runs every page opened from now on at the platform's demo time (and on from there), as a user's
 * phone shows the same day as the bank: date pickers, "today" defaults and countdowns agree with the servers.
 */
export function runPagesOnPlatformClock(now: () => Date): void {
  platformNow = now;
}

/** A fresh browser context (own cookies and storage) with one page; errors the page throws fail the journey. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  // A user in China: Chinese, on Shanghai time (the business dates' calendar).
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(15_000); // shared machines are noisy
  if (platformNow) await context.clock.install({ time: platformNow() });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(400); // let antd's transitions (menu highlight, drawers, messages) settle
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Waits until `text` is in the element with this test id (polling, as the UI updates asynchronously). */
export async function expectText(page: Page, testId: string, text: string | RegExp): Promise<void> {
  const locator = page.getByTestId(testId).first();
  const deadline = Date.now() + 15_000;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await locator.textContent().catch(() => null)) ?? '';
    if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`expected [data-testid=${testId}] to show ${String(text)}, it shows "${seen}"`);
}

/** Fails when the page is wider than the viewport (horizontal scrolling on a phone). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  if ((scrollWidth ?? 0) > (innerWidth ?? 0)) {
    throw new Error(`page scrolls sideways: ${scrollWidth}px content in a ${innerWidth}px viewport`);
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Runs the journeys in order, printing each outcome; returns the counts. */
export async function runJourneys(
  browser: Browser,
  journeys: Journey[],
): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  for (const journey of journeys) {
    const started = Date.now();
    try {
      await journey.run(browser);
      passed += 1;
      console.log(`✓ ${journey.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(
        `✗ ${journey.name} (${Date.now() - started} ms)\n    ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { passed, failed };
}

/**
 * Runs `steps` on a fresh page and closes it; on failure saves `failed-<name>.png` to show what the user saw.
 * Any uncaught error in the page fails the journey too.
 */
export async function withPage(
  browser: Browser,
  name: string,
  viewport: { width: number; height: number },
  steps: (page: Page) => Promise<void>,
): Promise<void> {
  const { context, page, pageErrors } = await openPage(browser, viewport);
  try {
    await steps(page);
    assert(pageErrors.length === 0, `the page threw: ${pageErrors.join('; ')}`);
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}
