/**
 * Chinese identity numbers, pure and dependency-free:
 * - the resident ID number (居民身份证号码, GB 11643-1999): 6-digit region + 8-digit birth date +
 *   3-digit sequence (odd = male) + an ISO 7064 MOD 11-2 check character (0-9 or X);
 * - the unified social credit code (统一社会信用代码, GB 32100-2015): registration authority + type +
 *   6-digit region + 9-character organisation code + a MOD 31 check character.
 *
 * A lowercase `x` in a resident ID number is accepted and read as `X` (people type it that way and
 * the standard has only the uppercase form); callers that store or hash the number should uppercase it
 * first so both spellings find the same person. USCCs are accepted in uppercase only, as issued.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/**
 * Province-level codes of GB/T 2260 (first two digits of a region code), plus 71/81/82 (Taiwan, Hong
 * Kong, Macao) and 83, used by the residence permits for Hong Kong, Macao and Taiwan residents.
 */
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

/** Check character of a resident ID number from its first 17 digits; throws on anything but 17 digits. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('a resident ID body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/** A real calendar date (YYYYMMDD digits) from 1800 up to and including `today` (YYYY-MM-DD). */
function isPlausibleBirthDate(yyyymmdd: string, today: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  if (d > daysInMonth) return false;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` <= today;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Today's business date in Asia/Shanghai (UTC+8, no daylight saving). Only used when the caller passes
 * no `today`; module code should pass `clock.today()` so tests can pin time.
 */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether `id` is a well-formed 18-character resident ID number: a known province in the region code,
 * a real birth date not after `today` (YYYY-MM-DD; defaults to today in Asia/Shanghai) and the right
 * check character. A lowercase `x` check character is accepted.
 */
export function isValidResidentId(id: string, today?: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  if (!isPlausibleBirthDate(id.slice(6, 14), today ?? shanghaiToday())) return false;
  return residentIdCheckDigit(id.slice(0, 17)) === id.charAt(17).toUpperCase();
}

/** What a resident ID number says about its holder. */
export interface ResidentIdFacts {
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
}

/**
 * Region, birth date and gender (17th digit: odd male, even female) of a valid resident ID number, or
 * `undefined` when `isValidResidentId(id, today)` is false.
 */
export function parseResidentId(id: string, today?: string): ResidentIdFacts | undefined {
  if (!isValidResidentId(id, today)) return undefined;
  return {
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
  };
}

/** The 31 characters of GB 32100-2015: digits and uppercase letters without I, O, Z, S, V. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_BODY = /^[0-9A-HJ-NP-RTUW-Y]{17}$/;

/** Check character of a unified social credit code from its first 17 characters; throws on a bad body. */
export function usccCheckDigit(first17: string): string {
  if (!USCC_BODY.test(first17)) throw new RangeError('a USCC body is 17 characters of the GB 32100 set');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] as number);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Whether `code` is a well-formed unified social credit code: 18 characters of the GB 32100 set, a
 * registration-authority code in use (1-9, A-H, N for agricultural authorities, Y for others), a type
 * code 1-9, a 6-digit region code (a province, or 10 for national-level registrations) and the right
 * check character. Type codes are not matched per authority: the tables have changed over the years.
 */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18 || !USCC_BODY.test(code.slice(0, 17))) return false;
  if (!/^[1-9A-HNY][1-9]\d{6}/.test(code)) return false;
  const province = code.slice(2, 4);
  if (province !== '10' && !PROVINCE_CODES.has(province)) return false;
  return usccCheckDigit(code.slice(0, 17)) === code.charAt(17);
}
