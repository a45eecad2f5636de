import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, canMoveTo, deriveKycStatus, nameKey, statusAfterKyc } from './rules.ts';
import { searchKey } from './search.ts';

describe('KYC status', () => {
  it('is not started without identity, pending until the registry confirms, verified after', () => {
    const clear = { screening: 'clear' as const };
    expect(deriveKycStatus({ hasIdentity: false, realName: 'unverified', ...clear })).toBe('not_started');
    expect(deriveKycStatus({ hasIdentity: true, realName: 'unverified', ...clear })).toBe('pending');
    expect(deriveKycStatus({ hasIdentity: true, realName: 'verified', ...clear })).toBe('verified');
    expect(deriveKycStatus({ hasIdentity: true, realName: 'failed', ...clear })).toBe('rejected');
  });

  it('holds a verified customer for review on a potential watch-list match, and rejects a confirmed one', () => {
    const verified = { hasIdentity: true, realName: 'verified' as const };
    expect(deriveKycStatus({ ...verified, screening: 'potential_match' })).toBe('under_review');
    expect(deriveKycStatus({ ...verified, screening: 'confirmed_match' })).toBe('rejected');
  });
});

describe('lifecycle', () => {
  it('activates a prospect when KYC is verified, and nothing else', () => {
    expect(statusAfterKyc('prospect', 'verified')).toBe('active');
    expect(statusAfterKyc('prospect', 'pending')).toBe('prospect');
    expect(statusAfterKyc('dormant', 'verified')).toBe('dormant');
  });

  it('lets staff move active ⇄ dormant and close, never reopen a closed relationship or skip KYC', () => {
    expect(canMoveTo('active', 'dormant')).toBe(true);
    expect(canMoveTo('dormant', 'active')).toBe(true);
    expect(canMoveTo('prospect', 'closed')).toBe(true);
    expect(canMoveTo('prospect', 'active')).toBe(false);
    expect(canMoveTo('closed', 'active')).toBe(false);
  });
});

describe('watch-list name keys', () => {
  it('match full-width, spaced and dotted spellings of the same name', () => {
    expect(nameKey('阿卜杜拉·买买提')).toBe(nameKey('阿卜杜拉 买买提'));
    expect(nameKey('ＪＯＨＮ  Smith')).toBe('johnsmith');
    expect(nameKey('张 伟')).toBe('张伟');
  });
});

describe('adding months (assessment expiry)', () => {
  it('keeps the day and time, and falls back to the month end', () => {
    expect(addMonths(new Date('2025-03-10T02:30:00Z'), 12).toISOString()).toBe('2026-03-10T02:30:00.000Z');
    expect(addMonths(new Date('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2025-01-31T08:00:00Z'), 1).toISOString()).toBe('2025-02-28T08:00:00.000Z');
  });

  it('is always later, by 28–31 days per month (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 36 }),
        (start, months) => {
          const days = (addMonths(start, months).getTime() - start.getTime()) / 86_400_000;
          return days >= 28 * months - 3 && days <= 31 * months;
        },
      ),
    );
  });
});

describe('the search box', () => {
  it('understands customer numbers, mobiles (full, masked, last four), ID numbers, USCCs and names', () => {
    expect(searchKey('1000000042')).toEqual({ by: 'customer_no', value: '1000000042' });
    expect(searchKey('13812348000')).toEqual({ by: 'mobile', value: '13812348000' });
    expect(searchKey('138****8000')).toEqual({ by: 'mobile_masked', value: '138****8000' });
    expect(searchKey('8000')).toEqual({ by: 'mobile_last4', value: '8000' });
    expect(searchKey('11010519491231002x')).toEqual({ by: 'id_number', value: '11010519491231002X' });
    expect(searchKey('91440300MA5ABCDE1X')).toEqual({ by: 'uscc', value: '91440300MA5ABCDE1X' });
    expect(searchKey(' 张伟 ')).toEqual({ by: 'name', value: '张伟' });
  });
});
