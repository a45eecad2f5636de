import type { Language } from './i18n.ts';

/** `2025-03-01T08:30:00Z` → `2025/03/01 16:30` (zh-CN) or `Mar 1, 2025, 4:30 PM` (en), in the viewer's zone. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A decimal-string amount as money, e.g. `"1234.5"` CNY → `¥1,234.50`; never rounds through a float. */
export function formatMoney(amount: string, currency: string, language: Language): string {
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const isNegative = amount.startsWith('-');
  const grouped = new Intl.NumberFormat(language).format(BigInt(whole));
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${isNegative ? '-' : ''}${symbol}${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/**
 * A `data-testid` attribute for props objects that do not declare data attributes (antd's okButtonProps, onRow).
 * @example okButtonProps={{ ...testId('submit') }}
 */
export function testId(id: string): { 'data-testid': string } {
  return { 'data-testid': id };
}

/** `2025-03-01 16:30:05` in the viewer's zone: the compact, sortable form back-office tables use. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** `-12.345` → `{ isNegative: true, whole: '12', fraction: '345' }`; throws on anything but a plain decimal. */
function splitDecimal(value: string): { isNegative: boolean; whole: string; fraction: string } {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`not a decimal: ${value}`);
  return { isNegative: match[1] === '-', whole: match[2] || '0', fraction: match[3] ?? '' };
}

/**
 * A decimal string rounded half-up (away from zero) to `digits` places, as a string: exact, no float.
 * @example roundDecimal('1.005', 2) === '1.01'; roundDecimal('0.0325', 4, 2) === '3.25' (×10²)
 */
export function roundDecimal(value: string, digits: number, shift = 0): string {
  const { isNegative, whole, fraction } = splitDecimal(value);
  // Move the point `shift` places to the right (×10^shift), then keep one guard digit for rounding.
  const digitsAll = whole + fraction.padEnd(shift, '0');
  const point = whole.length + shift;
  const kept =
    (digitsAll.slice(0, point) || '0') +
    (digitsAll.slice(point) + '0'.repeat(digits + 1)).slice(0, digits + 1);
  let scaled = BigInt(kept);
  scaled = (scaled + 5n) / 10n;
  const text = scaled.toString().padStart(digits + 1, '0');
  const intPart = text.slice(0, text.length - digits) || '0';
  const fracPart = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  const isZero = scaled === 0n;
  return `${isNegative && !isZero ? '-' : ''}${intPart}${fracPart}`;
}

function groupWhole(whole: string, language: Language): string {
  return new Intl.NumberFormat(language).format(BigInt(whole));
}

/**
 * A decimal string for display with grouping and exactly `digits` places, e.g. a NAV `"1.23456"` → `1.2346`.
 * Display only: the value is never turned into a float.
 */
export function formatDecimal(value: string, language: Language, digits: number): string {
  const rounded = roundDecimal(value, digits);
  const { isNegative, whole, fraction } = splitDecimal(rounded);
  return `${isNegative ? '-' : ''}${groupWhole(whole, language)}${digits > 0 ? `.${fraction}` : ''}`;
}

export interface PercentOptions {
  /** Places after the point in the shown percentage; 2 unless told. */
  digits?: number;
  /** Whether the value is already in percent (`"3.25"`) rather than a fraction (`"0.0325"`, the default). */
  isPercent?: boolean;
  /** Show `+` on positive values (returns, changes). */
  isSigned?: boolean;
}

/** A rate or return as a decimal string, shown as a percentage: `"0.0325"` → `3.25%`; exact, no float. */
export function formatPercent(value: string, language: Language, options: PercentOptions = {}): string {
  const digits = options.digits ?? 2;
  const rounded = roundDecimal(value, digits, options.isPercent ? 0 : 2);
  const { isNegative, whole, fraction } = splitDecimal(rounded);
  const isPositive = !isNegative && /[1-9]/.test(whole + fraction);
  const sign = isNegative ? '-' : options.isSigned && isPositive ? '+' : '';
  return `${sign}${groupWhole(whole, language)}${digits > 0 ? `.${fraction}` : ''}%`;
}

/**
 * A day in the viewer's language: a business date `2025-03-01` as that calendar day (no time-zone
 * shift), an instant as its date in the viewer's zone. `2025/03/01` (zh-CN), `Mar 1, 2025` (en).
 */
export function formatDate(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  const isBusinessDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(isBusinessDate ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    ...(isBusinessDate ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A decimal string as an integer scaled by 10^scale (truncated past it): `'1.5', 2` → `150n`. */
function scaled(value: string, scale: number): bigint {
  const { isNegative, whole, fraction } = splitDecimal(value);
  const digits = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return isNegative ? -digits : digits;
}

/**
 * The change from `from` to `to` as a fraction (`to / from − 1`), exact to `digits` places, rounded
 * half away from zero: a fund's return between two accumulated NAVs. `undefined` when `from` is zero.
 * @example relativeChange('1.2000', '1.3500') === '0.125000'
 */
export function relativeChange(from: string, to: string, digits = 6): string | undefined {
  const scale = 12;
  const a = scaled(from, scale);
  const b = scaled(to, scale);
  if (a === 0n) return undefined;
  // (b − a) / a, with one guard digit for rounding.
  const unit = 10n ** BigInt(digits + 1);
  const q = ((b - a) * unit) / a;
  const rounded = (q + (q < 0n ? -5n : 5n)) / 10n;
  const isNegative = rounded < 0n;
  const text = (isNegative ? -rounded : rounded).toString().padStart(digits + 1, '0');
  const body = `${text.slice(0, text.length - digits)}.${text.slice(text.length - digits)}`;
  return `${isNegative ? '-' : ''}${body}`;
}
