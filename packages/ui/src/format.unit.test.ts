import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDecimal,
  formatMoney,
  formatPercent,
  relativeChange,
  roundDecimal,
} from './format.ts';

describe('roundDecimal', () => {
  it('rounds half away from zero without going through a float', () => {
    expect(roundDecimal('1.005', 2)).toBe('1.01'); // 1.005 is 1.00499… as a float
    expect(roundDecimal('-1.005', 2)).toBe('-1.01');
    expect(roundDecimal('2.5', 0)).toBe('3');
    expect(roundDecimal('0.0001', 2)).toBe('0.00');
    expect(roundDecimal('-0.001', 2)).toBe('0.00');
    expect(roundDecimal('12345678901234567890.125', 2)).toBe('12345678901234567890.13');
  });

  it('shifts the point for percentages', () => {
    expect(roundDecimal('0.0325', 2, 2)).toBe('3.25');
    expect(roundDecimal('0.03256', 2, 2)).toBe('3.26');
    expect(roundDecimal('1', 1, 2)).toBe('100.0');
    expect(roundDecimal('.5', 0, 2)).toBe('50');
  });

  it('refuses what is not a decimal', () => {
    expect(() => roundDecimal('1e3', 2)).toThrow(RangeError);
    expect(() => roundDecimal('', 2)).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it('shows a fraction as a percentage', () => {
    expect(formatPercent('0.0325', 'zh-CN')).toBe('3.25%');
    expect(formatPercent('0.1', 'en', { digits: 1 })).toBe('10.0%');
  });

  it('takes values already in percent and signs returns when asked', () => {
    expect(formatPercent('3.2', 'en', { isPercent: true })).toBe('3.20%');
    expect(formatPercent('0.125', 'en', { isSigned: true })).toBe('+12.50%');
    expect(formatPercent('-0.125', 'en', { isSigned: true })).toBe('-12.50%');
    expect(formatPercent('0', 'en', { isSigned: true })).toBe('0.00%');
  });
});

describe('formatDecimal', () => {
  it('groups and fixes the places of a NAV', () => {
    expect(formatDecimal('1.23456', 'zh-CN', 4)).toBe('1.2346');
    expect(formatDecimal('12345.6', 'en', 2)).toBe('12,345.60');
  });
});

describe('formatMoney', () => {
  it('keeps large amounts exact', () => {
    expect(formatMoney('90071992547409930.55', 'CNY', 'en')).toBe('¥90,071,992,547,409,930.55');
  });
});

describe('formatDate', () => {
  it('shows a business date as that calendar day in either language', () => {
    expect(formatDate('2025-03-01', 'en')).toBe('Mar 1, 2025');
    expect(formatDate('2025-03-01', 'zh-CN')).toBe('2025年3月1日');
    expect(formatDate(undefined, 'en')).toBe('—');
  });
});

describe('relativeChange', () => {
  it('gives the return between two NAVs exactly', () => {
    expect(relativeChange('1.2000', '1.3500')).toBe('0.125000');
    expect(relativeChange('1.3500', '1.2000')).toBe('-0.111111');
    expect(relativeChange('2', '2')).toBe('0.000000');
    expect(relativeChange('3', '2', 4)).toBe('-0.3333');
    expect(relativeChange('3', '4', 4)).toBe('0.3333');
    expect(relativeChange('0.9', '1', 2)).toBe('0.11');
  });

  it('has no answer from zero', () => {
    expect(relativeChange('0', '1.5')).toBeUndefined();
  });
});
