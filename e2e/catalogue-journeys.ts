import { answersForLevel, INDIVIDUAL_QUESTIONNAIRE_V1 } from '@onefin/customers';
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

const RISK_RANK: Record<string, number> = { R1: 1, R2: 2, R3: 3, R4: 4, R5: 5 };

/** The date `days` after the platform's today on the calendar in Shanghai, as a datetime-local input takes it. */
function shanghaiDate(platform: Platform, days: number): string {
  return new Date(platform.now().getTime() + days * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Asia/Shanghai',
  });
}

/**
 * Picks an option of an antd Select by the test id its dropdown entry carries, and checks the select
 * shows it (a click while a drawer still slides in can miss).
 */
async function choose(page: Page, selectTestId: string, optionTestId: string, shows: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.getByTestId(selectTestId).click();
    await page.getByTestId(optionTestId).click();
    const text = (await page.getByTestId(selectTestId).textContent()) ?? '';
    if (text.includes(shows)) return;
    if (attempt === 3) throw new Error(`[data-testid=${selectTestId}] shows "${text}", not ${shows}`);
    await page.waitForTimeout(300);
  }
}

/** Risk levels of the product cards once the list shows only levels up to `max`. */
async function waitForRiskAtMost(page: Page, max: string): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  let levels: string[] = [];
  while (Date.now() < deadline) {
    levels = await page
      .getByTestId('product-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-risk') ?? ''));
    if (levels.length > 0 && levels.every((l) => (RISK_RANK[l] ?? 9) <= (RISK_RANK[max] ?? 0))) return levels;
    await page.waitForTimeout(100);
  }
  throw new Error(`expected only products up to ${max}, the list shows ${levels.join(', ') || 'nothing'}`);
}

/**
 * The catalogue end to end: the risk questionnaire, the supermarket (filter, compare, NAV chart),
 * and the product factory's maker–checker publishing into the supermarket.
 */
export function catalogueJourneys(platform: Platform): Journey[] {
  const [zhangWei, , , , chenJing] = platform.customerMobiles;
  // A fresh code per run, so reruns against a kept data directory do not collide.
  const wealthCode = `WJ${String(Date.now()).slice(-8)}`;
  return [
    {
      name: 'portal: a customer without a risk level takes the questionnaire and is assessed C3',
      run: (browser) =>
        withPage(browser, 'portal-questionnaire', DESKTOP, async (page) => {
          await logInCustomer(page, platform, chenJing);
          await page.goto(`${platform.portalUrl}/risk-assessment`);
          const questionnaire = page.getByTestId('questionnaire');
          await questionnaire.waitFor();
          const id = await questionnaire.getAttribute('data-questionnaire-id');
          assert(id === INDIVIDUAL_QUESTIONNAIRE_V1.id, `unexpected questionnaire ${id}`);
          await screenshot(page, 'portal-questionnaire');
          // Submitting with questions unanswered points at them and saves nothing.
          await page.getByTestId('submit-assessment').click();
          await page.locator('.question-card--missing').first().waitFor();
          for (const a of answersForLevel(INDIVIDUAL_QUESTIONNAIRE_V1, 'C3', () => 0)) {
            await page.getByTestId(`option-${a.questionId}-${a.optionId}`).click();
          }
          await expectText(page, 'questionnaire-progress', `${INDIVIDUAL_QUESTIONNAIRE_V1.questions.length}`);
          await page.getByTestId('submit-assessment').click();
          const level = page.getByTestId('result-level');
          await level.waitFor();
          assert((await level.getAttribute('data-level')) === 'C3', 'the result is not C3');
          await expectText(page, 'result-level', 'C3');
          await screenshot(page, 'portal-questionnaire-result-c3');
          // The profile shows the new level too.
          await page.getByTestId('result-to-profile').click();
          await expectText(page, 'assessment-level', 'C3');
        }),
    },
    {
      name: 'portal: a C3 customer filters the supermarket to R3 and below, compares two funds and opens a NAV chart',
      run: (browser) =>
        withPage(browser, 'portal-supermarket', DESKTOP, async (page) => {
          await logInCustomer(page, platform, zhangWei);
          await page.getByTestId('nav-products').click();
          await page.getByTestId('product-card').first().waitFor();
          await screenshot(page, 'portal-supermarket');
          await choose(page, 'filter-risk', 'filter-risk-R3', 'R3');
          const levels = await waitForRiskAtMost(page, 'R3');
          assert(levels.includes('R3'), `no R3 product after filtering: ${levels.join(', ')}`);
          await screenshot(page, 'portal-supermarket-r3');
          await page.getByTestId('kind-tab-fund').click();
          await page.waitForFunction(() => {
            const cards = [...document.querySelectorAll('[data-testid="product-card"]')];
            return (
              cards.length >= 2 &&
              cards.every((c) => /^\d{6}$/.test(c.getAttribute('data-product-code') ?? ''))
            );
          });
          await waitForRiskAtMost(page, 'R3');
          const cards = page.getByTestId('product-card');
          const codes = [
            await cards.nth(0).getAttribute('data-product-code'),
            await cards.nth(1).getAttribute('data-product-code'),
          ];
          await cards.nth(0).getByTestId('compare-checkbox').click();
          await cards.nth(1).getByTestId('compare-checkbox').click();
          await expectText(page, 'compare-count', '2');
          await page.getByTestId('compare-button').click();
          await page.getByTestId('compare-table').waitFor();
          // antd draws a fixed header twice, so count the products, not the cells
          const compared = new Set(
            await page
              .getByTestId('compare-column')
              .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-product-id'))),
          );
          assert(compared.size === 2, `expected 2 products compared, saw ${compared.size}`);
          for (const code of codes) await expectText(page, 'compare-table', code ?? '?');
          await screenshot(page, 'portal-compare-funds', true);
          await page.getByTestId('back-to-supermarket').click();
          // a fund with a price history (a money-market fund charts its yield instead)
          await page
            .locator('[data-testid="product-card"]:not([data-category="money_market"])')
            .first()
            .click();
          await page.getByTestId('product-page').waitFor();
          await page.getByTestId('nav-chart').locator('canvas').first().waitFor();
          await page.getByTestId('range-1Y').click();
          await expectText(page, 'range-return', '%');
          await page.getByTestId('suitability-result').waitFor();
          await page.getByTestId('risk-disclosure').waitFor();
          await screenshot(page, 'portal-fund-nav-chart', true);
        }),
    },
    {
      name: 'portal: the supermarket on a phone filters in a drawer without sideways scrolling',
      run: (browser) =>
        withPage(browser, 'portal-supermarket-phone', PHONE, async (page) => {
          await logInCustomer(page, platform, zhangWei);
          await page.goto(`${platform.portalUrl}/products`);
          await page.getByTestId('product-card').first().waitFor();
          await page.getByTestId('open-filters').click();
          await page.getByTestId('apply-filters').waitFor();
          await choose(page, 'filter-risk', 'filter-risk-R2', 'R2');
          await screenshot(page, 'portal-supermarket-phone-filters');
          await page.getByTestId('apply-filters').click();
          await waitForRiskAtMost(page, 'R2');
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-supermarket-phone', true);
          await page.getByTestId('product-card').first().click();
          await page.getByTestId('product-page').waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, 'portal-product-phone', true);
        }),
    },
    {
      name: 'console: operations creates a wealth product, cannot approve it, ops2 approves; it appears in the supermarket',
      run: async (browser) => {
        let productUrl = '';
        await withPage(browser, 'console-product-maker', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'operations');
          await page.goto(`${platform.consoleUrl}/products/new/wealth`);
          await page.getByTestId('product-form-title').waitFor();
          // A missing field is pointed at before anything is sent.
          await page.getByTestId('product-submit').click();
          await page.getByText('必填').first().waitFor();
          await page.getByTestId('product-code').fill(wealthCode);
          // the risk level stays at the form's R2 for a wealth product
          await page.getByTestId('product-name-zh').fill('稳享九十天理财');
          await page.getByTestId('product-name-en').fill('Steady 90-Day Wealth');
          const [today, inAMonth] = [0, 30].map((days) => shanghaiDate(platform, days));
          await page.getByTestId('product-sales-start').fill(`${today}T00:00`);
          await page.getByTestId('product-sales-end').fill(`${inAMonth}T15:00`);
          await page.getByTestId('term-issuer').fill('壹金理财有限责任公司');
          await page.getByTestId('term-termDays').fill('90');
          await page.getByTestId('term-coolingOffHours').fill('24');
          await page.getByTestId('term-expectedYieldMin').fill('2.60');
          await page.getByTestId('term-expectedYieldMax').fill('3.40');
          await page.getByTestId('term-minimumAmount').fill('10000.00');
          await page.getByTestId('term-increment').fill('1000.00');
          await page.getByTestId('term-size').fill('500000000.00');
          await page
            .getByTestId('product-disclosure-zh')
            .fill('本产品为非保本浮动收益型理财产品，业绩比较基准不代表实际收益，投资须谨慎。');
          await page
            .getByTestId('product-disclosure-en')
            .fill('Not principal-protected; the benchmark is not a promise of return. Invest with care.');
          await screenshot(page, 'console-product-new-wealth', true);
          await page.getByTestId('product-submit').click();
          await page
            .getByTestId('product-title')
            .waitFor()
            .catch(async () => {
              const errors = await page
                .locator('.ant-form-item-explain-error, [data-testid="product-form-errors"]')
                .allTextContents();
              throw new Error(`the draft was not saved: ${errors.join('; ') || 'no error shown'}`);
            });
          await expectText(page, 'product-title', '稳享九十天理财');
          await expectText(page, 'product-status-tag', '草稿');
          productUrl = page.url();
          await page.getByTestId('product-submit').click();
          await page.getByTestId('product-submit-confirm').click();
          await expectText(page, 'product-status-tag', '待审核');
          // The maker sees the approval but cannot decide it.
          assert(await page.getByTestId('product-approve').isDisabled(), 'the maker may approve own product');
          await screenshot(page, 'console-product-under-review');
        });
        await withPage(browser, 'console-product-checker', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'ops2');
          await page.goto(productUrl);
          await expectText(page, 'product-status-tag', '待审核');
          await page.getByTestId('product-approve').click();
          await page.getByTestId('approval-drawer').waitFor();
          await expectText(page, 'approval-drawer', wealthCode);
          // the maker by name (王磊, operations), not by id
          await expectText(page, 'approval-drawer', '王磊');
          await screenshot(page, 'console-product-approval');
          await page.getByTestId('approve-button').click();
          await expectText(page, 'product-status-tag', '在售');
          await screenshot(page, 'console-product-on-sale');
        });
        await withPage(browser, 'portal-new-wealth', DESKTOP, async (page) => {
          await logInCustomer(page, platform, zhangWei);
          await page.goto(`${platform.portalUrl}/products`);
          await page.getByTestId('product-card').first().waitFor();
          await page.getByTestId('product-search').locator('input').fill(wealthCode);
          await page.getByTestId('product-search').locator('input').press('Enter');
          const card = page.locator(`[data-testid="product-card"][data-product-code="${wealthCode}"]`);
          await card.waitFor();
          await expectText(page, 'product-list', '稳享九十天理财');
          await card.getByTestId('suitable-marker').waitFor();
          await screenshot(page, 'portal-supermarket-new-wealth');
        });
      },
    },
  ];
}
