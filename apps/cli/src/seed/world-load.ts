import {
  type Answer,
  type AssessmentRecord,
  answersForLevel,
  type ContactRecord,
  type CorporateRecord,
  type IndividualRecord,
  type Questionnaire,
  type RelationshipRecord,
  type RiskLevel,
} from '@onefin/customers';
import type { Executor } from '@onefin/kernel';
import type { Services } from '@onefin/platform';
import type { BulkNav, BulkProduct } from '@onefin/products';
import type { ContactRole, Corporate } from './world/corporates.ts';
import { fromEpochDay, toEpochDay } from './world/dates.ts';
import type { Individual } from './world/people.ts';
import { createRng, type Rng } from './world/random.ts';
import type { World } from './world/world.ts';

/** The stages the progress bar names while the world is written. */
export type WorldStage =
  | 'customers'
  | 'corporates'
  | 'relationships'
  | 'assessments'
  | 'funds & NAVs'
  | 'products';

export interface WorldCounts {
  individuals: number;
  corporates: number;
  relationships: number;
  contacts: number;
  assessments: number;
  funds: number;
  navs: number;
  products: number;
}

export interface LoadWorldOptions {
  /** The seed the world was generated with: it also picks the questionnaire answers. */
  seed: number | string;
  /** The world's last business date (as generated). */
  endDate: string;
  /** Called as each stage begins. */
  onStage?: (stage: WorldStage) => void;
  /** Called after each chunk with the rows it wrote. */
  onRows?: (stage: WorldStage, rows: number) => void;
}

/** What `loadWorld` wrote: the counts, and the customer id each generated individual got. */
export interface LoadedWorld {
  counts: WorldCounts;
  /** Individual's `ref` → customer id. */
  individualIds: Map<string, string>;
}

const CUSTOMER_CHUNK = 2000;
const LINK_CHUNK = 4000;
const NAV_CHUNK = 6000;

/** How many rows `loadWorld` writes: the progress bar's share of the world. */
export function worldRows(world: World): number {
  const c = countsOf(world);
  return (
    c.individuals +
    c.corporates +
    c.relationships +
    c.contacts +
    c.assessments +
    c.funds +
    c.navs +
    c.products
  );
}

function countsOf(world: World): WorldCounts {
  return {
    individuals: world.individuals.length,
    corporates: world.corporates.length,
    relationships: world.relationships.length,
    contacts: world.corporates.reduce((n, c) => n + c.contacts.length, 0),
    // every corporate answers the corporate questionnaire; individuals as generated (a few never did)
    assessments: world.individuals.filter((p) => p.risk).length + world.corporates.length,
    funds: world.funds.length,
    navs: world.funds.reduce((n, f) => n + f.navs.length, 0),
    products: world.products.length,
  };
}

/**
 * True when this database already holds a demo world. A world is loaded all or nothing, so one of its
 * products tells: the first of the catalogue (deposits, wealth, loans and insurance have the same codes
 * whatever the seed, so a world of another seed or size is found too), or failing that its first fund.
 */
export async function isWorldLoaded(
  services: Services,
  world: Pick<World, 'funds' | 'products'>,
): Promise<boolean> {
  const probes = [world.products[0]?.code, world.funds[0]?.product.code].filter((c) => c !== undefined);
  for (const code of probes) {
    const found = await services.products.listProducts({ q: code, limit: 5 });
    if (found.items.some((p) => p.code === code)) return true;
  }
  return false;
}

/**
 * Writes a generated world through the customers and products services' bulk paths, in one
 * transaction: a failure anywhere leaves none of the world behind, so "is the world there?" has a
 * yes-or-no answer and a rerun after a crash starts clean. Rows go in chunks (each bulk method then
 * writes one statement per table per chunk) so the progress bar moves as they do.
 */
export async function loadWorld(
  target: { services: Services; db: { primary: Executor } },
  world: World,
  options: LoadWorldOptions,
): Promise<LoadedWorld> {
  const { customers, products } = target.services;
  const onRows = options.onRows ?? (() => undefined);
  const onStage = options.onStage ?? (() => undefined);
  const now = target.services.clock.now();
  // Read before the transaction opens: PGlite has one connection, and the transaction holds it.
  const questionnaires = {
    individual: await customers.currentQuestionnaire('individual'),
    corporate: await customers.currentQuestionnaire('corporate'),
  };
  await products.tradingCalendar();
  const rng = createRng(options.seed).fork('seed:questionnaire-answers');
  const answers = {
    individual: answerSheets(questionnaires.individual, rng),
    corporate: answerSheets(questionnaires.corporate, rng),
  };

  const ids = new Map<string, string>();
  await target.db.primary.transaction().execute(async (trx) => {
    /** The bulk methods return the new customers in the order given. */
    const remember = (refs: readonly { ref: string }[], created: readonly { id: string }[]) => {
      for (const [i, c] of created.entries()) ids.set(refs[i]?.ref ?? '', c.id);
    };
    const idOf = (ref: string) => {
      const id = ids.get(ref);
      if (!id) throw new Error(`seed: the world refers to ${ref}, which it does not contain`);
      return id;
    };

    onStage('customers');
    for (const chunk of chunks(world.individuals, CUSTOMER_CHUNK)) {
      const created = await customers.createIndividualsBulk(chunk.map(individualRecord(now)), trx);
      remember(chunk, created);
      onRows('customers', chunk.length);
    }

    onStage('corporates');
    for (const chunk of chunks(world.corporates, CUSTOMER_CHUNK)) {
      const created = await customers.createCorporatesBulk(chunk.map(corporateRecord(now)), trx);
      remember(chunk, created);
      const contacts: ContactRecord[] = chunk.flatMap((corporate) =>
        corporate.contacts.map((k) => ({
          corporateId: idOf(corporate.ref),
          individualId: idOf(k.individualRef),
          role: CONTACT_ROLES[k.role],
        })),
      );
      await customers.addCorporateContactsBulk(contacts, trx);
      onRows('corporates', chunk.length + contacts.length);
    }

    onStage('relationships');
    for (const chunk of chunks(world.relationships, LINK_CHUNK)) {
      const links: RelationshipRecord[] = chunk.map((r) => ({
        customerId: idOf(r.customerRef),
        relatedId: idOf(r.relatedRef),
        kind: r.kind,
      }));
      await customers.addRelationshipsBulk(links, trx);
      onRows('relationships', chunk.length);
    }

    onStage('assessments');
    const assessments: AssessmentRecord[] = [
      ...world.individuals.flatMap((p) =>
        p.risk
          ? [assessment(idOf(p.ref), answers.individual, p.risk.level, p.risk.assessedOn, rng, now)]
          : [],
      ),
      ...world.corporates.map((c) =>
        assessment(
          idOf(c.ref),
          answers.corporate,
          corporateLevel(rng),
          corporateAssessedOn(c, options.endDate, rng),
          rng,
          now,
          c.openedChannel,
        ),
      ),
    ];
    for (const chunk of chunks(assessments, CUSTOMER_CHUNK)) {
      await customers.recordAssessmentsBulk(chunk, trx);
      onRows('assessments', chunk.length);
    }

    onStage('funds & NAVs');
    await bulkLoad(
      products,
      world.funds.map((f) => onSale(f.product)),
      trx,
    );
    onRows('funds & NAVs', world.funds.length);
    const navs: BulkNav[] = world.funds.flatMap((f) =>
      f.navs.map((nav) => ({ ...nav, fundCode: f.product.attributes.fundCode })),
    );
    for (const chunk of chunks(navs, NAV_CHUNK)) {
      const loaded = await products.bulkLoadNavs(chunk, trx);
      if (!loaded.ok) throw new Error(`seed: the NAV history was refused: ${loaded.detail ?? loaded.error}`);
      onRows('funds & NAVs', chunk.length);
    }

    onStage('products');
    await bulkLoad(products, world.products.map(onSale), trx);
    onRows('products', world.products.length);
  });
  const individualIds = new Map(world.individuals.map((p) => [p.ref, ids.get(p.ref) as string]));
  return { counts: countsOf(world), individualIds };
}

/**
 * The seed is the operator's trusted bootstrap (as identity's bootstrapStaff is for staff): its
 * catalogue goes on sale directly through the bulk path, without a maker–checker review per product,
 * so the supermarket has every kind to show from the first start.
 */
const onSale = (input: BulkProduct['input']): BulkProduct => ({ input, status: 'on_sale' });

async function bulkLoad(products: Services['products'], items: BulkProduct[], trx: Executor): Promise<void> {
  const loaded = await products.bulkLoadProducts(items, trx);
  if (!loaded.ok) throw new Error(`seed: the catalogue was refused: ${loaded.detail ?? loaded.error}`);
}

/** The contact's authority as the console shows it (授权事项). */
const CONTACT_ROLES: Record<ContactRole, string> = {
  authorised_agent: '经办人',
  finance_manager: '财务负责人',
  hr_manager: '人事负责人',
};

/**
 * An instant on a business date, during Shanghai office hours (spread by the record's position so a
 * list sorted by time is not one tie), never after `now`.
 */
function during(date: string, position: number, now: Date): Date {
  const minutes = 9 * 60 + ((position * 37) % (8 * 60));
  const at = new Date(Date.parse(`${date}T00:00:00+08:00`) + minutes * 60_000);
  return at.getTime() > now.getTime() ? now : at;
}

const position = (ref: string) => Number(ref.slice(1));

function individualRecord(now: Date) {
  return (p: Individual): IndividualRecord => ({
    name: p.name,
    idNumber: p.idNumber,
    mobile: p.mobile,
    email: p.email,
    provinceCode: p.provinceCode,
    city: p.city,
    address: p.address,
    occupation: p.occupation,
    incomeBand: p.incomeBand,
    // Opened customers passed real-name verification; a prospect never finished opening.
    isRealNameVerified: p.status !== 'prospect',
    status: p.status,
    channel: p.openedChannel,
    createdAt: during(p.openedOn, position(p.ref), now),
  });
}

function corporateRecord(now: Date) {
  return (c: Corporate): CorporateRecord => ({
    name: c.name,
    uscc: c.uscc,
    industry: c.industry,
    size: c.size,
    legalRepresentative: c.legalRepresentative,
    provinceCode: c.provinceCode,
    city: c.city,
    address: c.address,
    isRealNameVerified: true,
    status: 'active',
    channel: c.openedChannel,
    createdAt: during(c.openedOn, position(c.ref), now),
  });
}

/** Companies answer the corporate questionnaire mostly C2–C4 (treasury money, not speculation). */
const corporateLevel = (rng: Rng): RiskLevel =>
  rng.weighted<RiskLevel>(['C1', 'C2', 'C3', 'C4', 'C5'], [5, 30, 40, 20, 5]);

/** Within the last 18 months, as individuals' are (so about a third are due for renewal). */
function corporateAssessedOn(c: Corporate, endDate: string, rng: Rng): string {
  return fromEpochDay(Math.max(toEpochDay(endDate) - rng.int(0, 540), toEpochDay(c.openedOn)));
}

/**
 * Answer sheets per level: a few dozen different ways of scoring into each band are plenty for a demo,
 * and building one per customer was most of this stage's own time.
 */
type AnswerSheets = Map<RiskLevel, Answer[][]>;
const SHEETS_PER_LEVEL = 32;

function answerSheets(questionnaire: Questionnaire, rng: Rng): AnswerSheets {
  const pick = (n: number) => rng.int(0, n - 1);
  return new Map(
    questionnaire.bands.map((b) => [
      b.level,
      Array.from({ length: SHEETS_PER_LEVEL }, () => answersForLevel(questionnaire, b.level, pick)),
    ]),
  );
}

function assessment(
  customerId: string,
  sheets: AnswerSheets,
  level: RiskLevel,
  on: string,
  rng: Rng,
  now: Date,
  channel: AssessmentRecord['channel'] = 'app',
): AssessmentRecord {
  const answers = sheets.get(level);
  if (!answers) throw new Error(`seed: the questionnaire has no ${level} band`);
  return { customerId, answers: rng.pick(answers), channel, assessedAt: during(on, rng.int(0, 999), now) };
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
