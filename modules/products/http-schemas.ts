import { CURRENCIES, type CurrencyCode, HttpProblem, parseMoney, toMoneyDto } from '@onefin/kernel';
import { z } from 'zod';
import { businessDate, productAttributes, rate } from './attributes.ts';
import {
  CHANNELS,
  CUSTOMER_TYPES,
  PRODUCT_KINDS,
  PRODUCT_STATUSES,
  type Product,
  type ProductEvent,
  type ProductSummary,
  RISK_LEVELS,
} from './model.ts';
import { SUITABILITY_REFUSALS, type SuitabilityDecision } from './suitability.ts';
import { SUPERMARKET_SORTS } from './supermarket.ts';
import { addCalendarDays } from './trading-calendar.ts';

export const moneyDto = z.object({ amount: z.string(), currency: z.enum(CURRENCIES as [CurrencyCode]) });
const range = <T extends z.ZodType>(t: T) => z.object({ min: t, max: t }).nullable();

export const suitabilityDto = z.object({
  allowed: z.boolean(),
  reason: z.enum(SUITABILITY_REFUSALS).optional(),
  messageZh: z.string().optional(),
  messageEn: z.string().optional(),
  productRisk: z.enum(RISK_LEVELS),
  customerRisk: z.string().nullable(),
});

export function toSuitabilityDto(s: SuitabilityDecision) {
  return s.allowed
    ? { allowed: true, productRisk: s.productRisk, customerRisk: s.customerRisk }
    : {
        allowed: false,
        reason: s.reason,
        messageZh: s.messageZh,
        messageEn: s.messageEn,
        productRisk: s.productRisk,
        customerRisk: s.customerRisk,
      };
}

const latestNavDto = z
  .object({
    date: z.string(),
    nav: z.string(),
    accNav: z.string(),
    dailyReturn: z.string().nullable(),
    per10kIncome: z.string().nullable(),
    yield7d: z.string().nullable(),
    return1y: z.string().nullable(),
  })
  .nullable();

/** A row of the supermarket list: enough to show and filter, not the whole terms sheet. */
export const productSummaryDto = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  category: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  currency: z.string(),
  channels: z.array(z.enum(CHANNELS)),
  customerTypes: z.array(z.enum(CUSTOMER_TYPES)),
  status: z.enum(PRODUCT_STATUSES),
  yield: range(z.string()),
  termDays: range(z.number().int()),
  minimumAmount: moneyDto.nullable(),
  latestNav: latestNavDto,
  salesStart: z.iso.datetime().nullable(),
  salesEnd: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  /** Present when a customer is signed in: may they buy it here? */
  suitability: suitabilityDto.optional(),
});

export const productDetailDto = productSummaryDto.extend({
  disclosure: z.object({ zh: z.string(), en: z.string() }),
  attributes: productAttributes,
});

export const consoleProductDto = productDetailDto.extend({
  version: z.number().int(),
  reviewApprovalId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const productEventDto = z.object({
  version: z.number().int(),
  action: z.string(),
  fromStatus: z.enum(PRODUCT_STATUSES).nullable(),
  toStatus: z.enum(PRODUCT_STATUSES),
  actorId: z.string().nullable(),
  approvalId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: z.iso.datetime(),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toSummaryDto(p: ProductSummary, suitability?: SuitabilityDecision) {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    category: p.category,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    riskLevel: p.riskLevel,
    currency: p.currency,
    channels: p.channels,
    customerTypes: p.customerTypes,
    status: p.status,
    yield: p.yieldMin !== null && p.yieldMax !== null ? { min: p.yieldMin, max: p.yieldMax } : null,
    termDays:
      p.termDaysMin !== null && p.termDaysMax !== null ? { min: p.termDaysMin, max: p.termDaysMax } : null,
    minimumAmount: p.minimumAmount ? toMoneyDto(p.minimumAmount) : null,
    latestNav: p.latestNav,
    salesStart: iso(p.salesStart),
    salesEnd: iso(p.salesEnd),
    publishedAt: iso(p.publishedAt),
    ...(suitability ? { suitability: toSuitabilityDto(suitability) } : {}),
  };
}

export function toDetailDto(p: Product, suitability?: SuitabilityDecision) {
  return { ...toSummaryDto(p, suitability), disclosure: p.disclosure, attributes: p.attributes };
}

export function toConsoleDto(p: Product) {
  return {
    ...toDetailDto(p),
    version: p.version,
    reviewApprovalId: p.reviewApprovalId,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const toEventDto = (e: ProductEvent) => ({ ...e, at: e.at.toISOString() });

export const navPointDto = z.object({
  date: z.string(),
  nav: z.string(),
  accNav: z.string(),
  per10kIncome: z.string().nullable(),
  yield7d: z.string().nullable(),
});

const navIssueDto = z.object({
  line: z.number().int(),
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  fundCode: z.string().optional(),
  date: z.string().optional(),
});

export const navReportDto = z.object({
  accepted: z.boolean(),
  dryRun: z.boolean(),
  importId: z.string().nullable(),
  rows: z.number().int(),
  inserted: z.number().int(),
  unchanged: z.number().int(),
  funds: z.number().int(),
  errors: z.array(navIssueDto),
  warnings: z.array(navIssueDto),
});

/** `a,b,c` in a query string, each checked by `item`. */
function commaList<T extends z.ZodType<string, string>>(item: T, max: number) {
  return z
    .string()
    .max(400)
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(item).min(1).max(max));
}

export const catalogueQuery = z
  .strictObject({
    kind: commaList(z.enum(PRODUCT_KINDS), PRODUCT_KINDS.length).optional(),
    category: commaList(
      z.string().regex(/^[a-z_]{2,30}$/, 'a category such as equity or private'),
      20,
    ).optional(),
    maxRisk: z.enum(RISK_LEVELS).optional(),
    termMin: z.coerce.number().int().min(0).max(36_500).optional(),
    termMax: z.coerce.number().int().min(0).max(36_500).optional(),
    minYield: rate.optional(),
    /** Decimal string in `currency`, e.g. 10000.00: products whose minimum purchase is at most this. */
    maxMinAmount: z.string().max(20).optional(),
    currency: z.enum(CURRENCIES as [CurrencyCode]).default('CNY'),
    customerType: z.enum(CUSTOMER_TYPES).optional(),
    q: z.string().trim().min(1).max(50).optional(),
    sort: z.enum(SUPERMARKET_SORTS).default('code'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(400).optional(),
    /** The channel the customer is on, for "suitable for me". */
    channel: z.enum(['web', 'app']).default('web'),
  })
  .superRefine((q, ctx) => {
    if (q.termMin !== undefined && q.termMax !== undefined && q.termMin > q.termMax)
      ctx.addIssue({ code: 'custom', path: ['termMax'], message: 'must be ≥ termMin' });
    if (q.maxMinAmount !== undefined) {
      try {
        if (parseMoney(q.maxMinAmount, q.currency).amount < 0n) throw new RangeError('negative');
      } catch {
        ctx.addIssue({
          code: 'custom',
          path: ['maxMinAmount'],
          message: `a non-negative ${q.currency} amount`,
        });
      }
    }
  });

export const compareQuery = z.strictObject({
  ids: commaList(z.string().min(1).max(64), 4)
    .refine((ids) => ids.length >= 2, 'compare 2 to 4 products')
    .refine((ids) => new Set(ids).size === ids.length, 'no repeats'),
  channel: z.enum(['web', 'app']).default('web'),
});

/** A date range for NAV charts: at most ten years, `to` defaults to today, `from` to a year before `to`. */
export const navRangeQuery = z.strictObject({ from: businessDate.optional(), to: businessDate.optional() });
const MAX_NAV_RANGE_DAYS = 3660;

/** A date range for charts: defaults to the year up to today; more than ten years is refused. */
export function navRange(q: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to = q.to ?? today;
  const from = q.from ?? addCalendarDays(to, -365);
  if (from > to)
    throw new HttpProblem(400, 'validation_failed', 'Invalid request', 'querystring.from: must be ≤ to', [
      { field: 'querystring.from', message: 'must be ≤ to' },
    ]);
  if (Date.parse(to) - Date.parse(from) > MAX_NAV_RANGE_DAYS * 86_400_000)
    throw new HttpProblem(
      400,
      'validation_failed',
      'Invalid request',
      'querystring.from: at most ten years',
      [{ field: 'querystring.from', message: 'at most ten years' }],
    );
  return { from, to };
}

export const versionBody = z.strictObject({ version: z.number().int().min(1) });
export const reasonBody = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2).max(500),
});
export const repriceBody = z.strictObject({
  version: z.number().int().min(1),
  /** Only the kind's pricing fields (e.g. a wealth product's expectedYieldMin/Max). */
  pricing: z
    .record(z.string(), z.unknown())
    .refine((p) => Object.keys(p).length > 0, 'change at least one field'),
  reason: z.string().trim().min(2).max(500),
});

const navRow = z.strictObject({
  fundCode: z.string().min(1).max(20),
  date: z.string().min(1).max(20),
  nav: z.string().min(1).max(30),
  accNav: z.string().min(1).max(30),
  per10kIncome: z.string().min(1).max(30).nullable().default(null),
  yield7d: z.string().min(1).max(30).nullable().default(null),
});
/** The JSON NAV feed: shapes here (400), content checked line by line in the report (422). */
export const navRowsBody = z.strictObject({ rows: z.array(navRow).min(1).max(200_000) });

export const consoleListQuery = z.strictObject({
  status: commaList(z.enum(PRODUCT_STATUSES), PRODUCT_STATUSES.length).optional(),
  kind: commaList(z.enum(PRODUCT_KINDS), PRODUCT_KINDS.length).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).max(100).optional(),
});
