import { isValidResidentId, isValidUscc } from '@onefin/customers';
import { MAINLAND_MOBILE } from '@onefin/kernel';
import { describe, expect, it } from 'vitest';
import { generateWorld } from './world.ts';

const END = '2025-06-30';
const options = { customers: 3000, seed: 7, endDate: END };

describe('the demo world', () => {
  const world = generateWorld(options);

  it('is the same world for the same options', () => {
    expect(generateWorld(options)).toEqual(world);
  });

  it('is a different world for another seed', () => {
    const other = generateWorld({ ...options, seed: 8 });
    expect(other.individuals).toHaveLength(3000);
    const ids = new Set(world.individuals.map((p) => p.idNumber));
    expect(other.individuals.filter((p) => ids.has(p.idNumber)).length).toBeLessThan(10);
    expect(other.funds.map((f) => f.product.code)).not.toEqual(world.funds.map((f) => f.product.code));
  });

  it('keeps the catalogue whatever the number of customers, and a smaller world is a prefix of a larger', () => {
    const small = generateWorld({ ...options, customers: 500 });
    expect(small.funds).toEqual(world.funds);
    expect(small.products).toEqual(world.products);
    expect(small.individuals.slice(0, 490)).toEqual(world.individuals.slice(0, 490));
  });

  it('has valid ID numbers, USCCs and unique mobiles throughout, and no demo log-in mobile', () => {
    const reserved = ['13800138001', '13800138002'];
    const w = generateWorld({ ...options, reservedMobiles: reserved });
    expect(w.individuals.every((p) => isValidResidentId(p.idNumber, END))).toBe(true);
    expect(w.individuals.every((p) => MAINLAND_MOBILE.test(p.mobile) && !reserved.includes(p.mobile))).toBe(
      true,
    );
    expect(new Set(w.individuals.map((p) => p.mobile)).size).toBe(3000);
    expect(w.corporates.length).toBe(75);
    expect(w.corporates.every((c) => isValidUscc(c.uscc))).toBe(true);
  });

  it('only relates customers that exist', () => {
    const refs = new Set([...world.individuals.map((p) => p.ref), ...world.corporates.map((c) => c.ref)]);
    for (const r of world.relationships) {
      expect(refs.has(r.customerRef) && refs.has(r.relatedRef)).toBe(true);
      expect(r.customerRef).not.toBe(r.relatedRef);
    }
    for (const h of world.households) expect(h.memberRefs.every((m) => refs.has(m))).toBe(true);
  });

  it('publishes NAVs on exchange trading days only: no NAV on the National Day closure', () => {
    const days = new Set(world.funds.flatMap((f) => f.navs.map((n) => n.date)));
    expect(days.has('2024-10-01')).toBe(false);
    expect(days.has('2024-10-07')).toBe(false);
    expect(days.has('2024-10-08')).toBe(true);
    expect(days.has('2024-10-12')).toBe(false); // a Saturday, whatever the calendar says of make-up days
  });

  it('makes an empty world of customers with the full catalogue', () => {
    const empty = generateWorld({ ...options, customers: 0 });
    expect(empty.individuals).toEqual([]);
    expect(empty.corporates).toEqual([]);
    expect(empty.funds.length).toBeGreaterThan(30);
    expect(() => generateWorld({ ...options, customers: -1 })).toThrow(RangeError);
  });
});
