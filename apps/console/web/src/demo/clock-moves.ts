import type { ClockMove, DemoClock } from './api.ts';

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

export type QuickMoveKey = 'plusHour' | 'plusDay' | 'nextTradingDay' | 'todayAfterCutOff';

export interface QuickMove {
  key: QuickMoveKey;
  move: ClockMove;
  /** Where the clock lands, for the button and its confirmation. */
  target: Date;
}

/**
 * The common moves from `now` (the clock read on `clock.businessDate`): an hour, a day, the next
 * trading day's 09:30 (markets open; the server's calendar skips weekends and holidays, and past its
 * years there is no such move), and today 15:01, just past the funds' 15:00 cut-off, while still ahead.
 */
export function quickMoves(now: Date, clock: DemoClock): QuickMove[] {
  const afterCutOff = shanghaiInstant(clock.businessDate, '15:01');
  const moves: QuickMove[] = [
    { key: 'plusHour', move: { advance: 'PT1H' }, target: new Date(now.getTime() + HOUR_MS) },
    { key: 'plusDay', move: { advance: 'P1D' }, target: new Date(now.getTime() + DAY_MS) },
  ];
  if (clock.nextTradingDay !== null) {
    const nextMorning = shanghaiInstant(clock.nextTradingDay, '09:30');
    moves.push({ key: 'nextTradingDay', move: { to: nextMorning }, target: new Date(nextMorning) });
  }
  if (Date.parse(afterCutOff) > now.getTime()) {
    moves.push({ key: 'todayAfterCutOff', move: { to: afterCutOff }, target: new Date(afterCutOff) });
  }
  return moves;
}

/** Whether `now` is at or past 15:00 on its Shanghai day: a fund order then takes the next trading day. */
export function isPastFundCutOff(now: Date): boolean {
  return shanghaiWallClock(now).time >= '15:00:00';
}
