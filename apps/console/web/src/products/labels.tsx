import { currentLanguage, formatMoney, formatPercent, fractionToPercent, isDecimalString } from '@onefin/ui';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { levelColor } from '../customers/labels.tsx';
import type { MoneyDto } from '../ledger/api.ts';
import type { ProductStatus } from './api.ts';

const STATUS_COLORS: Record<ProductStatus, string> = {
  draft: 'default',
  under_review: 'gold',
  on_sale: 'green',
  suspended: 'orange',
  closed: 'default',
};

export function ProductStatusTag(props: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[props.status]} data-testid="product-status-tag">
      {t(`products.status.${props.status}`)}
    </Tag>
  );
}

/** `R4` → 「R4 中高风险」. */
export function ProductRiskTag(props: { level: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={levelColor(props.level)} data-testid="product-risk-tag">
      {props.level} {t(`products.riskLevels.${props.level}`, { defaultValue: '' })}
    </Tag>
  );
}

/** A product's name in the reader's language. */
export function useProductName(): (p: { nameZh: string; nameEn: string }) => string {
  const { i18n } = useTranslation();
  return (p) => (currentLanguage(i18n) === 'en' ? p.nameEn : p.nameZh);
}

/** Money from its decimal string, in the reader's language; never through a float. */
export function useMoneyText(): (m: MoneyDto | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (m) => (m ? formatMoney(m.amount, m.currency, language) : '—');
}

/**
 * A fraction as the percentage people read, exact and never cut short: `"0.035"` → `3.50%`,
 * `"0.032456"` → `3.2456%`; at least `minDigits` places.
 */
export function usePercent(): (fraction: string | null | undefined, minDigits?: number) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (fraction, minDigits = 2) => {
    if (!fraction || !isDecimalString(fraction)) return '—';
    const places = fractionToPercent(fraction).split('.')[1]?.length ?? 0;
    return formatPercent(fraction, language, { digits: Math.max(minDigits, places) });
  };
}

/** A yield or rate range: `3.20%–3.80%`, or one figure when both ends agree. */
export function useRangeText(): (range: { min: string; max: string } | null) => string {
  const percent = usePercent();
  return (range) => {
    if (!range) return '—';
    const [min, max] = [percent(range.min), percent(range.max)];
    return min === max ? min : `${min}–${max}`;
  };
}
