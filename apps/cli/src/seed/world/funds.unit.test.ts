import { productInput } from '@onefin/products';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FundType, NavPoint } from './catalogue-types.ts';
import { addYears, isWeekday } from './dates.ts';
import { type Fund, generateFunds } from './funds.ts';
import { TRADING_DAYS_PER_YEAR } from './navs.ts';
import { createRng } from './random.ts';

const END = '2025-06-30';
/** A few 2024–2025 exchange holidays, to check the calendar is plugged in and obeyed. */
const HOLIDAYS = new Set([
  '2024-10-01',
  '2024-10-02',
  '2024-10-03',
  '2024-10-04',
  '2024-10-07',
  '2025-05-01',
  '2025-05-02',
  '2025-05-05',
]);
const isTradingDay = (d: string) => isWeekday(d) && !HOLIDAYS.has(d);
let funds: Fund[];

beforeAll(() => {
  funds = generateFunds(createRng('funds-test'), { endDate: END, isTradingDay });
});

const ofType = (t: FundType) => funds.filter((f) => f.product.attributes.fundType === t);

/** Annualised volatility of daily total returns (dividends added back through the accumulated NAV). */
function volatility(navs: NavPoint[]): number {
  const r: number[] = [];
  for (let i = 1; i < navs.length; i++) {
    const [prev, cur] = [navs[i - 1] as NavPoint, navs[i] as NavPoint];
    r.push((Number(cur.accNav) - Number(prev.accNav)) / Number(prev.nav));
  }
  const mean = r.reduce((s, x) => s + x, 0) / r.length;
  return (
    Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1)) * Math.sqrt(TRADING_DAYS_PER_YEAR)
  );
}

describe('the fund catalogue', () => {
  it('is the same funds whatever the end date: a longer history shifts no share class or manager', () => {
    const catalogueOn = (endDate: string) =>
      generateFunds(createRng(7), { endDate, isTradingDay }).map(
        (f) => `${f.product.code} ${f.product.nameZh} ${f.product.attributes.manager}`,
      );
    const today = catalogueOn(END);
    expect(catalogueOn('2025-07-01')).toEqual(today);
    expect(catalogueOn('2025-07-04')).toEqual(today);
  });

  it('has about forty funds of every type with unique six-digit codes', () => {
    expect(funds.length).toBeGreaterThanOrEqual(35);
    expect(funds.length).toBeLessThanOrEqual(48);
    for (const t of ['money_market', 'bond', 'equity', 'mixed', 'index'] as const) {
      expect(ofType(t).length).toBeGreaterThanOrEqual(5);
    }
    const codes = funds.map((f) => f.product.attributes.fundCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(funds.map((f) => f.product.nameZh)).size).toBe(funds.length);
  });

  it('is a valid create input for the product factory, every one of them', () => {
    for (const f of funds) {
      const parsed = productInput.safeParse(f.product);
      expect(parsed.success ? 'ok' : parsed.error.issues).toBe('ok');
    }
  });

  it('charges equity A classes 1.5% / 1.2% / 0.8% / ¥1,000 by amount and 1.5% under 7 days', () => {
    const equityA = ofType('equity').filter((f) => f.product.nameZh.endsWith('A'));
    expect(equityA.length).toBeGreaterThan(0);
    for (const f of equityA) {
      expect(f.product.attributes.subscriptionFees).toEqual([
        { fromAmount: { amount: '0.00', currency: 'CNY' }, rate: '0.015' },
        { fromAmount: { amount: '1000000.00', currency: 'CNY' }, rate: '0.012' },
        { fromAmount: { amount: '5000000.00', currency: 'CNY' }, rate: '0.008' },
        {
          fromAmount: { amount: '10000000.00', currency: 'CNY' },
          fixedFee: { amount: '1000.00', currency: 'CNY' },
        },
      ]);
      expect(f.product.attributes.redemptionFees).toEqual([
        { minHoldingDays: 0, rate: '0.015' },
        { minHoldingDays: 7, rate: '0.005' },
        { minHoldingDays: 365, rate: '0.0025' },
        { minHoldingDays: 730, rate: '0' },
      ]);
    }
    for (const f of funds.filter((f) => f.product.nameZh.endsWith('C'))) {
      expect(f.product.attributes.subscriptionFees).toEqual([
        { fromAmount: { amount: '0.00', currency: 'CNY' }, rate: '0' },
      ]);
    }
  });
});

describe('NAV histories', () => {
  it('cover three years up to the end date, on trading days only, in order', () => {
    for (const f of funds) {
      const dates = f.navs.map((n) => n.date);
      expect(dates.at(-1)).toBe(END);
      expect(dates[0] && dates[0] > addYears(END, -3)).toBe(true);
      expect(dates[0] && dates[0] <= '2022-07-05').toBe(true);
      expect(dates.every(isTradingDay)).toBe(true);
      expect(dates.every((d, i) => i === 0 || d > (dates[i - 1] as string))).toBe(true);
      expect(dates.length).toBeGreaterThan(720);
    }
  });

  it('publishes positive NAVs with 4 decimals, accumulated NAV never below NAV', () => {
    const fourDp = /^\d+\.\d{4}$/;
    const wrong = funds.flatMap((f) =>
      f.navs.filter(
        (n) =>
          !fourDp.test(n.nav) ||
          !fourDp.test(n.accNav) ||
          Number(n.nav) <= 0 ||
          Number(n.accNav) < Number(n.nav),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('moves each type with its own volatility', () => {
    const bounds: Record<Exclude<FundType, 'money_market'>, [number, number]> = {
      bond: [0.015, 0.05],
      mixed: [0.12, 0.25],
      equity: [0.17, 0.33],
      index: [0.15, 0.29],
    };
    for (const [type, [lo, hi]] of Object.entries(bounds)) {
      for (const f of ofType(type as FundType)) {
        const v = volatility(f.navs);
        expect(v, `${f.product.nameZh} ${v}`).toBeGreaterThan(lo);
        expect(v, `${f.product.nameZh} ${v}`).toBeLessThan(hi);
      }
    }
  });

  it('keeps C classes (same portfolio, a sales service fee) just below their A class', () => {
    for (const c of funds.filter((f) => f.product.nameZh.endsWith('C'))) {
      const a = funds.find((f) => f.product.nameZh === `${c.product.nameZh.slice(0, -1)}A`);
      expect(a).toBeDefined();
      const [accC, accA] = [Number(c.navs.at(-1)?.accNav), Number(a?.navs.at(-1)?.accNav)];
      expect(accC).toBeLessThan(accA);
      expect(accC).toBeGreaterThan(0.9 * accA);
    }
  });

  it('pays bond dividends that leave the accumulated NAV running on', () => {
    const paid = ofType('bond').filter((f) => {
      const first = f.navs[0] as NavPoint;
      const last = f.navs.at(-1) as NavPoint;
      return Number(last.accNav) - Number(last.nav) > Number(first.accNav) - Number(first.nav);
    });
    expect(paid.length).toBeGreaterThan(0);
  });

  it('gives money-market funds NAV 1.0000, per-10,000 income over the days since the last NAV and a 7-day yield near 2%', () => {
    const mmfs = ofType('money_market');
    for (const f of mmfs) {
      const wrong = f.navs.filter(
        (n) =>
          n.nav !== '1.0000' ||
          n.accNav !== '1.0000' ||
          !/^\d+\.\d{4}$/.test(n.per10kIncome ?? '') ||
          !/^0\.\d{6}$/.test(n.yield7d ?? '') ||
          Number(n.yield7d) < 0.003 ||
          Number(n.yield7d) > 0.04,
      );
      expect(wrong).toEqual([]);
      const mean = f.navs.reduce((s, n) => s + Number(n.yield7d), 0) / f.navs.length;
      expect(mean).toBeGreaterThan(0.01);
      expect(mean).toBeLessThan(0.03);
      // Friday's income is one day's; Monday's covers Saturday, Sunday and Monday.
      const friday = Number(f.navs.find((n) => n.date === '2025-06-27')?.per10kIncome);
      const monday = Number(f.navs.find((n) => n.date === '2025-06-30')?.per10kIncome);
      expect(monday / friday).toBeGreaterThan(2.5);
      expect(monday / friday).toBeLessThan(3.5);
      // After the Labour Day break (1–5 May 2025), 6 May covers five days.
      const after = Number(f.navs.find((n) => n.date === '2025-05-06')?.per10kIncome);
      expect(after / friday).toBeGreaterThan(4);
    }
    const sevenDay = (f: Fund) => Number(f.navs.at(-1)?.yield7d);
    for (const b of mmfs.filter((f) => f.product.nameZh.endsWith('B'))) {
      const a = mmfs.find((f) => f.product.nameZh === `${b.product.nameZh.slice(0, -1)}A`) as Fund;
      expect(sevenDay(b)).toBeGreaterThan(sevenDay(a));
    }
  });
});
