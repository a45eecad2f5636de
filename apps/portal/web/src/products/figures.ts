import {
  compareDecimals,
  formatDecimal,
  formatMoney,
  formatPercent,
  type Language,
  roundDecimal,
} from '@onefin/ui';
import type { TFunction } from 'i18next';
import type { ProductDetail, ProductKind, ProductSummary } from './types.ts';

/** Red for gains, green for losses: the convention of Chinese markets. */
export type Tone = 'gain' | 'loss' | 'neutral';

export interface Figure {
  label: string;
  value: string;
  tone: Tone;
}

/** What a product card leads with, and the line under it. */
export interface Headline {
  main: Figure;
  secondary?: Figure;
}

export function toneOf(value: string | null | undefined): Tone {
  if (!value || !/[1-9]/.test(value)) return 'neutral';
  return value.startsWith('-') ? 'loss' : 'gain';
}

/** A yield or rate (annual fraction) as a percentage. */
export function pct(value: string, language: Language, digits = 2): string {
  return formatPercent(value, language, { digits });
}

/** `3.20%–4.10%`, or one figure when both ends agree. */
export function pctRange(min: string | null, max: string | null, language: Language): string {
  if (min === null && max === null) return '—';
  if (min === null || max === null || min === max) return pct((min ?? max) as string, language);
  return `${pct(min, language)}–${pct(max, language)}`;
}

/** 90 → 90天; 365 → 1年; 180 → 180天; 730 → 2年 (years when the term is whole years, else days). */
export function termText(days: number, t: TFunction): string {
  if (days >= 365 && days % 365 === 0) return t('products.units.years', { count: days / 365 });
  return t('products.units.days', { count: days });
}

export function termRangeText(min: number | null, max: number | null, t: TFunction): string {
  if (min === null && max === null) return '—';
  if (min === null || max === null || min === max) return termText((min ?? max) as number, t);
  return `${termText(min, t)}–${termText(max, t)}`;
}

/** Loan terms are set in months; the catalogue keeps them as days (months × 365 / 12), so turn them back. */
export function loanTermText(min: number | null, max: number | null, t: TFunction): string {
  if (min === null || max === null) return '—';
  return monthsText([Math.round((min * 12) / 365), Math.round((max * 12) / 365)], t);
}

export function monthsText(months: readonly number[], t: TFunction): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return '—';
  return first === last
    ? t('products.units.months', { count: first })
    : `${first}–${t('products.units.months', { count: last })}`;
}

export function productName(product: { nameZh: string; nameEn: string }, language: Language): string {
  return language === 'en' ? product.nameEn : product.nameZh;
}

/** The kind with its sub-type: 基金 · 债券型, 理财 · 私募. */
export function kindText(product: { kind: ProductKind; category: string }, t: TFunction): string {
  const kind = t(`products.kinds.${product.kind}`);
  const category = t(`products.categories.${product.category}`, { defaultValue: '' });
  return category ? `${kind} · ${category}` : kind;
}

/** The label for a product's minimum: 起购金额 to invest, 起借金额 to borrow, 最低保额 for insurance. */
export function minimumLabel(kind: ProductKind, t: TFunction): string {
  if (kind === 'loan' || kind === 'corporate_loan') return t('products.minimum.loan');
  if (kind === 'insurance' || kind === 'group_insurance') return t('products.minimum.insurance');
  return t('products.minimum.invest');
}

/** The lowest premium rate of an insurance table: `1.20` per 1,000 of cover a year. Compared exactly. */
function lowestRatePer1000(p: ProductSummary | ProductDetail): string | undefined {
  if (!('attributes' in p) || p.attributes.kind !== 'insurance') return undefined;
  let lowest: string | undefined;
  for (const row of p.attributes.premiumRates) {
    if (lowest === undefined || compareDecimals(row.ratePer1000, lowest) < 0) lowest = row.ratePer1000;
  }
  return lowest;
}

/**
 * The figure a customer compares products of a kind by: a fund's latest NAV and daily change (7-day
 * yield for money-market funds), a wealth product's expected yield range, a deposit's rate, a loan's
 * rate range, insurance's lowest premium rate. The list carries no loan rates or premiums: those
 * show once the terms sheet (product page, compare) is there.
 */
export function headlineOf(p: ProductSummary | ProductDetail, t: TFunction, language: Language): Headline {
  const nav = p.latestNav;
  const attributes = 'attributes' in p ? p.attributes : undefined;
  const term: Figure = {
    label: t('products.figures.term'),
    value: termRangeText(p.termDays?.min ?? null, p.termDays?.max ?? null, t),
    tone: 'neutral',
  };
  switch (p.kind) {
    case 'fund': {
      if (p.category === 'money_market') {
        return {
          main: {
            label: t('products.figures.yield7d'),
            value: nav?.yield7d ? pct(nav.yield7d, language, 3) : '—',
            tone: toneOf(nav?.yield7d),
          },
          secondary: {
            label: t('products.figures.per10kIncome'),
            value: nav?.per10kIncome ? formatDecimal(nav.per10kIncome, language, 4) : '—',
            tone: 'neutral',
          },
        };
      }
      const unitNav: Figure = {
        label: nav ? t('products.figures.navOn', { date: nav.date.slice(5) }) : t('products.figures.nav'),
        value: nav ? formatDecimal(nav.nav, language, 4) : '—',
        tone: 'neutral',
      };
      // As fund supermarkets do: the year's return first where there is a year of history.
      if (nav?.return1y) {
        return {
          main: {
            label: t('products.figures.return1y'),
            value: formatPercent(nav.return1y, language, { isSigned: true }),
            tone: toneOf(nav.return1y),
          },
          secondary: unitNav,
        };
      }
      return {
        main: unitNav,
        secondary: {
          label: t('products.figures.dailyReturn'),
          value: nav?.dailyReturn ? formatPercent(nav.dailyReturn, language, { isSigned: true }) : '—',
          tone: toneOf(nav?.dailyReturn),
        },
      };
    }
    case 'wealth':
      return {
        main: {
          label: t('products.figures.expectedYield'),
          value: pctRange(p.yield?.min ?? null, p.yield?.max ?? null, language),
          tone: 'gain',
        },
        secondary: term,
      };
    case 'deposit':
      return {
        main: {
          label: t('products.figures.annualRate'),
          value: pctRange(p.yield?.min ?? null, p.yield?.max ?? null, language),
          tone: 'gain',
        },
        secondary: term,
      };
    case 'loan':
    case 'corporate_loan': {
      const rates = attributes && 'rateMin' in attributes ? attributes : undefined;
      const loanTerm: Figure = {
        label: t('products.figures.loanTerm'),
        value: loanTermText(p.termDays?.min ?? null, p.termDays?.max ?? null, t),
        tone: 'neutral',
      };
      return rates
        ? {
            main: {
              label: t('products.figures.loanRate'),
              value: pctRange(rates.rateMin, rates.rateMax, language),
              tone: 'neutral',
            },
            secondary: loanTerm,
          }
        : { main: loanTerm };
    }
    case 'insurance':
    case 'group_insurance': {
      const coverage: Figure = { ...term, label: t('products.figures.coverage') };
      const lowest = lowestRatePer1000(p);
      return lowest
        ? {
            main: {
              label: t('products.figures.premiumFrom'),
              value: t('products.units.per1000', {
                amount: formatMoney(roundDecimal(lowest, 2), p.currency, language),
              }),
              tone: 'neutral',
            },
            secondary: coverage,
          }
        : { main: coverage };
    }
    case 'enterprise_annuity':
      return {
        main: {
          label: t('products.figures.managementFee'),
          value:
            attributes?.kind === 'enterprise_annuity' ? pct(attributes.managementFeeRate, language) : '—',
          tone: 'neutral',
        },
      };
  }
}
