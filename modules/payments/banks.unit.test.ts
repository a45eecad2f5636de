import { describe, expect, it } from 'vitest';
import { BANKS, bankOfCard, cardNumberFor, checkCardNumber, maskCardNumber, passesLuhn } from './banks.ts';

describe('bank card numbers', () => {
  it('checks the Luhn digit of a known-good number and refuses one digit off', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it('makes a valid card of every listed bank ending in the digits asked for', () => {
    for (const bank of BANKS) {
      for (const last4 of ['0002', '0003', '1234']) {
        const n = cardNumberFor(bank.code, last4);
        expect(n).toHaveLength(19);
        expect(n.endsWith(last4)).toBe(true);
        expect(checkCardNumber(n)).toMatchObject({ ok: true, bank: { code: bank.code } });
      }
    }
  });

  it('refuses an unknown BIN and a bad check digit with different reasons', () => {
    const icbc = cardNumberFor('ICBC', '1234');
    const unknownBin = `999999${icbc.slice(6)}`;
    expect(bankOfCard(unknownBin)).toBeUndefined();
    const fixed = [...Array(10).keys()].map((d) => `${unknownBin.slice(0, -1)}${d}`).find(passesLuhn) ?? '';
    expect(checkCardNumber(fixed)).toEqual({ ok: false, error: 'unsupported_bank' });
    const wrongCheck = `${icbc.slice(0, -1)}${(Number(icbc.at(-1)) + 1) % 10}`;
    expect(checkCardNumber(wrongCheck)).toEqual({ ok: false, error: 'invalid_card_number' });
    expect(checkCardNumber('6222')).toEqual({ ok: false, error: 'invalid_card_number' });
  });

  it('masks all but the first four and the last four digits', () => {
    expect(maskCardNumber('6222021234567891234')).toBe('6222 **** **** 1234');
  });
});
