import type { ColumnSpec, TableSchema } from '../csv.ts';

export const CREDIT_ID = 'ID';
export const CREDIT_TARGET = 'default payment next month';

export const PAY_STATUS = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'] as const;
export const BILL_AMOUNTS = [
  'BILL_AMT1',
  'BILL_AMT2',
  'BILL_AMT3',
  'BILL_AMT4',
  'BILL_AMT5',
  'BILL_AMT6',
] as const;
export const PAY_AMOUNTS = ['PAY_AMT1', 'PAY_AMT2', 'PAY_AMT3', 'PAY_AMT4', 'PAY_AMT5', 'PAY_AMT6'] as const;

const integer = (name: string, isOptional = false): ColumnSpec => ({
  name,
  kind: 'number',
  isInteger: true,
  isOptional,
});

/** The columns of data/credit/train.csv; the target may be missing from a file to score. */
export const CREDIT_SCHEMA: TableSchema = {
  delimiter: ',',
  columns: [
    integer(CREDIT_ID),
    ...['LIMIT_BAL', 'SEX', 'EDUCATION', 'MARRIAGE', 'AGE'].map((c) => integer(c)),
    ...PAY_STATUS.map((c) => integer(c)),
    ...BILL_AMOUNTS.map((c) => integer(c)),
    ...PAY_AMOUNTS.map((c) => integer(c)),
    integer(CREDIT_TARGET, true),
  ],
};
