import { describe, expect, it } from 'vitest';
import { CN_EXCHANGE_HOLIDAYS_2023_2027 } from './migrations/data/cn-exchange-holidays-2023-2027.ts';
import {
  addTradingDays,
  closureOf,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  tradeDateOf,
  tradingDaysBetween,
} from './trading-calendar.ts';

const tradingDaysIn = (year: number) => tradingDaysBetween(`${year - 1}-12-31`, `${year + 1}-01-01`).length;

describe('the mainland exchanges calendar', () => {
  it('closes on weekends and published holidays, with the holiday named', () => {
    expect(isTradingDay('2024-09-30')).toBe(true); // Monday before National Day
    expect(isTradingDay('2024-10-01')).toBe(false);
    expect(closureOf('2024-10-07')).toMatchObject({ reason: 'holiday', nameZh: '国庆节' });
    expect(closureOf('2024-10-12')).toEqual({ reason: 'weekend' }); // a make-up working Saturday: exchanges stay shut
    expect(closureOf('2026-02-23')).toMatchObject({ reason: 'holiday', nameEn: 'Spring Festival' });
    expect(isTradingDay('2026-02-24')).toBe(true);
    expect(closureOf('2027-02-08')).toMatchObject({ provisional: true });
  });

  it('counts the trading days each year as the exchanges did', () => {
    expect(tradingDaysIn(2023)).toBe(242);
    expect(tradingDaysIn(2024)).toBe(242);
    expect(tradingDaysIn(2025)).toBe(243);
  });

  it('lists only weekdays as holidays, once each', () => {
    const dates = CN_EXCHANGE_HOLIDAYS_2023_2027.map((r) => r[0]);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of dates) expect([1, 2, 3, 4, 5], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });

  it('steps over weekends and holidays: T+1 of the last day before National Day is after it', () => {
    expect(addTradingDays('2024-09-30', 1)).toBe('2024-10-08');
    expect(nextTradingDay('2025-12-31')).toBe('2026-01-05');
    expect(previousTradingDay('2026-01-05')).toBe('2025-12-31');
    expect(addTradingDays('2024-10-08', -1)).toBe('2024-09-30');
    expect(addTradingDays('2024-10-05', 0)).toBe('2024-10-08');
    expect(addTradingDays('2024-10-08', 0)).toBe('2024-10-08');
    expect(addTradingDays('2024-03-01', 5)).toBe('2024-03-08');
    expect(tradingDaysBetween('2024-09-27', '2024-10-09')).toEqual(['2024-09-30', '2024-10-08']);
  });

  it('refuses to guess outside the years it covers', () => {
    expect(() => isTradingDay('2022-06-01')).toThrow(/no exchange calendar/);
    expect(() => addTradingDays('2027-12-31', 1)).toThrow(/2028/);
  });

  it('takes fund orders before 15:00 Shanghai time on a trading day as that day, else the next', () => {
    expect(tradeDateOf(new Date('2024-09-27T06:59:59Z'))).toBe('2024-09-27'); // Friday 14:59:59
    expect(tradeDateOf(new Date('2024-09-27T07:00:00Z'))).toBe('2024-09-30'); // Friday 15:00
    expect(tradeDateOf(new Date('2024-09-30T08:00:00Z'))).toBe('2024-10-08'); // Monday 16:00, holiday week
    expect(tradeDateOf(new Date('2024-10-02T02:00:00Z'))).toBe('2024-10-08');
    expect(tradeDateOf(new Date('2024-09-29T17:00:00Z'))).toBe('2024-09-30'); // Monday 01:00 local
  });
});
