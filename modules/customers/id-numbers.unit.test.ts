import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidResidentId,
  isValidUscc,
  parseResidentId,
  residentIdCheckDigit,
  usccCheckDigit,
} from './id-numbers.ts';

const TODAY = '2025-06-30';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('computes the check character of the standard example and of other known bodies', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44030819900101123')).toBe('9');
    expect(residentIdCheckDigit('31010119850101001')).toBe('4');
    expect(residentIdCheckDigit('11010519900307303')).toBe('1');
  });

  it('accepts valid numbers, with a check X in either case', () => {
    expect(isValidResidentId('11010519491231002X', TODAY)).toBe(true);
    expect(isValidResidentId('11010519491231002x', TODAY)).toBe(true);
    expect(isValidResidentId('440308199001011239', TODAY)).toBe(true);
  });

  it('refuses a wrong check character, a bad length and stray characters', () => {
    expect(isValidResidentId('110105194912310021', TODAY)).toBe(false);
    expect(isValidResidentId('440308199001011238', TODAY)).toBe(false);
    expect(isValidResidentId('44030819900101123', TODAY)).toBe(false);
    expect(isValidResidentId('4403081990010112399', TODAY)).toBe(false);
    expect(isValidResidentId('44030819900101123Y', TODAY)).toBe(false);
    expect(isValidResidentId(' 440308199001011239', TODAY)).toBe(false);
  });

  it('refuses a date that is not on the calendar, even with a correct check character', () => {
    const feb30 = `11010519990230123`;
    expect(isValidResidentId(feb30 + residentIdCheckDigit(feb30), TODAY)).toBe(false);
    const month13 = '11010519991301123';
    expect(isValidResidentId(month13 + residentIdCheckDigit(month13), TODAY)).toBe(false);
    const leapDay = '11010520000229123';
    expect(isValidResidentId(leapDay + residentIdCheckDigit(leapDay), TODAY)).toBe(true);
    const notLeap = '11010519000229123';
    expect(isValidResidentId(notLeap + residentIdCheckDigit(notLeap), TODAY)).toBe(false);
  });

  it('refuses a birth date after today, and accepts one born today', () => {
    const born = '11010520250630123';
    const id = born + residentIdCheckDigit(born);
    expect(isValidResidentId(id, '2025-06-30')).toBe(true);
    expect(isValidResidentId(id, '2025-06-29')).toBe(false);
  });

  it('refuses an unknown province code', () => {
    for (const region of ['000000', '190105', '990105', '200105']) {
      const body = `${region}19900101123`;
      expect(isValidResidentId(body + residentIdCheckDigit(body), TODAY)).toBe(false);
    }
  });

  it('reads region, birth date and gender from the 17th digit', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(parseResidentId('440308199001011239', TODAY)).toEqual({
      regionCode: '440308',
      birthDate: '1990-01-01',
      gender: 'male',
    });
    expect(parseResidentId('11010519491231002x', TODAY)?.birthDate).toBe('1949-12-31');
    expect(parseResidentId('440308199001011238', TODAY)).toBeUndefined();
  });

  it('throws when asked for the check digit of a malformed body', () => {
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckDigit('1101051949123100A')).toThrow(RangeError);
  });

  it('accepts any valid body with its check digit and refuses it with any one digit changed', () => {
    const body = fc
      .tuple(
        fc.constantFrom('110105', '310101', '440308', '510104', '650102'),
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2025-06-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([region, date, seq]) =>
          `${region}${date.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(body, fc.nat(16), fc.integer({ min: 1, max: 9 }), (b, pos, delta) => {
        const id = b + residentIdCheckDigit(b);
        expect(isValidResidentId(id, TODAY)).toBe(true);
        // MOD 11-2 detects every single-digit substitution, so the mutant fails whatever else it breaks.
        const digit = (Number(id[pos]) + delta) % 10;
        const mutant = `${id.slice(0, pos)}${digit}${id.slice(pos + 1)}`;
        expect(isValidResidentId(mutant, TODAY)).toBe(false);
      }),
    );
  });

  it('finds a single digit changed in any 17-digit body, whatever the date says', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{17}$/),
        fc.nat(16),
        fc.integer({ min: 1, max: 9 }),
        (b, pos, delta) => {
          const check = residentIdCheckDigit(b);
          const mutant = `${b.slice(0, pos)}${(Number(b[pos]) + delta) % 10}${b.slice(pos + 1)}`;
          expect(residentIdCheckDigit(mutant)).not.toBe(check);
        },
      ),
    );
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('computes the check character of the standard example and of public codes', () => {
    expect(usccCheckDigit('91350100M000100Y4')).toBe('3');
    expect(usccCheckDigit('9144030071526726X')).toBe('G');
    expect(usccCheckDigit('91110000802100433')).toBe('B');
  });

  it('accepts valid codes', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('9144030071526726XG')).toBe(true);
    expect(isValidUscc('91110000802100433B')).toBe(true);
    const body = '12100000400012345';
    expect(isValidUscc(body + usccCheckDigit(body))).toBe(true);
  });

  it('refuses a wrong check character, lowercase, forbidden letters and a bad length', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(isValidUscc(`91350100M000100${letter}43`)).toBe(false);
    }
  });

  it('refuses an unknown registration authority, a zero type and a non-numeric region', () => {
    for (const body of ['01350100M000100Y4', 'J1350100M000100Y4', '90350100M000100Y4', '9135A100M000100Y4']) {
      expect(isValidUscc(body + usccCheckDigit(body))).toBe(false);
    }
    const badProvince = '91990100M000100Y4';
    expect(isValidUscc(badProvince + usccCheckDigit(badProvince))).toBe(false);
  });

  it('throws when asked for the check character of a malformed body', () => {
    expect(() => usccCheckDigit('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckDigit('91350100M000100I4')).toThrow(RangeError);
  });

  it('accepts any plausible body with its check character and refuses any one character changed', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const org = fc.array(fc.constantFrom(...chars), { minLength: 9, maxLength: 9 }).map((a) => a.join(''));
    const body = fc
      .tuple(
        fc.constantFrom('91', '92', '93', '11', '12', '51', '52', 'Y1'),
        fc.constantFrom('350100', '110108', '440300'),
        org,
      )
      .map(([head, region, rest]) => `${head}${region}${rest}`);
    fc.assert(
      fc.property(body, fc.nat(17), fc.integer({ min: 1, max: 30 }), (b, pos, delta) => {
        const code = b + usccCheckDigit(b);
        expect(isValidUscc(code)).toBe(true);
        const swapped = chars[(chars.indexOf(code.charAt(pos)) + delta) % 31] as string;
        expect(isValidUscc(`${code.slice(0, pos)}${swapped}${code.slice(pos + 1)}`)).toBe(false);
      }),
    );
  });
});
