import { describe, expect, it } from 'vitest';
import { readTable, type Table } from '../csv.ts';
import { CREDIT_SCHEMA } from './columns.ts';
import { CREDIT_VARIABLES } from './variables.ts';

/** Three hand-made applicants; the expected values below are worked out by hand from these rows. */
const HEADER =
  'ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,' +
  'BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,' +
  'PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6';
const ROWS = [
  // late two months in September, revolving, one on-time month; pays little of large bills
  '1,100000,1,2,1,30,2,0,-1,1,-2,0,90000,80000,60000,50000,0,30000,0,4000,60000,0,1000,500',
  // pays every bill in full and on time, a small balance
  '2,50000,2,1,2,40,-1,-1,-1,-1,-1,-1,500,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000',
  // no use in September, three months late in July, a credit balance, no bills to pay
  '3,20000,1,3,1,50,-2,0,3,0,0,0,-500,0,0,0,0,0,0,0,0,0,0,0',
];

function table(): Table {
  const read = readTable([HEADER, ...ROWS].join('\n'), CREDIT_SCHEMA);
  if (!read.ok) throw new Error('the hand-made rows do not read');
  return read.table;
}

const valuesOf = (name: string) => {
  const v = CREDIT_VARIABLES.find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name}`);
  return Array.from(v.compute(table()));
};

describe('engineered credit variables on hand-worked rows', () => {
  it('counts months paid duly (−1), revolving (0), and the months of delay', () => {
    expect(valuesOf('PAID_DULY_MONTHS')).toEqual([1, 6, 0]);
    expect(valuesOf('REVOLVING_MONTHS')).toEqual([2, 0, 4]);
    // 2 + 1 months late; none; 3
    expect(valuesOf('DELAY_SEVERITY')).toEqual([3, 0, 3]);
  });

  it('counts months back to the latest late repayment, 6 when never late', () => {
    expect(valuesOf('MONTHS_SINCE_DELAY')).toEqual([0, 6, 2]);
  });

  it('reads utilisation against the limit: the highest bill, and the six-month growth', () => {
    // 90,000 / 100,000; 1,000 / 50,000; no positive bill
    expect(valuesOf('MAX_UTILISATION')).toEqual([0.9, 0.02, 0]);
    // (90,000 − 30,000) / 100,000; (500 − 1,000) / 50,000; (−500 − 0) / 20,000
    expect(valuesOf('BILL_TREND')).toEqual([0.6, -0.01, -0.025]);
  });

  it('averages the share of each bill repaid (capped at 1; no bill counts as repaid)', () => {
    // (0 + 4,000/60,000 + 1 (60,000 ≥ 50,000) + 1 (no bill) + 1,000/30,000) / 5 = 0.42
    const [first, second, third] = valuesOf('AVG_MONTHLY_PAYMENT_RATIO');
    expect(first).toBeCloseTo(0.42, 12);
    expect(second).toBe(1);
    expect(third).toBe(1);
  });

  it('counts months with a bill and no repayment at all', () => {
    // row 1: August's 80,000 got nothing in September; April's 0 bill does not count
    expect(valuesOf('UNPAID_BILL_MONTHS')).toEqual([1, 0, 0]);
  });

  it('crosses September status (5 groups) with a utilisation band and with a repayment band', () => {
    // 10 × group (−2 → 0, −1 → 1, 0 → 2, 1 → 3, 2+ → 4) + band
    // utilisation 0.9 → band 2 (50–90%); 0.01 → 0; −0.025 → 0
    expect(valuesOf('SEP_STATUS_BY_UTILISATION')).toEqual([42, 10, 0]);
    // nothing repaid → 0; all repaid → 3; no August bill → 3
    expect(valuesOf('SEP_STATUS_BY_PAYMENT')).toEqual([40, 13, 3]);
  });

  it('gives every candidate variable words in both languages', () => {
    for (const v of CREDIT_VARIABLES) {
      expect(v.words.en.length).toBeGreaterThan(0);
      expect(v.words.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
