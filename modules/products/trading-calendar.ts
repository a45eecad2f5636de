import { CN_EXCHANGE_HOLIDAYS_2023_2027 } from './migrations/data/cn-exchange-holidays-2023-2027.ts';

/**
 * The mainland exchanges' trading calendar: weekdays except the published closures. Dates are
 * business dates (YYYY-MM-DD, Asia/Shanghai). Pure functions over a calendar value; the default is
 * the built-in table (the same rows migration 0002 stores in `products_trading_holidays`).
 * Outside the years a calendar covers every function throws: guessing a trading day is worse than
 * failing (T+1 dates, NAV checks), and the fix is adding that year's closures.
 */
export interface Closure {
  nameZh: string;
  nameEn: string;
  /** Projected, not yet published by the exchanges. */
  provisional: boolean;
}

export interface TradingCalendar {
  holidays: ReadonlyMap<string, Closure>;
  firstYear: number;
  lastYear: number;
}

export function createTradingCalendar(
  rows: Iterable<{ date: string; nameZh: string; nameEn: string; provisional: boolean }>,
): TradingCalendar {
  const holidays = new Map<string, Closure>();
  for (const r of rows)
    holidays.set(r.date, { nameZh: r.nameZh, nameEn: r.nameEn, provisional: r.provisional });
  const years = [...holidays.keys()].map((d) => Number(d.slice(0, 4)));
  if (years.length === 0) throw new Error('a trading calendar needs at least one closure');
  return { holidays, firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

/** Shanghai and Shenzhen, 2023–2027. */
export const CN_EXCHANGE_CALENDAR: TradingCalendar = createTradingCalendar(
  CN_EXCHANGE_HOLIDAYS_2023_2027.map(([date, nameZh, nameEn, provisional]) => ({
    date,
    nameZh,
    nameEn,
    provisional: provisional ?? false,
  })),
);

const DAY_MS = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date `n` calendar days after (or before, for negative n) `date`. */
export function addCalendarDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

export function isCovered(date: string, cal: TradingCalendar = CN_EXCHANGE_CALENDAR): boolean {
  const year = Number(date.slice(0, 4));
  return year >= cal.firstYear && year <= cal.lastYear;
}

function assertCovered(date: string, cal: TradingCalendar): void {
  if (!isCovered(date, cal))
    throw new RangeError(`no exchange calendar for ${date} (covered ${cal.firstYear}–${cal.lastYear})`);
}

/** Why the exchanges are closed on `date`, or undefined on a trading day. */
export function closureOf(
  date: string,
  cal: TradingCalendar = CN_EXCHANGE_CALENDAR,
): ({ reason: 'weekend' } | ({ reason: 'holiday' } & Closure)) | undefined {
  assertCovered(date, cal);
  const weekday = new Date(toUtc(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return { reason: 'weekend' };
  const holiday = cal.holidays.get(date);
  return holiday ? { reason: 'holiday', ...holiday } : undefined;
}

export function isTradingDay(date: string, cal: TradingCalendar = CN_EXCHANGE_CALENDAR): boolean {
  return closureOf(date, cal) === undefined;
}

function step(date: string, direction: 1 | -1, cal: TradingCalendar): string {
  let d = addCalendarDays(date, direction);
  while (!isTradingDay(d, cal)) d = addCalendarDays(d, direction);
  return d;
}

/** The first trading day after `date` (never `date` itself). */
export function nextTradingDay(date: string, cal: TradingCalendar = CN_EXCHANGE_CALENDAR): string {
  return step(date, 1, cal);
}

/** The last trading day before `date`. */
export function previousTradingDay(date: string, cal: TradingCalendar = CN_EXCHANGE_CALENDAR): string {
  return step(date, -1, cal);
}

/**
 * T+n: the n-th trading day after `date` (before it for negative n). With n = 0, `date` itself if
 * it is a trading day, else the next one.
 * @example addTradingDays('2024-09-30', 1) // '2024-10-08' (National Day closure)
 */
export function addTradingDays(date: string, n: number, cal: TradingCalendar = CN_EXCHANGE_CALENDAR): string {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
  if (n === 0) return isTradingDay(date, cal) ? date : nextTradingDay(date, cal);
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1, cal);
  return d;
}

/** The trading days strictly between two dates (a NAV series missing them has a gap). */
export function tradingDaysBetween(
  from: string,
  to: string,
  cal: TradingCalendar = CN_EXCHANGE_CALENDAR,
): string[] {
  const days: string[] = [];
  for (let d = addCalendarDays(from, 1); d < to; d = addCalendarDays(d, 1)) {
    if (isTradingDay(d, cal)) days.push(d);
  }
  return days;
}

/** Fund orders placed before 15:00 on a trading day trade on that day's NAV (DESIGN "Funds"). */
export const FUND_CUTOFF_MINUTES = 15 * 60;

/**
 * The trade date T of a fund order placed at `instant`: today if it is a trading day and before
 * 15:00 Shanghai time, otherwise the next trading day. Confirmation is then `addTradingDays(T, 1)`.
 */
export function tradeDateOf(instant: Date, cal: TradingCalendar = CN_EXCHANGE_CALENDAR): string {
  // Asia/Shanghai is UTC+8 all year (no daylight saving since 1991).
  const local = new Date(instant.getTime() + 8 * 3_600_000);
  const date = local.toISOString().slice(0, 10);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  if (isTradingDay(date, cal) && minutes < FUND_CUTOFF_MINUTES) return date;
  return nextTradingDay(date, cal);
}
