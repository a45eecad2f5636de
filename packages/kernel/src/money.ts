/**
 * Money is an exact amount of minor units (fen for CNY) in one ISO 4217 currency.
 * Never a JS number: amounts are bigint end to end, and currencies never mix implicitly.
 */
export type CurrencyCode = 'CNY' | 'USD' | 'HKD' | 'EUR' | 'GBP' | 'JPY';

export interface Money {
  readonly amount: bigint;
  readonly currency: CurrencyCode;
}

/** Digits after the decimal point per currency (ISO 4217 minor unit). */
export const MINOR_UNITS: Readonly<Record<CurrencyCode, number>> = {
  CNY: 2,
  USD: 2,
  HKD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
};

export const CURRENCIES = Object.keys(MINOR_UNITS) as CurrencyCode[];

/** Thrown when code mixes two currencies: a programming error, not a user error. */
export class CurrencyMismatchError extends Error {
  constructor(a: CurrencyCode, b: CurrencyCode) {
    super(`currency mismatch: ${a} vs ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(MINOR_UNITS, value);
}

export function money(amount: bigint, currency: CurrencyCode = 'CNY'): Money {
  return { amount, currency };
}

/** Largest amount a BIGINT column holds. */
const MAX_MINOR = 2n ** 63n - 1n;

/**
 * Parses a decimal string such as "1234.56" into minor units. Refuses more decimals than the
 * currency has (no silent rounding), exponents, spaces and values that overflow BIGINT.
 * @example parseMoney('12.3', 'CNY') // { amount: 1230n, currency: 'CNY' }
 */
export function parseMoney(text: string, currency: CurrencyCode = 'CNY'): Money {
  const digits = MINOR_UNITS[currency];
  const pattern = digits === 0 ? /^(-)?(\d+)$/ : new RegExp(`^(-)?(\\d+)(?:\\.(\\d{1,${digits}}))?$`);
  const match = pattern.exec(text);
  if (!match) {
    throw new RangeError(`"${text}" is not a ${currency} amount with at most ${digits} decimals`);
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > MAX_MINOR) throw new RangeError(`"${text}" is too large`);
  return { amount: sign ? -minor : minor, currency };
}

/** Formats as a plain decimal string with exactly the currency's decimals: "1234.50". */
export function formatMoney(m: Money): string {
  const digits = MINOR_UNITS[m.currency];
  const negative = m.amount < 0n;
  const abs = negative ? -m.amount : m.amount;
  const text = abs.toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** The wire shape of money in the API: `{"amount":"1234.56","currency":"CNY"}`. */
export interface MoneyDto {
  amount: string;
  currency: CurrencyCode;
}

export function toMoneyDto(m: Money): MoneyDto {
  return { amount: formatMoney(m), currency: m.currency };
}

export function fromMoneyDto(dto: MoneyDto): Money {
  return parseMoney(dto.amount, dto.currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
}

export function negateMoney(a: Money): Money {
  return { amount: -a.amount, currency: a.currency };
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function sumMoney(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce((acc, m) => addMoney(acc, m), money(0n, currency));
}

/**
 * Splits an amount into parts proportional to non-negative integer weights without losing a fen:
 * the parts always add up to the whole; leftover minor units go to the largest remainders first
 * (ties to the earlier part), so the split is deterministic.
 * @example allocateMoney(money(100n), [1n, 1n, 1n]) // 34n, 33n, 33n
 */
export function allocateMoney(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocateMoney needs at least one weight');
  if (weights.some((w) => w < 0n)) throw new RangeError('weights must not be negative');
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new RangeError('weights must not all be zero');
  const sign = total.amount < 0n ? -1n : 1n;
  const abs = total.amount * sign;
  const shares = weights.map((w) => (abs * w) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % weightSum }));
  let left = abs - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ amount: s * sign, currency: total.currency }));
}
