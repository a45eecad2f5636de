import { CN_EXCHANGE_CALENDAR } from '@onefin/products';
import { describe, expect, it } from 'vitest';
import { executionDay, firstDueAfter, nextDue } from './plan-schedule.ts';

describe('regular plan schedule', () => {
  it('monthly: this month when the day is still ahead, else next month; December rolls into January', () => {
    const s = { frequency: 'monthly', runDay: 15 } as const;
    expect(firstDueAfter(s, '2026-03-10')).toBe('2026-03-15');
    expect(firstDueAfter(s, '2026-03-15')).toBe('2026-04-15');
    expect(firstDueAfter(s, '2026-12-20')).toBe('2027-01-15');
    expect(nextDue(s, '2026-01-15')).toBe('2026-02-15');
  });

  it('weekly: the next such weekday, never today; biweekly: a fortnight on', () => {
    // 2026-12-02 is a Wednesday.
    expect(firstDueAfter({ frequency: 'weekly', runDay: 3 }, '2026-12-02')).toBe('2026-12-09');
    expect(firstDueAfter({ frequency: 'weekly', runDay: 5 }, '2026-12-02')).toBe('2026-12-04');
    expect(firstDueAfter({ frequency: 'weekly', runDay: 1 }, '2026-12-02')).toBe('2026-12-07');
    expect(nextDue({ frequency: 'weekly', runDay: 1 }, '2026-12-07')).toBe('2026-12-14');
    expect(nextDue({ frequency: 'biweekly', runDay: 1 }, '2026-12-07')).toBe('2026-12-21');
  });

  it('a date on a weekend or holiday is bought on the next trading day', () => {
    expect(executionDay('2026-12-05', CN_EXCHANGE_CALENDAR)).toBe('2026-12-07');
    expect(executionDay('2026-10-01', CN_EXCHANGE_CALENDAR)).toBe('2026-10-08');
    expect(executionDay('2026-12-07', CN_EXCHANGE_CALENDAR)).toBe('2026-12-07');
  });
});
