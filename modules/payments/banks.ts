/** The banks whose debit cards the channel accepts, by their common abbreviation. */
export const BANKS = [
  {
    code: 'ICBC',
    nameZh: '中国工商银行',
    nameEn: 'Industrial and Commercial Bank of China',
    bins: ['622202', '621226'],
  },
  { code: 'CCB', nameZh: '中国建设银行', nameEn: 'China Construction Bank', bins: ['621700', '622700'] },
  { code: 'ABC', nameZh: '中国农业银行', nameEn: 'Agricultural Bank of China', bins: ['622848', '622845'] },
  { code: 'BOC', nameZh: '中国银行', nameEn: 'Bank of China', bins: ['621661', '601382'] },
  { code: 'CMB', nameZh: '招商银行', nameEn: 'China Merchants Bank', bins: ['622588', '621483'] },
  { code: 'BOCOM', nameZh: '交通银行', nameEn: 'Bank of Communications', bins: ['622262', '622260'] },
  {
    code: 'PSBC',
    nameZh: '中国邮政储蓄银行',
    nameEn: 'Postal Savings Bank of China',
    bins: ['621799', '622188'],
  },
  { code: 'CIB', nameZh: '兴业银行', nameEn: 'Industrial Bank', bins: ['622909', '622908'] },
] as const;

export type BankCode = (typeof BANKS)[number]['code'];
export type Bank = (typeof BANKS)[number];

/** Debit card numbers of these banks are 16 to 19 digits. */
export const CARD_NUMBER = /^\d{16,19}$/;

/** The Luhn (mod 10) check every bank card number carries in its last digit. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The issuing bank, by the card's first six digits (its BIN). */
export function bankOfCard(cardNumber: string): Bank | undefined {
  const bin = cardNumber.slice(0, 6);
  return BANKS.find((b) => (b.bins as readonly string[]).includes(bin));
}

export function bankByCode(code: string): Bank | undefined {
  return BANKS.find((b) => b.code === code);
}

/** `6222021234567890123` → `6222 **** **** 0123`: never more than the first four and last four digits. */
export function maskCardNumber(cardNumber: string): string {
  return `${cardNumber.slice(0, 4)} **** **** ${cardNumber.slice(-4)}`;
}

export type CardNumberError = 'invalid_card_number' | 'unsupported_bank';

/** Refuses a number that is not a 16–19 digit Luhn-valid card of a listed bank. */
export function checkCardNumber(
  cardNumber: string,
): { ok: true; bank: Bank } | { ok: false; error: CardNumberError } {
  if (!CARD_NUMBER.test(cardNumber) || !passesLuhn(cardNumber))
    return { ok: false, error: 'invalid_card_number' };
  const bank = bankOfCard(cardNumber);
  return bank ? { ok: true, bank } : { ok: false, error: 'unsupported_bank' };
}

/**
 * A valid card number of a listed bank ending in `last4` (for tests, demos and the seed): the digit
 * just before the last four is chosen so that the Luhn check passes.
 * @example cardNumberFor('ICBC', '0002') // a 19-digit ICBC card the simulator declines top-ups on
 */
export function cardNumberFor(bankCode: BankCode, last4: string, serial = 1, length = 19): string {
  const bank = bankByCode(bankCode);
  if (!bank || !/^\d{4}$/.test(last4)) throw new RangeError(`no card for ${bankCode} ending ${last4}`);
  const middle = String(serial)
    .padStart(length - 6 - 5, '0')
    .slice(-(length - 6 - 5));
  for (let d = 0; d <= 9; d++) {
    const candidate = `${bank.bins[0]}${middle}${d}${last4}`;
    if (passesLuhn(candidate)) return candidate;
  }
  throw new Error('unreachable: one digit always completes the Luhn check');
}
