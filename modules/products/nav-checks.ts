import { Dec } from '@onefin/kernel';
import type { FundType } from './attributes.ts';
import type { NavPoint } from './model.ts';
import type { NavInputRow, NavIssue } from './nav-csv.ts';
import { closureOf, isCovered, type TradingCalendar, tradingDaysBetween } from './trading-calendar.ts';

/**
 * The NAV feed's checks, pure. Errors reject the whole import; warnings (gaps, outliers) are
 * reported and the import goes ahead, since a real fund can be suspended or move a lot.
 */

/**
 * Largest plausible day-on-day move of the accumulated NAV per fund type (money-market funds: of
 * the 7-day yield). A-shares move at most 10% a day (20% on ChiNext and STAR), so an equity or index
 * fund beyond that is almost surely a wrong number; bond funds rarely move 2%.
 */
export const OUTLIER_THRESHOLDS: Readonly<Record<FundType, string>> = {
  money_market: '0.005',
  bond: '0.02',
  mixed: '0.07',
  equity: '0.10',
  index: '0.10',
};

export interface FundRef {
  productId: string;
  fundCode: string;
  fundType: FundType;
}

export interface NavCheckContext {
  /** Funds by fund code (codes naming another kind of product are not here). */
  funds: ReadonlyMap<string, FundRef>;
  /** Stored NAVs around the file's dates, by product id, ascending. */
  stored: ReadonlyMap<string, readonly NavPoint[]>;
  calendar: TradingCalendar;
  /** Today's business date: a NAV is published after the close, never ahead. */
  today: string;
}

export interface NavToWrite extends NavPoint {
  productId: string;
  line: number;
}

export interface CheckedNavs {
  errors: NavIssue[];
  warnings: NavIssue[];
  toWrite: NavToWrite[];
  /** Rows identical to what is stored: re-importing a file is a no-op, not an error. */
  unchanged: number;
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const decimalsOf = (v: string) => v.split('.')[1]?.length ?? 0;
const isRealDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pct = (d: Dec) => `${d.mul(100).toDecimalPlaces(2).toString()}%`;

type Parsed = { ok: true; value: string } | { ok: false; issue: Omit<NavIssue, 'line'> };

/** A decimal of at most `decimals` places, as the stored text (fixed places) for exact comparison. */
function parseNumber(value: string, field: string, decimals: number, positive: boolean): Parsed {
  if (!NUMBER.test(value))
    return {
      ok: false,
      issue: { code: 'unparsable_number', field, message: `${field} "${value}" is not a number` },
    };
  const d = new Dec(value);
  if (positive && d.lte(0))
    return {
      ok: false,
      issue: { code: 'not_positive', field, message: `${field} must be greater than zero, got ${value}` },
    };
  if (decimalsOf(value) > decimals)
    return {
      ok: false,
      issue: {
        code: 'too_many_decimals',
        field,
        message: `${field} has more than ${decimals} decimals: ${value}`,
      },
    };
  return { ok: true, value: d.toFixed(decimals) };
}

function checkRow(row: NavInputRow, fund: FundRef | undefined, ctx: NavCheckContext) {
  const issues: Omit<NavIssue, 'line'>[] = [];
  if (!fund)
    issues.push({ code: 'unknown_fund', field: 'fund_code', message: `no fund with code "${row.fundCode}"` });
  if (!isRealDate(row.date)) {
    issues.push({ code: 'invalid_date', field: 'date', message: `"${row.date}" is not a date (YYYY-MM-DD)` });
  } else if (!isCovered(row.date, ctx.calendar)) {
    issues.push({
      code: 'outside_calendar',
      field: 'date',
      message: `${row.date}: no exchange calendar for that year (${ctx.calendar.firstYear}–${ctx.calendar.lastYear})`,
    });
  } else if (row.date > ctx.today) {
    issues.push({ code: 'future_date', field: 'date', message: `${row.date} is after today (${ctx.today})` });
  } else {
    const closed = closureOf(row.date, ctx.calendar);
    if (closed)
      issues.push({
        code: 'not_trading_day',
        field: 'date',
        message: `${row.date} is not a trading day (${
          closed.reason === 'weekend'
            ? WEEKDAYS[new Date(`${row.date}T00:00:00Z`).getUTCDay()]
            : `${closed.nameEn} ${closed.nameZh}`
        })`,
      });
  }
  const nav = parseNumber(row.nav, 'nav', 4, true);
  const accNav = parseNumber(row.accNav, 'acc_nav', 4, true);
  let per10k: Parsed | undefined;
  let yield7d: Parsed | undefined;
  const isMoneyMarket = fund?.fundType === 'money_market';
  if (isMoneyMarket) {
    if (row.per10kIncome === null || row.yield7d === null)
      issues.push({
        code: 'money_market_fields_missing',
        message: 'a money-market fund needs per_10k_income and yield_7d',
      });
    if (row.per10kIncome !== null) per10k = parseNumber(row.per10kIncome, 'per_10k_income', 4, false);
    if (row.yield7d !== null) {
      yield7d = parseNumber(row.yield7d, 'yield_7d', 6, false);
      if (yield7d.ok && new Dec(yield7d.value).abs().gte(1))
        yield7d = {
          ok: false,
          issue: {
            code: 'yield_out_of_range',
            field: 'yield_7d',
            message: `yield_7d ${row.yield7d} is not a fraction (2.345% is 0.02345)`,
          },
        };
    }
  } else if (fund && (row.per10kIncome !== null || row.yield7d !== null)) {
    issues.push({
      code: 'money_market_fields_unexpected',
      message: `${fund.fundType} funds have no per_10k_income or yield_7d`,
    });
  }
  for (const p of [nav, accNav, per10k, yield7d]) if (p && !p.ok) issues.push(p.issue);
  if (issues.length > 0 || !nav.ok || !accNav.ok) return { issues };
  const point: NavPoint = {
    date: row.date,
    nav: nav.value,
    accNav: accNav.value,
    per10kIncome: per10k?.ok ? per10k.value : null,
    yield7d: yield7d?.ok ? yield7d.value : null,
  };
  return { issues, point };
}

const samePoint = (a: NavPoint, b: NavPoint) =>
  a.nav === b.nav && a.accNav === b.accNav && a.per10kIncome === b.per10kIncome && a.yield7d === b.yield7d;

/** Every row on its own, against the file and against what is stored. */
export function checkNavRows(rows: readonly NavInputRow[], ctx: NavCheckContext): CheckedNavs {
  const errors: NavIssue[] = [];
  const warnings: NavIssue[] = [];
  const toWrite: NavToWrite[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  const storedByKey = new Map<string, NavPoint>();
  for (const [productId, points] of ctx.stored)
    for (const p of points) storedByKey.set(`${productId}|${p.date}`, p);
  for (const row of rows) {
    const fund = ctx.funds.get(row.fundCode);
    const where = { line: row.line, fundCode: row.fundCode, date: row.date };
    const { issues, point } = checkRow(row, fund, ctx);
    for (const issue of issues) errors.push({ ...where, ...issue });
    const key = `${row.fundCode}|${row.date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        ...where,
        code: 'duplicate_in_file',
        message: `${row.fundCode} ${row.date} is also on line ${first}`,
      });
      continue;
    }
    seen.set(key, row.line);
    if (!fund || !point) continue;
    const stored = storedByKey.get(`${fund.productId}|${row.date}`);
    if (stored && samePoint(stored, point)) unchanged += 1;
    else if (stored)
      errors.push({
        ...where,
        code: 'duplicate_stored',
        message: `${row.fundCode} ${row.date} is already stored with nav ${stored.nav}, acc_nav ${stored.accNav}; corrections are not imported`,
      });
    else {
      if (new Dec(point.accNav).lt(point.nav))
        warnings.push({
          ...where,
          code: 'acc_nav_below_nav',
          message: `acc_nav ${point.accNav} is below nav ${point.nav}`,
        });
      toWrite.push({ ...point, productId: fund.productId, line: row.line });
    }
  }
  warnings.push(...checkSeries(toWrite, ctx));
  return { errors, warnings, toWrite, unchanged };
}

/** Gaps and outliers: each new NAV against its neighbours, stored or new. */
function checkSeries(toWrite: readonly NavToWrite[], ctx: NavCheckContext): NavIssue[] {
  const warnings: NavIssue[] = [];
  const funds = new Map([...ctx.funds.values()].map((f) => [f.productId, f]));
  const byFund = new Map<string, (NavPoint & { line?: number })[]>();
  for (const p of toWrite) {
    const list = byFund.get(p.productId);
    if (list) list.push(p);
    else byFund.set(p.productId, [p]);
  }
  for (const [productId, fresh] of byFund) {
    const fund = funds.get(productId);
    if (!fund) continue;
    const series: (NavPoint & { line?: number })[] = [...(ctx.stored.get(productId) ?? []), ...fresh].sort(
      (a, b) => (a.date < b.date ? -1 : 1),
    );
    for (let i = 1; i < series.length; i++) {
      const [a, b] = [series[i - 1], series[i]];
      if (!a || !b || (a.line === undefined && b.line === undefined)) continue;
      const line = b.line ?? a.line ?? 0;
      const where = { line, fundCode: fund.fundCode, date: b.date };
      const missing = tradingDaysBetween(a.date, b.date, ctx.calendar);
      if (missing.length > 0)
        warnings.push({
          ...where,
          code: 'gap',
          message: `${missing.length} trading day(s) missing between ${a.date} and ${b.date}: ${missing
            .slice(0, 5)
            .join(', ')}${missing.length > 5 ? ', …' : ''}`,
        });
      const limit = new Dec(OUTLIER_THRESHOLDS[fund.fundType]);
      if (fund.fundType === 'money_market') {
        if (a.yield7d === null || b.yield7d === null) continue;
        const move = new Dec(b.yield7d).sub(a.yield7d);
        if (move.abs().gt(limit))
          warnings.push({
            ...where,
            code: 'outlier',
            field: 'yield_7d',
            message: `yield_7d moved ${pct(move)} from ${a.date} (${a.yield7d} → ${b.yield7d}); more than ${pct(limit)}`,
          });
        continue;
      }
      const move = new Dec(b.accNav).div(a.accNav).sub(1);
      if (move.abs().gt(limit))
        warnings.push({
          ...where,
          code: 'outlier',
          field: 'acc_nav',
          message: `acc_nav moved ${pct(move)} from ${a.date} (${a.accNav} → ${b.accNav}); more than ${pct(limit)} for a ${fund.fundType} fund`,
        });
    }
  }
  return warnings;
}
