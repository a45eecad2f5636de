import { describe, expect, it } from 'vitest';
import { binCodes, binNumeric, informationValue, woeValue } from './woe.ts';

/** Rows with `goods` zeros and `bads` ones for a code. */
function rowsOf(code: number, goods: number, bads: number) {
  return {
    values: Array(goods + bads).fill(code),
    labels: [...Array(goods).fill(0), ...Array(bads).fill(1)],
  };
}

describe('WoE and IV on a hand-worked table (100 goods, 50 bads)', () => {
  // code 1: 40 goods, 10 bads → WoE = ln(0.4 / 0.2) = ln 2, IV term 0.2·ln 2
  // code 2: 60 goods, 40 bads → WoE = ln(0.6 / 0.8) = ln 0.75, IV term 0.2·ln(4/3)
  const a = rowsOf(1, 40, 10);
  const b = rowsOf(2, 60, 40);
  const feature = binCodes('code', [...a.values, ...b.values], [...a.labels, ...b.labels], {
    smoothing: 0,
    minBinShare: 0,
  });

  it('gives each code its WoE: ln 2 for the safer code, ln 0.75 for the riskier', () => {
    expect(feature.bins.map((bin) => bin.woe)).toEqual([
      expect.closeTo(Math.log(2), 12),
      expect.closeTo(Math.log(0.75), 12),
    ]);
    expect(woeValue(feature, 2)).toBeCloseTo(Math.log(0.75), 12);
  });

  it('sums the IV terms: 0.2·ln 2 + 0.2·ln(4/3) ≈ 0.1962', () => {
    const expected = 0.2 * Math.log(2) + 0.2 * Math.log(4 / 3);
    expect(feature.iv).toBeCloseTo(expected, 12);
    expect(
      informationValue(
        [
          { goods: 40, bads: 10 },
          { goods: 60, bads: 40 },
        ],
        0,
      ),
    ).toBeCloseTo(expected, 12);
  });

  it('scores a code never seen in training as neutral (WoE 0)', () => {
    expect(woeValue(feature, 7)).toBe(0);
  });
});

describe('numeric binning', () => {
  // bad rate by value: 1 → 10%, 2 → 30%, 3 → 20% (a dip), 4 → 50%
  const parts = [rowsOf(1, 90, 10), rowsOf(2, 70, 30), rowsOf(3, 80, 20), rowsOf(4, 50, 50)];
  const values = parts.flatMap((p) => p.values);
  const labels = parts.flatMap((p) => p.labels);

  it('merges the dip when the bad rate must rise with the value', () => {
    const f = binNumeric('x', values, labels, { monotone: 'increasing', fineBins: 4, minBinShare: 0 });
    expect(f.bins.map((b) => [b.goods, b.bads])).toEqual([
      [90, 10],
      [150, 50],
      [50, 50],
    ]);
    const woes = f.bins.map((b) => b.woe);
    expect(woes).toEqual([...woes].sort((x, y) => y - x));
  });

  it('keeps every fine bin when no direction is asked', () => {
    const f = binNumeric('x', values, labels, { monotone: 'none', fineBins: 4, minBinShare: 0 });
    expect(f.bins).toHaveLength(4);
    expect(woeValue(f, 3)).toBeGreaterThan(woeValue(f, 2));
  });

  it('merges bins smaller than the minimum share into a neighbour', () => {
    const f = binNumeric('x', values, labels, { monotone: 'none', fineBins: 4, minBinShare: 0.3 });
    for (const b of f.bins) expect(b.goods + b.bads).toBeGreaterThanOrEqual(0.3 * values.length);
  });
});
