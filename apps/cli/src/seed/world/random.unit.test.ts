import { describe, expect, it } from 'vitest';
import { addYears, ageOn, fromEpochDay, isWeekday, toEpochDay } from './dates.ts';
import { createRng, weightedPicker } from './random.ts';

const draws = (seed: number | string, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('the seeded generator', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    expect(draws(7, 100)).toEqual(draws(7, 100));
    expect(draws('7', 100)).toEqual(draws(7, 100));
    expect(draws(8, 100)).not.toEqual(draws(7, 100));
    expect(draws(7, 100).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks streams that depend on the label and the seed, not on draws made before', () => {
    const a = createRng(1);
    const b = createRng(1);
    for (let i = 0; i < 50; i++) b.next();
    expect(a.fork('funds').next()).toBe(b.fork('funds').next());
    expect(a.fork('funds').next()).not.toBe(a.fork('people').next());
  });

  it('keeps int within its bounds and reaches both ends', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(rng.int(-2, 3));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2, 3].sort());
  });

  it('picks by weight in proportion', () => {
    const rng = createRng(4);
    const pick = weightedPicker(['a', 'b', 'c', 'never'], [1, 3, 6, 0]);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) {
      const k = pick(rng);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const total = 20_000;
    expect((counts.a ?? 0) / total).toBeCloseTo(0.1, 1);
    expect((counts.b ?? 0) / total).toBeCloseTo(0.3, 1);
    expect((counts.c ?? 0) / total).toBeCloseTo(0.6, 1);
    expect(counts.never).toBe(0);
    expect(() => weightedPicker(['a'], [0])).toThrow(RangeError);
    expect(() => weightedPicker(['a', 'b'], [1])).toThrow(RangeError);
  });

  it('draws normals with the asked mean and spread', () => {
    const rng = createRng(5);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.95);
    expect(sd).toBeLessThan(2.05);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(6).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(input);
    expect(out).not.toEqual(input);
  });

  it('draws dates between two days, both included', () => {
    const rng = createRng(7);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) seen.add(rng.dateBetween('2024-02-28', '2024-03-01'));
    expect([...seen].sort()).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });
});

describe('business dates', () => {
  it('agrees with the calendar over four centuries', () => {
    const wrong: number[] = [];
    for (let d = -80_000; d < 80_000; d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (fromEpochDay(d) !== iso || toEpochDay(iso) !== d) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(() => toEpochDay('2023-02-29')).toThrow(RangeError);
    expect(() => toEpochDay('2024-13-01')).toThrow(RangeError);
    expect(() => toEpochDay('2024-1-01')).toThrow(RangeError);
  });

  it('counts ages and years across 29 February', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', -4)).toBe('2020-02-29');
    expect(ageOn('1990-07-01', '2025-06-30')).toBe(34);
    expect(ageOn('1990-06-30', '2025-06-30')).toBe(35);
  });

  it('knows weekends', () => {
    expect(isWeekday('2025-06-27')).toBe(true); // Friday
    expect(isWeekday('2025-06-28')).toBe(false);
    expect(isWeekday('2025-06-29')).toBe(false);
    expect(isWeekday('2025-06-30')).toBe(true); // Monday
    expect(isWeekday('1969-12-31')).toBe(true); // Wednesday, before the epoch
  });
});
