import { PROVINCES as CUSTOMER_PROVINCES } from '@onefin/customers';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from './regions.ts';

describe('regions', () => {
  it('lists the 31 mainland province-level divisions once each, about 1.41 billion people', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(31);
    const total = PROVINCES.reduce((s, p) => s + p.population, 0);
    expect(total).toBeGreaterThan(1405);
    expect(total).toBeLessThan(1415);
    for (const p of PROVINCES) expect(CUSTOMER_PROVINCES[p.code].nameZh).toBe(p.nameZh);
    expect(PROVINCES.filter((p) => p.kind === 'municipality').map((p) => p.nameZh)).toEqual([
      '北京市',
      '天津市',
      '上海市',
      '重庆市',
    ]);
  });

  it('gives every city a prefecture code and district codes inside its province and city', () => {
    for (const p of PROVINCES) {
      expect(p.cities.length).toBeGreaterThanOrEqual(1);
      expect(p.cities.length).toBeLessThanOrEqual(10);
      for (const c of p.cities) {
        expect(c.code).toMatch(new RegExp(`^${p.code}\\d{2}00$`));
        expect(c.districts.length).toBeGreaterThan(0);
        for (const d of c.districts) expect(d.slice(0, 4)).toBe(c.code.slice(0, 4));
        expect(c.population).toBeLessThanOrEqual(p.population);
        expect(c.shortZh.length).toBeGreaterThan(0);
        expect(c.nameZh.startsWith(c.shortZh)).toBe(true);
      }
    }
  });

  it('shortens city names for company names', () => {
    const all = PROVINCES.flatMap((p) => p.cities);
    const short = (code: string) => all.find((c) => c.code === code)?.shortZh;
    expect(short('330100')).toBe('杭州');
    expect(short('222400')).toBe('延边');
    expect(short('532500')).toBe('红河');
    expect(short('653100')).toBe('喀什');
  });
});
