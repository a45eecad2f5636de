import type { Executor } from '@onefin/kernel';
import { sql } from 'kysely';
import type { CustomerFacts, ProductKind, SuitabilityProfile } from './model.ts';

/** Test helpers: a valid product of every kind, and customer facts backed by a real table. */

const cny = (amount: string) => ({ amount, currency: 'CNY' });
const DAY = 86_400_000;

const ATTRIBUTES: Record<ProductKind, Record<string, unknown>> = {
  fund: {
    kind: 'fund',
    fundType: 'equity',
    fundCode: '110011',
    company: '易方达基金',
    manager: '张坤',
    inceptionDate: '2020-03-02',
    minimumSubscription: cny('10.00'),
    subscriptionFees: [
      { fromAmount: cny('0.00'), rate: '0.015' },
      { fromAmount: cny('1000000.00'), rate: '0.012' },
      { fromAmount: cny('5000000.00'), fixedFee: cny('1000.00') },
    ],
    redemptionFees: [
      { minHoldingDays: 0, rate: '0.015' },
      { minHoldingDays: 7, rate: '0.005' },
      { minHoldingDays: 730, rate: '0' },
    ],
    managementFeeRate: '0.012',
    custodyFeeRate: '0.002',
  },
  wealth: {
    kind: 'wealth',
    offering: 'public',
    issuer: '招银理财',
    termDays: 182,
    expectedYieldMin: '0.028',
    expectedYieldMax: '0.035',
    minimumAmount: cny('10000.00'),
    increment: cny('1000.00'),
    coolingOffHours: 0,
    size: cny('500000000.00'),
  },
  deposit: {
    kind: 'deposit',
    termDays: 365,
    annualRate: '0.0165',
    earlyWithdrawalRate: '0.001',
    minimumAmount: cny('50.00'),
    interestPayment: 'at_maturity',
    dayCount: 'act_360',
    autoRenew: true,
  },
  loan: {
    kind: 'loan',
    loanType: 'consumer',
    rateMin: '0.0318',
    rateMax: '0.085',
    termsMonths: [6, 12, 24, 36],
    repaymentMethods: ['equal_installment', 'equal_principal'],
    minAmount: cny('1000.00'),
    maxAmount: cny('300000.00'),
    dayCount: 'act_360',
    penaltyRateMultiplier: '1.5',
  },
  insurance: {
    kind: 'insurance',
    insuranceType: 'life',
    insurer: '平安人寿',
    coverageTermsYears: [10, 20],
    premiumRates: [
      { ageFrom: 18, ageTo: 40, gender: 'male', termYears: 10, ratePer1000: '1.20' },
      { ageFrom: 41, ageTo: 60, gender: 'male', termYears: 10, ratePer1000: '3.80' },
      { ageFrom: 18, ageTo: 40, gender: 'female', termYears: 10, ratePer1000: '0.95' },
      { ageFrom: 18, ageTo: 60, gender: 'male', termYears: 20, ratePer1000: '2.60' },
    ],
    minSumAssured: cny('100000.00'),
    maxSumAssured: cny('5000000.00'),
    hesitationDays: 15,
    waitingDays: 90,
    paymentModes: ['annual'],
  },
  group_insurance: {
    kind: 'group_insurance',
    insuranceType: 'accident',
    insurer: '中国人保',
    minMembers: 3,
    maxMembers: 5000,
    coverageTermYears: 1,
    sumAssuredPerMember: cny('500000.00'),
    premiumPerMember: [
      { ageFrom: 16, ageTo: 45, annualPremium: cny('180.00') },
      { ageFrom: 46, ageTo: 65, annualPremium: cny('320.00') },
    ],
    hesitationDays: 0,
  },
  enterprise_annuity: {
    kind: 'enterprise_annuity',
    trustee: '工银安盛',
    investmentManager: '华夏基金',
    employerContributionMax: '0.08',
    combinedContributionMax: '0.12',
    vestingYears: 4,
    managementFeeRate: '0.006',
  },
  corporate_loan: {
    kind: 'corporate_loan',
    loanType: 'working_capital',
    rateMin: '0.0345',
    rateMax: '0.06',
    termsMonths: [12, 24, 36],
    repaymentMethods: ['interest_only_bullet', 'equal_principal'],
    minAmount: cny('1000000.00'),
    maxAmount: cny('50000000.00'),
    dayCount: 'act_360',
    collateralRequired: true,
  },
};

const NAMES: Record<ProductKind, [string, string]> = {
  fund: ['易方达蓝筹精选混合', 'E Fund Blue Chip Select'],
  wealth: ['招银理财招睿半年定开', 'CMB Wealth Half-Year Open'],
  deposit: ['一年期整存整取', 'One-year time deposit'],
  loan: ['闪电贷', 'Flash consumer loan'],
  insurance: ['平安定期寿险', 'Ping An term life'],
  group_insurance: ['团体意外险', 'Group accident cover'],
  enterprise_annuity: ['企业年金计划', 'Enterprise annuity plan'],
  corporate_loan: ['流动资金贷款', 'Working capital loan'],
};

const CORPORATE: readonly ProductKind[] = ['group_insurance', 'enterprise_annuity', 'corporate_loan'];

/**
 * A valid create body of the kind (wire form), with a code unique per call. `now` places a
 * wealth product's sales window around it.
 */
export function sampleProduct(
  kind: ProductKind,
  opts: { code?: string; now?: Date; riskLevel?: string; attributes?: Record<string, unknown> } & Record<
    string,
    unknown
  > = {},
): Record<string, unknown> {
  const { code, now = new Date(), riskLevel, attributes, ...rest } = opts;
  const isCorporate = CORPORATE.includes(kind);
  const [nameZh, nameEn] = NAMES[kind];
  return {
    code:
      code ?? `${kind.slice(0, 3).toUpperCase()}-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    nameZh,
    nameEn,
    riskLevel: riskLevel ?? (kind === 'fund' ? 'R4' : kind === 'wealth' ? 'R2' : 'R1'),
    currency: 'CNY',
    channels: isCorporate ? ['corporate', 'branch'] : ['web', 'app', 'branch'],
    customerTypes: isCorporate ? ['corporate'] : ['individual'],
    disclosure: {
      zh: '本产品不保本，过往业绩不代表未来表现，请根据自身风险承受能力谨慎购买。',
      en: 'Not principal-protected; past performance does not predict future returns.',
    },
    ...(kind === 'wealth'
      ? {
          salesStart: new Date(now.getTime() - DAY).toISOString(),
          salesEnd: new Date(now.getTime() + 30 * DAY).toISOString(),
        }
      : {}),
    attributes: { ...ATTRIBUTES[kind], ...attributes },
    ...rest,
  };
}

/** A fund of the given type and fund code. */
export function sampleFund(fundCode: string, fundType = 'equity', extra: Record<string, unknown> = {}) {
  return sampleProduct('fund', {
    code: `F${fundCode}`,
    riskLevel: fundType === 'money_market' ? 'R1' : fundType === 'bond' ? 'R2' : 'R4',
    attributes: {
      fundCode,
      fundType,
      ...(fundType === 'money_market'
        ? {
            subscriptionFees: [{ fromAmount: cny('0.00'), rate: '0' }],
            redemptionFees: [{ minHoldingDays: 0, rate: '0' }],
          }
        : {}),
    },
    ...extra,
  });
}

/**
 * Customer facts kept in a table of the test's own database: the suitability tests insert real
 * rows and read them back through the interface, as the customers module will serve them.
 */
export async function createFactsTable(
  db: Executor,
): Promise<CustomerFacts & { put(p: SuitabilityProfile, trx?: Executor): Promise<void> }> {
  await sql`CREATE TABLE IF NOT EXISTS test_customer_facts (
    customer_id text PRIMARY KEY, customer_type text NOT NULL, status text NOT NULL, kyc_status text NOT NULL,
    risk_level text, assessed_at timestamptz, expires_at timestamptz)`.execute(db);
  return {
    async put(p, trx) {
      await sql`INSERT INTO test_customer_facts VALUES (${p.customerId}, ${p.customerType}, ${p.status},
        ${p.kycStatus}, ${p.riskLevel}, ${p.assessedAt}, ${p.expiresAt})
        ON CONFLICT (customer_id) DO UPDATE SET customer_type = EXCLUDED.customer_type, status = EXCLUDED.status,
          kyc_status = EXCLUDED.kyc_status, risk_level = EXCLUDED.risk_level,
          assessed_at = EXCLUDED.assessed_at, expires_at = EXCLUDED.expires_at`.execute(trx ?? db);
    },
    async suitabilityProfile(customerId, trx) {
      const r = await sql<{
        customer_id: string;
        customer_type: SuitabilityProfile['customerType'];
        status: SuitabilityProfile['status'];
        kyc_status: string;
        risk_level: SuitabilityProfile['riskLevel'];
        assessed_at: Date | null;
        expires_at: Date | null;
      }>`SELECT * FROM test_customer_facts WHERE customer_id = ${customerId}`.execute(trx ?? db);
      const row = r.rows[0];
      return row
        ? {
            customerId: row.customer_id,
            customerType: row.customer_type,
            status: row.status,
            kycStatus: row.kyc_status,
            riskLevel: row.risk_level,
            assessedAt: row.assessed_at && new Date(row.assessed_at),
            expiresAt: row.expires_at && new Date(row.expires_at),
          }
        : undefined;
    },
  };
}
