import {
  ALL_CHANNELS,
  type ProductRecord,
  type RiskRating,
  type WealthTerms,
  yuan,
} from './catalogue-types.ts';
import { addDays } from './dates.ts';
import type { Rng } from './random.ts';

/**
 * Wealth products R1–R5 from the group's wealth subsidiary, at 2025 market levels, with sales windows
 * around the world's end date: one issue of each term on sale now, another closed or coming soon.
 *
 * Minimums follow the 2018 asset-management rules: public products from ¥10,000 in steps of ¥1,000
 * here; privately offered ones only to qualified investors with at least ¥300,000 (fixed income),
 * ¥400,000 (mixed) or ¥1,000,000 (equity, derivatives) in one product, with a 24-hour cooling-off
 * period after signing.
 */
const ISSUER = '壹金理财有限责任公司';
const WAN = 10_000;
const pct = (n: number) => (n / 100).toFixed(4);

interface WealthLine {
  risk: RiskRating;
  seriesZh: string;
  seriesEn: string;
  assetZh: string;
  assetEn: string;
  offering: 'public' | 'private';
  terms: number[];
  /** Expected yield range at the shortest term, %, and how much a year more adds. */
  yieldFrom: [number, number];
  termPremium: number;
  disclosureZh: string;
  disclosureEn: string;
}

const WEALTH_LINES: WealthLine[] = [
  {
    risk: 'R1',
    seriesZh: '天天利',
    seriesEn: 'Daily Income',
    assetZh: '现金管理类',
    assetEn: 'Cash Management',
    offering: 'public',
    terms: [1, 7],
    yieldFrom: [1.5, 1.9],
    termPremium: 0,
    disclosureZh: '现金管理类理财产品风险极低，但不等于存款，收益不保证。',
    disclosureEn: 'Very low risk cash management, but not a deposit: the yield is not guaranteed.',
  },
  {
    risk: 'R2',
    seriesZh: '稳享',
    seriesEn: 'Steady',
    assetZh: '固定收益类',
    assetEn: 'Fixed Income',
    offering: 'public',
    terms: [90, 180, 365, 730],
    yieldFrom: [2.3, 2.9],
    termPremium: 0.25,
    disclosureZh: '本产品主要投资债券等固定收益资产，净值可能波动，业绩比较基准不代表实际收益。',
    disclosureEn:
      'Invests mainly in bonds; the value can move, and the performance benchmark is not a promised return.',
  },
  {
    risk: 'R3',
    seriesZh: '睿盈',
    seriesEn: 'Smart Gain',
    assetZh: '固收增强',
    assetEn: 'Fixed Income Plus',
    offering: 'public',
    terms: [180, 365, 540],
    yieldFrom: [2.8, 4.2],
    termPremium: 0.3,
    disclosureZh: '本产品以债券为主并配置部分股票等权益资产，可能出现本金亏损。',
    disclosureEn: 'Mostly bonds with some shares: you may lose part of the principal.',
  },
  {
    risk: 'R3',
    seriesZh: '臻选',
    seriesEn: 'Select',
    assetZh: '混合类',
    assetEn: 'Mixed',
    offering: 'private',
    terms: [365, 730],
    yieldFrom: [3.2, 5.5],
    termPremium: 0.4,
    disclosureZh: '私募产品仅向合格投资者销售，签约后有24小时冷静期，期间可无条件撤销并全额退款。',
    disclosureEn:
      'Privately offered to qualified investors only, with a 24-hour cooling-off period after signing in which you may cancel for a full refund.',
  },
  {
    risk: 'R4',
    seriesZh: '进取',
    seriesEn: 'Growth',
    assetZh: '权益类',
    assetEn: 'Equity',
    offering: 'private',
    terms: [365, 1095],
    yieldFrom: [4, 8],
    termPremium: 0.5,
    disclosureZh: '权益类产品主要投资股票，波动大，可能损失大部分本金。私募产品有24小时冷静期。',
    disclosureEn:
      'Invests mainly in shares: large swings, and most of the principal can be lost. 24-hour cooling-off period.',
  },
  {
    risk: 'R5',
    seriesZh: '智选',
    seriesEn: 'Alpha',
    assetZh: '商品及金融衍生品类',
    assetEn: 'Commodities and Derivatives',
    offering: 'private',
    terms: [365],
    yieldFrom: [0, 12],
    termPremium: 0,
    disclosureZh: '本产品投资商品及金融衍生品，杠杆高、风险极高，可能损失全部本金。私募产品有24小时冷静期。',
    disclosureEn:
      'Commodities and derivatives with leverage: very high risk, the whole principal can be lost. 24-hour cooling-off period.',
  },
];

const PRIVATE_MINIMUM: Record<RiskRating, number> = { R1: 30, R2: 30, R3: 40, R4: 100, R5: 100 };

/** Sales windows open at 09:00 and close at 17:00 Beijing time (01:00 and 09:00 UTC). */
const at = (date: string, hourUtc: number) => `${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`;

export function wealthProducts(rng: Rng, endDate: string): ProductRecord<WealthTerms>[] {
  const out: ProductRecord<WealthTerms>[] = [];
  let serial = 0;
  for (const line of WEALTH_LINES) {
    for (const termDays of line.terms) {
      // Two issues per term: one on sale now; the other either closed or coming soon. Cash
      // management is open-ended: one issue, always on sale.
      const phases =
        line.risk === 'R1'
          ? (['open'] as const)
          : (['open', rng.chance(0.5) ? 'closed' : 'upcoming'] as const);
      for (const phase of phases) {
        serial++;
        const extra =
          line.termPremium * (termDays / 365 - (line.terms[0] ?? termDays) / 365) + rng.normal(0, 0.05);
        const [lo, hi] = line.yieldFrom;
        const opensIn =
          phase === 'open' ? -rng.int(1, 20) : phase === 'upcoming' ? rng.int(3, 20) : -rng.int(40, 120);
        const isCash = line.risk === 'R1';
        const start = addDays(endDate, isCash ? -365 : opensIn);
        const end = addDays(start, isCash ? 5 * 365 : phase === 'open' ? rng.int(25, 40) : rng.int(7, 14));
        const issue = `${String(serial).padStart(3, '0')}`;
        const termZh = termDays >= 365 && termDays % 365 === 0 ? `${termDays / 365}年` : `${termDays}天`;
        const termEn = termDays >= 365 && termDays % 365 === 0 ? `${termDays / 365}-Year` : `${termDays}-Day`;
        const isPrivate = line.offering === 'private';
        out.push({
          code: `WM-${line.risk}-${issue}`,
          nameZh: `壹金${line.seriesZh}${line.assetZh}${termZh}${isCash ? '' : '封闭式'}${issue}期`,
          nameEn: `OneFin ${line.seriesEn} ${line.assetEn} ${termEn} No. ${issue}`,
          riskLevel: line.risk,
          currency: 'CNY',
          channels: isPrivate ? ['app', 'web', 'branch', 'phone'] : ALL_CHANNELS,
          customerTypes: ['individual', 'corporate'],
          disclosure: { zh: line.disclosureZh, en: line.disclosureEn },
          salesStart: at(start, 1),
          salesEnd: at(end, 9),
          attributes: {
            kind: 'wealth',
            offering: line.offering,
            issuer: ISSUER,
            termDays,
            expectedYieldMin: pct(Math.max(0, lo + extra)),
            expectedYieldMax: pct(hi + extra),
            minimumAmount: yuan(isPrivate ? PRIVATE_MINIMUM[line.risk] * WAN : WAN),
            increment: yuan(isPrivate ? WAN : 1000),
            // DESIGN: privately offered wealth products have at least 24 hours of cooling-off.
            coolingOffHours: isPrivate ? 24 : 0,
            size: yuan((isPrivate ? rng.int(1, 5) : rng.int(5, 50)) * 10_000 * WAN),
          },
        });
      }
    }
  }
  return out;
}
