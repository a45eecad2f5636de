import { fail, ok, type Result } from './result.ts';

/** The only source of time for module code, so tests can move it (T+1, cooling-off, SLAs, lockouts). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(ms: number): void;
}

export function createManualClock(start: Date | string = '2026-01-05T01:00:00Z'): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The business date (YYYY-MM-DD) of an instant on the Asia/Shanghai calendar. */
export function businessDateOf(instant: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * A demo clock (`onefin start --clock`): starts at an instant and runs on with `source` from there,
 * and can be moved forward while running, to show T+1, cooling-off or maturities without waiting.
 * Never backwards: orders, holds, sessions and the ledger's history assume time only grows, so a
 * move into the past is refused and `now()` never returns less than it did before.
 */
export interface MovableClock extends Clock {
  /** Moves the clock to `instant`; refused with `backwards` when that is before now. Returns the new now. */
  moveTo(instant: Date): Result<Date, 'backwards'>;
  /** Moves the clock forward by `ms`; refused with `backwards` for a negative amount. */
  advance(ms: number): Result<Date, 'backwards'>;
}

export function createMovableClock(start: Date | string, source: Clock = systemClock): MovableClock {
  const startMs = new Date(start).getTime();
  if (!Number.isFinite(startMs)) throw new RangeError(`not an instant: ${String(start)}`);
  let offset = startMs - source.now().getTime();
  let latest = Number.NEGATIVE_INFINITY;
  const now = (): Date => {
    // `source` may step back (an NTP correction): the clock then stands still until it catches up.
    latest = Math.max(latest, source.now().getTime() + offset);
    return new Date(latest);
  };
  const moveTo = (instant: Date): Result<Date, 'backwards'> => {
    const current = now().getTime();
    const target = instant.getTime();
    if (!Number.isFinite(target)) throw new RangeError('not an instant');
    if (target < current)
      return fail('backwards', `the clock is at ${new Date(current).toISOString()}: it only moves forward`);
    offset += target - current;
    return ok(now());
  };
  return {
    now,
    moveTo,
    advance: (ms) => {
      if (ms < 0) return fail('backwards', 'the clock only moves forward');
      return moveTo(new Date(now().getTime() + ms));
    },
  };
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Milliseconds in an ISO 8601 duration of weeks, days, hours, minutes and seconds (`P1D`, `PT15H30M`).
 * Years and months have no fixed length, so they are not accepted; undefined when not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number];
  return Math.round((w * 7 + d) * DAY_MS + h * HOUR_MS + min * MINUTE_MS + s * 1000);
}
