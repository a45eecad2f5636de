import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  allocateMoney,
  CurrencyMismatchError,
  formatMoney,
  type Money,
  money,
  parseMoney,
  subtractMoney,
} from './money.ts';

const cny = (amount: bigint): Money => money(amount, 'CNY');
const amounts = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

describe('parseMoney and formatMoney', () => {
  it('reads yuan with up to two decimals into fen', () => {
    expect(parseMoney('1234.56')).toEqual(cny(123456n));
    expect(parseMoney('12.3')).toEqual(cny(1230n));
    expect(parseMoney('-0.01')).toEqual(cny(-1n));
    expect(parseMoney('100', 'JPY')).toEqual(money(100n, 'JPY'));
  });

  it('refuses what would need rounding or is not a plain decimal', () => {
    for (const bad of ['1.234', '1e5', ' 1', '1,000.00', '', '.5', 'NaN', '0x10', '99999999999999999999']) {
      expect(() => parseMoney(bad), bad).toThrow(RangeError);
    }
    expect(() => parseMoney('1.5', 'JPY')).toThrow(RangeError);
  });

  it('formats with exactly the currency decimals', () => {
    expect(formatMoney(cny(5n))).toBe('0.05');
    expect(formatMoney(cny(-123450n))).toBe('-1234.50');
    expect(formatMoney(money(7n, 'JPY'))).toBe('7');
  });

  it('round-trips every amount (property)', () => {
    fc.assert(fc.property(amounts, (a) => parseMoney(formatMoney(cny(a))).amount === a));
  });
});

describe('arithmetic', () => {
  it('never mixes currencies', () => {
    expect(() => addMoney(cny(1n), money(1n, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => subtractMoney(cny(1n), money(1n, 'HKD'))).toThrow(CurrencyMismatchError);
  });

  it('add then subtract gives the original back (property)', () => {
    fc.assert(
      fc.property(amounts, amounts, (a, b) => subtractMoney(addMoney(cny(a), cny(b)), cny(b)).amount === a),
    );
  });
});

describe('allocateMoney', () => {
  it('splits 100 fen three ways as 34/33/33', () => {
    expect(allocateMoney(cny(100n), [1n, 1n, 1n]).map((m) => m.amount)).toEqual([34n, 33n, 33n]);
  });

  it('splits a negative amount symmetrically', () => {
    expect(allocateMoney(cny(-100n), [1n, 1n, 1n]).map((m) => m.amount)).toEqual([-34n, -33n, -33n]);
  });

  it('loses no fen and stays within one fen of the exact share (property)', () => {
    const weights = fc
      .array(fc.bigInt({ min: 0n, max: 10_000n }), { minLength: 1, maxLength: 12 })
      .filter((w) => w.some((x) => x > 0n));
    fc.assert(
      fc.property(amounts, weights, (a, w) => {
        const parts = allocateMoney(cny(a), w);
        const total = w.reduce((x, y) => x + y, 0n);
        const sumOk = parts.reduce((s, p) => s + p.amount, 0n) === a;
        const closeOk = parts.every((p, i) => {
          const exactTimesTotal = a * (w[i] ?? 0n);
          const diff = p.amount * total - exactTimesTotal;
          return diff > -total && diff < total;
        });
        return sumOk && closeOk && parts.every((p) => p.currency === 'CNY');
      }),
    );
  });

  it('refuses no weights, negative weights and all-zero weights', () => {
    expect(() => allocateMoney(cny(1n), [])).toThrow(RangeError);
    expect(() => allocateMoney(cny(1n), [-1n, 2n])).toThrow(RangeError);
    expect(() => allocateMoney(cny(1n), [0n, 0n])).toThrow(RangeError);
  });
});
