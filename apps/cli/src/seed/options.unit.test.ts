import { describe, expect, it } from 'vitest';
import { parseSeedFlags } from './options.ts';

describe('onefin seed flags', () => {
  it('takes a whole number of customers up to a million and any seed', () => {
    expect(parseSeedFlags({ customers: '10000', seed: '7' })).toEqual({
      ok: true,
      value: { customers: 10_000, seed: '7' },
    });
    expect(parseSeedFlags({ customers: '0', seed: 'demo-2026' })).toMatchObject({ ok: true });
    expect(parseSeedFlags({ customers: '1000000', seed: '春节' })).toMatchObject({ ok: true });
  });

  it.each([
    ['-5', '--customers "-5": must be a whole number'],
    ['12.5', '--customers "12.5": must be a whole number'],
    ['1e4', '--customers "1e4": must be a whole number'],
    ['many', '--customers "many": must be a whole number'],
    ['1000001', '--customers "1000001": must be at most 1,000,000'],
  ])('refuses --customers %s, naming the flag and the rule', (customers, detail) => {
    expect(parseSeedFlags({ customers, seed: '7' })).toEqual({ ok: false, error: 'invalid_flags', detail });
  });

  it('refuses an empty seed', () => {
    expect(parseSeedFlags({ customers: '10', seed: ' ' })).toEqual({
      ok: false,
      error: 'invalid_flags',
      detail: '--seed " ": must not be empty',
    });
  });
});
