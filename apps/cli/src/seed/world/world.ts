import { isCovered, isTradingDay } from '@onefin/products';
import type { ProductRecord } from './catalogue-types.ts';
import { type Corporate, generateCorporates } from './corporates.ts';
import { isWeekday } from './dates.ts';
import { type Fund, generateFunds } from './funds.ts';
import { generateFamilies, type Household, type Relationship } from './households.ts';
import { createPeopleGenerator, type Individual } from './people.ts';
import { generateProducts } from './products.ts';
import { createRng } from './random.ts';
import { type City, PROVINCES } from './regions.ts';

/**
 * The whole demo world for `onefin seed --customers N --seed S`, as plain records: no database, no
 * services. The same options always give the same world. Each part draws from its own stream of the
 * seed, so the catalogue is the same whatever the number of customers, and the individuals of a world
 * of 1,000 are the first 1,000 of the world of 10,000 with the same seed (but for the last family,
 * cut short where the count runs out).
 */
export interface WorldOptions {
  /** Individual customers to generate. */
  customers: number;
  seed: number | string;
  /** The last business date of the world (YYYY-MM-DD): ages, NAV histories and sales windows end here. */
  endDate: string;
  /** Corporate customers; by default one per 40 individuals (at least 3 when there are individuals). */
  corporates?: number;
  /**
   * The exchange calendar NAVs are published on. By default the products module's (weekdays less
   * the published closures) where it has a holiday table, plain weekdays before and after.
   */
  isTradingDay?: (date: string) => boolean;
  /** Mobile numbers already taken (the fixed demo log-ins), never handed out again. */
  reservedMobiles?: Iterable<string>;
}

export interface World {
  individuals: Individual[];
  corporates: Corporate[];
  /** Both directions of every family and employment link, as customers_relationships stores them. */
  relationships: Relationship[];
  households: Household[];
  /** Funds with their NAV histories; `product` is a products create input. */
  funds: Fund[];
  /** Every other product: wealth, deposits, loans, insurance, corporate products. */
  products: ProductRecord[];
}

export function generateWorld(options: WorldOptions): World {
  return { ...generateCustomers(options), ...generateCatalogue(options) };
}

/** The world's people and companies: individuals, corporates, families and employment. */
export function generateCustomers(
  options: WorldOptions,
): Pick<World, 'individuals' | 'corporates' | 'relationships' | 'households'> {
  const { customers, seed, endDate } = options;
  if (!Number.isInteger(customers) || customers < 0)
    throw new RangeError('customers must be a whole number ≥ 0');
  const root = createRng(seed);
  const people = createPeopleGenerator(root.fork('people'), endDate, options.reservedMobiles);
  const families = generateFamilies(people, root.fork('families'), endDate, customers);
  const individuals = families.people.map((p) => p.individual);
  const corporateCount =
    options.corporates ?? (customers === 0 ? 0 : Math.max(3, Math.round(customers / 40)));
  const { corporates, relationships: employment } = generateCorporates(
    root.fork('corporates'),
    individuals,
    cityByCode,
    corporateCount,
    endDate,
  );
  return {
    individuals,
    corporates,
    relationships: [...families.relationships, ...employment],
    households: families.households,
  };
}

/** The world's catalogue, the same whatever the number of customers: funds with NAVs, the other products. */
export function generateCatalogue(
  options: Pick<WorldOptions, 'seed' | 'endDate' | 'isTradingDay'>,
): Pick<World, 'funds' | 'products'> {
  const { seed, endDate } = options;
  const root = createRng(seed);
  return {
    funds: generateFunds(root.fork('funds'), { endDate, isTradingDay: options.isTradingDay ?? exchangeDay }),
    products: generateProducts(root.fork('products'), endDate),
  };
}

/** Products' exchange calendar where it has a holiday table, weekdays elsewhere. */
export function exchangeDay(date: string): boolean {
  return isCovered(date) ? isTradingDay(date) : isWeekday(date);
}

const cities = new Map<string, City>(PROVINCES.flatMap((p) => p.cities.map((c) => [c.code, c] as const)));

function cityByCode(code: string): City {
  const city = cities.get(code);
  if (!city) throw new RangeError(`unknown city ${code}`);
  return city;
}
