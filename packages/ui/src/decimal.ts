/**
 * Decimal strings moved by powers of ten without floats: rates travel as fractions ("0.0325") and
 * people read and type percentages ("3.25%"). A float would turn 0.0325 × 100 into 3.2499999999999996.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Whether `value` is a plain decimal string: digits, an optional fraction, an optional minus sign. */
export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/** `shiftDecimal("0.0325", 2)` → `"3.25"`, `shiftDecimal("3.25", -2)` → `"0.0325"`; exact, any size. */
export function shiftDecimal(value: string, places: number): string {
  if (!DECIMAL.test(value)) throw new RangeError(`not a decimal string: ${value}`);
  const isNegative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  const text = fracPart ? `${intPart}.${fracPart}` : intPart;
  return isNegative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** A fraction as a percentage number: `"0.0325"` → `"3.25"`. */
export function fractionToPercent(fraction: string): string {
  return shiftDecimal(fraction, 2);
}

/** A typed percentage as the fraction the API carries: `"3.25"` → `"0.0325"`. */
export function percentToFraction(percent: string): string {
  return shiftDecimal(percent.trim(), -2);
}

/**
 * Compares two decimal strings exactly: negative when `a < b`, zero when equal, positive when `a > b`.
 * @example compareDecimals("1.10", "1.1") === 0
 */
export function compareDecimals(a: string, b: string): number {
  if (!DECIMAL.test(a) || !DECIMAL.test(b)) throw new RangeError(`not decimal strings: ${a}, ${b}`);
  const sign = (v: string) => (v.startsWith('-') && /[1-9]/.test(v) ? -1 : /[1-9]/.test(v) ? 1 : 0);
  const [sa, sb] = [sign(a), sign(b)];
  if (sa !== sb) return sa - sb;
  const magnitude = (v: string) => {
    const [whole = '0', fraction = ''] = v.replace(/^-/, '').split('.');
    return { whole: whole.replace(/^0+/, ''), fraction: fraction.replace(/0+$/, '') };
  };
  const [ma, mb] = [magnitude(a), magnitude(b)];
  let result = ma.whole.length - mb.whole.length;
  if (result === 0) result = ma.whole < mb.whole ? -1 : ma.whole > mb.whole ? 1 : 0;
  if (result === 0) {
    const width = Math.max(ma.fraction.length, mb.fraction.length);
    const [fa, fb] = [ma.fraction.padEnd(width, '0'), mb.fraction.padEnd(width, '0')];
    result = fa < fb ? -1 : fa > fb ? 1 : 0;
  }
  return sa < 0 ? -result : result;
}
