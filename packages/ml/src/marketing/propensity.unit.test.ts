import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable, type Table } from '../csv.ts';
import type { FeatureSpec } from '../features.ts';
import { rocAuc } from '../metrics.ts';
import { MARKETING_SCHEMA } from './columns.ts';
import { checkNoLeakage, type DerivedColumn, MARKETING_FEATURES } from './features.ts';
import { contactPeriods } from './period.ts';
import { MARKETING_BOOSTING, marketingLabels, predictPropensity, trainPropensity } from './propensity.ts';

function marketingSample(rows: number): Table {
  const lines = readFileSync(new URL('../../../../data/marketing/train.csv', import.meta.url), 'utf8').split(
    '\n',
  );
  const read = readTable(lines.slice(0, rows + 1).join('\n'), MARKETING_SCHEMA);
  if (!read.ok) throw new Error('the sample of data/marketing/train.csv does not read');
  return read.table;
}

const table = marketingSample(4000);
const trainRows = Array.from({ length: 3000 }, (_, i) => i);
const testRows = Array.from({ length: 1000 }, (_, i) => 3000 + i);
const quick = { kind: 'trees' as const, options: { ...MARKETING_BOOSTING, trees: 40, learningRate: 0.15 } };

describe('the duration refusal', () => {
  it('refuses a feature list that reads duration, and trains nothing', () => {
    const features: FeatureSpec[] = [...MARKETING_FEATURES, { kind: 'numeric', column: 'duration' }];
    expect(trainPropensity(table, trainRows, quick, features)).toEqual({
      ok: false,
      error: 'leaking_feature',
      detail: 'feature "duration" reads duration, which is not known before the call',
    });
  });

  it('refuses a feature derived from duration, however many steps away', () => {
    const derived: DerivedColumn[] = [
      {
        name: 'minutes',
        from: ['duration'],
        compute: (t) => t.numbers.get('duration') ?? new Float64Array(),
      },
      {
        name: 'long_call',
        from: ['minutes'],
        compute: (t) => t.numbers.get('duration') ?? new Float64Array(),
      },
    ];
    const result = checkNoLeakage(
      [{ kind: 'indicator', column: 'long_call', equals: 1, name: 'long' }],
      derived,
    );
    expect(result.ok).toBe(false);
  });

  it('refuses row_id, the shuffled identifier', () => {
    const result = checkNoLeakage([{ kind: 'numeric', column: 'row_id' }]);
    expect(result).toMatchObject({ ok: false, error: 'leaking_feature' });
  });

  it('accepts the delivered feature list', () => {
    expect(checkNoLeakage(MARKETING_FEATURES)).toEqual({ ok: true });
  });
});

describe('propensity on 3,000 contacts of the real data', () => {
  const trained = trainPropensity(table, trainRows, quick);
  if (!trained.ok) throw new Error(trained.detail);

  it('ranks the 1,000 contacts it never saw: AUC above 0.7', () => {
    const labels = Array.from(marketingLabels(table)).slice(3000);
    expect(rocAuc(labels, predictPropensity(trained.model, table, testRows))).toBeGreaterThan(0.7);
  });

  it('is deterministic: the same seed gives the same artifact and scores', () => {
    const again = trainPropensity(table, trainRows, quick);
    expect(again.ok && JSON.stringify(again.model)).toBe(JSON.stringify(trained.model));
  });

  it('scores a level it never saw in training as "other" instead of failing', () => {
    const jobs = table.texts.get('job') ?? [];
    const changed: Table = {
      ...table,
      texts: new Map(table.texts).set(
        'job',
        jobs.map(() => 'astronaut'),
      ),
    };
    const p = predictPropensity(trained.model, changed, [0, 1, 2]);
    for (const v of p) expect(v).toBeGreaterThan(0);
  });
});

describe('contact periods from the monthly indicators', () => {
  it('places May 2008 first and November 2010 last', () => {
    const periods = contactPeriods(table);
    expect(Math.min(...periods)).toBe(2008 * 12 + 4);
    expect(Math.max(...periods)).toBe(2010 * 12 + 10);
  });
});
