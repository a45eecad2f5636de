import { type Channel, type ProvinceCode, residentIdCheckDigit } from '@onefin/customers';
import { createEmailAllocator, createMobileAllocator, randomAddress } from './contacts.ts';
import { addYears, ageOn, fromEpochDay, toEpochDay } from './dates.ts';
import { type Gender, randomGivenName, randomSurname, type Surname } from './names.ts';
import {
  type IncomeBand,
  type InvestorRiskLevel,
  type Occupation,
  randomIncomeBand,
  randomOccupation,
  randomRiskLevel,
} from './profile.ts';
import { type Rng, weightedPicker } from './random.ts';
import { type City, PROVINCES, type Province } from './regions.ts';

/** Where a customer was first served (DESIGN: every order and account records its channel). */
export type { Channel };

/** One generated individual customer, as the customers service's bulk insert will take it. */
export interface Individual {
  /** Stable within a world (`P000001`); the lead maps it to the customer id the service assigns. */
  ref: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD, the same date the ID number carries. */
  birthDate: string;
  /** 18 characters, GB 11643 check digit; the region is the birthplace, not necessarily `cityCode`. */
  idNumber: string;
  mobile: string;
  email: string | null;
  /** Where the customer lives now. */
  provinceCode: ProvinceCode;
  cityCode: string;
  city: string;
  address: string;
  occupation: Occupation;
  incomeBand: IncomeBand;
  /** The last questionnaire; about a third are older than 12 months (expired), a few never took it. */
  risk: { level: InvestorRiskLevel; assessedOn: string } | null;
  status: 'prospect' | 'active' | 'dormant';
  openedOn: string;
  openedChannel: Channel;
}

/** A generated person plus what relatives are derived from (not stored on the customer). */
export interface PersonDraft {
  individual: Individual;
  surname: Surname;
  home: City;
  /** Birthplace: the city whose district code starts the ID number. */
  hometown: City;
}

export interface PersonConstraints {
  gender?: Gender;
  age?: number;
  surname?: Surname;
  home?: City;
  hometown?: City;
}

export const MIN_AGE = 18;
export const MAX_AGE = 80;

/**
 * Adult customers by age: a population pyramid of the 2020 census shape, times how likely each age
 * is to hold financial products online (thin under 25 and over 70).
 */
const AGE_WEIGHTS: [number, number, number][] = [
  [18, 24, 0.7],
  [25, 34, 1.3],
  [35, 44, 1.25],
  [45, 54, 1.2],
  [55, 64, 0.95],
  [65, 74, 0.55],
  [75, 80, 0.3],
];
const ages: number[] = [];
const ageWeights: number[] = [];
for (const [from, to, w] of AGE_WEIGHTS) {
  for (let a = from; a <= to; a++) {
    ages.push(a);
    ageWeights.push(w);
  }
}
const pickAge = weightedPicker(ages, ageWeights);

const allCities: { city: City; province: Province }[] = PROVINCES.flatMap((province) =>
  province.cities.map((city) => ({ city, province })),
);
/** A province's population is spread over its listed cities in proportion to theirs. */
const cityWeights = allCities.map(({ city, province }) => {
  const listed = province.cities.reduce((sum, c) => sum + c.population, 0);
  return (province.population * city.population) / listed;
});
const pickCity = weightedPicker(allCities, cityWeights);
const provinceOfCity = new Map(allCities.map(({ city, province }) => [city.code, province]));

/** The province a listed city belongs to. */
export function provinceOfCityCode(code: string): Province {
  const p = provinceOfCity.get(code);
  if (!p) throw new RangeError(`unknown city ${code}`);
  return p;
}

/** Share of residents born elsewhere: migrants go to the big cities. */
const MIGRANT_SHARE = [0, 0.55, 0.4, 0.2, 0.1];
const pickChannel = weightedPicker<Channel>(
  ['app', 'web', 'branch', 'agent', 'phone', 'corporate'],
  [45, 15, 20, 10, 5, 5],
);

export interface PeopleGenerator {
  person(constraints?: PersonConstraints): PersonDraft;
  /** A city weighted by population, for callers placing people or companies. */
  randomCity(): City;
}

/** Creates a generator of individuals that never repeats an ID number, mobile or e-mail. */
export function createPeopleGenerator(
  rng: Rng,
  endDate: string,
  reservedMobiles: Iterable<string> = [],
): PeopleGenerator {
  const nextMobile = createMobileAllocator(rng, reservedMobiles);
  const nextEmail = createEmailAllocator(rng);
  const idNumbers = new Set<string>();
  const endDay = toEpochDay(endDate);
  let count = 0;

  function residentId(hometown: City, birthDate: string, gender: Gender): string {
    const region = rng.pick(hometown.districts);
    const date = birthDate.replaceAll('-', '');
    for (;;) {
      // Sequence: two digits for the registering police station, then odd for men, even for women.
      const last = rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
      const body = `${region}${date}${String(rng.int(0, 99)).padStart(2, '0')}${last}`;
      const id = body + residentIdCheckDigit(body);
      if (!idNumbers.has(id)) {
        idNumbers.add(id);
        return id;
      }
    }
  }

  function person(c: PersonConstraints = {}): PersonDraft {
    const gender = c.gender ?? (rng.chance(0.5) ? 'male' : 'female');
    const age = Math.min(MAX_AGE, Math.max(MIN_AGE, c.age ?? pickAge(rng)));
    // Born on a day that makes the person exactly `age` on the end date.
    const latest = toEpochDay(addYears(endDate, -age));
    const earliest = toEpochDay(addYears(endDate, -age - 1)) + 1;
    const birthDate = fromEpochDay(rng.int(earliest, latest));
    const home = c.home ?? pickCity(rng).city;
    const hometown =
      c.hometown ?? (rng.chance(MIGRANT_SHARE[home.tier] as number) ? pickCity(rng).city : home);
    const province = provinceOfCityCode(home.code);
    const surname = c.surname ?? randomSurname(rng);
    const occupation = randomOccupation(rng, age, gender, home.tier);
    const incomeBand = randomIncomeBand(rng, age, occupation, home.tier);
    // Customers since at most 10 years, never before turning 18.
    const adultDay = toEpochDay(addYears(birthDate, MIN_AGE));
    const openedDay = rng.int(Math.max(adultDay, endDay - 3650), endDay);
    const assessed = rng.chance(0.95);
    const assessedDay = rng.int(Math.max(openedDay, endDay - 540), endDay);
    count++;
    const individual: Individual = {
      ref: `P${String(count).padStart(6, '0')}`,
      name: surname.zh + randomGivenName(rng, gender, Number(birthDate.slice(0, 4))),
      gender,
      birthDate,
      idNumber: residentId(hometown, birthDate, gender),
      mobile: nextMobile(),
      email: rng.chance(age < 50 ? 0.55 : 0.25) ? nextEmail(surname, birthDate) : null,
      provinceCode: province.code,
      cityCode: home.code,
      city: home.nameZh,
      address: randomAddress(rng, province.nameZh, home.nameZh),
      occupation,
      incomeBand,
      risk: assessed
        ? { level: randomRiskLevel(rng, age, incomeBand), assessedOn: fromEpochDay(assessedDay) }
        : null,
      status: !assessed ? 'prospect' : rng.chance(0.9) ? 'active' : 'dormant',
      openedOn: fromEpochDay(openedDay),
      openedChannel: pickChannel(rng),
    };
    return { individual, surname, home, hometown };
  }

  return { person, randomCity: () => pickCity(rng).city };
}

/** Age in whole years on `endDate`. */
export function ageOf(p: Individual, endDate: string): number {
  return ageOn(p.birthDate, endDate);
}
