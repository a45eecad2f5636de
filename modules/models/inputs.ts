import {
  BILL_AMOUNTS,
  CREDIT_SCHEMA,
  MARKETING_SCHEMA,
  PAY_AMOUNTS,
  PAY_STATUS,
  type Table,
  type TableSchema,
} from '@onefin/ml';
import { z } from 'zod';
import { type CreditApplicant, MARKETING_LEVELS } from './reference.ts';

export type { CreditApplicant } from './reference.ts';
export { MARKETING_LEVELS } from './reference.ts';

/**
 * What the models read about one person, field for field the columns of the training files (without
 * the identifier and the target), so an applicant typed into the console, a customer in the feature
 * store and a row of `train.csv` all score the same way. Amounts are whole currency units.
 */

const whole = (min: number, max: number) => z.number().int().min(min).max(max);
/** Repayment status of a month: -2 no consumption, -1 paid in full, 0 revolving, 1–9 months late. */
const payStatus = whole(-2, 9);
const amount = whole(-10_000_000, 100_000_000);

export const creditApplicant = z.strictObject({
  LIMIT_BAL: whole(1, 100_000_000),
  /** 1 male, 2 female: recorded, and read only by the fair-lending comparison model. */
  SEX: z.union([z.literal(1), z.literal(2)]),
  /** 1 graduate school, 2 university, 3 high school, 4 others (0, 5, 6 unknown in the data). */
  EDUCATION: whole(0, 6),
  /** 1 married, 2 single, 3 others (0 unknown). */
  MARRIAGE: whole(0, 3),
  AGE: whole(18, 100),
  ...Object.fromEntries(PAY_STATUS.map((c) => [c, payStatus])),
  ...Object.fromEntries(BILL_AMOUNTS.map((c) => [c, amount])),
  ...Object.fromEntries(PAY_AMOUNTS.map((c) => [c, whole(0, 100_000_000)])),
}) as unknown as z.ZodType<CreditApplicant>;

const oneOf = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values);

/** A customer as a deposit campaign sees them: profile, this campaign's contacts, the previous one, the economy. */
export const marketingContact = z.strictObject({
  age: whole(16, 110),
  job: oneOf(MARKETING_LEVELS.job),
  marital: oneOf(MARKETING_LEVELS.marital),
  education: oneOf(MARKETING_LEVELS.education),
  default: oneOf(MARKETING_LEVELS.default),
  housing: oneOf(MARKETING_LEVELS.housing),
  loan: oneOf(MARKETING_LEVELS.loan),
  contact: oneOf(MARKETING_LEVELS.contact),
  month: oneOf(MARKETING_LEVELS.month),
  day_of_week: oneOf(MARKETING_LEVELS.day_of_week),
  /** Contacts in this campaign, this one included. */
  campaign: whole(1, 100),
  /** Days since the previous campaign's last contact; 999 never contacted. */
  pdays: whole(0, 999),
  previous: whole(0, 100),
  poutcome: oneOf(MARKETING_LEVELS.poutcome),
  'emp.var.rate': z.number().min(-20).max(20),
  'cons.price.idx': z.number().min(50).max(200),
  'cons.conf.idx': z.number().min(-100).max(100),
  euribor3m: z.number().min(-5).max(20),
  'nr.employed': z.number().min(1000).max(10000),
});
export type MarketingContact = z.infer<typeof marketingContact>;

/**
 * A table of validated records in the training file's layout, for the scoring functions of @onefin/ml.
 * Columns no record carries (the identifier, the target, `duration`) are left out: no model reads them.
 */
function tableOf(schema: TableSchema, records: readonly Record<string, number | string>[]): Table {
  const numbers = new Map<string, Float64Array>();
  const texts = new Map<string, string[]>();
  const columns: string[] = [];
  const first = records[0] ?? {};
  for (const spec of schema.columns) {
    if (!(spec.name in first)) continue;
    columns.push(spec.name);
    if (spec.kind === 'number')
      numbers.set(
        spec.name,
        Float64Array.from(records, (r) => r[spec.name] as number),
      );
    else
      texts.set(
        spec.name,
        records.map((r) => r[spec.name] as string),
      );
  }
  return { rowCount: records.length, columns, numbers, texts };
}

export const creditTable = (records: readonly CreditApplicant[]) => tableOf(CREDIT_SCHEMA, records);
export const marketingTable = (records: readonly MarketingContact[]) => tableOf(MARKETING_SCHEMA, records);
