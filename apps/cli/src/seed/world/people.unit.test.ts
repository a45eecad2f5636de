import { isValidResidentId, parseResidentId } from '@onefin/customers';
import { MAINLAND_MOBILE } from '@onefin/kernel';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from './dates.ts';
import { type Families, generateFamilies } from './households.ts';
import { createPeopleGenerator, type Individual } from './people.ts';
import { INCOME_BANDS } from './profile.ts';
import { createRng } from './random.ts';
import { PROVINCES } from './regions.ts';

const END = '2025-06-30';
const N = 20_000;
let families: Families;
let people: Individual[];

beforeAll(() => {
  const rng = createRng('people-test');
  families = generateFamilies(
    createPeopleGenerator(rng.fork('p'), END, ['13800138001']),
    rng.fork('f'),
    END,
    N,
  );
  people = families.people.map((p) => p.individual);
});

const share = <T>(xs: readonly T[], test: (x: T) => boolean) => xs.filter(test).length / xs.length;
const byRef = () => new Map(people.map((p) => [p.ref, p]));

describe('generated individuals', () => {
  it('makes exactly the number asked for, with unique refs', () => {
    expect(people).toHaveLength(N);
    expect(new Set(people.map((p) => p.ref)).size).toBe(N);
  });

  it('gives everyone a unique valid ID number carrying their birth date and gender', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(N);
    // One assertion over the lot: 20,000 separate expects would dominate the run time.
    const wrong = people.filter((p) => {
      const facts = parseResidentId(p.idNumber, END);
      return (
        !isValidResidentId(p.idNumber, END) || facts?.birthDate !== p.birthDate || facts.gender !== p.gender
      );
    });
    expect(wrong).toEqual([]);
  });

  it('gives everyone a unique mainland mobile number on a real carrier segment, never a reserved one', () => {
    expect(new Set(people.map((p) => p.mobile)).size).toBe(N);
    const segments = /^1(3\d|4[579]|5[0-35-9]|6[6]|7[235-8]|8\d|9[0135689])/;
    expect(people.filter((p) => !MAINLAND_MOBILE.test(p.mobile) || !segments.test(p.mobile))).toEqual([]);
    expect(people.some((p) => p.mobile === '13800138001')).toBe(false);
  });

  it('gives some people a unique e-mail address, the young more often', () => {
    const emails = people.flatMap((p) => (p.email ? [p.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z0-9_]+@[a-z0-9.]+\.(com|net)$/.test(e))).toBe(true);
    const young = share(
      people.filter((p) => ageOn(p.birthDate, END) < 35),
      (p) => p.email !== null,
    );
    const old = share(
      people.filter((p) => ageOn(p.birthDate, END) >= 60),
      (p) => p.email !== null,
    );
    expect(young).toBeGreaterThan(0.4);
    expect(old).toBeLessThan(young);
  });

  it('has only adults up to 80, most of them of working age', () => {
    const ages = people.map((p) => ageOn(p.birthDate, END));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(80);
    expect(share(ages, (a) => a >= 25 && a < 60)).toBeGreaterThan(0.6);
  });

  it('places people across provinces roughly in proportion to population', () => {
    const total = PROVINCES.reduce((s, p) => s + p.population, 0);
    for (const province of PROVINCES) {
      const expected = province.population / total;
      const actual = share(people, (p) => p.provinceCode === province.code);
      // Family members share a city, so shares wander more than independent draws would.
      expect(Math.abs(actual - expected)).toBeLessThan(Math.max(0.012, expected * 0.25));
    }
    const guangdong = share(people, (p) => p.provinceCode === '44');
    const tibet = share(people, (p) => p.provinceCode === '54');
    expect(guangdong).toBeGreaterThan(20 * tibet);
  });

  it('uses realistic names: common surnames dominate, one or two given-name characters', () => {
    expect(share(people, (p) => p.name.startsWith('王') || p.name.startsWith('李'))).toBeGreaterThan(0.1);
    expect(people.every((p) => p.name.length >= 2 && p.name.length <= 4)).toBe(true);
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThan(N / 4);
  });

  it('retires men at 60 and makes students of the young', () => {
    const age = (p: Individual) => ageOn(p.birthDate, END);
    expect(
      share(
        people.filter((p) => p.gender === 'male' && age(p) >= 62),
        (p) => p.occupation === 'retired',
      ),
    ).toBeGreaterThan(0.7);
    expect(
      share(
        people.filter((p) => age(p) < 22),
        (p) => p.occupation === 'student',
      ),
    ).toBeGreaterThan(0.4);
    expect(people.filter((p) => age(p) >= 30 && age(p) < 50).some((p) => p.occupation === 'student')).toBe(
      false,
    );
  });

  it('earns more in first-tier cities, with few over ¥1m', () => {
    const rich = (p: Individual) => INCOME_BANDS.indexOf(p.incomeBand) >= 2;
    const tier1 = people.filter((p) => ['110100', '310100', '440100', '440300'].includes(p.cityCode));
    const rest = people.filter((p) => !tier1.includes(p));
    expect(share(tier1, rich)).toBeGreaterThan(1.5 * share(rest, rich));
    expect(share(people, (p) => p.incomeBand === 'under_100k')).toBeGreaterThan(0.4);
    expect(share(people, (p) => p.incomeBand === 'over_1m')).toBeLessThan(0.03);
    expect(share(people, (p) => p.incomeBand === 'over_1m')).toBeGreaterThan(0);
  });

  it('rates most investors C2–C3, few C5, the old more cautious and the rich bolder', () => {
    const assessed = people.filter((p) => p.risk !== null);
    expect(assessed.length / N).toBeGreaterThan(0.9);
    const level = (p: Individual) => Number(p.risk?.level.slice(1));
    expect(share(assessed, (p) => level(p) === 2 || level(p) === 3)).toBeGreaterThan(0.55);
    expect(share(assessed, (p) => level(p) === 5)).toBeLessThan(0.1);
    expect(share(assessed, (p) => level(p) === 1)).toBeGreaterThan(0.03);
    const mean = (xs: Individual[]) => xs.reduce((s, p) => s + level(p), 0) / xs.length;
    expect(mean(assessed.filter((p) => ageOn(p.birthDate, END) >= 65))).toBeLessThan(
      mean(assessed.filter((p) => ageOn(p.birthDate, END) < 35)),
    );
    expect(mean(assessed.filter((p) => p.incomeBand === 'under_100k'))).toBeLessThan(
      mean(assessed.filter((p) => INCOME_BANDS.indexOf(p.incomeBand) >= 2)),
    );
    // Assessments expire after 12 months: some of the world must be due for renewal.
    expect(share(assessed, (p) => (p.risk?.assessedOn ?? '') < '2024-06-30')).toBeGreaterThan(0.15);
  });

  it('opens accounts only for adults and never after the end date', () => {
    const wrong = people.filter(
      (p) =>
        p.openedOn > END ||
        ageOn(p.birthDate, p.openedOn) < 18 ||
        (p.risk && (p.risk.assessedOn < p.openedOn || p.risk.assessedOn > END)),
    );
    expect(wrong).toEqual([]);
  });
});

describe('families', () => {
  it('records each tie once, in one direction, never also as its inverse', () => {
    const inverse = {
      spouse: 'spouse',
      parent: 'child',
      child: 'parent',
      employer: 'employee',
      employee: 'employer',
    };
    const keys = families.relationships.map((r) => `${r.customerRef}>${r.relatedRef}:${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    const set = new Set(keys);
    const twice = families.relationships.filter((r) =>
      set.has(`${r.relatedRef}>${r.customerRef}:${inverse[r.kind]}`),
    );
    expect(twice).toEqual([]);
    expect(families.relationships.length).toBeGreaterThan(N / 4);
  });

  it('marries people of the opposite sex and similar age who live in the same city', () => {
    const people = byRef();
    const spouses = families.relationships.filter((r) => r.kind === 'spouse');
    expect(spouses.length).toBeGreaterThan(N / 8);
    const wrong = spouses.filter((r) => {
      const [a, b] = [people.get(r.customerRef), people.get(r.relatedRef)];
      return (
        !a ||
        !b ||
        a.gender === b.gender ||
        a.cityCode !== b.cityCode ||
        Math.abs(ageOn(a.birthDate, END) - ageOn(b.birthDate, END)) > 15
      );
    });
    expect(wrong).toEqual([]);
  });

  it('gives children mothers at least 20 and fathers at least 18 years older, and a parent’s surname', () => {
    const people = byRef();
    const links = families.relationships.filter((r) => r.kind === 'parent');
    expect(links.length).toBeGreaterThan(100);
    const wrong = links.filter((r) => {
      const child = people.get(r.customerRef);
      const parent = people.get(r.relatedRef);
      if (!child || !parent) return true;
      const gap = ageOn(parent.birthDate, END) - ageOn(child.birthDate, END);
      return gap < (parent.gender === 'female' ? 20 : 18);
    });
    expect(wrong).toEqual([]);
    const fathers = links.filter((r) => people.get(r.relatedRef)?.gender === 'male');
    const sameSurname = fathers.filter(
      (r) => people.get(r.customerRef)?.name[0] === people.get(r.relatedRef)?.name[0],
    );
    expect(sameSurname.length / fathers.length).toBeGreaterThan(0.8);
  });

  it('groups each household in one city, headed by its first member, with no one in two households', () => {
    const people = byRef();
    const members = families.households.flatMap((h) => h.memberRefs);
    expect(new Set(members).size).toBe(members.length);
    const wrong = families.households.filter(
      (h) =>
        h.memberRefs.length < 2 ||
        h.memberRefs[0] !== h.headRef ||
        new Set(h.memberRefs.map((ref) => people.get(ref)?.cityCode)).size !== 1,
    );
    expect(wrong).toEqual([]);
    expect(families.households.length).toBeGreaterThan(N / 10);
  });
});
