import {
  ALL_CHANNELS,
  type CorporateLoanTerms,
  type DepositTerms,
  type EnterpriseAnnuityTerms,
  type LoanTerms,
  type ProductRecord,
  type ProductTerms,
  type RiskRating,
  yuan,
} from './catalogue-types.ts';
import { groupInsuranceProducts, insuranceProducts } from './insurance.ts';
import type { Rng } from './random.ts';
import { wealthProducts } from './wealth.ts';

/**
 * The catalogue besides funds, at 2025 market levels: wealth products R1–R5 (wealth.ts), time
 * deposits and large-denomination CDs, personal and corporate loans, insurance (insurance.ts) and the
 * enterprise annuity plan.
 */
const WAN = 10_000;
const pct = (n: number) => (n / 100).toFixed(4);

/** 2025 rates of a national joint-stock bank; large CDs (大额存单, ¥200,000 up) pay more. */
const DEPOSITS: [string, string, string, number, number, number][] = [
  // code suffix, zh term, en term, days, rate %, minimum yuan
  ['3M', '3个月', '3-Month', 90, 0.8, 50],
  ['6M', '6个月', '6-Month', 180, 1.05, 50],
  ['1Y', '1年', '1-Year', 365, 1.25, 50],
  ['2Y', '2年', '2-Year', 730, 1.35, 50],
  ['3Y', '3年', '3-Year', 1095, 1.55, 50],
  ['5Y', '5年', '5-Year', 1825, 1.6, 50],
  ['CD-1Y', '1年期大额存单', '1-Year Large CD', 365, 1.4, 200_000],
  ['CD-3Y', '3年期大额存单', '3-Year Large CD', 1095, 1.75, 200_000],
];

function depositProducts(): ProductRecord<DepositTerms>[] {
  return DEPOSITS.map(([suffix, zh, en, termDays, ratePct, minimum]) => {
    const isCd = suffix.startsWith('CD');
    return {
      code: `TD-${suffix}`,
      nameZh: isCd ? `壹金${zh}` : `壹金整存整取${zh}定期存款`,
      nameEn: isCd ? `OneFin ${en}` : `OneFin ${en} Time Deposit`,
      riskLevel: 'R1',
      currency: 'CNY',
      channels: ALL_CHANNELS,
      customerTypes: isCd ? ['individual'] : ['individual', 'corporate'],
      disclosure: {
        zh: '存款受《存款保险条例》保护，同一存款人在本行最高偿付限额为50万元。提前支取按活期利率计息。',
        en: 'Deposits are protected by deposit insurance up to ¥500,000 per depositor per bank. Early withdrawal earns the demand rate.',
      },
      salesStart: null,
      salesEnd: null,
      attributes: {
        kind: 'deposit',
        termDays,
        annualRate: pct(ratePct),
        earlyWithdrawalRate: pct(0.05),
        minimumAmount: yuan(minimum),
        interestPayment: 'at_maturity',
        dayCount: 'act_360',
        autoRenew: !isCd,
      },
    };
  });
}

const loan = (
  code: string,
  nameZh: string,
  nameEn: string,
  terms: LoanTerms,
  zh: string,
  en: string,
): ProductRecord<LoanTerms> => ({
  code,
  nameZh,
  nameEn,
  // Loans are not investments; R1 keeps suitability from refusing them (it checks KYC and type).
  riskLevel: 'R1',
  currency: 'CNY',
  channels: ['web', 'app', 'branch', 'phone', 'agent'],
  customerTypes: ['individual'],
  disclosure: { zh, en },
  salesStart: null,
  salesEnd: null,
  attributes: terms,
});

function loanProducts(): ProductRecord<LoanTerms>[] {
  const common = { dayCount: 'act_360' as const, penaltyRateMultiplier: '1.5' };
  const overdue = '逾期按合同利率上浮50%计收罚息，并影响个人征信。';
  const overdueEn =
    'Overdue amounts bear penalty interest at 1.5 times the contract rate and are reported to the credit bureau.';
  return [
    loan(
      'LN-CONSUMER-01',
      '壹金信用消费贷',
      'OneFin Consumer Credit Loan',
      {
        kind: 'loan',
        loanType: 'consumer',
        rateMin: '0.0310',
        rateMax: '0.1800',
        termsMonths: [3, 6, 12, 24, 36],
        repaymentMethods: ['equal_installment', 'equal_principal'],
        minAmount: yuan(1000),
        maxAmount: yuan(30 * WAN),
        ...common,
      },
      `年化利率3.10%–18.00%（单利），不得用于购房和投资。${overdue}`,
      `APR 3.10%–18.00% (simple); not for buying property or investing. ${overdueEn}`,
    ),
    loan(
      'LN-MORTGAGE-01',
      '壹金个人住房贷款',
      'OneFin Home Mortgage',
      {
        kind: 'loan',
        loanType: 'mortgage',
        rateMin: '0.0305',
        rateMax: '0.0395',
        termsMonths: [60, 120, 180, 240, 300, 360],
        repaymentMethods: ['equal_installment', 'equal_principal'],
        minAmount: yuan(10 * WAN),
        maxAmount: yuan(1000 * WAN),
        ...common,
      },
      `利率以5年期以上LPR为基准加减点确定，首套房最低3.05%。${overdue}`,
      `Priced from the 5-year LPR; first homes from 3.05%. ${overdueEn}`,
    ),
    loan(
      'LN-BUSINESS-01',
      '壹金个人经营贷',
      'OneFin Small Business Owner Loan',
      {
        kind: 'loan',
        loanType: 'business',
        rateMin: '0.0290',
        rateMax: '0.0600',
        termsMonths: [12, 24, 36, 60],
        repaymentMethods: ['equal_installment', 'equal_principal', 'interest_only_bullet'],
        minAmount: yuan(10 * WAN),
        maxAmount: yuan(500 * WAN),
        ...common,
      },
      `仅限个体工商户及小微企业主经营使用，需提供经营证明。${overdue}`,
      `For the business of sole traders and small-business owners, with proof of trading. ${overdueEn}`,
    ),
    loan(
      'LN-CREDITLINE-01',
      '壹金随借随还',
      'OneFin Flexi Credit Line',
      {
        kind: 'loan',
        loanType: 'credit_line',
        rateMin: '0.0365',
        rateMax: '0.1800',
        termsMonths: [1, 3, 6, 12],
        repaymentMethods: ['equal_installment', 'interest_only_bullet'],
        minAmount: yuan(500),
        maxAmount: yuan(20 * WAN),
        ...common,
      },
      `按日计息，随借随还。${overdue}`,
      `Interest by the day; draw and repay at any time. ${overdueEn}`,
    ),
  ];
}

const corporate = <T extends ProductTerms>(
  code: string,
  nameZh: string,
  nameEn: string,
  terms: T,
  zh: string,
  en: string,
  risk: RiskRating = 'R1',
): ProductRecord<T> => ({
  code,
  nameZh,
  nameEn,
  riskLevel: risk,
  currency: 'CNY',
  channels: ['corporate', 'branch'],
  customerTypes: ['corporate'],
  disclosure: { zh, en },
  salesStart: null,
  salesEnd: null,
  attributes: terms,
});

function corporateProducts(): ProductRecord<CorporateLoanTerms | EnterpriseAnnuityTerms>[] {
  const lending = { dayCount: 'act_360' as const };
  return [
    corporate<CorporateLoanTerms>(
      'CL-WORKING-01',
      '壹金流动资金贷款',
      'OneFin Working Capital Loan',
      {
        kind: 'corporate_loan',
        loanType: 'working_capital',
        rateMin: '0.0280',
        rateMax: '0.0650',
        termsMonths: [6, 12, 24, 36],
        repaymentMethods: ['interest_only_bullet', 'equal_installment'],
        minAmount: yuan(50 * WAN),
        maxAmount: yuan(10_000 * WAN),
        collateralRequired: false,
        ...lending,
      },
      '用于企业日常经营周转，不得用于固定资产投资和股权投资。',
      'For day-to-day operations; not for fixed assets or equity investment.',
    ),
    corporate<CorporateLoanTerms>(
      'CL-FIXED-01',
      '壹金固定资产贷款',
      'OneFin Fixed Asset Loan',
      {
        kind: 'corporate_loan',
        loanType: 'fixed_asset',
        rateMin: '0.0300',
        rateMax: '0.0550',
        termsMonths: [36, 60, 84, 120],
        repaymentMethods: ['equal_principal', 'equal_installment'],
        minAmount: yuan(100 * WAN),
        maxAmount: yuan(50_000 * WAN),
        collateralRequired: true,
        ...lending,
      },
      '用于厂房、设备等固定资产投资，需提供抵押或担保。',
      'For plant and equipment, against collateral or a guarantee.',
    ),
    corporate<CorporateLoanTerms>(
      'CL-TRADE-01',
      '壹金国内贸易融资',
      'OneFin Trade Finance',
      {
        kind: 'corporate_loan',
        loanType: 'trade_finance',
        rateMin: '0.0260',
        rateMax: '0.0500',
        termsMonths: [3, 6, 12],
        repaymentMethods: ['interest_only_bullet'],
        minAmount: yuan(10 * WAN),
        maxAmount: yuan(5000 * WAN),
        collateralRequired: false,
        ...lending,
      },
      '基于真实贸易背景的短期融资，以应收账款回款还款。',
      'Short-term finance of genuine trade, repaid from the receivables.',
    ),
    corporate<EnterpriseAnnuityTerms>(
      'EA-PLAN-01',
      '壹金企业年金集合计划',
      'OneFin Pooled Enterprise Annuity Plan',
      {
        kind: 'enterprise_annuity',
        trustee: '壹金养老保险股份有限公司',
        investmentManager: '壹金资产管理有限公司',
        // Enterprise Annuity Measures (2018): employer ≤ 8% of payroll, employer + employee ≤ 12%.
        employerContributionMax: '0.08',
        combinedContributionMax: '0.12',
        vestingYears: 5,
        managementFeeRate: '0.0060',
      },
      '企业年金投资收益随市场波动，可能出现阶段性亏损，领取需符合国家规定条件。',
      'Returns move with the markets and can be negative for a time; benefits are paid only as national rules allow.',
      'R2',
    ),
  ];
}

/** Every non-fund product of the catalogue; wealth sales windows are placed around `endDate`. */
export function generateProducts(rng: Rng, endDate: string): ProductRecord[] {
  return [
    ...wealthProducts(rng, endDate),
    ...depositProducts(),
    ...loanProducts(),
    ...insuranceProducts(),
    ...groupInsuranceProducts(),
    ...corporateProducts(),
  ];
}
