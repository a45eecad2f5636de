import { describe, expect, it } from 'vitest';
import { moneyWeightedReturn, timeWeightedReturn, type ValuePoint } from './returns.ts';

const p = (date: string, value: number, netInvested: number): ValuePoint => ({
  date,
  value: BigInt(value),
  netInvested: BigInt(netInvested),
});

describe('time-weighted return', () => {
  it('chains the daily returns, money moved on a day counting from its start', () => {
    // +10% on 1,000; then 500 more in and 1,650 at the close: 1,650 / 1,600 = +3.125%.
    const twr = timeWeightedReturn([
      p('2026-03-02', 100_000, 100_000),
      p('2026-03-03', 110_000, 100_000),
      p('2026-03-04', 165_000, 150_000),
    ]);
    expect(twr).toBeCloseTo(1.1 * 1.03125 - 1, 12);
  });

  it('is not moved by money put in or taken out at an unchanged price', () => {
    const twr = timeWeightedReturn([
      p('2026-03-02', 100_000, 100_000),
      p('2026-03-03', 600_000, 600_000),
      p('2026-03-04', 200_000, 200_000),
    ]);
    expect(twr).toBe(0);
  });

  it('skips days with nothing invested, and is null with no day to measure', () => {
    expect(
      timeWeightedReturn([p('2026-03-02', 0, 0), p('2026-03-03', 0, 0), p('2026-03-04', 105_000, 100_000)]),
    ).toBeCloseTo(0.05, 12);
    expect(timeWeightedReturn([p('2026-03-02', 100_000, 100_000)])).toBeNull();
  });
});

describe('money-weighted return (Modified Dietz)', () => {
  it('is the gain over the capital at work: 1,000 grown to 1,100 is 10%', () => {
    expect(
      moneyWeightedReturn([p('2025-03-02', 100_000, 100_000), p('2026-03-02', 110_000, 100_000)]),
    ).toBeCloseTo(0.1, 12);
  });

  it('weighs the money by how long it was invested, unlike the time-weighted return', () => {
    // 1,000 for a year at +10%, then 10,000 more that lost 10% in the second year.
    const points = [
      p('2024-03-02', 100_000, 100_000),
      p('2025-03-02', 110_000, 100_000),
      p('2025-03-03', 1_110_000, 1_100_000),
      p('2026-03-03', 999_000, 1_100_000),
    ];
    // Gain 9,990 − 1,000 − 10,000 = −1,010 over 1,000 + 10,000 × 366/731 days at work.
    expect(moneyWeightedReturn(points)).toBeCloseTo(-1010 / (1000 + (10_000 * 366) / 731), 12);
    expect(timeWeightedReturn(points)).toBeCloseTo(1.1 * 0.9 - 1, 12);
  });

  it('counts money put in on the last day as at work for that day', () => {
    const points = [p('2026-03-02', 985_221, 1_000_000), p('2026-03-03', 1_537_495, 1_500_000)];
    expect(moneyWeightedReturn(points)).toBeCloseTo(
      (1_537_495 - 985_221 - 500_000) / (985_221 + 500_000),
      12,
    );
  });

  it('is null without capital at work or without a span of time', () => {
    expect(moneyWeightedReturn([p('2026-03-02', 0, 0), p('2026-03-03', 0, 0)])).toBeNull();
    expect(moneyWeightedReturn([p('2026-03-02', 100_000, 100_000)])).toBeNull();
  });
});
