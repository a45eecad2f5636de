import {
  type GroupInsuranceTerms,
  type InsuranceTerms,
  type PremiumRate,
  type ProductRecord,
  yuan,
} from './catalogue-types.ts';

/**
 * Insurance products with their rate tables. Term-life premiums follow a Gompertz mortality curve for
 * underwritten lives, below China's CL (2010–2013) population-of-insured tables as online term life is
 * priced (male q(30) ≈ 0.06%, doubling every 9 years; women about 55% of men), levelled over the term
 * and loaded 25% for expenses and margin: a man of 26–30 pays about ¥1.4 a year per ¥1,000 of cover
 * for 20 years (¥1,400 a year for ¥1m), in line with the market. Medical
 * ("百万医疗") and accident premiums are the market's typical figures for one year of cover.
 */
const LIFE_INSURER = '壹金人寿保险股份有限公司';
const PC_INSURER = '壹金财产保险股份有限公司';
const SELLS_TO_PEOPLE = ['web', 'app', 'phone', 'agent', 'branch'] as ProductRecord['channels'];
const WAN = 10_000;

function mortality(age: number, gender: 'male' | 'female'): number {
  const q = 0.0006 * 2 ** ((age - 30) / 9);
  return Math.min(0.5, gender === 'male' ? q : 0.55 * q);
}

const LIFE_BANDS: [number, number][] = [
  [18, 25],
  [26, 30],
  [31, 35],
  [36, 40],
  [41, 45],
  [46, 50],
  [51, 55],
  [56, 60],
];

/** Level annual premium per 1,000 of cover for `term` years from the middle of the band. */
export function termLifeRates(terms: readonly number[], maxAgeAtExpiry: number): PremiumRate[] {
  const rows: PremiumRate[] = [];
  for (const termYears of terms) {
    for (const [ageFrom, ageTo] of LIFE_BANDS) {
      if (ageTo + termYears > maxAgeAtExpiry) continue;
      for (const gender of ['male', 'female'] as const) {
        const mid = (ageFrom + ageTo) / 2;
        let sum = 0;
        for (let t = 0; t < termYears; t++) sum += mortality(mid + t, gender);
        const ratePer1000 = ((1000 * sum * 1.25) / termYears).toFixed(4);
        rows.push({ ageFrom, ageTo, gender, termYears, ratePer1000 });
      }
    }
  }
  return rows;
}

/** One year of cover: annual premium (yuan) per band for a stated sum assured, as a rate per 1,000. */
function oneYearRates(
  bands: [number, number, number][],
  sumAssured: number,
  femaleFactor: number,
): PremiumRate[] {
  return bands.flatMap(([ageFrom, ageTo, premium]) =>
    (['male', 'female'] as const).map((gender) => ({
      ageFrom,
      ageTo,
      gender,
      termYears: 1,
      ratePer1000: (((gender === 'female' ? femaleFactor : 1) * premium * 1000) / sumAssured).toFixed(4),
    })),
  );
}

const person = (
  terms: InsuranceTerms,
  code: string,
  nameZh: string,
  nameEn: string,
  zh: string,
  en: string,
) =>
  ({
    code,
    nameZh,
    nameEn,
    riskLevel: 'R1',
    currency: 'CNY',
    channels: SELLS_TO_PEOPLE,
    customerTypes: ['individual'],
    disclosure: { zh, en },
    salesStart: null,
    salesEnd: null,
    attributes: terms,
  }) satisfies ProductRecord<InsuranceTerms>;

export function insuranceProducts(): ProductRecord<InsuranceTerms>[] {
  return [
    person(
      {
        kind: 'insurance',
        insuranceType: 'life',
        insurer: LIFE_INSURER,
        coverageTermsYears: [10, 20, 30],
        premiumRates: termLifeRates([10, 20, 30], 80),
        minSumAssured: yuan(10 * WAN),
        maxSumAssured: yuan(500 * WAN),
        // Life cover over one year: a 15-day hesitation period with a full premium refund.
        hesitationDays: 15,
        waitingDays: 90,
        paymentModes: ['annual', 'monthly'],
      },
      'INS-LIFE-TERM01',
      '壹金守护定期寿险',
      'OneFin Guardian Term Life',
      '定期寿险在保险期间内身故或全残时给付保险金，期满无身故不返还保费。犹豫期15天内可全额退费。',
      'Term life pays the sum assured on death or total disability during the term; nothing is paid back if you outlive it. Cancel within the 15-day hesitation period for a full refund.',
    ),
    person(
      {
        kind: 'insurance',
        insuranceType: 'medical',
        insurer: PC_INSURER,
        coverageTermsYears: [1],
        premiumRates: oneYearRates(
          [
            [18, 20, 150],
            [21, 25, 170],
            [26, 30, 210],
            [31, 35, 260],
            [36, 40, 340],
            [41, 45, 480],
            [46, 50, 680],
            [51, 55, 950],
            [56, 60, 1350],
            [61, 65, 1900],
          ],
          200 * WAN,
          0.95,
        ),
        minSumAssured: yuan(100 * WAN),
        maxSumAssured: yuan(300 * WAN),
        hesitationDays: 0,
        waitingDays: 30,
        paymentModes: ['annual', 'monthly'],
      },
      'INS-MED-MILLION',
      '壹金安心百万医疗险',
      'OneFin Peace of Mind Million Medical',
      '医疗险报销住院及特殊门诊费用，有1万元免赔额和30天等待期，保障期1年，续保需重新审核。',
      'Reimburses hospital and specified outpatient costs above a ¥10,000 deductible after a 30-day waiting period. One year of cover; renewal is not guaranteed.',
    ),
    person(
      {
        kind: 'insurance',
        insuranceType: 'accident',
        insurer: PC_INSURER,
        coverageTermsYears: [1],
        premiumRates: oneYearRates(
          [
            [18, 50, 50],
            [51, 60, 80],
            [61, 65, 120],
          ],
          10 * WAN,
          1,
        ),
        minSumAssured: yuan(10 * WAN),
        maxSumAssured: yuan(100 * WAN),
        hesitationDays: 0,
        waitingDays: 0,
        paymentModes: ['single'],
      },
      'INS-ACC-YEAR01',
      '壹金畅行综合意外险',
      'OneFin On-the-Go Accident Cover',
      '意外险保障意外身故、伤残及意外医疗，不保疾病；高风险职业和高风险运动除外。',
      'Covers accidental death, disability and accident medical costs, not illness; high-risk occupations and sports are excluded.',
    ),
  ];
}

const GROUP_ACCIDENT: [number, number, number][] = [
  [16, 40, 180],
  [41, 50, 240],
  [51, 60, 360],
  [61, 65, 600],
];
const GROUP_MEDICAL: [number, number, number][] = [
  [16, 30, 400],
  [31, 40, 550],
  [41, 50, 800],
  [51, 60, 1300],
  [61, 65, 2000],
];

const group = (
  code: string,
  nameZh: string,
  nameEn: string,
  terms: GroupInsuranceTerms,
  zh: string,
  en: string,
) =>
  ({
    code,
    nameZh,
    nameEn,
    riskLevel: 'R1',
    currency: 'CNY',
    channels: ['corporate', 'branch'],
    customerTypes: ['corporate'],
    disclosure: { zh, en },
    salesStart: null,
    salesEnd: null,
    attributes: terms,
  }) satisfies ProductRecord<GroupInsuranceTerms>;

const perMember = (rows: [number, number, number][]) =>
  rows.map(([ageFrom, ageTo, premium]) => ({ ageFrom, ageTo, annualPremium: yuan(premium) }));

export function groupInsuranceProducts(): ProductRecord<GroupInsuranceTerms>[] {
  return [
    group(
      'GRP-ACC-01',
      '壹金团体意外伤害保险',
      'OneFin Group Accident',
      {
        kind: 'group_insurance',
        insuranceType: 'accident',
        insurer: PC_INSURER,
        minMembers: 3,
        maxMembers: 5000,
        coverageTermYears: 1,
        sumAssuredPerMember: yuan(50 * WAN),
        premiumPerMember: perMember(GROUP_ACCIDENT),
        hesitationDays: 0,
      },
      '团体意外险为员工提供意外身故、伤残保障，按在保人员名单承保，人员变动需及时批改。',
      'Group accident cover for the employees on the member list; tell us of joiners and leavers so the list stays current.',
    ),
    group(
      'GRP-MED-01',
      '壹金团体补充医疗保险',
      'OneFin Group Supplementary Medical',
      {
        kind: 'group_insurance',
        insuranceType: 'medical',
        insurer: PC_INSURER,
        minMembers: 10,
        maxMembers: 10_000,
        coverageTermYears: 1,
        sumAssuredPerMember: yuan(100 * WAN),
        premiumPerMember: perMember(GROUP_MEDICAL),
        hesitationDays: 0,
      },
      '团体补充医疗险报销社保范围内个人自付部分的医疗费用，按年度承保。',
      'Reimburses the employee’s own share of medical costs within the social insurance scope, year by year.',
    ),
  ];
}
