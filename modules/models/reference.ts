/**
 * The models' vocabulary the console shares with the server: the credit applicant's fields, the
 * marketing levels and a campaign row. Imports nothing a browser bundle cannot take.
 */
import { BILL_AMOUNTS, PAY_AMOUNTS, PAY_STATUS } from '@onefin/ml/credit-columns';

export { BILL_AMOUNTS, PAY_AMOUNTS, PAY_STATUS };

export const MODEL_NAMES = ['credit', 'marketing'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** trained → validated (an analyst checked the figures) → active (maker–checker) → retired. */
export const MODEL_STATUSES = ['trained', 'validated', 'active', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** An applicant as the scorecard reads them: the training file's columns without ID and target. */
export type CreditApplicant = {
  LIMIT_BAL: number;
  SEX: 1 | 2;
  EDUCATION: number;
  MARRIAGE: number;
  AGE: number;
} & Record<
  (typeof PAY_STATUS)[number] | (typeof BILL_AMOUNTS)[number] | (typeof PAY_AMOUNTS)[number],
  number
>;

/** The levels of the marketing data's categorical columns (data/marketing/README.md). */
export const MARKETING_LEVELS = {
  job: [
    'admin.',
    'blue-collar',
    'entrepreneur',
    'housemaid',
    'management',
    'retired',
    'self-employed',
    'services',
    'student',
    'technician',
    'unemployed',
    'unknown',
  ],
  marital: ['divorced', 'married', 'single', 'unknown'],
  education: [
    'basic.4y',
    'basic.6y',
    'basic.9y',
    'high.school',
    'illiterate',
    'professional.course',
    'university.degree',
    'unknown',
  ],
  default: ['no', 'yes', 'unknown'],
  housing: ['no', 'yes', 'unknown'],
  loan: ['no', 'yes', 'unknown'],
  contact: ['cellular', 'telephone'],
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  day_of_week: ['mon', 'tue', 'wed', 'thu', 'fri'],
  poutcome: ['failure', 'nonexistent', 'success'],
} as const;

/** One row of the deposit campaign list. */
export type CampaignTarget = {
  rank: number;
  customerId: string;
  customerNo: string;
  name: string;
  mobileMasked: string | null;
  age: number;
  job: string;
  contacts: number;
  previousOutcome: string;
  probability: number;
  score: number;
};
