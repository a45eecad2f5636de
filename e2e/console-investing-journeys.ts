import type { Page } from 'playwright-core';
import { assert, DESKTOP, expectText, type Journey, screenshot, withPage } from './harness.ts';
import { logInStaff } from './log-in.ts';
import type { Platform } from './platform.ts';

interface ListedProduct {
  id: string;
  code: string;
  riskLevel: string;
  status: string;
  category: string;
  channels: string[];
  minimumAmount: { amount: string } | null;
  attributes: { kind: string; company?: string };
}

/** Funds on sale by phone, as the console's product search lists them (with their fund company). */
async function phoneFunds(page: Page, platform: Platform): Promise<ListedProduct[]> {
  const res = await page.request.get(
    `${platform.consoleUrl}/api/v1/products?kind=fund&status=on_sale&limit=200`,
  );
  assert(res.ok(), `listing funds: ${res.status()}`);
  const { items } = (await res.json()) as { items: ListedProduct[] };
  return items.filter((p) => p.channels.includes('phone'));
}

/** Picks a product in the drawer's product or target picker by its code. */
async function pickProduct(page: Page, testId: string, code: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(code);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: code })
    .first()
    .click();
}

/** A fund on sale by phone at one of these risk levels, as the console's product search lists it. */
async function phoneFund(page: Page, platform: Platform, levels: readonly string[]): Promise<ListedProduct> {
  const fund = (await phoneFunds(page, platform)).find(
    (p) =>
      levels.includes(p.riskLevel) &&
      p.category !== 'money_market' &&
      // 1,000.00 is enough to buy it
      Number(p.minimumAmount?.amount ?? '0') <= 1000,
  );
  assert(fund, `no fund of risk ${levels.join('/')} sold by phone in the demo catalogue`);
  return fund;
}

/** From the customer search to the customer's page, by mobile number. */
async function openCustomer(page: Page, mobile: string, name: string): Promise<void> {
  await page.getByTestId('nav-customers').click();
  const search = page.getByTestId('customer-search').locator('input');
  await search.fill(mobile);
  await search.press('Enter');
  await page
    .getByTestId('customer-row')
    .filter({ hasText: name })
    .first()
    .getByTestId('customer-link')
    .click();
  await expectText(page, 'customer-title', name);
}

/** A time deposit on sale by phone that 1,000.00 opens. */
async function phoneDeposit(page: Page, platform: Platform): Promise<ListedProduct> {
  const res = await page.request.get(
    `${platform.consoleUrl}/api/v1/products?kind=deposit&status=on_sale&limit=200`,
  );
  assert(res.ok(), `listing deposits: ${res.status()}`);
  const { items } = (await res.json()) as { items: ListedProduct[] };
  const deposit = items.find(
    (p) => p.channels.includes('phone') && Number(p.minimumAmount?.amount ?? '0') <= 1000,
  );
  assert(deposit, 'no time deposit sold by phone in the demo catalogue');
  return deposit;
}

/** Opens the assisted-order drawer and fills in an order by amount, by phone. */
async function fillOrder(
  page: Page,
  product: ListedProduct,
  type: 'subscribe' | 'deposit_open',
  amount: string,
): Promise<void> {
  await page.getByTestId('customer-assisted-order').click();
  await page.getByTestId('assist-drawer').waitFor();
  await page.getByTestId('assist-product').click();
  await page.keyboard.type(product.code);
  await page.locator('.ant-select-item-option').filter({ hasText: product.code }).first().click();
  await page.getByTestId(`assist-type-${type}`).waitFor();
  await expectText(page, 'assist-channel', '电话销售');
  await page.getByTestId('assist-amount').fill(amount);
}

/** Reads the simulator's one-time code off the drawer and enters it as the customer would read it out. */
async function enterCustomerCode(page: Page): Promise<string> {
  await page.getByTestId('assist-awaiting').waitFor();
  const code = ((await page.getByTestId('assist-simulator-code').textContent()) ?? '').trim();
  assert(/^\d{6}$/.test(code), `the simulator shows no one-time code: "${code}"`);
  await page.getByTestId('assist-code').fill(code);
  return code;
}

/**
 * Waits for the drawer's preview and checks that its fee is the one the console's preview route
 * gives for the same order (the customer is the one whose page is open).
 */
async function expectPreviewFee(
  page: Page,
  platform: Platform,
  body: Record<string, unknown>,
): Promise<void> {
  const customerId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  const { token } = (await (await page.request.get(`${platform.consoleUrl}/api/v1/csrf`)).json()) as {
    token: string;
  };
  const res = await page.request.post(
    `${platform.consoleUrl}/api/v1/investing/customers/${encodeURIComponent(customerId)}/orders/preview`,
    { headers: { 'x-csrf-token': token }, data: body },
  );
  assert(res.ok(), `the preview answers ${res.status()}: ${await res.text()}`);
  const { fee } = (await res.json()) as { fee: { amount: string } | null };
  const isFree = !fee || fee.amount === '0.00';
  await expectText(page, 'assist-preview-fee', isFree ? '免手续费' : '¥');
  const shown = shownAmount(await page.getByTestId('assist-preview-fee').textContent());
  assert(isFree || shown === fee.amount, `the preview shows a fee of ${shown}, the API ${fee?.amount}`);
}

interface SalesLine {
  channel: string;
  staffId: string | null;
  volume: { amount: string; currency: string };
  pendingVolume: { amount: string; currency: string };
}

/** The signed-in staff member's phone line of this month's sales ledger, as the API reports it. */
async function myPhoneLine(page: Page, platform: Platform): Promise<SalesLine & { staffId: string }> {
  const me = await page.request.get(`${platform.consoleUrl}/api/v1/me`);
  assert(me.ok(), `reading the staff user: ${me.status()}`);
  const { id } = (await me.json()) as { id: string };
  const res = await page.request.get(`${platform.consoleUrl}/api/v1/investing/sales?channel=phone`);
  assert(res.ok(), `reading the sales ledger: ${res.status()}`);
  const { items } = (await res.json()) as { items: SalesLine[] };
  const line = items.find((l) => l.staffId === id && l.volume.currency === 'CNY');
  assert(line, 'the sales ledger has no phone line for the staff member who just sold by phone');
  return { ...line, staffId: id };
}

/** `¥1,234.50` → `1234.50`: the figure a money cell shows, to compare with the API's decimal string. */
function shownAmount(text: string | null): string {
  return (text ?? '').replace(/[¥,\s]/g, '');
}

/**
 * Opens the sales ledger, finds the staff member's phone line and checks that its volume and pending
 * volume are what the API says: the deposit confirmed at once (≥ 1,000.00), the fund held until T+1.
 */
async function checkSalesLedger(page: Page, platform: Platform): Promise<string> {
  const line = await myPhoneLine(page, platform);
  const whole = (amount: string) => BigInt(amount.split('.')[0] ?? '0');
  assert(whole(line.volume.amount) >= 1000n, `phone volume ${line.volume.amount}: the deposit is missing`);
  assert(
    whole(line.pendingVolume.amount) >= 1000n,
    `pending ${line.pendingVolume.amount}: the fund is missing`,
  );
  await page.getByTestId('nav-sales').click();
  const row = page.locator(`[data-testid="sales-row"][data-channel="phone"][data-staff="${line.staffId}"]`);
  await row.first().waitFor();
  const volume = shownAmount(await row.first().getByTestId('sales-volume').textContent());
  assert(volume === line.volume.amount, `the ledger shows volume ${volume}, the API ${line.volume.amount}`);
  const pending = shownAmount(await row.first().getByTestId('sales-pendingVolume').textContent());
  assert(pending === line.pendingVolume.amount, `pending ${pending}, the API ${line.pendingVolume.amount}`);
  await page.getByTestId('sales-total').first().waitFor();
  // the page's total counts each customer once, as the API does (not the sum of the lines)
  const all = await page.request.get(`${platform.consoleUrl}/api/v1/investing/sales`);
  const { totals } = (await all.json()) as { totals: { currency: string; customers: number }[] };
  const cny = totals.find((t) => t.currency === 'CNY');
  // one currency: the row reads 合计; several: each names its currency
  const totalRow = page.getByTestId('sales-total').filter(totals.length > 1 ? { hasText: 'CNY' } : {});
  const shownCustomers = await totalRow.first().getByTestId('sales-total-customers').textContent();
  assert(
    cny && shownCustomers === String(cny.customers),
    `total customers ${shownCustomers}, the API ${cny?.customers}`,
  );
  await page.getByTestId('sales-chart').locator('canvas').first().waitFor();
  return line.staffId;
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-option-en').click();
  await expectText(page, 'nav-customers', 'Customers');
}

/** Assisted sales from the console: an order by phone confirmed with the customer's code, a suitability refusal, the end of day. */
export function consoleInvestingJourneys(platform: Platform): Journey[] {
  return [
    {
      name: 'console investing: phone sales places a fund order and a time deposit for 张伟 by phone, enters the codes he reads out, and finds them in his orders, the order detail and his holdings',
      run: (browser) =>
        withPage(browser, 'console-assisted-order', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'phone_sales');
          const fund = await phoneFund(page, platform, ['R1', 'R2', 'R3']);
          await openCustomer(page, '13800138001', '张伟');
          await fillOrder(page, fund, 'subscribe', '1000.00');
          // Before submitting: the fee, the trade date and its 15:00 cut-off, the confirmation date.
          await expectPreviewFee(page, platform, {
            type: 'subscribe',
            productId: fund.id,
            amount: { amount: '1000.00', currency: 'CNY' },
            channel: 'phone',
          });
          await expectText(page, 'assist-preview-suitability', '适当性匹配');
          await expectText(page, 'assist-preview-cutoff', '15:00');
          await page.getByTestId('assist-preview-confirm-date').waitFor();
          await page.getByTestId('assist-preview').scrollIntoViewIfNeeded();
          await screenshot(page, 'console-assisted-order-preview');
          await screenshot(page, 'console-assisted-order-form');
          await page.getByTestId('assist-submit').click();

          const code = await enterCustomerCode(page);
          const wrong = code === '000000' ? '000001' : '000000';
          await page.getByTestId('assist-code').fill(wrong);
          await page.getByTestId('assist-confirm').click();
          await expectText(page, 'assist-code-error-title', '确认码不正确');
          await page.getByTestId('assist-code').fill(code);
          await screenshot(page, 'console-assisted-order-code');
          await page.getByTestId('assist-confirm').click();
          await expectText(page, 'assist-result-title', '客户已确认');
          await screenshot(page, 'console-assisted-order-confirmed');

          await page.getByTestId('assist-view-order').click();
          await expectText(page, 'order-status', '待确认');
          await expectText(page, 'order-channel', '电话销售');
          await expectText(page, 'order-staff', 'phone_sales');
          await expectText(page, 'order-amount', '¥1,000.00');
          await expectText(page, 'order-history', '待客户确认');
          const steps = await page.getByTestId('order-history-item').count();
          assert(steps >= 3, `the status history shows ${steps} steps`);
          await screenshot(page, 'console-order-detail', true);
          // The electronic confirmation the customer gets, opened from the order.
          const receipt = await page.getByTestId('order-receipt').getAttribute('href');
          assert(receipt?.includes('lang=zh-CN'), `the confirmation link is ${receipt}`);
          const document = await page.request.get(`${platform.consoleUrl}${receipt}`);
          assert(document.ok(), `the confirmation answers ${document.status()}`);
          const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
          assert(document.headers()['content-type']?.includes('text/html'), 'the confirmation is no page');
          assert((await document.text()).includes(orderId), `the confirmation does not name ${orderId}`);

          await page.getByText('返回客户').click();
          await page.getByTestId('customer-tab-orders').click();
          await page
            .locator('[data-testid="order-row"][data-status="pending"]')
            .filter({ hasText: fund.code })
            .first()
            .waitFor();
          await screenshot(page, 'console-customer-orders');

          // A time deposit opens at once once confirmed: it shows among the holdings straight away.
          const deposit = await phoneDeposit(page, platform);
          await fillOrder(page, deposit, 'deposit_open', '1000.00');
          await page.getByTestId('assist-submit').click();
          await enterCustomerCode(page);
          await page.getByTestId('assist-confirm').click();
          await expectText(page, 'assist-result-title', '客户已确认');
          await page.keyboard.press('Escape');
          await page.getByTestId('customer-tab-holdings').click();
          await page.getByTestId('holding-row').filter({ hasText: deposit.code }).first().waitFor();
          await expectText(page, 'holdings-table', '¥1,000.00');
          await screenshot(page, 'console-customer-holdings');

          // The sale is credited to the staff member's phone line of this month's sales ledger.
          await checkSalesLedger(page, platform);
          await expectText(page, 'sales-table', '电话销售');
          await expectText(page, 'sales-table', '合计');
          await screenshot(page, 'console-sales-ledger', true);
          await page.goBack();
          await expectText(page, 'customer-title', '张伟');

          await toEnglish(page);
          await page.getByTestId('customer-tab-orders').click();
          await expectText(page, 'orders-table', 'Pending confirmation');
          await screenshot(page, 'console-customer-orders-en');
          await page
            .locator('[data-testid="order-row"][data-status="pending"]')
            .first()
            .getByTestId('order-link')
            .click();
          await expectText(page, 'order-channel', 'Phone sales');
          await expectText(page, 'order-history', 'Awaiting customer');
          await expectText(page, 'order-customer-link', '张伟');
          await screenshot(page, 'console-order-detail-en', true);

          await page.getByTestId('nav-orders').click();
          await page.getByTestId('order-mine').click();
          await page.locator('[data-testid="order-row"]').filter({ hasText: fund.code }).first().waitFor();
          await screenshot(page, 'console-orders-mine-en');

          const staffId = await checkSalesLedger(page, platform);
          await expectText(page, 'sales-table', 'Phone sales');
          await expectText(page, 'sales-table', 'Total');
          await screenshot(page, 'console-sales-ledger-en', true);
          // A line opens the order search filtered by its channel and staff member.
          await page
            .locator(`[data-testid="sales-row"][data-channel="phone"][data-staff="${staffId}"]`)
            .first()
            .getByTestId('sales-volume')
            .click();
          await expectText(page, 'order-channel-filter', 'Phone sales');
          await page.locator('[data-testid="order-row"]').filter({ hasText: fund.code }).first().waitFor();
          await screenshot(page, 'console-orders-of-sales-line-en');
        }),
    },
    {
      name: 'console investing: a phone order of an R4 fund for 李娜 (C2) is refused with the reason, and recorded as refused',
      run: (browser) =>
        withPage(browser, 'console-assisted-refusal', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'phone_sales');
          const fund = await phoneFund(page, platform, ['R4']);
          await openCustomer(page, '13900139003', '李娜');
          await fillOrder(page, fund, 'subscribe', '1000.00');
          // The preview says so before anything is submitted.
          await expectText(page, 'assist-preview-suitability', '适当性不匹配');
          await expectText(page, 'assist-preview-suitability-reason', 'C2');
          await page.getByTestId('assist-submit').click();
          await expectText(page, 'assist-refusal-title', '产品风险等级高于客户的风险承受能力');
          await expectText(page, 'assist-refusal-detail', 'R4');
          await expectText(page, 'assist-refusal-detail', 'C2');
          assert(
            (await page.getByTestId('assist-awaiting').count()) === 0,
            'a refused order asks for a code',
          );
          await screenshot(page, 'console-assisted-order-refused');
          await page.keyboard.press('Escape');

          await page.getByTestId('customer-tab-orders').click();
          const refused = page
            .locator('[data-testid="order-row"][data-status="refused"]')
            .filter({ hasText: fund.code });
          await refused.first().waitFor();
          await refused.first().getByTestId('order-link').click();
          await expectText(page, 'order-failure-reason', '产品风险等级高于客户的风险承受能力');
          await screenshot(page, 'console-order-refused-detail');
          await toEnglish(page);
          await expectText(page, 'order-failure-reason', "above the customer's risk tolerance");
          await screenshot(page, 'console-order-refused-detail-en');
        }),
    },
    {
      name: 'console investing: phone sales tries to convert 张伟’s fund into another company’s fund and is refused naming both companies; a money-market redemption offers the instant (T+0) switch',
      run: (browser) =>
        withPage(browser, 'console-assisted-conversion', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'phone_sales');
          const funds = await phoneFunds(page, platform);
          const source = funds.find((f) => f.category !== 'money_market' && f.attributes.company);
          assert(source, 'no fund sold by phone');
          const other = funds.find(
            (f) => f.attributes.company && f.attributes.company !== source.attributes.company,
          );
          assert(other, 'the demo catalogue has funds of only one company');
          const mmf = funds.find((f) => f.category === 'money_market');
          assert(mmf, 'no money-market fund sold by phone');
          await openCustomer(page, '13800138001', '张伟');

          await page.getByTestId('customer-assisted-order').click();
          await page.getByTestId('assist-drawer').waitFor();
          await pickProduct(page, 'assist-product', source.code);
          await page.getByTestId('assist-type-convert').click();
          await pickProduct(page, 'assist-target', other.code);
          await expectText(page, 'assist-target-other-company', other.attributes.company ?? '');
          await page.getByTestId('assist-shares').fill('100.00');
          await page.getByTestId('assist-submit').click();
          await expectText(page, 'assist-refusal-title', '只能转换为同一基金公司');
          await expectText(page, 'assist-refusal-detail', other.attributes.company ?? '');
          await screenshot(page, 'console-assisted-conversion-refused');
          assert(
            (await page.getByTestId('assist-awaiting').count()) === 0,
            'a refused conversion asks for a code',
          );

          // Instant redemption is offered for a money-market fund only, and the server takes it.
          await pickProduct(page, 'assist-product', mmf.code);
          await page.getByTestId('assist-type-redeem').click();
          await page.getByTestId('assist-fast').click();
          await page.getByTestId('assist-shares').fill('999999.00');
          await page.getByTestId('assist-submit').click();
          await expectText(page, 'assist-refusal-title', /份额不足|快速赎回/);
          await screenshot(page, 'console-assisted-fast-redemption');
          await pickProduct(page, 'assist-product', source.code);
          await page.getByTestId('assist-type-redeem').click();
          assert((await page.getByTestId('assist-fast').count()) === 0, 'an equity fund offers T+0');
        }),
    },
    {
      name: 'console investing: operations runs the end of day and reads its report, with no reconciliation break',
      run: (browser) =>
        withPage(browser, 'console-end-of-day', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'operations');
          await page.getByTestId('nav-endOfDay').click();
          await page.getByTestId('eod-run').click();
          await page.getByTestId('eod-run-confirm').click();
          await page.getByTestId('eod-report').waitFor();
          await expectText(page, 'eod-breaks', '无差异');
          await expectText(page, 'eod-status', '已完成');
          await expectText(page, 'eod-line-conversions', '基金转换');
          await screenshot(page, 'console-end-of-day', true);
          await toEnglish(page);
          await expectText(page, 'eod-breaks', 'No breaks');
          await screenshot(page, 'console-end-of-day-en', true);
          await page.getByTestId('nav-orders').click();
          await page.getByTestId('order-status-filter-refused').click();
          await page.locator('[data-testid="order-row"][data-status="refused"]').first().waitFor();
          await screenshot(page, 'console-orders-refused-en');
        }),
    },
  ];
}
