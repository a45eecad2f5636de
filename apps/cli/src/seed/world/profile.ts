import type { IncomeBand, Occupation, RiskLevel } from '@onefin/customers';
import type { Gender } from './names.ts';
import { type Rng, weightedPicker } from './random.ts';
import type { CityTier } from './regions.ts';

/**
 * What an account-opening form asks beyond identity: occupation, income band and the risk level the
 * questionnaire gave, in the customers module's code lists (occupations, income bands, C1–C5). The
 * distributions are modelled, not sampled from real data:
 *
 * - occupation depends on age (students under 23, retirement at 60 for men and 50–55 for women) and on
 *   the city (few farmers in Shanghai, more finance and professionals in the big cities);
 * - income is log-normal around a median set by city tier, occupation and age;
 * - risk level starts from a typical bank's split (most customers C2–C3, few C5) and leans higher for
 *   richer and younger customers, lower for older ones.
 */
export const INCOME_BANDS: readonly IncomeBand[] = [
  'under_100k',
  '100k_300k',
  '300k_500k',
  '500k_1m',
  'over_1m',
];
const BAND_FLOORS = [100_000, 300_000, 500_000, 1_000_000];

export type InvestorRiskLevel = RiskLevel;
export type { IncomeBand, Occupation };
export const INVESTOR_RISK_LEVELS: readonly InvestorRiskLevel[] = ['C1', 'C2', 'C3', 'C4', 'C5'];

const WORKING: [Occupation, number][] = [
  ['enterprise_staff', 30],
  ['worker', 17],
  ['professional', 10],
  ['business_owner', 9],
  ['manager', 7],
  ['farmer', 7],
  ['civil_servant', 6],
  ['freelancer', 6],
  ['finance', 3],
  ['unemployed', 3],
  ['military', 0.5],
  ['other', 1.5],
];
const TIER_FACTOR: Partial<Record<Occupation, readonly number[]>> = {
  // index by tier 1–4
  farmer: [0, 0.05, 0.3, 0.6, 1.6],
  finance: [0, 2.2, 1.5, 1.1, 0.7],
  professional: [0, 1.5, 1.3, 1.1, 0.85],
  manager: [0, 1.5, 1.3, 1.0, 0.85],
  worker: [0, 0.8, 0.9, 1.0, 1.1],
};

const pickers = new Map<string, (rng: Rng) => Occupation>();
function occupationPicker(key: string, table: [Occupation, number][], tier: CityTier) {
  const id = `${key}/${tier}`;
  let picker = pickers.get(id);
  if (!picker) {
    picker = weightedPicker(
      table.map(([o]) => o),
      table.map(([o, w]) => w * (TIER_FACTOR[o]?.[tier] ?? 1)),
    );
    pickers.set(id, picker);
  }
  return picker;
}

const STUDENT_AGE: [Occupation, number][] = [
  ['student', 62],
  ['enterprise_staff', 14],
  ['worker', 12],
  ['freelancer', 5],
  ['unemployed', 5],
  ['military', 1],
  ['other', 1],
];
const RETIRED_AGE: [Occupation, number][] = [
  ['retired', 82],
  ['farmer', 8],
  ['business_owner', 4],
  ['professional', 2],
  ['freelancer', 2],
  ['other', 2],
];

export function randomOccupation(rng: Rng, age: number, gender: Gender, tier: CityTier): Occupation {
  if (age < 23) return occupationPicker('young', STUDENT_AGE, tier)(rng);
  // Statutory retirement: 60 for men, 50 (workers) or 55 (cadres) for women.
  const retiresAt = gender === 'male' ? 60 : rng.chance(0.5) ? 50 : 55;
  if (age >= retiresAt) return occupationPicker('retired', RETIRED_AGE, tier)(rng);
  return occupationPicker('working', WORKING, tier)(rng);
}

const TIER_MEDIAN = [0, 150_000, 105_000, 80_000, 60_000];
const OCCUPATION_INCOME: Record<Occupation, { factor: number; spread: number }> = {
  civil_servant: { factor: 1.1, spread: 0.35 },
  enterprise_staff: { factor: 1.0, spread: 0.5 },
  manager: { factor: 2.0, spread: 0.6 },
  professional: { factor: 1.4, spread: 0.5 },
  finance: { factor: 1.9, spread: 0.65 },
  business_owner: { factor: 1.7, spread: 1.0 },
  worker: { factor: 0.7, spread: 0.4 },
  farmer: { factor: 0.45, spread: 0.5 },
  military: { factor: 1.0, spread: 0.3 },
  freelancer: { factor: 0.9, spread: 0.9 },
  student: { factor: 0.12, spread: 0.8 },
  retired: { factor: 0.5, spread: 0.6 },
  unemployed: { factor: 0.2, spread: 0.8 },
  other: { factor: 0.7, spread: 0.6 },
};

/** Earnings rise to a peak in the forties. */
function ageFactor(age: number): number {
  if (age < 30) return 0.75;
  if (age < 40) return 1.0;
  if (age < 50) return 1.1;
  return 1.0;
}

export function randomIncomeBand(rng: Rng, age: number, occupation: Occupation, tier: CityTier): IncomeBand {
  const { factor, spread } = OCCUPATION_INCOME[occupation];
  const median = (TIER_MEDIAN[tier] as number) * factor * ageFactor(age);
  const income = median * Math.exp(rng.normal(0, spread));
  let band = 0;
  while (band < BAND_FLOORS.length && income >= (BAND_FLOORS[band] as number)) band++;
  return INCOME_BANDS[band] as IncomeBand;
}

const BASE_RISK = [0.1, 0.3, 0.37, 0.17, 0.06];

export function randomRiskLevel(rng: Rng, age: number, income: IncomeBand): InvestorRiskLevel {
  // Tilt the base split up the scale with income and down with age, by at most ±1 "step" of odds.
  const tilt = Math.max(-1, Math.min(1, 0.3 * (INCOME_BANDS.indexOf(income) - 0.7) - 0.02 * (age - 42)));
  const weights = BASE_RISK.map((w, k) => w * Math.exp(tilt * (k - 2)));
  return rng.weighted(INVESTOR_RISK_LEVELS, weights);
}
