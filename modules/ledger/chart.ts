/** The five account classes of double-entry bookkeeping. */
export type AccountClass = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

/** The side on which an account's balance grows. */
export type Side = 'debit' | 'credit';

/** Assets and expenses grow with debits; liabilities, equity and income with credits. */
export function normalSideOf(cls: AccountClass): Side {
  switch (cls) {
    case 'asset':
    case 'expense':
      return 'debit';
    case 'liability':
    case 'equity':
    case 'income':
      return 'credit';
  }
}

export interface ChartEntry {
  code: string;
  nameZh: string;
  nameEn: string;
  class: AccountClass;
  /** `customer`: one account per customer and currency; `internal`: one per currency for the group. */
  scope: 'customer' | 'internal';
  allowNegative: boolean;
}

/**
 * The group's chart of accounts. Codes follow the PRC enterprise chart's numbering (1xxx assets,
 * 2xxx liabilities, 6xxx income) so finance staff recognise them.
 */
export const CHART = {
  customerCash: {
    code: '2011',
    nameZh: '客户资金',
    nameEn: 'Customer funds',
    class: 'liability',
    scope: 'customer',
    allowNegative: false,
  },
  // Settlement with the bank runs both ways within a day, so clearing may swing either side of zero.
  channelClearing: {
    code: '1122',
    nameZh: '支付通道清算款',
    nameEn: 'Payment channel clearing',
    class: 'asset',
    scope: 'internal',
    allowNegative: true,
  },
  fundSubscriptionClearing: {
    code: '2241',
    nameZh: '基金申购清算款',
    nameEn: 'Fund subscription clearing',
    class: 'liability',
    scope: 'internal',
    allowNegative: false,
  },
  fundRedemptionClearing: {
    code: '1231',
    nameZh: '基金赎回清算款',
    nameEn: 'Fund redemption clearing',
    class: 'asset',
    scope: 'internal',
    allowNegative: false,
  },
  wealthPrincipal: {
    code: '2242',
    nameZh: '理财产品本金',
    nameEn: 'Wealth product principal',
    class: 'liability',
    scope: 'internal',
    allowNegative: false,
  },
  // What wealth issuers owe the group: the yield paid to customers at maturity, settled with the issuer.
  wealthIssuerClearing: {
    code: '1221',
    nameZh: '理财发行方清算款',
    nameEn: 'Wealth issuer clearing',
    class: 'asset',
    scope: 'internal',
    allowNegative: false,
  },
  // Customers' time deposits: principal owed back at maturity (or early, at the demand rate).
  timeDeposits: {
    code: '2012',
    nameZh: '定期存款',
    nameEn: 'Time deposits',
    class: 'liability',
    scope: 'internal',
    allowNegative: false,
  },
  loanPrincipal: {
    code: '1301',
    nameZh: '贷款本金',
    nameEn: 'Loan principal receivable',
    class: 'asset',
    scope: 'internal',
    allowNegative: false,
  },
  loanInterestReceivable: {
    code: '1132',
    nameZh: '应收利息',
    nameEn: 'Loan interest receivable',
    class: 'asset',
    scope: 'internal',
    allowNegative: false,
  },
  interestIncome: {
    code: '6011',
    nameZh: '利息收入',
    nameEn: 'Interest income',
    class: 'income',
    scope: 'internal',
    allowNegative: false,
  },
  interestExpense: {
    code: '6411',
    nameZh: '利息支出',
    nameEn: 'Interest expense',
    class: 'expense',
    scope: 'internal',
    allowNegative: false,
  },
  feeIncome: {
    code: '6021',
    nameZh: '手续费及佣金收入',
    nameEn: 'Fee and commission income',
    class: 'income',
    scope: 'internal',
    allowNegative: false,
  },
  premiumIncome: {
    code: '6031',
    nameZh: '保费收入',
    nameEn: 'Premium income',
    class: 'income',
    scope: 'internal',
    allowNegative: false,
  },
  claimsPayable: {
    code: '2261',
    nameZh: '应付赔付款',
    nameEn: 'Claims payable',
    class: 'liability',
    scope: 'internal',
    allowNegative: false,
  },
  // Holds what cannot be placed yet (an unmatched bank line); operations clear it, so it may go either way.
  suspense: {
    code: '1901',
    nameZh: '待处理款项',
    nameEn: 'Suspense',
    class: 'asset',
    scope: 'internal',
    allowNegative: true,
  },
} as const satisfies Record<string, ChartEntry>;

/** A name of an account in the chart, e.g. `feeIncome`. */
export type ChartKey = keyof typeof CHART;

/** The chart's group-level accounts, created once per currency. */
export type InternalKey = {
  [K in ChartKey]: (typeof CHART)[K]['scope'] extends 'internal' ? K : never;
}[ChartKey];

export const INTERNAL_KEYS = (Object.keys(CHART) as ChartKey[]).filter(
  (k): k is InternalKey => CHART[k].scope === 'internal',
);
