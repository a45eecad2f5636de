import { describe, expect, it } from 'vitest';
import { readTable } from './csv.ts';
import { fitPipeline, transformRows } from './features.ts';

const read = readTable('job;amount;pdays\na;0;999\na;9;3\na;99;999\nb;-1;999\nb;9;5\nc;0;999\n', {
  delimiter: ';',
  columns: [
    { name: 'job', kind: 'text' },
    { name: 'amount', kind: 'number' },
    { name: 'pdays', kind: 'number' },
  ],
});
if (!read.ok) throw new Error('the feature table does not read');
const table = read.table;
const all = [0, 1, 2, 3, 4, 5];

describe('feature pipeline', () => {
  const pipeline = fitPipeline(table, all, [
    { kind: 'oneHot', column: 'job', minCount: 2 },
    { kind: 'numeric', column: 'amount', transform: 'log1p' },
    { kind: 'indicator', column: 'pdays', equals: 999, name: 'never_contacted' },
  ]);

  it('one-hot: the most common level is the reference, a rare level goes to "other"', () => {
    expect(pipeline.names).toEqual(['job=b', 'job=other', 'log1p(amount)', 'never_contacted']);
    const rows = transformRows(pipeline, table).map((r) => Array.from(r.slice(0, 2)));
    expect(rows).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  it('a level first met at scoring time is "other", not an error', () => {
    const unseen = { ...table, texts: new Map(table.texts).set('job', ['z', 'z', 'z', 'z', 'z', 'z']) };
    expect(transformRows(pipeline, unseen, [0])[0]?.[1]).toBe(1);
  });

  it('log1p of an amount (negatives floored at 0) and a flag for the 999 sentinel', () => {
    const rows = transformRows(pipeline, table);
    expect(rows.map((r) => r[2])).toEqual([0, Math.log(10), Math.log(100), 0, Math.log(10), 0]);
    expect(rows.map((r) => r[3])).toEqual([1, 0, 1, 1, 0, 1]);
  });

  it('standardises with the training rows’ mean and sd only', () => {
    const fitted = fitPipeline(table, [0, 1], [{ kind: 'numeric', column: 'amount', isStandardised: true }]);
    // training values 0 and 9: mean 4.5, sample sd √40.5
    const rows = transformRows(fitted, table, [0, 2]);
    expect(rows[0]?.[0]).toBeCloseTo(-4.5 / Math.sqrt(40.5), 12);
    expect(rows[1]?.[0]).toBeCloseTo((99 - 4.5) / Math.sqrt(40.5), 12);
  });
});
