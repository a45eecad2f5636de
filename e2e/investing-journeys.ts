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

interface ListedProduct {
  id: string;
  code: string;
  category: string;
  status: string;
  channels: string[];
  minimumAmount: { amount: string } | null;
  suitability?: { allowed: boolean } | null;
}

/** A wealth product sold by phone that the signed-in customer may buy, the cheapest to enter. */
async function phoneWealth(page: Page, platform: Platform): Promise<ListedProduct> {
  const res = await page.request.get(
    `${platform.portalUrl}/api/v1/products?kind=wealth&limit=100&sort=min_amount_asc`,
  );
  assert(res.ok(), `listing wealth products: ${res.status()}`);
  const { items } = (await res.json()) as { items: ListedProduct[] };
  const found = items.find(
    (p) => p.status === 'on_sale' && p.suitability?.allowed && p.channels.includes('phone'),
  );
  assert(found, 'no wealth product the demo customer may buy by phone');
  return found;
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
export async function topUp(page: Page, platform: Platform, amount: string): Promise<void> {
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
      name: 'console → portal: an adviser sells a wealth product by phone; the customer confirms it in my assets, then cancels for a full refund',
      run: (browser) =>
        withPage(browser, 'assisted-wealth-sale', DESKTOP, async (page) => {
          await logInCustomer(page, platform, wangFang);
          const product = await phoneWealth(page, platform);
          const minimum = product.minimumAmount?.amount ?? '10000.00';
          for (let left = Number(minimum); left > 0; left -= 50_000)
            await topUp(page, platform, Math.min(left, 50_000).toFixed(2));
          const me = (await (await page.request.get(`${platform.portalUrl}/api/v1/me`)).json()) as {
            id: string;
          };

          // The adviser's side: the console's order API, as the phone sales desk uses it.
          const staff = await browser.newContext();
          try {
            const desk = await staff.newPage();
            await logInStaff(desk, platform, 'phone_sales');
            const csrf = (await (await desk.request.get(`${platform.consoleUrl}/api/v1/csrf`)).json()) as {
              token: string;
            };
            const placed = await desk.request.post(
              `${platform.consoleUrl}/api/v1/investing/customers/${me.id}/orders`,
              {
                headers: { 'x-csrf-token': csrf.token, 'idempotency-key': `e2e-phone-${Date.now()}` },
                data: {
                  type: 'wealth_buy',
                  productId: product.id,
                  amount: { amount: minimum, currency: 'CNY' },
                  channel: 'phone',
                },
              },
            );
            assert(placed.status() === 201, `the phone order: ${placed.status()} ${await placed.text()}`);
            const order = (await placed.json()) as { status: string };
            assert(order.status === 'awaiting_customer', `the phone order is ${order.status}`);
          } finally {
            await staff.close();
          }

          await page.goto(`${platform.portalUrl}/assets`);
          const waiting = page.locator('[data-testid="order-row"][data-status="awaiting_customer"]').first();
          await waiting.waitFor();
          await expectText(page, 'order-assisted', '电话');
          await expectText(page, 'assets-in-transit', '¥0.00');
          await screenshot(page, 'portal-assisted-order-awaiting');
          await waiting.getByTestId('order-confirm').click();
          const pending = page.locator('[data-testid="order-row"][data-status="pending"]').first();
          await pending.waitFor();
          assert(
            (await page.getByTestId('assets-in-transit').textContent())?.includes('¥0.00') === false,
            'nothing held after confirming',
          );
          await screenshot(page, 'portal-assisted-order-confirmed');
          await pending.getByTestId('order-cancel').click();
          await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
          await page.locator('[data-testid="order-row"][data-status="cancelled"]').first().waitFor();
          await expectText(page, 'assets-in-transit', '¥0.00');
          await screenshot(page, 'portal-assisted-order-refunded');
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
