import type { ColumnSpec, TableSchema } from '../csv.ts';

export const MARKETING_ID = 'row_id';
export const MARKETING_TARGET = 'y';

/** Columns a model must never read: the call's duration is known only once the outcome is (README). */
export const LEAKING_COLUMNS = ['duration', 'row_id'] as const;

export const MARKETING_CATEGORIES = [
  'job',
  'marital',
  'education',
  'default',
  'housing',
  'loan',
  'contact',
  'month',
  'day_of_week',
  'poutcome',
] as const;

export const MARKETING_INDICATORS = [
  'emp.var.rate',
  'cons.price.idx',
  'cons.conf.idx',
  'euribor3m',
  'nr.employed',
] as const;

const integer = (name: string): ColumnSpec => ({ name, kind: 'number', isInteger: true });
const text = (name: string): ColumnSpec => ({ name, kind: 'text' });

/** The columns of data/marketing/train.csv, in its order; `y` may be missing from a file to score. */
export const MARKETING_SCHEMA: TableSchema = {
  delimiter: ';',
  columns: [
    integer(MARKETING_ID),
    integer('age'),
    ...MARKETING_CATEGORIES.slice(0, 9).map(text),
    integer('duration'),
    integer('campaign'),
    integer('pdays'),
    integer('previous'),
    text('poutcome'),
    ...MARKETING_INDICATORS.map((name): ColumnSpec => ({ name, kind: 'number' })),
    { name: MARKETING_TARGET, kind: 'text', levels: ['yes', 'no'], isOptional: true },
  ],
};
