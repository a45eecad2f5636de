import type { Page } from 'playwright-core';
import {
  assert,
  expectNoHorizontalScroll,
  expectText,
  type Journey,
  PHONE,
  screenshot,
  withPage,
} from './harness.ts';
import { logInCustomer } from './log-in.ts';
import { runEndOfDay } from './operations.ts';
import type { Platform } from './platform.ts';

interface ListedProduct {
  id: string;
  code: string;
  category: string;
  status: string;
  minimumAmount: { amount: string } | null;
  suitability?: { allowed: boolean } | null;
}

/** A product of `kind` on sale that the signed-in customer may buy, narrowed by `fits`. */
async function buyable(
  page: Page,
  platform: Platform,
  kind: string,
  fits: (p: ListedProduct) => boolean,
): Promise<ListedProduct> {
  const res = await page.request.get(`${platform.portalUrl}/api/v1/products?kind=${kind}&limit=100`);
  assert(res.ok(), `listing ${kind}: ${res.status()}`);
  const { items } = (await res.json()) as { items: ListedProduct[] };
  const found = items.find((p) => p.status === 'on_sale' && p.suitability?.allowed && fits(p));
  assert(found, `no ${kind} in the demo catalogue that 张伟 may buy`);
  return found;
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-option-en').click();
}

/** Subscribes through the product page's order modal; returns the order's id. */
async function subscribe(page: Page, platform: Platform, productId: string, amount: string): Promise<string> {
  await page.goto(`${platform.portalUrl}/products/${productId}`);
  await page.getByTestId('product-buy').click();
  await page.getByTestId('order-amount').fill(amount);
  await page.getByTestId('order-preview').waitFor();
  await page.getByTestId('order-agree').click();
  await page.getByTestId('order-submit').click();
  const result = page.getByTestId('order-result');
  await result.waitFor();
  const id = await result.getAttribute('data-order-id');
  assert(id, 'the placed order has no id');
  return id;
}

/** 定投, instant redemption and order details on a phone, in Chinese and English. */
export function portalPlanJourneys(platform: Platform): Journey[] {
  const zhangWei = platform.customerMobiles[0];
  return [
    {
      name: 'portal plans: on a phone a customer sets up a monthly plan from a fund page and pauses it',
      run: (browser) =>
        withPage(browser, 'portal-plan-phone', PHONE, async (page) => {
          await logInCustomer(page, platform, zhangWei);
          const fund = await buyable(page, platform, 'fund', (p) => p.category !== 'money_market');
          await page.goto(`${platform.portalUrl}/products/${fund.id}`);
          await page.getByTestId('product-plan').waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-product-plan-button-phone');
          await page.getByTestId('product-plan').click();
          await page.getByTestId('plan-submit').waitFor();
          await page.getByTestId('plan-amount').fill('500.00');
          await page.getByTestId('plan-frequency-monthly').click();
          await page.getByTestId('plan-run-day').click();
          await page
            .locator('.ant-select-item-option')
            .filter({ hasText: /^6 日$/ })
            .click();
          await screenshot(page, 'portal-plan-form-phone');
          await page.getByTestId('plan-submit').click();

          await page.getByTestId('plan-detail').waitFor();
          await expectText(page, 'plan-detail-status', '进行中');
          await expectText(page, 'plan-detail-next', /\d{4}年\d+月\d+日/);
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-plan-detail-phone', true);

          // No run day has come yet (a plan never charges the day it is set up, and the next 6th is
          // weeks after the demo clock's day), so the server's answer gets one skipped run added, to see
          // how a skip reads.
          const planId = new URL(page.url()).pathname.split('/').pop() ?? '';
          await page.route(`**/api/v1/plans/${planId}`, async (route) => {
            if (route.request().method() !== 'GET') return route.fallback();
            const response = await route.fetch();
            const plan = (await response.json()) as { runs: unknown[] };
            const skipped = {
              dueOn: '2026-11-06',
              status: 'skipped',
              orderId: null,
              reason: 'insufficient_funds',
              at: '2026-11-06T01:00:00.000Z',
            };
            await route.fulfill({ response, json: { ...plan, runs: [skipped, ...plan.runs] } });
          });
          await page.reload();
          await expectText(page, 'plan-run-reason', '余额不足，本期未扣款');
          await screenshot(page, 'portal-plan-skipped-run-phone', true);
          await page.getByTestId('plan-pause').click();
          await expectText(page, 'plan-detail-status', '已暂停');
          await page.getByTestId('plan-resume').waitFor();

          await page.getByTestId('phone-menu').click();
          await page.getByTestId('nav-plans').click();
          const row = page.locator('[data-testid="plan-row"][data-status="paused"]').first();
          await row.waitFor();
          await expectText(page, 'plan-schedule', '每月 6 日');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-plans-phone', true);
          await toEnglish(page);
          await expectText(page, 'plan-schedule', 'Monthly on day 6');
          await expectText(page, 'plan-status', 'Paused');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-plans-phone-en', true);
          await row.getByTestId('plan-link').click();
          await expectText(page, 'plan-run-reason', 'Skipped: not enough cash');
          await expectText(page, 'plan-detail-status', 'Paused');
          await screenshot(page, 'portal-plan-detail-phone-en', true);
        }),
    },
    {
      name: 'portal plans, instant redemption: on a phone a customer buys a money-market fund and, once confirmed, redeems part at once within the daily limit',
      run: (browser) =>
        withPage(browser, 'portal-instant-redemption', PHONE, async (page) => {
          await logInCustomer(page, platform, zhangWei);
          const mmf = await buyable(page, platform, 'fund', (p) => p.category === 'money_market');
          const orderId = await subscribe(page, platform, mmf.id, '12000.00');
          const order = (await (
            await page.request.get(`${platform.portalUrl}/api/v1/orders/${orderId}`)
          ).json()) as {
            tradeDate: string;
          };
          // The order detail while the subscription waits: its timeline and the cancel button.
          await page.goto(`${platform.portalUrl}/assets/orders/${orderId}`);
          await page.getByTestId('order-timeline-item').first().waitFor();
          await page.getByTestId('order-detail-cancel').waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-order-detail-pending-phone', true);

          // Confirmed by the end of day of its trade date, run at once: the demo clock stands on a
          // trading-day morning whose NAVs the seeded world already has.
          const navs = (await (
            await page.request.get(
              `${platform.portalUrl}/api/v1/products/${mmf.id}/navs?from=${order.tradeDate}&to=${order.tradeDate}`,
            )
          ).json()) as { items: unknown[] };
          assert(navs.items.length === 1, `no NAV for the trade date ${order.tradeDate} in the demo world`);
          const run = await runEndOfDay(page, platform, order.tradeDate);
          assert(run.status === 'completed', `the end of day for ${order.tradeDate} is ${run.status}`);

          await page.goto(`${platform.portalUrl}/assets`);
          const holding = page.locator(`[data-testid="holding"][data-product-code="${mmf.code}"]`);
          await holding.waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-assets-holding-actions-phone', true);
          await holding.getByTestId('holding-instant').click();
          await expectText(page, 'order-instant-left', '¥10,000.00');
          await page.getByTestId('order-amount').fill('1000.00');
          await expectText(page, 'order-instant-limit', '¥10,000.00');
          await page.getByTestId('order-preview').waitFor();
          await screenshot(page, 'portal-instant-redemption-phone');
          await page.getByTestId('order-submit').click();
          await expectText(page, 'order-result', '¥1,000.00');
          await screenshot(page, 'portal-instant-redemption-done-phone');
          await page.keyboard.press('Escape');

          await holding.getByTestId('holding-instant').click();
          await expectText(page, 'order-instant-left', '¥9,000.00');
          // More than is left today: said before it is sent, and the order cannot be placed.
          await page.getByTestId('order-amount').fill('9500.00');
          await page.getByTestId('order-over-limit').waitFor();
          assert(
            await page.getByTestId('order-submit').isDisabled(),
            'an instant redemption above the limit can be sent',
          );
          await screenshot(page, 'portal-instant-redemption-over-limit-phone');
          await page.keyboard.press('Escape');
          const redeemed = page.locator('[data-testid="order-row"][data-status="confirmed"]').first();
          await redeemed.getByTestId('order-link').click();
          await expectText(page, 'order-detail-status', '已确认');
          await expectText(page, 'order-detail-proceeds', '¥1,000.00');
          const receiptHref = await page.getByTestId('order-receipt').getAttribute('href');
          assert(receiptHref, 'no electronic confirmation link');
          const receipt = await page.request.get(`${platform.portalUrl}${receiptHref}`);
          assert(
            receipt.ok() && (receipt.headers()['content-type'] ?? '').includes('text/html'),
            `the electronic confirmation: ${receipt.status()}`,
          );
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-order-detail-instant-phone', true);
          await toEnglish(page);
          await expectText(page, 'order-detail-status', 'Confirmed');
          await screenshot(page, 'portal-order-detail-instant-phone-en', true);
          await page.getByTestId('order-back').click();
          await holding.getByTestId('holding-instant').click();
          await expectText(page, 'order-instant-left', '¥9,000.00');
          await screenshot(page, 'portal-instant-redemption-phone-en');
          await page.keyboard.press('Escape');

          // Conversion into another fund of the same company, when the company has one on sale.
          await holding.getByTestId('holding-convert').click();
          await page.getByTestId('convert-shares').fill('1000.00');
          await page.getByTestId('convert-target').click();
          const options = page.locator('.ant-select-item-option');
          await options.first().waitFor();
          const targets = await options.count();
          // The company's funds may be riskier than 张伟 (C3) may hold: each says so; take one that fits.
          let isFit = false;
          for (let i = 0; i < targets && !isFit; i++) {
            if (i > 0) await page.getByTestId('convert-target').click();
            await options.nth(i).click();
            await page
              .locator('[data-testid="convert-preview"], [data-testid="convert-problem"]')
              .first()
              .waitFor();
            await page.waitForTimeout(300);
            isFit = !(await page.getByTestId('convert-submit').isDisabled());
            if (!isFit) {
              await page
                .locator('[data-testid="suitability-result"], [data-testid="convert-problem"]')
                .first()
                .waitFor();
              await screenshot(page, `portal-convert-refused-${i}-phone-en`);
            }
          }
          if (!isFit) {
            console.log('    (no fund of the company fits 张伟: the conversion is refused with the reason)');
            return;
          }
          await expectText(page, 'convert-target-shares', /\d+\.\d{2}/);
          await screenshot(page, 'portal-convert-preview-phone-en');
          await page.getByTestId('convert-submit').click();
          await page.getByTestId('convert-result').waitFor();
          await page.keyboard.press('Escape');
          await page
            .locator('[data-testid="order-row"][data-status="pending"]')
            .filter({ hasText: 'Conversion out' })
            .first()
            .waitFor();
          await screenshot(page, 'portal-convert-pending-phone-en', true);
        }),
    },
    {
      name: 'portal plans, early withdrawal: on a phone a customer opens a time deposit and withdraws it early at the demand rate',
      run: (browser) =>
        withPage(browser, 'portal-deposit-withdrawal', PHONE, async (page) => {
          await logInCustomer(page, platform, zhangWei);
          const deposit = await buyable(
            page,
            platform,
            'deposit',
            (p) => Number(p.minimumAmount?.amount ?? '0') <= 5000,
          );
          const amount =
            Number(deposit.minimumAmount?.amount ?? '1000') > 0
              ? (deposit.minimumAmount?.amount ?? '1000.00')
              : '1000.00';
          await subscribe(page, platform, deposit.id, amount);
          await page.goto(`${platform.portalUrl}/assets`);
          const holding = page.locator(`[data-testid="holding"][data-product-code="${deposit.code}"]`);
          await holding.getByTestId('holding-withdraw').click();
          await expectText(page, 'deposit-demand-rate', '活期利率');
          await page.getByTestId('deposit-lot').first().waitFor();
          await screenshot(page, 'portal-deposit-lots-phone');
          await page.getByTestId('deposit-lot-withdraw').first().click();
          await page.getByTestId('deposit-withdraw-confirm').waitFor();
          assert(
            (await page.locator('.ant-modal-confirm-content').textContent())?.includes('活期利率'),
            'the confirmation does not say the interest is at the demand rate',
          );
          await screenshot(page, 'portal-deposit-withdraw-confirm-phone');
          await page.getByTestId('deposit-withdraw-confirm').click();
          await page.locator('.ant-message').getByText('已提前支取').waitFor();
          await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
          await page.locator('.ant-modal-close').click();
          await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
          const withdrawn = page.locator('[data-testid="order-row"]').filter({ hasText: '提前支取' }).first();
          await withdrawn.waitFor();
          await withdrawn.getByTestId('order-link').click();
          await expectText(page, 'order-detail-status', '已确认');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-order-detail-withdrawal-phone', true);
        }),
    },
  ];
}
