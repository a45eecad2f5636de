import { isValidUscc } from '@onefin/customers';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CorporateWorld, generateCorporates, organisationCodeCheck } from './corporates.ts';
import { ageOn } from './dates.ts';
import { generateFamilies } from './households.ts';
import { createPeopleGenerator, type Individual } from './people.ts';
import { createRng } from './random.ts';
import { type City, PROVINCES } from './regions.ts';

const END = '2025-06-30';
const cities = new Map<string, City>(PROVINCES.flatMap((p) => p.cities.map((c) => [c.code, c] as const)));
let people: Individual[];
let world: CorporateWorld;

beforeAll(() => {
  const rng = createRng('corporates-test');
  people = generateFamilies(createPeopleGenerator(rng.fork('p'), END), rng.fork('f'), END, 8000).people.map(
    (p) => p.individual,
  );
  world = generateCorporates(rng.fork('c'), people, (code) => cities.get(code) as City, 300, END);
});

describe('generated corporates', () => {
  it('computes the GB 11714 organisation code check of known codes', () => {
    expect(organisationCodeCheck('71526726')).toBe('X'); // Tencent: 71526726-X
    expect(organisationCodeCheck('80210043')).toBe('3'); // from USCC 91110000802100433B
  });

  it('gives each company a unique name and a valid USCC embedding a valid organisation code', () => {
    const { corporates } = world;
    expect(corporates).toHaveLength(300);
    expect(new Set(corporates.map((c) => c.name)).size).toBe(300);
    expect(new Set(corporates.map((c) => c.uscc)).size).toBe(300);
    for (const c of corporates) {
      expect(isValidUscc(c.uscc)).toBe(true);
      expect(c.uscc.slice(0, 2)).toBe('91');
      expect(c.uscc.slice(2, 4)).toBe(c.provinceCode);
      expect(organisationCodeCheck(c.uscc.slice(8, 16))).toBe(c.uscc.charAt(16));
      if (c.establishedOn >= '2015-10-01') expect(c.uscc.slice(8, 10)).toBe('MA');
      expect(c.name).toMatch(/^\p{Script=Han}+(股份)?有限公司$/u);
      expect(c.name.startsWith(c.city.replace(/市$/, '').slice(0, 2))).toBe(true);
    }
  });

  it('sizes companies mostly micro and small, with headcount and capital to match', () => {
    const { corporates } = world;
    const share = (size: string) => corporates.filter((c) => c.size === size).length / corporates.length;
    expect(share('micro') + share('small')).toBeGreaterThan(0.75);
    expect(share('large')).toBeLessThan(0.08);
    for (const c of corporates) {
      const [lo, hi] = { micro: [1, 19], small: [20, 299], medium: [300, 999], large: [1000, 20_000] }[
        c.size
      ];
      expect(c.employeeCount).toBeGreaterThanOrEqual(lo as number);
      expect(c.employeeCount).toBeLessThanOrEqual(hi as number);
      expect(c.registeredCapital).toBeGreaterThanOrEqual(10n * 1_000_000n); // ¥100,000 in fen
      expect(c.employeeRefs.length).toBeLessThanOrEqual(c.employeeCount);
    }
    expect(new Set(corporates.map((c) => c.industry)).size).toBeGreaterThan(8);
    expect(corporates.filter((c) => c.industry === 'F').length).toBeGreaterThan(corporates.length * 0.15);
  });

  it('picks legal representatives, contacts and employees among adults of the same city', () => {
    const byRef = new Map(people.map((p) => [p.ref, p]));
    const employed = new Set<string>();
    for (const c of world.corporates) {
      const legal = byRef.get(c.legalRepresentativeRef);
      expect(legal?.name).toBe(c.legalRepresentative);
      expect(legal?.cityCode).toBe(c.cityCode);
      expect(ageOn(legal?.birthDate ?? END, END)).toBeGreaterThanOrEqual(25);
      expect(c.contacts.length).toBeGreaterThanOrEqual(1);
      expect(c.contacts.length).toBeLessThanOrEqual(3);
      for (const contact of c.contacts) {
        expect([c.legalRepresentativeRef, ...c.employeeRefs]).toContain(contact.individualRef);
      }
      for (const ref of c.employeeRefs) {
        expect(byRef.get(ref)?.cityCode).toBe(c.cityCode);
        expect(employed.has(ref)).toBe(false);
        employed.add(ref);
      }
    }
    expect(employed.size).toBeGreaterThan(500);
  });

  it('records one employment tie per employee, from the company', () => {
    const expected = world.corporates.flatMap((c) =>
      c.employeeRefs.map((ref) => ({ customerRef: c.ref, relatedRef: ref, kind: 'employee' })),
    );
    expect(world.relationships).toEqual(expected);
  });
});
