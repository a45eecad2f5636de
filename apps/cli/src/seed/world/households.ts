import type { RelationshipKind } from '@onefin/customers';
import type { Gender } from './names.ts';
import { ageOf, MAX_AGE, MIN_AGE, type PeopleGenerator, type PersonDraft } from './people.ts';
import type { Rng } from './random.ts';

/**
 * Families among the generated customers. A household starts from one person and may add a spouse
 * (opposite gender, about two years' gap, same city, her own surname: Chinese women keep theirs),
 * adult children (born when the mother was 22–34, the father's surname nine times in ten, an ID number
 * from the city the parents lived in) and the head's parents (living in the head's home town, which is
 * where the head's ID number comes from). Only adults are customers, so children under 18 are not made.
 */
/**
 * `relatedRef` is `kind` to `customerRef`, one record per pair: the customers service's bulk load
 * (`addRelationshipsBulk`) stores the inverse itself and derives households from family ties.
 */
export interface Relationship {
  customerRef: string;
  relatedRef: string;
  kind: RelationshipKind;
}

/** The family units as generated; the customers service derives its own households from the ties. */
export interface Household {
  ref: string;
  name: string;
  headRef: string;
  memberRefs: string[];
}

export interface Families {
  people: PersonDraft[];
  relationships: Relationship[];
  households: Household[];
}

/** Married share by age (2020 census, rounded). */
function marriedShare(age: number): number {
  if (age < 25) return 0.1;
  if (age < 30) return 0.5;
  if (age < 60) return 0.85;
  return 0.72;
}

const clampAge = (a: number) => Math.min(MAX_AGE, Math.max(MIN_AGE, Math.round(a)));
const other = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');

/** Generates `count` individuals grouped into families, one relationship record per pair. */
export function generateFamilies(gen: PeopleGenerator, rng: Rng, endDate: string, count: number): Families {
  const people: PersonDraft[] = [];
  const relationships: Relationship[] = [];
  const households: Household[] = [];
  const room = () => count - people.length;
  const add = (p: PersonDraft) => {
    people.push(p);
    return p;
  };
  const link = (a: PersonDraft, b: PersonDraft, bIsToA: RelationshipKind) => {
    relationships.push({ customerRef: a.individual.ref, relatedRef: b.individual.ref, kind: bIsToA });
  };
  const household = (members: PersonDraft[]) => {
    const [head] = members;
    if (!head || members.length < 2) return;
    households.push({
      ref: `H${String(households.length + 1).padStart(6, '0')}`,
      name: `${head.individual.name}家`,
      headRef: head.individual.ref,
      memberRefs: members.map((m) => m.individual.ref),
    });
  };

  while (room() > 0) {
    const head = add(gen.person());
    const age = ageOf(head.individual, endDate);
    const home: PersonDraft[] = [head];

    let spouse: PersonDraft | undefined;
    if (room() > 0 && rng.chance(marriedShare(age))) {
      // Husbands are on average two years older; rarely more than three years younger.
      const gap = Math.max(-3, Math.min(12, rng.normal(2, 2.5)));
      const spouseAge = clampAge(head.individual.gender === 'male' ? age - gap : age + gap);
      spouse = add(
        gen.person({
          gender: other(head.individual.gender),
          age: spouseAge,
          home: head.home,
          ...(rng.chance(0.5) ? { hometown: head.hometown } : {}),
        }),
      );
      link(head, spouse, 'spouse');
      home.push(spouse);
    }

    if (spouse) {
      const [father, mother] = head.individual.gender === 'male' ? [head, spouse] : [spouse, head];
      const motherAge = ageOf(mother.individual, endDate);
      const children = rng.weighted([0, 1, 2], [0.35, 0.5, 0.15]);
      for (let i = 0; i < children && room() > 0; i++) {
        const childAge = motherAge - rng.int(22, 34);
        if (childAge < MIN_AGE) break;
        const staysHome = rng.chance(0.65);
        const child = add(
          gen.person({
            age: childAge,
            surname: rng.chance(0.9) ? father.surname : mother.surname,
            hometown: father.home,
            ...(staysHome ? { home: father.home } : {}),
          }),
        );
        link(father, child, 'child');
        link(mother, child, 'child');
        if (staysHome) home.push(child);
      }
    }
    household(home);

    if (age <= MAX_AGE - 20 && room() > 0 && rng.chance(0.15)) {
      // The head's parents, still living in the head's home town.
      const fatherAge = age + rng.int(24, 34);
      const motherAge = fatherAge - rng.int(0, 4);
      const parents: PersonDraft[] = [];
      const at = { home: head.hometown, hometown: head.hometown };
      if (fatherAge <= MAX_AGE && rng.chance(0.8)) {
        parents.push(add(gen.person({ gender: 'male', age: fatherAge, surname: head.surname, ...at })));
      }
      if (motherAge <= MAX_AGE && room() > 0 && rng.chance(0.8)) {
        parents.push(add(gen.person({ gender: 'female', age: motherAge, ...at })));
      }
      for (const p of parents) link(head, p, 'parent');
      const [dad, mum] = parents;
      if (dad && mum) {
        link(dad, mum, 'spouse');
        household(parents);
      }
    }
  }
  return { people, relationships, households };
}
