import {
  ALL_CHANNELS,
  type FundTerms,
  type FundType,
  type NavPoint,
  type ProductRecord,
  type RiskRating,
  type SubscriptionTier,
  yuan,
} from './catalogue-types.ts';
import { addYears } from './dates.ts';
import { randomGivenName, randomSurname } from './names.ts';
import { factorSeries, historyDays, moneyMarketSeries, priceSeries } from './navs.ts';
import type { Rng } from './random.ts';

/**
 * About forty public funds of every type from real fund companies, with made-up product names in the
 * style of theirs (company + theme + type + share class), typical Chinese fee schedules, and three
 * years of NAV history. A and C share classes of one fund share its portfolio: the C class charges no
 * subscription fee, only a short redemption fee, and an annual sales service fee (taken out of its
 * NAV, so its NAV runs a little below the A class's).
 */
export interface Fund {
  product: ProductRecord<FundTerms>;
  navs: NavPoint[];
}

const COMPANIES: [string, string][] = [
  ['易方达', 'E Fund'],
  ['华夏', 'ChinaAMC'],
  ['南方', 'China Southern'],
  ['嘉实', 'Harvest'],
  ['广发', 'GF'],
  ['富国', 'Fullgoal'],
  ['汇添富', 'China Universal'],
  ['博时', 'Bosera'],
  ['招商', 'China Merchants'],
  ['鹏华', 'Penghua'],
  ['景顺长城', 'Invesco Great Wall'],
  ['中欧', 'China Europe'],
];

interface TypeSpec {
  count: number;
  /** zh:en themes; the fund name is company + theme + suffix. */
  themes: string;
  suffixZh: string;
  suffixEn: string;
  risk: RiskRating;
  drift: number;
  volatility: [number, number];
  rho: number;
  /** Share of funds that also have a C class. */
  cShare: number;
  benchmark: (theme: string) => string;
}

const TYPES: Record<FundType, TypeSpec> = {
  money_market: {
    count: 5,
    themes:
      '现金添益:Cash Plus,日日盈:Daily Gain,薪金宝:Salary Treasure,天天鑫:Everyday Gain,零钱通:Pocket Money,活期宝:Liquidity Treasure',
    suffixZh: '货币',
    suffixEn: 'Money Market Fund',
    risk: 'R1',
    drift: 0,
    volatility: [0, 0],
    rho: 0,
    cShare: 0.4,
    benchmark: () => '同期七天通知存款利率（税后）',
  },
  bond: {
    count: 6,
    themes:
      '稳鑫:Steady Gain,安享:Serene,裕丰:Abundance,恒利:Constant Income,信用精选:Credit Select,短期优选:Short-Term Select,稳健添利:Steady Plus',
    suffixZh: '债券',
    suffixEn: 'Bond Fund',
    risk: 'R2',
    drift: 0.03,
    volatility: [0.022, 0.038],
    rho: 0.7,
    cShare: 0.6,
    benchmark: () => '中债综合全价指数收益率',
  },
  mixed: {
    count: 6,
    themes:
      '均衡优选:Balanced Select,灵活配置:Flexible Allocation,稳健回报:Steady Return,远见成长:Vision Growth,品质生活:Quality Life,睿智优选:Wise Select,动力精选:Momentum Select',
    suffixZh: '混合',
    suffixEn: 'Hybrid Fund',
    risk: 'R3',
    drift: 0.06,
    volatility: [0.15, 0.21],
    rho: 0.8,
    cShare: 0.3,
    benchmark: () => '沪深300指数收益率×60%+中债综合指数收益率×40%',
  },
  equity: {
    count: 6,
    themes:
      '新兴产业精选:Emerging Industries Select,医疗健康:Healthcare,消费升级:Consumption Upgrade,先进制造:Advanced Manufacturing,科技创新:Tech Innovation,核心成长:Core Growth,价值发现:Value Discovery',
    suffixZh: '股票',
    suffixEn: 'Equity Fund',
    risk: 'R4',
    drift: 0.08,
    volatility: [0.21, 0.29],
    rho: 0.85,
    cShare: 0.3,
    benchmark: () => '中证800指数收益率×80%+中债综合指数收益率×20%',
  },
  index: {
    count: 6,
    themes:
      '沪深300:CSI 300,中证500:CSI 500,中证1000:CSI 1000,创业板:ChiNext,上证50:SSE 50,科创50:STAR 50,中证红利:CSI Dividend',
    suffixZh: '增强指数',
    suffixEn: 'Enhanced Index Fund',
    risk: 'R4',
    drift: 0.07,
    volatility: [0.19, 0.25],
    rho: 0.92,
    cShare: 0.5,
    benchmark: (theme) => `${theme}指数收益率×95%+银行活期存款利率（税后）×5%`,
  },
};

const WAN = 10_000;
/** Equity and mixed A classes: 1.5% / 1.2% / 0.8% by amount, ¥1,000 per order from ¥10m. */
const EQUITY_SUBSCRIPTION: SubscriptionTier[] = [
  { fromAmount: yuan(0), rate: '0.015' },
  { fromAmount: yuan(100 * WAN), rate: '0.012' },
  { fromAmount: yuan(500 * WAN), rate: '0.008' },
  { fromAmount: yuan(1000 * WAN), fixedFee: yuan(1000) },
];
const INDEX_SUBSCRIPTION: SubscriptionTier[] = [
  { fromAmount: yuan(0), rate: '0.012' },
  { fromAmount: yuan(100 * WAN), rate: '0.008' },
  { fromAmount: yuan(500 * WAN), rate: '0.004' },
  { fromAmount: yuan(1000 * WAN), fixedFee: yuan(1000) },
];
const BOND_SUBSCRIPTION: SubscriptionTier[] = [
  { fromAmount: yuan(0), rate: '0.008' },
  { fromAmount: yuan(100 * WAN), rate: '0.005' },
  { fromAmount: yuan(500 * WAN), rate: '0.003' },
  { fromAmount: yuan(1000 * WAN), fixedFee: yuan(1000) },
];
const NO_FEE: SubscriptionTier[] = [{ fromAmount: yuan(0), rate: '0' }];
/** Holding period: < 7 days 1.5% (CSRC: kept whole by the fund), < 1 year 0.5%, < 2 years 0.25%, then 0. */
const EQUITY_REDEMPTION = [
  { minHoldingDays: 0, rate: '0.015' },
  { minHoldingDays: 7, rate: '0.005' },
  { minHoldingDays: 365, rate: '0.0025' },
  { minHoldingDays: 730, rate: '0' },
];
const SHORT_REDEMPTION = [
  { minHoldingDays: 0, rate: '0.015' },
  { minHoldingDays: 7, rate: '0.001' },
  { minHoldingDays: 30, rate: '0' },
];

function feesOf(type: FundType, shareClass: 'A' | 'C') {
  if (type === 'money_market') {
    return {
      sub: NO_FEE,
      red: [{ minHoldingDays: 0, rate: '0' }],
      mgmt: '0.0020',
      custody: '0.0005',
      min: 1,
    };
  }
  const red = shareClass === 'C' || type === 'bond' ? SHORT_REDEMPTION : EQUITY_REDEMPTION;
  const sub =
    shareClass === 'C'
      ? NO_FEE
      : type === 'bond'
        ? BOND_SUBSCRIPTION
        : type === 'index'
          ? INDEX_SUBSCRIPTION
          : EQUITY_SUBSCRIPTION;
  const [mgmt, custody] =
    type === 'bond' ? ['0.0030', '0.0010'] : type === 'index' ? ['0.0050', '0.0010'] : ['0.0120', '0.0020'];
  return { sub, red, mgmt, custody, min: 10 };
}

const DISCLOSURE: Record<FundType, { zh: string; en: string }> = {
  money_market: {
    zh: '货币基金不等于银行存款，不保证本金安全和收益，过往收益不代表未来表现。',
    en: 'A money-market fund is not a bank deposit: neither principal nor income is guaranteed, and past yields do not predict future ones.',
  },
  bond: {
    zh: '债券基金主要投资债券，净值会随利率和信用风险波动，可能出现亏损。',
    en: 'A bond fund invests mainly in bonds; its NAV moves with interest rates and credit risk and can fall.',
  },
  mixed: {
    zh: '混合基金同时投资股票和债券，净值波动较大，可能损失部分本金。',
    en: 'A hybrid fund holds both shares and bonds; its NAV can swing widely and you may lose part of what you invest.',
  },
  equity: {
    zh: '股票基金主要投资股票，净值波动大，可能在短期内大幅下跌，请做好长期持有的准备。',
    en: 'An equity fund invests mainly in shares; its NAV is volatile and can fall sharply in a short time. Invest for the long term.',
  },
  index: {
    zh: '指数基金跟踪指数表现，指数下跌时基金净值随之下跌，不保证收益。',
    en: 'An index fund follows its index: when the index falls, so does the fund. Returns are not guaranteed.',
  },
};

export interface FundOptions {
  endDate: string;
  isTradingDay: (date: string) => boolean;
}

/** Generates the fund catalogue with NAV histories ending on `endDate`, trading days only. */
export function generateFunds(rng: Rng, { endDate, isTradingDay }: FundOptions): Fund[] {
  const calendar = historyDays(endDate);
  const trading = calendar.filter(isTradingDay);
  const equityFactor = factorSeries(rng.fork('equity-market'), trading);
  const bondFactor = factorSeries(rng.fork('bond-market'), trading);
  const codes = new Set<string>();
  const companies = rng.shuffle(COMPANIES);
  const funds: Fund[] = [];
  let n = 0;

  for (const type of Object.keys(TYPES) as FundType[]) {
    const spec = TYPES[type];
    const themes = rng.shuffle(spec.themes.split(',').map((t) => t.split(':') as [string, string]));
    for (let i = 0; i < spec.count; i++) {
      const [themeZh, themeEn] = themes[i % themes.length] as [string, string];
      const [coZh, coEn] = companies[n++ % companies.length] as [string, string];
      let base = rng.int(1, 19_998);
      while (codes.has(pad(base)) || codes.has(pad(base + 1))) base = rng.int(1, 19_998);
      codes.add(pad(base));
      codes.add(pad(base + 1));
      // The fund's own stream: how many trading days the history has (it moves with the end date)
      // must not shift the share classes, managers or walks of the funds after it.
      const own = rng.fork(`fund-${pad(base)}`);
      const hasC = own.chance(spec.cShare);
      const inception = own.dateBetween(addYears(endDate, -15), addYears(endDate, -4));
      const years = (Date.parse(calendar[0] as string) - Date.parse(inception)) / (365.25 * 86_400_000);
      const volatility = spec.volatility[0] + own.next() * (spec.volatility[1] - spec.volatility[0]);
      const manager =
        randomSurname(own).zh +
        randomGivenName(own, own.chance(0.7) ? 'male' : 'female', own.int(1970, 1990));
      // Growth since inception to the start of the history, a draw from the same walk.
      const grown = Math.exp(
        (spec.drift - (volatility * volatility) / 2) * years + volatility * Math.sqrt(years) * own.normal(),
      );
      // Bond funds pay out most of their gains and stay near 1; equity-like funds keep more of them.
      const startNav = type === 'bond' ? 1 + own.next() * 0.1 : Math.max(0.6, Math.min(4, grown));
      const paidBefore =
        type === 'bond' ? Math.max(0, grown - startNav) : startNav > 1.5 ? (startNav - 1) * 0.3 : 0;
      const ownNoise = trading.map(() => own.normal());
      const classes: ('A' | 'C')[] = hasC ? ['A', 'C'] : ['A'];
      const level = 0.014 + own.next() * 0.01;
      classes.forEach((shareClass, k) => {
        // Money-market funds call their second class B (larger minimum, lower fee); others C.
        const label = type === 'money_market' && shareClass === 'C' ? 'B' : shareClass;
        const navs =
          type === 'money_market'
            ? // Both classes hold the same portfolio: B earns A's yield plus the 0.24% of sales
              // service fee it does not pay, so both draw from one stream.
              moneyMarketSeries(own.fork('mmf'), calendar, isTradingDay, {
                level: level + (k === 1 ? 0.0024 : 0),
                startYield: level + (k === 1 ? 0.0024 : 0),
              })
            : priceSeries(
                own,
                trading,
                type === 'bond' ? bondFactor : equityFactor,
                {
                  type,
                  drift: spec.drift,
                  volatility,
                  rho: spec.rho,
                  startNav: (shareClass === 'C' ? startNav * 0.99 : startNav).toFixed(4),
                  paidBefore: paidBefore.toFixed(4),
                  extraFee: shareClass === 'C' ? (type === 'bond' ? 0.003 : 0.006) : 0,
                },
                ownNoise,
              );
        const fees = feesOf(type, shareClass);
        funds.push({
          product: {
            code: pad(base + k),
            nameZh: `${coZh}${themeZh}${spec.suffixZh}${label}`,
            nameEn: `${coEn} ${themeEn} ${spec.suffixEn} ${label}`,
            riskLevel: spec.risk,
            currency: 'CNY',
            channels: ALL_CHANNELS,
            customerTypes: ['individual', 'corporate'],
            disclosure: DISCLOSURE[type],
            salesStart: null,
            salesEnd: null,
            attributes: {
              kind: 'fund',
              fundType: type,
              fundCode: pad(base + k),
              company: `${coZh}基金管理有限公司`,
              manager,
              inceptionDate: inception,
              benchmark: spec.benchmark(themeZh),
              minimumSubscription: yuan(label === 'B' ? 500 * WAN : fees.min),
              subscriptionFees: fees.sub,
              redemptionFees: fees.red,
              managementFeeRate: fees.mgmt,
              custodyFeeRate: fees.custody,
            },
          },
          navs,
        });
      });
    }
  }
  return funds;
}

const pad = (n: number) => String(n).padStart(6, '0');
