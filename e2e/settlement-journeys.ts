import type { Page } from 'playwright-core';
import { assert, DESKTOP, expectText, type Journey, screenshot, withPage } from './harness.ts';
import { topUp } from './investing-journeys.ts';
import { logInCustomer } from './log-in.ts';
import { moveClock, runEndOfDay } from './operations.ts';
import type { Platform } from './platform.ts';

interface ListedProduct {
  id: string;
  code: string;
  category: string;
  status: string;
  suitability?: { allowed: boolean } | null;
}

interface PortalOrder {
  id: string;
  productId: string;
  status: string;
  amount: { amount: string } | null;
  shares: string | null;
  nav: string | null;
  fee: { amount: string } | null;
  tradeDate: string | null;
  confirmDate: string | null;
}

const getJson = async <T>(page: Page, url: string): Promise<T> => {
  const res = await page.request.get(url);
  assert(res.ok(), `GET ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};

/** Hundredths of a 2-dp decimal string ("1000.00" → 100000n). */
const hundredths = (text: string) => BigInt(text.replace('.', ''));

/**
 * A fund (not money-market) on sale that the signed-in customer may buy and has nothing in yet,
 * neither held nor ordered, so the holding that appears is this order's alone.
 */
async function untouchedFund(page: Page, platform: Platform): Promise<ListedProduct> {
  const { items } = await getJson<{ items: ListedProduct[] }>(
    page,
    `${platform.portalUrl}/api/v1/products?kind=fund&limit=100`,
  );
  const assets = await getJson<{ holdings: { productId: string }[] }>(
    page,
    `${platform.portalUrl}/api/v1/assets`,
  );
  const orders = await getJson<{ items: PortalOrder[] }>(
    page,
    `${platform.portalUrl}/api/v1/orders?limit=200`,
  );
  const touched = new Set([...assets.holdings, ...orders.items].map((x) => x.productId));
  const fund = items.find(
    (p) =>
      p.status === 'on_sale' && p.suitability?.allowed && p.category !== 'money_market' && !touched.has(p.id),
  );
  assert(fund, 'no fund in the demo catalogue that 张伟 may buy and has not bought yet');
  return fund;
}

/**
 * T+1 settlement through the demo clock. These journeys move the platform's clock forward, so they
 * run after every other (whose orders and NAVs belong to the clock's first day).
 */
export function settlementJourneys(platform: Platform): Journey[] {
  const zhangWei = platform.customerMobiles[0];
  return [
    {
      name: 'portal T+1: a customer buys a fund before the cut-off, the clock moves to T+1 and the end of day runs, and the confirmed holding with its shares appears in my assets',
      run: (browser) =>
        withPage(browser, 'portal-fund-t-plus-1', DESKTOP, async (page) => {
          await logInCustomer(page, platform, zhangWei);
          await topUp(page, platform, '2000.00');
          const fund = await untouchedFund(page, platform);
          const today = new Date(platform.now()).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

          // T: before 15:00, so the order takes today's NAV.
          await page.goto(`${platform.portalUrl}/products/${fund.id}`);
          await page.getByTestId('product-buy').click();
          await page.getByTestId('order-amount').fill('1000.00');
          await page.getByTestId('order-preview').waitFor();
          await expectText(page, 'order-cutoff', '15:00');
          await page.getByTestId('order-agree').click();
          await screenshot(page, 'portal-t1-order-preview');
          await page.getByTestId('order-submit').click();
          const result = page.getByTestId('order-result');
          await result.waitFor();
          const orderId = await result.getAttribute('data-order-id');
          assert(orderId, 'the placed order has no id');
          await screenshot(page, 'portal-t1-order-placed');
          const placed = await getJson<PortalOrder>(page, `${platform.portalUrl}/api/v1/orders/${orderId}`);
          assert(placed.tradeDate === today, `trade date ${placed.tradeDate}, expected today (${today})`);

          await page.getByTestId('order-view-assets').click();
          await page.getByTestId('assets-page').waitFor();
          const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
          await row.and(page.locator('[data-status="pending"]')).waitFor();
          const holding = page.locator(`[data-testid="holding"][data-product-code="${fund.code}"]`);
          assert((await holding.count()) === 0, 'a holding of the fund before its order is confirmed');
          await screenshot(page, 'portal-t1-assets-pending', true);

          // T+1: operations moves the demo clock a day on and runs the end of day for T.
          const moved = await moveClock(page, platform, { advance: 'P1D' });
          assert(moved.businessDate > today, `the clock moved to ${moved.businessDate}`);
          const run = await runEndOfDay(page, platform);
          assert(run.tradeDate === today, `the end of day settled ${run.tradeDate}, not ${today}`);
          assert(run.status === 'completed', `the end of day for ${today} is ${run.status}`);
          assert(
            run.report.reconciliation?.breaks.length === 0,
            `reconciliation breaks: ${JSON.stringify(run.report.reconciliation?.breaks)}`,
          );

          // A day away: the customer's session has lapsed, so they log in again, as they would.
          await logInCustomer(page, platform, zhangWei);
          const confirmed = await getJson<PortalOrder>(
            page,
            `${platform.portalUrl}/api/v1/orders/${orderId}`,
          );
          assert(confirmed.status === 'confirmed', `the order is ${confirmed.status} on T+1`);
          assert(confirmed.confirmDate === moved.businessDate, `confirmed on ${confirmed.confirmDate}`);
          // shares = (amount − fee) / T's NAV, rounded down to 2 dp
          const { nav, fee, shares, amount } = confirmed;
          assert(nav && fee && shares && amount, 'the confirmed order lacks its NAV, fee or shares');
          const net = hundredths(amount.amount) - hundredths(fee.amount);
          const expected = (net * 10_000n) / BigInt(nav.replace('.', ''));
          assert(hundredths(shares) === expected, `shares ${shares}, expected ${expected} hundredths`);

          await page.goto(`${platform.portalUrl}/assets`);
          await holding.waitFor();
          assert(
            (await holding.textContent())?.includes(`份额 ${shares}`),
            `the holding does not show ${shares} shares: ${await holding.textContent()}`,
          );
          await row.and(page.locator('[data-status="confirmed"]')).waitFor();
          await holding.scrollIntoViewIfNeeded();
          await screenshot(page, 'portal-t1-assets-confirmed', true);

          await row.getByTestId('order-link').click();
          await expectText(page, 'order-detail-status', '已确认');
          await expectText(page, 'order-detail-shares', shares);
          await expectText(page, 'order-detail-nav', nav);
          await screenshot(page, 'portal-t1-order-detail-confirmed', true);
        }),
    },
  ];
}
