import { Dec, roundNav } from '@onefin/kernel';
import type { FundType, NavPoint } from './catalogue-types.ts';
import { addDays, addYears, fromEpochDay, toEpochDay } from './dates.ts';
import type { Rng } from './random.ts';

/**
 * NAV histories from a geometric random walk over trading days. Each day's NAV is the previous
 * published NAV (4 dp, half-up) times exp(r), r = (μ − σ²/2)·dt + σ·√dt·z with dt = 1/244 (about 244
 * trading days a year on the Shanghai and Shenzhen exchanges). Equity-like funds share a market factor
 * (z = ρ·market + √(1−ρ²)·own) so they rise and fall together, as they do. Dividends (bond funds at
 * quarter ends, equity-like funds once a year when well up) lower the NAV and leave the accumulated
 * NAV running on: accNav = NAV + dividends paid per share since inception.
 *
 * Money-market funds keep NAV 1.0000 and publish income per 10,000 shares and the 7-day annualised
 * yield from a daily yield that mean-reverts around the fund's own level. Income accrues every calendar
 * day; a trading day's figure covers the days since the previous NAV (Monday's includes the weekend).
 * 7-day yield = (Σ of the last 7 calendar days' per-10,000 income / 10,000) × 365 / 7, the simple
 * form of the CSRC money-market fund disclosure formula.
 */
export interface WalkParams {
  type: Exclude<FundType, 'money_market'>;
  /** Annual drift and volatility. */
  drift: number;
  volatility: number;
  /** Correlation with the shared factor of its asset class. */
  rho: number;
  /** NAV and dividends already paid per share on the day before the history starts. */
  startNav: string;
  paidBefore: string;
  /** Annual fee taken out of this share class on top of the walk (a C class's sales service fee). */
  extraFee: number;
}

export const TRADING_DAYS_PER_YEAR = 244;
const DT = 1 / TRADING_DAYS_PER_YEAR;

/** The calendar days of a history that ends on `endDate` and covers three years before it. */
export function historyDays(endDate: string): string[] {
  const from = toEpochDay(addDays(addYears(endDate, -3), 1));
  const to = toEpochDay(endDate);
  const days: string[] = [];
  for (let d = from; d <= to; d++) days.push(fromEpochDay(d));
  return days;
}

/** Standard normal draws per trading day, shared by every fund of an asset class. */
export function factorSeries(rng: Rng, tradingDays: readonly string[]): number[] {
  return tradingDays.map(() => rng.normal());
}

export function priceSeries(
  rng: Rng,
  tradingDays: readonly string[],
  factor: readonly number[],
  p: WalkParams,
  ownNoise?: readonly number[],
): NavPoint[] {
  let nav = new Dec(p.startNav);
  let paid = new Dec(p.paidBefore);
  const own = Math.sqrt(1 - p.rho * p.rho);
  const mu = (p.drift - p.extraFee - (p.volatility * p.volatility) / 2) * DT;
  const sd = p.volatility * Math.sqrt(DT);
  const out: NavPoint[] = [];
  tradingDays.forEach((date, i) => {
    const z = p.rho * (factor[i] as number) + own * (ownNoise?.[i] ?? rng.normal());
    nav = roundNav(nav.mul(Math.exp(mu + sd * z)));
    const dividend = dividendOn(date, tradingDays[i + 1], nav, p.type);
    if (dividend.gt(0)) {
      nav = nav.sub(dividend);
      paid = paid.add(dividend);
    }
    out.push({
      date,
      nav: nav.toFixed(4),
      accNav: nav.add(paid).toFixed(4),
      per10kIncome: null,
      yield7d: null,
    });
  });
  return out;
}

/** On the last trading day of a quarter (bond) or of January (equity-like), share out part of the gain. */
function dividendOn(date: string, next: string | undefined, nav: Dec, type: WalkParams['type']) {
  const lastOfMonth = next === undefined || next.slice(5, 7) !== date.slice(5, 7);
  const month = date.slice(5, 7);
  if (!lastOfMonth) return new Dec(0);
  if (type === 'bond' && ['03', '06', '09', '12'].includes(month) && nav.gt('1.0100')) {
    return Dec.min(nav.sub(1).mul('0.5'), '0.0300').toDecimalPlaces(4, Dec.ROUND_DOWN);
  }
  if (type !== 'bond' && month === '01' && nav.gt('1.5000')) {
    return nav.sub(1).mul('0.2').toDecimalPlaces(2, Dec.ROUND_DOWN);
  }
  return new Dec(0);
}

export interface YieldParams {
  /** The level the fund's annual yield reverts to, e.g. 0.02. */
  level: number;
  startYield: number;
}

export function moneyMarketSeries(
  rng: Rng,
  calendarDays: readonly string[],
  isTradingDay: (date: string) => boolean,
  p: YieldParams,
): NavPoint[] {
  let y = p.startYield;
  const daily: Dec[] = [];
  const out: NavPoint[] = [];
  let sinceLast = new Dec(0);
  for (const date of calendarDays) {
    // Ornstein–Uhlenbeck step: pulled back to the level at 2% a day, with small shocks.
    y = Math.max(0.004, y + 0.02 * (p.level - y) + 0.0004 * rng.normal());
    const income = new Dec(10_000).mul(y).div(365).toDecimalPlaces(4);
    daily.push(income);
    sinceLast = sinceLast.add(income);
    if (!isTradingDay(date)) continue;
    const week = daily.slice(-7);
    const yield7d = Dec.sum(...week)
      .div(10_000)
      .mul(365)
      .div(week.length)
      .toDecimalPlaces(6);
    out.push({
      date,
      nav: '1.0000',
      accNav: '1.0000',
      per10kIncome: sinceLast.toFixed(4),
      yield7d: yield7d.toFixed(6),
    });
    sinceLast = new Dec(0);
  }
  return out;
}
