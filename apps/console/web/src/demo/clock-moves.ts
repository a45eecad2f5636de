import type { ClockMove } from './api.ts';

/**
 * Shanghai wall-clock time and the demo clock's common moves. China keeps UTC+8 all year (no daylight
 * saving), so a fixed offset gives the same answer as the time-zone database, in any browser's zone.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An instant's Shanghai date and time: `{ date: '2026-11-10', time: '09:30:00' }`. */
export function shanghaiWallClock(instant: Date): { date: string; time: string } {
  const iso = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

/** `2026-11-10 09:30:00`, Shanghai time: the compact form the console's tables use. */
export function formatShanghai(instant: Date): string {
  const { date, time } = shanghaiWallClock(instant);
  return `${date} ${time}`;
}

/** The instant of a Shanghai date and time (`HH:mm` or `HH:mm:ss`), with its offset, as the API takes it. */
export function shanghaiInstant(date: string, time: string): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/** 0 (Sunday) … 6 (Saturday) of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

/**
 * The first Monday-to-Friday date after `date`. Holidays are not known here (the console has no API
 * for the exchanges' calendar), so the page says that this is the next weekday, not trading day.
 */
export function nextWeekday(date: string): string {
  let ms = Date.parse(`${date}T00:00:00Z`);
  do ms += DAY_MS;
  while (isWeekend(new Date(ms).toISOString().slice(0, 10)));
  return new Date(ms).toISOString().slice(0, 10);
}

export type QuickMoveKey = 'plusHour' | 'plusDay' | 'nextWeekday' | 'todayAfterCutOff';

export interface QuickMove {
  key: QuickMoveKey;
  move: ClockMove;
  /** Where the clock lands, for the button and its confirmation. */
  target: Date;
}

/**
 * The common moves from `now` (on business date `businessDate`): an hour, a day, the next weekday's
 * 09:30 (markets open), and today 15:01, just past the funds' 15:00 cut-off, while that is still ahead.
 */
export function quickMoves(now: Date, businessDate: string): QuickMove[] {
  const nextMorning = shanghaiInstant(nextWeekday(businessDate), '09:30');
  const afterCutOff = shanghaiInstant(businessDate, '15:01');
  const moves: QuickMove[] = [
    { key: 'plusHour', move: { advance: 'PT1H' }, target: new Date(now.getTime() + HOUR_MS) },
    { key: 'plusDay', move: { advance: 'P1D' }, target: new Date(now.getTime() + DAY_MS) },
    { key: 'nextWeekday', move: { to: nextMorning }, target: new Date(nextMorning) },
  ];
  if (Date.parse(afterCutOff) > now.getTime()) {
    moves.push({ key: 'todayAfterCutOff', move: { to: afterCutOff }, target: new Date(afterCutOff) });
  }
  return moves;
}

/** Whether `now` is at or past 15:00 on its Shanghai day: a fund order then takes the next trading day. */
export function isPastFundCutOff(now: Date): boolean {
  return shanghaiWallClock(now).time >= '15:00:00';
}
