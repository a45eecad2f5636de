import { addCalendarDays, isTradingDay, nextTradingDay, type TradingCalendar } from '@onefin/products';
import type { PlanFrequency } from './schema.ts';

/** When a regular investment plan runs: every week or fortnight on a weekday, or monthly on a day. */
export interface PlanSchedule {
  frequency: PlanFrequency;
  /** Weekly and biweekly: ISO weekday 1 (Monday) … 5 (Friday); monthly: day of month 1–28. */
  runDay: number;
}

const isoWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The first scheduled date strictly after `after` (a plan never charges the day it was set up). */
export function firstDueAfter(s: PlanSchedule, after: string): string {
  if (s.frequency === 'monthly') {
    const [y, m, day] = after.split('-').map(Number) as [number, number, number];
    // Day 1–28 exists in every month, so this month's or next month's date is always valid.
    const month = day < s.runDay ? m - 1 : m;
    const date = new Date(Date.UTC(y, month, s.runDay));
    return date.toISOString().slice(0, 10);
  }
  const ahead = (s.runDay - isoWeekday(after) + 7) % 7 || 7;
  return addCalendarDays(after, ahead);
}

/** The scheduled date after `due`: a week, two weeks or a month on. */
export function nextDue(s: PlanSchedule, due: string): string {
  if (s.frequency === 'biweekly') return addCalendarDays(due, 14);
  return firstDueAfter(s, due);
}

/** A date due on a weekend or holiday is bought on the next trading day. */
export function executionDay(due: string, cal: TradingCalendar): string {
  return isTradingDay(due, cal) ? due : nextTradingDay(due, cal);
}
