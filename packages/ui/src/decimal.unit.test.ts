import { describe, expect, it } from 'vitest';
import { compareDecimals, fractionToPercent, percentToFraction, shiftDecimal } from './decimal.ts';

describe('rates shown as percentages and typed back as fractions', () => {
  it('turns the API fraction into the percentage a person reads, without float noise', () => {
    expect(fractionToPercent('0.0325')).toBe('3.25');
    expect(fractionToPercent('0.000001')).toBe('0.0001');
    expect(fractionToPercent('1')).toBe('100');
    expect(fractionToPercent('0')).toBe('0');
    // 0.07 * 100 is 7.000000000000001 in floating point
    expect(fractionToPercent('0.07')).toBe('7');
  });

  it('turns a typed percentage into the fraction the API takes', () => {
    expect(percentToFraction('3.25')).toBe('0.0325');
    expect(percentToFraction(' 1.5 ')).toBe('0.015');
    expect(percentToFraction('100')).toBe('1');
    expect(percentToFraction('0.0001')).toBe('0.000001');
  });

  it('keeps the sign and refuses what is not a decimal', () => {
    expect(shiftDecimal('-0.0125', 2)).toBe('-1.25');
    expect(shiftDecimal('-0.00', 2)).toBe('0');
    expect(shiftDecimal('12', 3)).toBe('12000');
    expect(() => shiftDecimal('1e3', 1)).toThrow(RangeError);
    expect(() => shiftDecimal('', 1)).toThrow(RangeError);
  });
});

describe('comparing decimal strings exactly', () => {
  it('orders by value, not by text', () => {
    expect(compareDecimals('1.10', '1.1')).toBe(0);
    expect(compareDecimals('9.5', '10')).toBeLessThan(0);
    expect(compareDecimals('0.0350', '0.035')).toBe(0);
    expect(compareDecimals('-2', '-10')).toBeGreaterThan(0);
    expect(compareDecimals('-0.5', '0')).toBeLessThan(0);
    expect(compareDecimals('1.0000001', '1')).toBeGreaterThan(0);
    expect(compareDecimals('0012.5', '12.50')).toBe(0);
  });
});
