import { CURRENCIES, type CurrencyCode, type Money, parseMoney } from '@onefin/kernel';
import { z } from 'zod';
import { type AmountDto, type ProductAttributes, productAttributes } from './attributes.ts';
import {
  CHANNELS,
  CORPORATE_KINDS,
  CUSTOMER_TYPES,
  type ProductKind,
  RISK_LEVELS,
  type RiskLevel,
} from './model.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const unique = <T>(xs: readonly T[]) => new Set(xs).size === xs.length;

/** Product codes: upper-case letters, digits and dashes, e.g. `WM2026-001` or a fund's `000001`. */
export const PRODUCT_CODE = /^[A-Z0-9][A-Z0-9-]{2,31}$/;

const productFields = {
  code: z.string().regex(PRODUCT_CODE, '3–32 upper-case letters, digits and dashes'),
  nameZh: text(60),
  nameEn: text(120),
  riskLevel: z.enum(RISK_LEVELS),
  currency: z.enum(CURRENCIES as [CurrencyCode]),
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).refine(unique, 'no repeats'),
  customerTypes: z.array(z.enum(CUSTOMER_TYPES)).min(1).max(2).refine(unique, 'no repeats'),
  /** Plain-language risk disclosure, both languages. */
  disclosure: z.strictObject({ zh: text(4000), en: text(4000) }),
  salesStart: z.iso.datetime().nullable().default(null),
  salesEnd: z.iso.datetime().nullable().default(null),
  attributes: productAttributes,
};

/** Every amount inside a terms sheet, wherever it sits. */
function amountsIn(value: unknown): AmountDto[] {
  if (Array.isArray(value)) return value.flatMap(amountsIn);
  if (value === null || typeof value !== 'object') return [];
  if ('amount' in value && 'currency' in value) return [value as AmountDto];
  return Object.values(value).flatMap(amountsIn);
}

type ProductFields = z.infer<z.ZodObject<typeof productFields>>;

/** Rules across the common fields and the terms. */
function checkProduct(p: ProductFields, ctx: z.RefinementCtx) {
  if (amountsIn(p.attributes).some((a) => a.currency !== p.currency))
    ctx.addIssue({ code: 'custom', path: ['attributes'], message: `every amount must be in ${p.currency}` });
  if (p.salesStart && p.salesEnd && Date.parse(p.salesStart) >= Date.parse(p.salesEnd))
    ctx.addIssue({ code: 'custom', path: ['salesEnd'], message: 'must be after salesStart' });
  if (p.attributes.kind === 'wealth' && (!p.salesStart || !p.salesEnd))
    ctx.addIssue({ code: 'custom', path: ['salesStart'], message: 'wealth products need a sales window' });
  if (CORPORATE_KINDS.includes(p.attributes.kind) && p.customerTypes.join() !== 'corporate')
    ctx.addIssue({
      code: 'custom',
      path: ['customerTypes'],
      message: 'corporate products sell to corporates',
    });
  // Deposits are principal-protected by the bank (and deposit insurance): the lowest risk level.
  if (p.attributes.kind === 'deposit' && p.riskLevel !== 'R1')
    ctx.addIssue({ code: 'custom', path: ['riskLevel'], message: 'deposits are R1' });
  if (p.attributes.kind === 'fund' && p.attributes.fundType === 'money_market' && p.riskLevel > 'R2')
    ctx.addIssue({ code: 'custom', path: ['riskLevel'], message: 'money-market funds are R1 or R2' });
}

/** A product as staff create or edit it. */
export const productInput = z.strictObject(productFields).superRefine(checkProduct);
export type ProductInput = z.infer<typeof productInput>;

/** The edit body: the full product plus the version the editor last saw. */
export const productEdit = z
  .strictObject({ ...productFields, version: z.number().int().min(1) })
  .superRefine(checkProduct);

/** What the supermarket filters and sorts on, derived once from the terms. */
export interface FilterColumns {
  category: string;
  termDaysMin: number | null;
  termDaysMax: number | null;
  yieldMin: string | null;
  yieldMax: string | null;
  minimumAmount: Money | null;
  fundCode: string | null;
}

const monthsToDays = (m: number) => Math.round((m * 365) / 12);
const money = (m: AmountDto): Money => parseMoney(m.amount, m.currency);
const range = (days: number[]) => ({ termDaysMin: Math.min(...days), termDaysMax: Math.max(...days) });

export function filterColumnsOf(a: ProductAttributes): FilterColumns {
  const none = { termDaysMin: null, termDaysMax: null, yieldMin: null, yieldMax: null, fundCode: null };
  switch (a.kind) {
    case 'fund':
      // A money-market fund's yield is its latest 7-day yield, set by the NAV feed.
      return {
        ...none,
        category: a.fundType,
        minimumAmount: money(a.minimumSubscription),
        fundCode: a.fundCode,
      };
    case 'wealth':
      return {
        ...none,
        category: a.offering,
        termDaysMin: a.termDays,
        termDaysMax: a.termDays,
        yieldMin: a.expectedYieldMin,
        yieldMax: a.expectedYieldMax,
        minimumAmount: money(a.minimumAmount),
      };
    case 'deposit':
      return {
        ...none,
        category: 'time_deposit',
        termDaysMin: a.termDays,
        termDaysMax: a.termDays,
        yieldMin: a.annualRate,
        yieldMax: a.annualRate,
        minimumAmount: money(a.minimumAmount),
      };
    case 'loan':
    case 'corporate_loan':
      return {
        ...none,
        category: a.loanType,
        ...range(a.termsMonths.map(monthsToDays)),
        minimumAmount: money(a.minAmount),
      };
    case 'insurance':
      return {
        ...none,
        category: a.insuranceType,
        ...range(a.coverageTermsYears.map((y) => y * 365)),
        minimumAmount: null,
      };
    case 'group_insurance':
      return {
        ...none,
        category: a.insuranceType,
        ...range([a.coverageTermYears * 365]),
        minimumAmount: null,
      };
    case 'enterprise_annuity':
      return { ...none, category: 'annuity', minimumAmount: null };
  }
}

/** The terms a reprice may change, per kind; everything else needs a new product. */
export const PRICING_FIELDS: Readonly<Record<ProductKind, readonly string[]>> = {
  fund: ['subscriptionFees', 'redemptionFees', 'managementFeeRate', 'custodyFeeRate'],
  wealth: ['expectedYieldMin', 'expectedYieldMax'],
  deposit: ['annualRate', 'earlyWithdrawalRate'],
  loan: ['rateMin', 'rateMax', 'penaltyRateMultiplier'],
  insurance: ['premiumRates'],
  group_insurance: ['premiumPerMember'],
  enterprise_annuity: ['managementFeeRate'],
  corporate_loan: ['rateMin', 'rateMax'],
};

/**
 * The terms after a reprice, or why the reprice is not one: it may only touch the kind's pricing
 * fields, must change something, and the result must still be valid terms.
 */
export function repricedAttributes(
  current: ProductAttributes,
  pricing: Record<string, unknown>,
  currency: CurrencyCode,
): { ok: true; value: ProductAttributes } | { ok: false; detail: string } {
  const allowed = PRICING_FIELDS[current.kind];
  const foreign = Object.keys(pricing).filter((k) => !allowed.includes(k));
  if (foreign.length > 0)
    return {
      ok: false,
      detail: `not pricing of a ${current.kind}: ${foreign.join(', ')}; may change ${allowed.join(', ')}`,
    };
  const merged = productAttributes.safeParse({ ...current, ...pricing });
  if (!merged.success)
    return {
      ok: false,
      detail: merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  if (amountsIn(merged.data).some((a) => a.currency !== currency))
    return { ok: false, detail: `every amount must be in ${currency}` };
  if (JSON.stringify(merged.data) === JSON.stringify(current))
    return { ok: false, detail: 'nothing changes' };
  return { ok: true, value: merged.data };
}

/** Risk levels compare as numbers 1–5 in SQL and in the suitability match. */
export const riskNumber = (r: RiskLevel): number => RISK_LEVELS.indexOf(r) + 1;
export const riskOf = (n: number): RiskLevel => RISK_LEVELS[n - 1] ?? 'R5';
