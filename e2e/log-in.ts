import type { Page } from 'playwright-core';
import { assert } from './harness.ts';
import type { Platform } from './platform.ts';

/** Logs a customer in to the portal (a demo customer's password unless given) and waits for the home page. */
export async function logInCustomer(
  page: Page,
  platform: Platform,
  mobile: string | undefined,
  password = platform.customerPassword,
): Promise<void> {
  assert(mobile, 'no demo customer printed');
  await page.goto(`${platform.portalUrl}/login`);
  await page.getByTestId('login-mobile').fill(mobile);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-greeting').waitFor();
}

/** Logs a demo staff user in to the console and waits for the dashboard. */
export async function logInStaff(page: Page, platform: Platform, username: string): Promise<void> {
  await page.goto(`${platform.consoleUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(platform.staffPassword);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-welcome').waitFor();
}
