import { type CreditApplicant, MARKETING_LEVELS, type MarketingContact } from '@onefin/models';
import { addDays, ageOn, isWeekday, toEpochDay } from './dates.ts';
import type { Relationship } from './households.ts';
import type { Gender } from './names.ts';
import type { IncomeBand, Occupation } from './profile.ts';
import type { Rng } from './random.ts';

/**
 * What the two models read about a demo customer, derived from the rest of their profile so the
 * credit scorecard and the deposit propensity score OneFin's own customers:
 *
 * - AGE, SEX from the ID number's birth date and gender; EDUCATION (and the marketing `education`)
 *   from occupation and income band; `job` maps OneFin's occupation codes to the UCI levels;
 *   MARRIAGE/`marital` from the customer's family ties (a spouse among the customers, or a parent
 *   without one: widowed or divorced), else from the census married share for their age.
 * - A credit card on the training data's scale (the data's amounts are NT$; the models only know that
 *   scale, so limits and bills are drawn there, in whole 10,000s for the limit as the data has them):
 *   a limit that grows with the income band, and six months of statements simulated month by month,
 *   oldest first: what was spent, what was paid and the status it gives (-2 no balance, -1 paid in
 *   full, 0 revolving with the minimum paid, 1–8 months behind). About one card in five runs late (a
 *   quarter in the lowest income band, one in nine in the highest, more among the young; the data
 *   has 22% of cards behind in September), most late payers stay two months behind, and revolvers
 *   pay close to the minimum, so the credit scores spread as the development sample's do (PSI 0.12
 *   on 3,000 generated customers against the scorecard trained on the whole file; 0.55 before these
 *   shares were matched to the data's, 2026-12-06).
 * - The deposit campaign's contact history (channel, the last or planned contact's month and weekday,
 *   contacts in this campaign, the previous campaign) and today's economic indicators, the same for
 *   everybody (`ECONOMY`).
 *
 * Pure and deterministic: the same person and the same stream always give the same features.
 */

/** What the features are derived from: the world's `Individual`, or a demo log-in. */
export interface FeatureProfile {
  ref: string;
  gender: Gender;
  birthDate: string;
  occupation: Occupation | null;
  incomeBand: IncomeBand | null;
  /** A prospect never finished opening: the bank knows nothing of their credit ("unknown" default). */
  status?: 'prospect' | 'active' | 'dormant';
}

export type Marital = 'married' | 'single' | 'divorced';

export interface ModelFeatures {
  credit: CreditApplicant;
  marketing: MarketingContact;
}

/**
 * The economy the campaign is run in: one date's indicators from the training data (Banco de
 * Portugal's figures for May 2009: employment −1.8%, consumer prices 92.893, confidence −46.2,
 * 3-month Euribor 1.299%, 5,099.1 thousand employed). Chosen because it is the data's busiest month
 * of the low-rate regime that follows 2008 (4,689 contacts), its subscription rate (9.1%) is close to
 * the data's 11.3% base rate, so the ranking is read in a normal market rather than the boom's 3%
 * or 2010's 45%, and its Euribor sits near today's short rates. Every value is one the models saw.
 */
export const ECONOMY = {
  'emp.var.rate': -1.8,
  'cons.price.idx': 92.893,
  'cons.conf.idx': -46.2,
  euribor3m: 1.299,
  'nr.employed': 5099.1,
} as const;

/** OneFin occupation → UCI Bank Marketing job; `null` means "split by income" (see `jobOf`). */
const JOBS: Record<Occupation, MarketingContact['job'] | null> = {
  civil_servant: 'admin.',
  enterprise_staff: 'admin.',
  manager: 'management',
  professional: 'technician',
  finance: null,
  business_owner: null,
  worker: null,
  farmer: 'blue-collar',
  military: 'services',
  freelancer: 'self-employed',
  student: 'student',
  retired: 'retired',
  unemployed: 'unemployed',
  other: 'unknown',
};

const BAND_INDEX: Record<IncomeBand, number> = {
  under_100k: 0,
  '100k_300k': 1,
  '300k_500k': 2,
  '500k_1m': 3,
  over_1m: 4,
};

/** The UCI job of a OneFin occupation; the income band splits finance, business owners and workers. */
export function jobOf(
  occupation: Occupation | null,
  income: IncomeBand | null,
  rng: Rng,
): MarketingContact['job'] {
  if (!occupation) return 'unknown';
  const band = income ? BAND_INDEX[income] : 1;
  const job = JOBS[occupation];
  if (job) return job;
  if (occupation === 'finance') return band >= 3 ? 'management' : 'admin.';
  if (occupation === 'business_owner') return band >= 3 ? 'entrepreneur' : 'self-employed';
  // 生产、运输、服务业人员: production and transport are blue-collar, service work is "services".
  return rng.chance(0.4) ? 'services' : 'blue-collar';
}

/** Credit data's EDUCATION: 1 graduate school, 2 university, 3 high school, 4 others. */
export function educationOf(
  occupation: Occupation | null,
  income: IncomeBand | null,
  age: number,
  rng: Rng,
): 1 | 2 | 3 | 4 {
  const band = income ? BAND_INDEX[income] : 1;
  // Weights of graduate, university, high school, others by occupation, tilted by income.
  const base: Record<Occupation, [number, number, number, number]> = {
    civil_servant: [30, 60, 10, 0],
    enterprise_staff: [12, 60, 26, 2],
    manager: [35, 55, 10, 0],
    professional: [45, 50, 5, 0],
    finance: [35, 60, 5, 0],
    business_owner: [10, 40, 42, 8],
    worker: [1, 12, 62, 25],
    farmer: [0, 3, 40, 57],
    military: [10, 50, 40, 0],
    freelancer: [10, 45, 40, 5],
    student: [20, 75, 5, 0],
    retired: [6, 24, 45, 25],
    unemployed: [3, 22, 50, 25],
    other: [5, 30, 45, 20],
  };
  const w = [...(occupation ? base[occupation] : [10, 40, 40, 10])];
  const tilt = Math.exp(0.35 * (band - 1));
  w[0] = (w[0] as number) * tilt;
  w[1] = (w[1] as number) * Math.sqrt(tilt);
  // Fewer degrees among those who were young before the universities expanded (1999).
  if (age >= 55) w[1] = (w[1] as number) * 0.6;
  return rng.weighted([1, 2, 3, 4] as const, w);
}

/** The marketing data's education for a credit EDUCATION code. */
function marketingEducation(education: 1 | 2 | 3 | 4, age: number, rng: Rng): MarketingContact['education'] {
  if (education <= 2) return 'university.degree';
  if (education === 3) return rng.chance(0.3) ? 'professional.course' : 'high.school';
  return age >= 60 ? 'basic.4y' : rng.chance(0.5) ? 'basic.9y' : 'basic.6y';
}

/** Married share by age (2020 census, rounded), as the households generator uses. */
function marriedShare(age: number): number {
  if (age < 25) return 0.1;
  if (age < 30) return 0.5;
  if (age < 60) return 0.85;
  return 0.72;
}

/** What the family ties say of each customer's marriage: a spouse, or a parent who has none. */
export function maritalFromTies(relationships: readonly Relationship[]): Map<string, 'married' | 'parent'> {
  const out = new Map<string, 'married' | 'parent'>();
  for (const r of relationships) {
    if (r.kind === 'spouse') {
      out.set(r.customerRef, 'married');
      out.set(r.relatedRef, 'married');
    }
  }
  const parentOf = (ref: string) => {
    if (!out.has(ref)) out.set(ref, 'parent');
  };
  for (const r of relationships) {
    if (r.kind === 'child') parentOf(r.customerRef);
    if (r.kind === 'parent') parentOf(r.relatedRef);
  }
  return out;
}

/**
 * A spouse among the customers: married. A parent with none: widowed or divorced (the marketing data
 * counts both as "divorced"; the credit data has "others"). No tie: married with the census share for
 * the age (the spouse need not bank with us), else single.
 */
export function maritalOf(tie: 'married' | 'parent' | undefined, age: number, rng: Rng): Marital {
  if (tie === 'married') return 'married';
  if (tie === 'parent') return 'divorced';
  if (rng.chance(marriedShare(age) * 0.7)) return 'married';
  return age >= 40 && rng.chance(0.25) ? 'divorced' : 'single';
}

const MARRIAGE_CODE: Record<Marital, 1 | 2 | 3> = { married: 1, single: 2, divorced: 3 };

/** Credit limits by income band, in the data's whole 10,000s (its range: 10,000–1,000,000). */
const LIMITS: readonly [number, number][] = [
  [20_000, 200_000],
  [50_000, 360_000],
  [120_000, 500_000],
  [200_000, 700_000],
  [300_000, 1_000_000],
];

type Habit = 'idle' | 'transactor' | 'revolver' | 'late';

/** How a card is used: idle, paid in full every month, revolving, or running behind. */
function habitOf(band: number, age: number, rng: Rng): Habit {
  const late = 0.25 - 0.035 * band + (age < 30 ? 0.04 : 0);
  return rng.weighted<Habit>(
    ['idle', 'transactor', 'revolver', 'late'],
    [0.09, 0.22 + 0.04 * band, 0.69 - late - 0.04 * band, Math.max(0.02, late)],
  );
}

const round = (x: number) => Math.round(x);

/**
 * Six monthly statements, simulated oldest first: each month's bill is last month's unpaid balance
 * plus what was spent; the status is what the month's payment says of the balance. Index 0 of each
 * returned array is the latest month (PAY_0, BILL_AMT1, PAY_AMT1), as the data orders them.
 */
export function repaymentHistory(limit: number, habit: Habit, rng: Rng) {
  const status: number[] = [];
  const bills: number[] = [];
  const paid: number[] = [];
  // Share of the limit spent in a month, and the share of the bill repaid.
  const spendShare =
    habit === 'idle'
      ? 0
      : habit === 'transactor'
        ? rng.next() ** 2 * 0.12 + 0.005
        : habit === 'revolver'
          ? rng.next() * 0.12 + 0.02
          : rng.next() * 0.1 + 0.04;
  // Revolving and late cards start with a balance carried from before the six months.
  let lastBill = habit === 'revolver' || habit === 'late' ? round(limit * (0.2 + rng.next() * 0.6)) : 0;
  let behind = 0;
  // A late payer falls behind in one of the last five months (mostly the latest); some catch up.
  const slipsAt = habit === 'late' ? rng.weighted([1, 2, 3, 4, 5], [2, 1, 2, 3, 4]) : 9;
  const catchesUp = habit === 'late' && rng.chance(0.3);
  // Most who fall two months behind stay there, paying about a month's minimum each month, as the
  // data's many runs of status 2 show; the others sink further.
  const holdsAtTwo = habit === 'late' && rng.chance(0.7);
  for (let m = 0; m < 6; m++) {
    const spent = habit === 'idle' ? 0 : limit * spendShare * (0.5 + rng.next());
    // This month's payment settles (some of) last month's bill.
    let pay = 0;
    let s: number;
    if (habit === 'idle') s = -2;
    else if (lastBill <= 0) s = -1;
    else if (habit === 'transactor') {
      pay = lastBill;
      s = -1;
    } else if (habit === 'late' && m >= slipsAt && !(catchesUp && m === 5)) {
      const holding = holdsAtTwo && behind >= 2;
      pay = holding ? lastBill * 0.05 : rng.chance(0.5) ? 0 : lastBill * 0.01;
      if (!holding) behind = Math.min(8, behind + 1);
      s = behind;
    } else if (behind > 0) {
      pay = lastBill * 0.12;
      behind -= 1;
      s = behind;
    } else {
      // mostly near the minimum: the data's median payment is a few percent of the bill
      pay = lastBill * (0.03 + rng.next() ** 2 * (habit === 'late' ? 0.04 : 0.2));
      s = 0;
    }
    pay = round(pay);
    // Interest on what is carried over (1.5% a month), the month's spending, never far over the limit.
    const carried = habit === 'transactor' ? 0 : Math.max(0, lastBill - pay) * 1.015;
    const bill = round(Math.min(carried + spent, limit * 1.08));
    status.push(s);
    bills.push(bill);
    paid.push(pay);
    lastBill = bill;
  }
  return { status: status.reverse(), bills: bills.reverse(), paid: paid.reverse() };
}

/** The credit applicant the scorecard reads. */
export function creditFeatures(
  p: FeatureProfile,
  age: number,
  education: 1 | 2 | 3 | 4,
  marital: Marital,
  rng: Rng,
): CreditApplicant {
  const band = p.incomeBand ? BAND_INDEX[p.incomeBand] : 0;
  const [lo, hi] = LIMITS[band] as [number, number];
  // Skewed towards the band's lower end, as credit lines are.
  const limit = Math.max(10_000, Math.round((lo + (hi - lo) * rng.next() ** 1.6) / 10_000) * 10_000);
  const { status, bills, paid } = repaymentHistory(limit, habitOf(band, age, rng), rng);
  const [pay0, pay2, pay3, pay4, pay5, pay6] = status as [number, number, number, number, number, number];
  const [b1, b2, b3, b4, b5, b6] = bills as [number, number, number, number, number, number];
  const [a1, a2, a3, a4, a5, a6] = paid as [number, number, number, number, number, number];
  return {
    LIMIT_BAL: limit,
    SEX: p.gender === 'male' ? 1 : 2,
    EDUCATION: education,
    MARRIAGE: MARRIAGE_CODE[marital],
    AGE: Math.min(100, Math.max(18, age)),
    PAY_0: pay0,
    PAY_2: pay2,
    PAY_3: pay3,
    PAY_4: pay4,
    PAY_5: pay5,
    PAY_6: pay6,
    BILL_AMT1: b1,
    BILL_AMT2: b2,
    BILL_AMT3: b3,
    BILL_AMT4: b4,
    BILL_AMT5: b5,
    BILL_AMT6: b6,
    PAY_AMT1: a1,
    PAY_AMT2: a2,
    PAY_AMT3: a3,
    PAY_AMT4: a4,
    PAY_AMT5: a5,
    PAY_AMT6: a6,
  };
}

/** The weekday on or after `date`. */
function nextWeekday(date: string): string {
  let d = date;
  while (!isWeekday(d)) d = addDays(d, 1);
  return d;
}

function contactDate(date: string): Pick<MarketingContact, 'month' | 'day_of_week'> {
  const month = MARKETING_LEVELS.month[Number(date.slice(5, 7)) - 1] as MarketingContact['month'];
  // 1970-01-01 was a Thursday: epoch day 0 → index 3 of mon..fri.
  const dow = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return { month, day_of_week: MARKETING_LEVELS.day_of_week[dow] as MarketingContact['day_of_week'] };
}

/** The deposit campaign's view of the customer: profile, contacts so far, the previous campaign, the economy. */
export function marketingFeatures(
  p: FeatureProfile,
  age: number,
  education: 1 | 2 | 3 | 4,
  marital: Marital,
  credit: CreditApplicant,
  endDate: string,
  rng: Rng,
): MarketingContact {
  const job = jobOf(p.occupation, p.incomeBand, rng);
  // Contacts in this campaign, the coming one included: most have not been called yet.
  const campaign = rng.weighted([1, 2, 3, 4, 5, 6, 8, 10], [45, 25, 12, 7, 4, 3, 2, 2]);
  // The last call of this campaign (a weekday of the last four weeks), or the one planned next.
  const last = campaign === 1 ? nextWeekday(endDate) : nextWeekday(addDays(endDate, -rng.int(1, 26)));
  // The previous campaign: most were never in one; of those who were, about one in five subscribed.
  const inPrevious = rng.chance(0.14);
  const success = inPrevious && rng.chance(0.22);
  const previous = inPrevious ? rng.weighted([1, 2, 3, 4], [70, 20, 7, 3]) : 0;
  const lateNow = credit.PAY_0 >= 1 || credit.PAY_2 >= 2;
  return {
    age: Math.min(110, Math.max(16, age)),
    job,
    marital,
    education: marketingEducation(education, age, rng),
    default: p.status === 'prospect' ? 'unknown' : 'no',
    housing: age >= 25 && age < 65 && rng.chance(0.58) ? 'yes' : 'no',
    loan: lateNow || rng.chance(0.13) ? 'yes' : 'no',
    // Everyone has a mobile; older customers are often reached on the home line.
    contact: age >= 55 && rng.chance(0.45) ? 'telephone' : 'cellular',
    ...contactDate(last),
    campaign,
    pdays: success ? rng.int(2, 15) : inPrevious && rng.chance(0.15) ? rng.int(3, 20) : 999,
    previous,
    poutcome: success ? 'success' : inPrevious ? 'failure' : 'nonexistent',
    ...ECONOMY,
  };
}

/**
 * Both models' features for each person, each from a stream of its own (`rng.fork(ref)`), so one
 * customer's features do not depend on who else is in the world.
 */
export function modelFeatures(
  people: readonly FeatureProfile[],
  relationships: readonly Relationship[],
  endDate: string,
  rng: Rng,
): Map<string, ModelFeatures> {
  const ties = maritalFromTies(relationships);
  const out = new Map<string, ModelFeatures>();
  for (const p of people) {
    const own = rng.fork(p.ref);
    const age = ageOn(p.birthDate, endDate);
    const education = educationOf(p.occupation, p.incomeBand, age, own);
    const marital = maritalOf(ties.get(p.ref), age, own);
    const credit = creditFeatures(p, age, education, marital, own);
    const marketing = marketingFeatures(p, age, education, marital, credit, endDate, own);
    out.set(p.ref, { credit, marketing });
  }
  return out;
}
