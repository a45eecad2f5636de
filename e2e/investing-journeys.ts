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
import { logInCustomer } from './log-in.ts';
import type { Platform } from './platform.ts';

interface ListedProduct {
  id: string;
  code: string;
  category: string;
  status: string;
  suitability?: { allowed: boolean } | null;
}

/** A fund on sale the signed-in customer may buy, not a money-market one (those need no NAV story). */
async function suitableFund(page: Page, platform: Platform): Promise<ListedProduct> {
  const res = await page.request.get(`${platform.portalUrl}/api/v1/products?kind=fund&limit=100`);
  assert(res.ok(), `listing funds: ${res.status()}`);
  const { items } = (await res.json()) as { items: ListedProduct[] };
  const fund = items.find(
    (p) => p.status === 'on_sale' && p.suitability?.allowed && p.category !== 'money_market',
  );
  assert(fund, 'no suitable fund in the demo catalogue');
  return fund;
}

/** Tops the customer's cash account up from the first bound card (the seed binds one). */
async function topUp(page: Page, platform: Platform, amount: string): Promise<void> {
  await page.goto(`${platform.portalUrl}/account`);
  await page.getByTestId('top-up-button').click();
  await page.getByTestId('payment-submit').waitFor();
  await page.waitForTimeout(300);
  await page.getByTestId('payment-amount').fill(amount);
  await page.getByTestId('payment-submit').click();
  await expectText(page, 'payment-result-title', '充值成功');
  await page.getByTestId('payment-done').click();
}

/** Buying a fund in the portal: preview with fee and cut-off, the order pending in my assets, a cancellation. */
export function investingJourneys(platform: Platform): Journey[] {
  const wangFang = platform.customerMobiles[1];
  return [
    {
      name: 'portal: a customer subscribes to a fund, sees it pending in my assets, and cancels before the cut-off',
      run: (browser) =>
        withPage(browser, 'portal-fund-order', DESKTOP, async (page) => {
          await logInCustomer(page, platform, wangFang);
          await topUp(page, platform, '5000.00');
          const fund = await suitableFund(page, platform);
          await page.goto(`${platform.portalUrl}/products/${fund.id}`);
          await page.getByTestId('product-buy').click();
          await page.getByTestId('order-amount').fill('1000.00');
          await page.getByTestId('order-preview').waitFor();
          await page.getByTestId('order-fee').waitFor();
          await expectText(page, 'order-cutoff', '15:00');
          // Not yet agreed to the risk disclosure: the order cannot be placed.
          assert(
            await page.getByTestId('order-submit').isDisabled(),
            'placed without accepting the disclosure',
          );
          await page.getByTestId('order-agree').click();
          await screenshot(page, 'portal-fund-order-preview');
          await page.getByTestId('order-submit').click();
          await page.getByTestId('order-result').waitFor();
          await screenshot(page, 'portal-fund-order-placed');
          await page.getByTestId('order-view-assets').click();

          await page.getByTestId('assets-page').waitFor();
          await expectText(page, 'assets-in-transit', '¥1,000.00');
          const row = page.locator('[data-testid="order-row"][data-status="pending"]').first();
          await row.waitFor();
          await screenshot(page, 'portal-assets-pending-order', true);
          await row.getByTestId('order-cancel').click();
          await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
          await page.locator('[data-testid="order-row"][data-status="cancelled"]').first().waitFor();
          await expectText(page, 'assets-in-transit', '¥0.00');
          await screenshot(page, 'portal-assets-after-cancel');
        }),
    },
    {
      name: 'portal: my assets reads on a phone without sideways scrolling',
      run: (browser) =>
        withPage(browser, 'portal-assets-phone', PHONE, async (page) => {
          await logInCustomer(page, platform, wangFang);
          await page.getByTestId('phone-menu').click();
          await page.getByTestId('nav-assets').click();
          await page.getByTestId('assets-page').waitFor();
          await page.getByTestId('order-row').first().waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-assets-phone', true);
        }),
    },
  ];
}
