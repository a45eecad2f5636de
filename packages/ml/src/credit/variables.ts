import { numberColumn, type Table } from '../csv.ts';
import type { Monotone } from '../woe.ts';
import { BILL_AMOUNTS, PAY_AMOUNTS, PAY_STATUS } from './columns.ts';

/** Words for a reason code, in both languages the product speaks. */
export type Words = { en: string; zh: string };

/**
 * A candidate scorecard variable: how to compute it from a row of the file, how to bin it and how to
 * explain it. `codes` variables get a bin per code; `range` ones are cut into ordered bins.
 */
export type CreditVariable = {
  name: string;
  binning: 'codes' | 'range';
  monotone: Monotone;
  /** protected attributes, left out of the fair-lending variant */
  isSensitive: boolean;
  words: Words;
  compute: (t: Table) => Float64Array;
};

const raw = (name: string) => (t: Table) => numberColumn(t, name);

/** Applies f row by row to the named columns. */
function rowwise(t: Table, names: readonly string[], f: (values: number[]) => number): Float64Array {
  const columns = names.map((n) => numberColumn(t, n));
  const out = new Float64Array(t.rowCount);
  for (let i = 0; i < t.rowCount; i++) out[i] = f(columns.map((c) => c[i] as number));
  return out;
}

/** A ratio that stays readable when the denominator is zero or a credit balance (negative bill). */
const ratio = (a: number, b: number) => (b > 0 ? a / b : a > 0 ? 10 : 0);

const MONTHS_EN = ['September', 'August', 'July', 'June', 'May', 'April'];
const MONTHS_ZH = ['9月', '8月', '7月', '6月', '5月', '4月'];

const payStatusVariables: CreditVariable[] = PAY_STATUS.map((name, m) => ({
  name,
  // −2/−1/0 are undocumented codes, not an ordered scale, so each code keeps its own bin
  binning: 'codes',
  monotone: 'none',
  isSensitive: false,
  words: { en: `Repayment status in ${MONTHS_EN[m]}`, zh: `${MONTHS_ZH[m]}还款状态` },
  compute: raw(name),
}));

const payAmountVariables: CreditVariable[] = PAY_AMOUNTS.map((name, m) => ({
  name,
  binning: 'range',
  monotone: 'decreasing',
  isSensitive: false,
  words: { en: `Amount repaid in ${MONTHS_EN[m]}`, zh: `${MONTHS_ZH[m]}还款金额` },
  compute: raw(name),
}));

/** Every candidate; the scorecard keeps those with enough information value and a sensible sign. */
export const CREDIT_VARIABLES: readonly CreditVariable[] = [
  {
    name: 'LIMIT_BAL',
    binning: 'range',
    monotone: 'decreasing',
    isSensitive: false,
    words: { en: 'Credit limit granted', zh: '授信额度' },
    compute: raw('LIMIT_BAL'),
  },
  {
    name: 'AGE',
    binning: 'range',
    monotone: 'none',
    isSensitive: false,
    words: { en: 'Age', zh: '年龄' },
    compute: raw('AGE'),
  },
  {
    name: 'SEX',
    binning: 'codes',
    monotone: 'none',
    isSensitive: true,
    words: { en: 'Sex', zh: '性别' },
    compute: raw('SEX'),
  },
  {
    name: 'MARRIAGE',
    binning: 'codes',
    monotone: 'none',
    isSensitive: true,
    words: { en: 'Marital status', zh: '婚姻状况' },
    compute: raw('MARRIAGE'),
  },
  {
    name: 'EDUCATION',
    binning: 'codes',
    monotone: 'none',
    isSensitive: false,
    words: { en: 'Education', zh: '教育程度' },
    compute: raw('EDUCATION'),
  },
  ...payStatusVariables,
  ...payAmountVariables,
  {
    name: 'MAX_DELAY',
    binning: 'codes',
    monotone: 'none',
    isSensitive: false,
    words: { en: 'Longest repayment delay in six months', zh: '近六个月最长逾期' },
    compute: (t) => rowwise(t, PAY_STATUS, (v) => Math.max(...v)),
  },
  {
    name: 'DELAYED_MONTHS',
    binning: 'range',
    monotone: 'increasing',
    isSensitive: false,
    words: { en: 'Months with a late repayment', zh: '逾期月数' },
    compute: (t) => rowwise(t, PAY_STATUS, (v) => v.filter((s) => s >= 1).length),
  },
  {
    name: 'INACTIVE_MONTHS',
    binning: 'range',
    monotone: 'none',
    isSensitive: false,
    words: { en: 'Months without card use', zh: '未用卡月数' },
    compute: (t) => rowwise(t, PAY_STATUS, (v) => v.filter((s) => s === -2).length),
  },
  {
    name: 'LAST_PAYMENT_RATIO',
    binning: 'range',
    monotone: 'decreasing',
    isSensitive: false,
    words: { en: 'Share of the last bill repaid', zh: '上期账单还款比例' },
    compute: (t) =>
      rowwise(t, ['PAY_AMT1', 'BILL_AMT2'], ([paid, billed]) =>
        Math.min(ratio(paid as number, billed as number), 10),
      ),
  },
  {
    name: 'UTILISATION',
    binning: 'range',
    monotone: 'auto',
    isSensitive: false,
    words: { en: 'Share of the credit limit used', zh: '额度使用率' },
    compute: (t) =>
      rowwise(t, ['BILL_AMT1', 'LIMIT_BAL'], ([bill, limit]) => ratio(bill as number, limit as number)),
  },
  {
    name: 'AVG_UTILISATION',
    binning: 'range',
    monotone: 'auto',
    isSensitive: false,
    words: { en: 'Average use of the credit limit over six months', zh: '近六个月平均额度使用率' },
    compute: (t) =>
      rowwise(t, [...BILL_AMOUNTS, 'LIMIT_BAL'], (v) => {
        const limit = v.pop() as number;
        return ratio(v.reduce((a, b) => a + b, 0) / 6, limit);
      }),
  },
  {
    name: 'PAYMENT_RATIO',
    binning: 'range',
    monotone: 'decreasing',
    isSensitive: false,
    words: { en: 'Share of recent bills repaid', zh: '近期账单还款比例' },
    // a month's payment settles the previous month's bill: PAY_AMT1 (Sep) against BILL_AMT2 (Aug)
    compute: (t) =>
      rowwise(t, [...PAY_AMOUNTS.slice(0, 5), ...BILL_AMOUNTS.slice(1)], (v) => {
        const paid = v.slice(0, 5).reduce((a, b) => a + b, 0);
        const billed = v.slice(5).reduce((a, b) => a + b, 0);
        return Math.min(ratio(paid, billed), 10);
      }),
  },
  {
    name: 'PAID_TO_LIMIT',
    binning: 'range',
    monotone: 'decreasing',
    isSensitive: false,
    words: { en: 'Repayments relative to the credit limit', zh: '还款额占授信额度比例' },
    compute: (t) =>
      rowwise(t, [...PAY_AMOUNTS, 'LIMIT_BAL'], (v) => {
        const limit = v.pop() as number;
        return ratio(
          v.reduce((a, b) => a + b, 0),
          limit,
        );
      }),
  },
];
