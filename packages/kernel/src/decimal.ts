import { Decimal } from 'decimal.js';
import { type CurrencyCode, MINOR_UNITS, type Money } from './money.ts';

/**
 * A private Decimal constructor with enough precision for interest and NAV math, so no caller
 * depends on the library's global configuration.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = Decimal;

export const Rounding = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
} as const;
export type RoundingMode = (typeof Rounding)[keyof typeof Rounding];

/** Parses a decimal string strictly (digits, optional sign and point; no exponent, no spaces). */
export function parseDecimal(text: string): Decimal {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`"${text}" is not a decimal number`);
  return new Dec(text);
}

/** NAVs carry 4 decimals (half-up). */
export function roundNav(value: Decimal): Decimal {
  return value.toDecimalPlaces(4, Rounding.halfUp);
}

/** Fund shares carry 2 decimals, rounded down so the customer is never given shares not paid for. */
export function roundShares(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Rounding.down);
}

/**
 * Converts an exact major-unit decimal (e.g. interest computed in full precision) to Money,
 * rounding to the currency's minor unit with an explicit mode (half-up by default, per DESIGN).
 */
export function decimalToMoney(
  value: Decimal,
  currency: CurrencyCode,
  mode: RoundingMode = Rounding.halfUp,
): Money {
  const minor = value.mul(new Dec(10).pow(MINOR_UNITS[currency])).toDecimalPlaces(0, mode);
  return { amount: BigInt(minor.toFixed(0)), currency };
}

/** The exact major-unit value of an amount, for rate and NAV math. */
export function moneyToDecimal(m: Money): Decimal {
  return new Dec(m.amount.toString()).div(new Dec(10).pow(MINOR_UNITS[m.currency]));
}
