import { describe, expect, it } from 'vitest';
import { binWords, readableNumber } from './bin-words.ts';

const codes = (values: number[]) => ({ kind: 'values' as const, values, goods: 1, bads: 1, woe: 0 });
const range = (lower: number, upper: number) => ({
  kind: 'range' as const,
  lower,
  upper,
  goods: 1,
  bads: 1,
  woe: 0,
});

describe('scorecard bins in words', () => {
  it('spells out repayment codes and crossed codes', () => {
    expect(binWords('PAY_0', codes([2]))).toEqual({ en: '2 months late', zh: '逾期 2 个月' });
    expect(binWords('PAY_2', codes([-2, -1]))).toEqual({
      en: 'no balance to pay or paid in full',
      zh: '无消费或按时全额还款',
    });
    expect(binWords('SEP_STATUS_BY_UTILISATION', codes([42]))).toEqual({
      en: '2+ months late, 50–90% used',
      zh: '逾期 2 个月以上，额度使用 50–90%',
    });
    expect(binWords('EDUCATION', codes([5]))).toEqual({ en: 'unknown', zh: '未知' });
    expect(binWords('PAY_0', codes([3, 4, 5, 6, 7, 8]))).toEqual({
      en: '3–8 months late',
      zh: '逾期 3–8 个月',
    });
    expect(binWords('PAY_0', codes([2, 4])).en).toBe('2 months late or 4 months late');
    expect(binWords('PAY_3', codes([1, 3, 4, 5, 6, 7, 8])).zh).toBe('逾期 1 个月或逾期 3–8 个月');
    expect(binWords('PAY_2', codes([-2, -1])).en).toBe('no balance to pay or paid in full');
  });

  it('rounds range bounds and leaves open ends open', () => {
    expect(binWords('UTILISATION', range(0.6231333333333333, 1.0132555555555556)).en).toBe('0.6231 – 1.013');
    expect(binWords('LIMIT_BAL', range(Number.NEGATIVE_INFINITY, 70000)).zh).toBe('≤ 70,000');
    expect(binWords('PAY_AMT1', range(2824.4, Number.POSITIVE_INFINITY)).en).toBe('> 2,824');
    expect(readableNumber(-0.000791)).toBe('-0.000791');
  });
});
