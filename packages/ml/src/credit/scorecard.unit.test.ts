import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable, type Table } from '../csv.ts';
import { rocAuc } from '../metrics.ts';
import {
  reasonCodes,
  refitPerBin,
  type Scorecard,
  STANDARD_SCALING,
  scalingConstants,
  scorecardCsv,
  scoreWithCard,
} from '../scorecard.ts';
import type { WoeFeature } from '../woe.ts';
import { CREDIT_SCHEMA } from './columns.ts';
import {
  creditVariableColumns,
  DEFAULT_CREDIT_OPTIONS,
  scoreCreditTable,
  trainCreditScorecard,
} from './scorecard.ts';

/** The first `rows` rows of the real training file, so a test trains in well under a second. */
function creditSample(rows: number): Table {
  const lines = readFileSync(new URL('../../../../data/credit/train.csv', import.meta.url), 'utf8').split(
    '\n',
  );
  const read = readTable(lines.slice(0, rows + 1).join('\n'), CREDIT_SCHEMA);
  if (!read.ok) throw new Error('the sample of data/credit/train.csv does not read');
  return read.table;
}

const table = creditSample(4000);
const trainRows = Array.from({ length: 3000 }, (_, i) => i);
const model = trainCreditScorecard(table, trainRows);

describe('points scaling: 600 at odds 50:1, 20 points to double the odds', () => {
  it('puts 600 at 50:1, 620 at 100:1 and 580 at 25:1', () => {
    const { factor, offset } = scalingConstants(STANDARD_SCALING);
    expect(offset + factor * Math.log(50)).toBeCloseTo(600, 10);
    expect(offset + factor * Math.log(100)).toBeCloseTo(620, 10);
    expect(offset + factor * Math.log(25)).toBeCloseTo(580, 10);
  });
});

describe('credit scorecard on 3,000 rows of the real data', () => {
  const scores = scoreCreditTable(model, table);

  it('leaves SEX and MARRIAGE out of the delivered (fair-lending) scorecard', () => {
    expect(model.variables).not.toContain('SEX');
    expect(model.variables).not.toContain('MARRIAGE');
    expect(model.variables).toContain('PAY_0');
  });

  it('ranks the 1,000 rows it never saw: AUC above 0.7', () => {
    const labels = Array.from(table.numbers.get('default payment next month') ?? []).slice(3000);
    expect(
      rocAuc(
        labels,
        scores.slice(3000).map((s) => s.probability),
      ),
    ).toBeGreaterThan(0.7);
  });

  it('never lets a riskier bin earn more points: every coefficient has the right sign', () => {
    for (const f of model.card.features) expect(f.coefficient).toBeLessThanOrEqual(0);
  });

  it('scores each bin by its own effect, and within every variable a higher WoE never earns fewer points', () => {
    for (const f of model.card.features) {
      const byWoe = [...f.bins].sort((a, b) => a.woe - b.woe);
      byWoe.forEach((bin, k) => {
        expect(bin.logOdds).toBeTypeOf('number');
        const riskier = byWoe[k - 1];
        if (riskier) {
          expect(bin.points).toBeGreaterThanOrEqual(riskier.points);
          expect(bin.logOdds as number).toBeLessThanOrEqual(riskier.logOdds as number);
        }
      });
    }
    // the refit changed the points: some variable's bins are no longer proportional to WoE
    const plain = trainCreditScorecard(table, trainRows, { ...DEFAULT_CREDIT_OPTIONS, perBinL2: undefined });
    expect(plain.card.features.every((f) => f.bins.every((b) => b.logOdds === undefined))).toBe(true);
    expect(plain.variables).toEqual(model.variables);
    expect(model.card.features.map((f) => f.bins.map((b) => b.points))).not.toEqual(
      plain.card.features.map((f) => f.bins.map((b) => b.points)),
    );
  });

  it('gives reason codes that add up: the points of the applicant’s bins sum to the score', () => {
    const columns = creditVariableColumns(table);
    for (let row = 3000; row < 3050; row++) {
      const values = model.variables.map((name) => columns.get(name)?.[row] as number);
      const scored = scoreWithCard(model.card, values);
      expect(scored.points.reduce((sum, p) => sum + p.points, 0)).toBe(scored.score);
      expect(scored.score).toBe(scores[row]?.score);
      for (const reason of scores[row]?.reasons ?? []) {
        const feature = scored.points.find((p) => p.column === reason.variable);
        expect(feature?.pointsBelowBest).toBe(reason.pointsBelowBest);
      }
    }
    const riskiest = [...scores].sort((a, b) => a.score - b.score)[0];
    expect(riskiest?.reasons[0]?.words.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(riskiest?.reasons[0]?.words.en.length).toBeGreaterThan(0);
  });

  it('scores a whole table exactly as scoring row by row does (score, probability, reasons in order)', () => {
    const columns = creditVariableColumns(table);
    for (let row = 0; row < table.rowCount; row++) {
      const values = model.variables.map((name) => columns.get(name)?.[row] as number);
      const scored = scoreWithCard(model.card, values);
      const fast = scores[row];
      expect(fast?.score).toBe(scored.score);
      expect(fast?.probability).toBe(scored.probability);
      expect(fast?.reasons.map((r) => [r.variable, r.pointsBelowBest])).toEqual(
        reasonCodes(scored, 4).map((p) => [p.column, p.pointsBelowBest]),
      );
    }
  });

  it('explains the lowest score by the features that cost most against their best bin, worst first', () => {
    const lowest = [...scores].sort((a, b) => a.score - b.score)[0];
    const lost = lowest?.reasons.map((r) => r.pointsBelowBest) ?? [];
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    expect(lost.every((p) => p > 0)).toBe(true);
  });

  it('prints the scorecard table as CSV, one line per bin', () => {
    const csv = scorecardCsv(model.card).trim().split('\n');
    expect(csv[0]).toBe('feature,bin,woe,points');
    expect(csv).toHaveLength(1 + model.card.features.reduce((n, f) => n + f.bins.length, 0));
  });

  it('is deterministic: the same rows give the same artifact and the same scores', () => {
    const again = trainCreditScorecard(table, trainRows);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    expect(scoreCreditTable(again, table)).toEqual(scores);
  });

  it('can include SEX and MARRIAGE for the comparison view', () => {
    // both have an IV below 0.02 here; asked for, they are kept anyway (unless their sign is wrong)
    const withSensitive = trainCreditScorecard(table, trainRows, {
      ...DEFAULT_CREDIT_OPTIONS,
      includeSensitive: true,
    });
    expect(withSensitive.variables.some((v) => v === 'SEX' || v === 'MARRIAGE')).toBe(true);
  });
});

describe('the per-bin refit pools bins whose own effects would reward risk', () => {
  // One variable of three codes. By WoE (from the whole sample) code 1 is riskiest, then 2, then 3;
  // but within this sample a second variable explains code 2's defaults, so on its own effect code 2
  // would come out safer than code 3: the refit must pool 2 and 3 into one shared effect.
  const codes = [1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3];
  const other = [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const bad = [1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0];
  const woeBin = (values: number[], woe: number) => ({ kind: 'values' as const, values, woe });
  const card: Scorecard = {
    scaling: STANDARD_SCALING,
    intercept: 0,
    features: [
      {
        column: 'CODE',
        coefficient: -1,
        bins: [
          { label: '1', woe: -1, points: 0 },
          { label: '2', woe: -0.2, points: 0 },
          { label: '3', woe: 0.9, points: 0 },
        ],
        woe: {
          column: 'CODE',
          iv: 0.5,
          bins: [woeBin([1], -1), woeBin([2], -0.2), woeBin([3], 0.9)],
        } as unknown as WoeFeature,
      },
      {
        column: 'OTHER',
        coefficient: -1,
        bins: [
          { label: '0', woe: 0.3, points: 0 },
          { label: '1', woe: -1.5, points: 0 },
        ],
        woe: {
          column: 'OTHER',
          iv: 0.4,
          bins: [woeBin([0], 0.3), woeBin([1], -1.5)],
        } as unknown as WoeFeature,
      },
    ],
  };
  const refitted = refitPerBin(card, [codes, other], bad, { l2: 0.1 });
  const [code, otherFeature] = refitted.features;

  it('gives codes 2 and 3 one effect and the same points, and code 1 fewer', () => {
    const [one, two, three] = code?.bins ?? [];
    expect(two?.logOdds).toBe(three?.logOdds);
    expect(two?.points).toBe(three?.points);
    expect(one?.points).toBeLessThan(two?.points as number);
  });

  it('keeps the other variable as fitted, riskier bin fewer points', () => {
    const [zero, one] = otherFeature?.bins ?? [];
    expect(one?.points).toBeLessThan(zero?.points as number);
  });

  it('scores with the bin effects: the points still add up to the score', () => {
    const scored = scoreWithCard(refitted, [2, 1]);
    expect(scored.score).toBe((code?.bins[1]?.points ?? 0) + (otherFeature?.bins[1]?.points ?? 0));
    const logOdds =
      refitted.intercept + (code?.bins[1]?.logOdds ?? 0) + (otherFeature?.bins[1]?.logOdds ?? 0);
    expect(scored.probability).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 12);
  });
});
