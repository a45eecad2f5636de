import { describe, expect, it } from 'vitest';
import { createManualClock, createMovableClock, DAY_MS, HOUR_MS, MINUTE_MS, parseDuration } from './clock.ts';

describe('the movable demo clock', () => {
  it('starts at the given instant and runs on with real time from there', () => {
    const wall = createManualClock('2026-12-02T15:41:00Z');
    const clock = createMovableClock('2026-11-10T01:30:00Z', wall);
    expect(clock.now().toISOString()).toBe('2026-11-10T01:30:00.000Z');
    wall.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-11-10T01:31:30.000Z');
  });

  it('moves forward by a duration or to a later instant, and keeps running from there', () => {
    const wall = createManualClock('2026-12-02T15:41:00Z');
    const clock = createMovableClock('2026-11-10T01:30:00Z', wall);
    const advanced = clock.advance(DAY_MS);
    expect(advanced).toEqual({ ok: true, value: new Date('2026-11-11T01:30:00Z') });
    wall.advance(MINUTE_MS);
    expect(clock.now().toISOString()).toBe('2026-11-11T01:31:00.000Z');
    const moved = clock.moveTo(new Date('2026-11-12T07:00:00Z'));
    expect(moved.ok && moved.value.toISOString()).toBe('2026-11-12T07:00:00.000Z');
    wall.advance(HOUR_MS);
    expect(clock.now().toISOString()).toBe('2026-11-12T08:00:00.000Z');
  });

  it('refuses to move backwards and stays where it was', () => {
    const wall = createManualClock('2026-12-02T15:41:00Z');
    const clock = createMovableClock('2026-11-10T01:30:00Z', wall);
    const back = clock.moveTo(new Date('2026-11-10T01:29:59Z'));
    expect(back).toEqual({
      ok: false,
      error: 'backwards',
      detail: 'the clock is at 2026-11-10T01:30:00.000Z: it only moves forward',
    });
    expect(clock.advance(-1).ok).toBe(false);
    expect(clock.now().toISOString()).toBe('2026-11-10T01:30:00.000Z');
  });

  it('never reads earlier than it did, even when the wall clock steps back', () => {
    const wall = createManualClock('2026-12-02T15:41:00Z');
    const clock = createMovableClock('2026-11-10T01:30:00Z', wall);
    wall.advance(10_000);
    const before = clock.now().getTime();
    wall.set('2026-12-02T15:40:00Z'); // an NTP correction of 70 s
    expect(clock.now().getTime()).toBe(before);
    wall.advance(80_000);
    expect(clock.now().getTime()).toBe(before + 10_000);
  });

  it('refuses a start that is not an instant', () => {
    expect(() => createMovableClock('next tuesday')).toThrow(RangeError);
  });
});

describe('ISO 8601 durations', () => {
  it('reads weeks, days, hours, minutes and seconds', () => {
    expect(parseDuration('P1D')).toBe(DAY_MS);
    expect(parseDuration('P1W')).toBe(7 * DAY_MS);
    expect(parseDuration('PT15H30M')).toBe(15 * HOUR_MS + 30 * MINUTE_MS);
    expect(parseDuration('P1DT0.5S')).toBe(DAY_MS + 500);
  });
  it('refuses months, years, empty and malformed ones (they have no fixed length or no meaning)', () => {
    for (const text of ['P1M', 'P1Y', 'P', 'PT', 'P1DT', '1D', 'P-1D', 'p1d', ''])
      expect(parseDuration(text), text).toBeUndefined();
  });
});
