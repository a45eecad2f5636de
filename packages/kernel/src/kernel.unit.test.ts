import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { businessDateOf, createManualClock, HOUR_MS } from './clock.ts';
import { ConfigError, envInt, readConfig } from './config.ts';
import { decimalToMoney, parseDecimal, roundNav, roundShares } from './decimal.ts';
import { isId, newId } from './ids.ts';
import { createPiiCipher, maskIdNumber, maskMobile } from './pii.ts';

describe('decimals with explicit rounding', () => {
  it('rounds NAV half-up to 4 dp and shares down to 2 dp', () => {
    expect(roundNav(parseDecimal('1.23455')).toString()).toBe('1.2346');
    expect(roundShares(parseDecimal('100.999')).toString()).toBe('100.99');
  });
  it('posts interest half-up to the fen', () => {
    expect(decimalToMoney(parseDecimal('10.005'), 'CNY')).toEqual({ amount: 1001n, currency: 'CNY' });
    expect(decimalToMoney(parseDecimal('10.0049999'), 'CNY')).toEqual({ amount: 1000n, currency: 'CNY' });
  });
});

describe('ids', () => {
  it('are prefixed, time-ordered UUIDv7s', () => {
    const a = newId('cus');
    const b = newId('cus');
    expect(isId('cus', a)).toBe(true);
    expect(isId('stf', a)).toBe(false);
    expect(a < b).toBe(true);
  });
});

describe('clock', () => {
  it('moves only when told, and knows the Shanghai business date', () => {
    const clock = createManualClock('2026-03-01T15:30:00Z');
    expect(businessDateOf(clock.now())).toBe('2026-03-01');
    clock.advance(9 * HOUR_MS); // 00:30 on 2 March in Shanghai
    expect(businessDateOf(clock.now())).toBe('2026-03-02');
  });
});

describe('configuration', () => {
  const schema = z.object({ PORT: envInt(3000, 1, 65535) });
  it('uses defaults and names the wrong setting', () => {
    expect(readConfig(schema, {})).toEqual({ PORT: 3000 });
    expect(() => readConfig(schema, { PORT: 'abc' })).toThrow(ConfigError);
    expect(() => readConfig(schema, { PORT: '70000' })).toThrow(/PORT="70000"/);
  });
});

describe('PII', () => {
  const cipher = createPiiCipher(Buffer.alloc(32, 1), Buffer.alloc(32, 2));
  it('encrypts with a fresh nonce, decrypts, and hashes deterministically', () => {
    const a = cipher.encrypt('13812348000');
    expect(a).not.toContain('13812348000');
    expect(a).not.toBe(cipher.encrypt('13812348000'));
    expect(cipher.decrypt(a)).toBe('13812348000');
    expect(cipher.lookupHash('13812348000')).toBe(cipher.lookupHash('13812348000'));
  });
  it('detects tampering', () => {
    const sealed = cipher.encrypt('110105199001011234');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => cipher.decrypt(tampered)).toThrow();
  });
  it('masks mobiles and ID numbers', () => {
    expect(maskMobile('13812348000')).toBe('138****8000');
    expect(maskIdNumber('110105199001011234')).toBe('110105********1234');
  });
});
