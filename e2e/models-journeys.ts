import type { Page } from 'playwright-core';
import { assert, DESKTOP, expectText, type Journey, screenshot, withPage } from './harness.ts';
import { logInStaff } from './log-in.ts';
import type { Platform } from './platform.ts';

/** An antd InputNumber's <input>, whichever element carries the test id. */
const numberInput = (page: Page, testId: string) =>
  page.locator(`input[data-testid=${testId}], [data-testid=${testId}] input`).first();

async function toEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-option-en').click();
}

/** The models in the console: the credit model's page, scoring an applicant, the deposit campaign list. */
export function modelsJourneys(platform: Platform): Journey[] {
  return [
    {
      name: 'models: a risk officer opens the credit model page and scores an applicant, seeing the reason codes',
      run: (browser) =>
        withPage(browser, 'models-risk-officer', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'risk_officer');
          await page.getByTestId('nav-models').click();
          await page.getByTestId('model-card-credit').waitFor();
          await expectText(page, 'model-card-credit', '生效中');
          await screenshot(page, 'models-list');
          await page.getByTestId('open-model-credit').click();
          await expectText(page, 'model-title', '信用评分卡');
          for (const chart of ['chart-roc', 'chart-ks', 'chart-gains', 'chart-distribution'])
            await page.getByTestId(chart).locator('canvas').first().waitFor();
          await screenshot(page, 'models-credit-charts', true);
          await expectText(page, 'fair-lending', '公平信贷对比');
          const stability = await page.request.get(`${platform.consoleUrl}/api/v1/models/credit/stability`);
          if (stability.ok()) {
            await page.getByTestId('chart-stability').locator('canvas').first().waitFor();
            await expectText(page, 'stability-band', /稳定|有漂移|已偏移/);
          }
          await page.getByTestId('fair-lending').scrollIntoViewIfNeeded();
          await screenshot(page, 'models-credit-fair-lending');
          await page.getByTestId('tab-woe').click();
          await page.getByTestId('chart-woe').first().locator('canvas').first().waitFor();
          await screenshot(page, 'models-credit-woe');
          await page.getByTestId('tab-scorecard').click();
          await page.getByTestId('scorecard-table').locator('tbody tr').first().waitFor();
          const href = await page.getByTestId('scorecard-download').getAttribute('href');
          assert(href?.includes('scorecard.xlsx?lang=zh-CN'), `the scorecard download points at ${href}`);
          const bins = await page.getByTestId('scorecard-table').getByTestId('bin-words').allTextContents();
          assert(
            bins.some((b) => /[\u4e00-\u9fff]/.test(b)),
            `the scorecard's bins are not in words: ${bins.slice(0, 5).join(' | ')}`,
          );
          await screenshot(page, 'models-credit-scorecard');
          await page.getByTestId('tab-folds').click();
          await expectText(page, 'folds-table', '均值 ± 标准差');
          await page.getByTestId('tab-versions').click();
          await page.getByTestId('versions-table').locator('tbody tr').first().waitFor();
          assert(
            (await page.getByTestId('validate-1').count()) +
              (await page.getByTestId('activate-1').count()) ===
              0,
            'a risk officer is offered the analyst’s validate / activate buttons',
          );
          await screenshot(page, 'models-credit-folds-versions');

          await page.getByTestId('score-applicant').click();
          await page.getByTestId('score-form').waitFor();
          await page.getByTestId('score-submit').click();
          await page.getByTestId('reason-code').first().waitFor();
          const reasons = await page.getByTestId('reason-code').allTextContents();
          assert(
            reasons.length >= 1 && reasons.length <= 4,
            `expected 1–4 reason codes, saw ${reasons.length}`,
          );
          assert(
            /[\u4e00-\u9fff]/.test(reasons[0] ?? ''),
            `the reason codes are not in Chinese: ${reasons[0]}`,
          );
          const score = Number((await page.getByTestId('credit-score').textContent())?.replace(/\D/g, ''));
          assert(score > 300 && score < 900, `the applicant's score is ${score}`);
          await screenshot(page, 'models-score-form');
          await page.getByTestId('score-result').scrollIntoViewIfNeeded();
          await screenshot(page, 'models-score-applicant');

          await toEnglish(page);
          await expectText(page, 'reason-codes', 'Reason codes');
          await page.getByTestId('score-result').scrollIntoViewIfNeeded();
          const english = await page.getByTestId('reason-code').allTextContents();
          assert(
            !/[\u4e00-\u9fff]/.test(english[0] ?? ''),
            `the reason codes stay Chinese in English: ${english[0]}`,
          );
          await screenshot(page, 'models-score-applicant-en');
          await page.getByTestId('nav-models').click();
          await page.getByTestId('open-model-credit').click();
          await expectText(page, 'fair-lending', 'Fair-lending comparison');
          await page.getByTestId('fair-lending').scrollIntoViewIfNeeded();
          await screenshot(page, 'models-credit-fair-lending-en');
        }),
    },
    {
      name: 'models: a risk officer reads a customer’s credit score with its reason codes on the profile',
      run: (browser) =>
        withPage(browser, 'models-customer-score', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'risk_officer');
          // A seeded demo customer with model features: a later-registered customer (a portal
          // journey's) sorts first in the list and has none.
          await page.goto(`${platform.consoleUrl}/customers`);
          const search = page.getByTestId('customer-search').locator('input');
          await search.fill('13800138001');
          await search.press('Enter');
          await page
            .getByTestId('customer-row')
            .filter({ hasText: '张伟' })
            .first()
            .getByTestId('customer-link')
            .click();
          await expectText(page, 'customer-title', '张伟');
          await page.getByRole('tab', { name: '信用评分' }).click();
          await page.getByTestId('customer-credit-score').waitFor();
          await page.getByTestId('score-points').locator('tbody tr').first().waitFor();
          const points = await page
            .locator('[data-testid=score-points] tbody tr td:nth-child(3)')
            .allTextContents();
          assert(
            points.every((p) => !p.includes('.')),
            `points shown with decimals: ${points.join(',')}`,
          );
          await screenshot(page, 'models-customer-credit-score');
          await toEnglish(page);
          await page.getByTestId('customer-credit-score').waitFor();
          const words = await page.getByTestId('score-points').getByTestId('bin-words').allTextContents();
          assert(
            words.length > 0 && words.every((w) => !/[\u4e00-\u9fff]/.test(w)),
            `the bins stay Chinese in English: ${words.join(' | ')}`,
          );
          await screenshot(page, 'models-customer-credit-score-en');
        }),
    },
    {
      name: 'models: a marketing user builds the deposit campaign list and exports it',
      run: (browser) =>
        withPage(browser, 'models-campaign', DESKTOP, async (page) => {
          await logInStaff(page, platform, 'marketing');
          await page.getByTestId('nav-campaigns').waitFor();
          assert(
            (await page.getByTestId('nav-models').count()) === 1,
            'marketing does not see the models page',
          );
          assert(
            (await page.getByTestId('nav-creditScore').count()) === 0,
            'marketing is offered credit scoring',
          );
          await page.getByTestId('nav-models').click();
          await page.getByTestId('open-model-marketing').click();
          await expectText(page, 'model-title', '定期存款营销响应模型');
          await page.getByTestId('chart-gains').locator('canvas').first().waitFor();
          await expectText(page, 'time-ordered', '按时间顺序');
          await screenshot(page, 'models-marketing-charts', true);
          await page.getByTestId('nav-campaigns').click();
          await page.getByTestId('campaign-table').locator('tbody tr.ant-table-row').first().waitFor();
          const everyone = Number(
            (await page.getByTestId('campaign-total').textContent())?.replace(/\D/g, ''),
          );
          assert(everyone > 100, `the whole list has ${everyone} customers`);
          await screenshot(page, 'campaign-list');

          await numberInput(page, 'filter-ageMin').fill('25');
          await numberInput(page, 'filter-ageMax').fill('60');
          await numberInput(page, 'filter-maxContacts').fill('3');
          await page.getByTestId('campaign-search').click();
          const deadline = Date.now() + 15_000;
          let filtered = everyone;
          while (Date.now() < deadline && filtered === everyone) {
            filtered = Number((await page.getByTestId('campaign-total').textContent())?.replace(/\D/g, ''));
            await page.waitForTimeout(100);
          }
          assert(filtered > 0 && filtered < everyone, `the filtered list has ${filtered} of ${everyone}`);
          const ages = await page
            .locator('[data-testid=campaign-table] tbody tr.ant-table-row td:nth-child(4)')
            .allTextContents();
          assert(
            ages.every((a) => Number(a) >= 25 && Number(a) <= 60),
            `ages outside 25–60: ${ages.join(',')}`,
          );
          await expectText(page, 'campaign-expected', /\d/);
          await screenshot(page, 'campaign-list-filtered');

          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByTestId('campaign-export').click(),
          ]);
          assert(
            download.suggestedFilename().endsWith('.xlsx'),
            `the export is ${download.suggestedFilename()}`,
          );
          const path = await download.path();
          const { readFileSync } = await import('node:fs');
          const bytes = readFileSync(path);
          assert(bytes.subarray(0, 2).toString() === 'PK', 'the export is not an .xlsx (zip) file');
          const { default: ExcelJS } = await import('exceljs');
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(bytes as unknown as ArrayBuffer);
          const sheet = book.worksheets[0];
          assert(sheet?.getRow(1).getCell(1).value === '排名', 'the export has no header row');
          let customers = 0;
          sheet?.eachRow((row) => {
            if (typeof row.getCell(1).value === 'number') customers += 1;
          });
          assert(customers === filtered, `the export has ${customers} customer rows, the list ${filtered}`);

          await toEnglish(page);
          await expectText(page, 'campaign-export', 'Export to Excel');
          await screenshot(page, 'campaign-list-en');
        }),
    },
  ];
}
