import { currentLanguage, formatMoney } from '@onefin/ui';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountClass, MoneyDto, Side } from './api.ts';

/** Money in the reader's language: `¥1,234.50`, `USD 12.00`. */
export function useMoney(): (m: MoneyDto | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (m) => (m ? formatMoney(m.amount, m.currency, language) : '—');
}

/** An account's (or chart entry's) name in the reader's language. */
export function useAccountName(): (a: { nameZh: string; nameEn: string }) => string {
  const { i18n } = useTranslation();
  return (a) => (currentLanguage(i18n) === 'en' ? a.nameEn : a.nameZh);
}

const CLASS_COLORS: Record<AccountClass, string> = {
  asset: 'blue',
  liability: 'purple',
  equity: 'cyan',
  income: 'green',
  expense: 'orange',
};

export function ClassTag(props: { value: AccountClass }) {
  const { t } = useTranslation();
  return <Tag color={CLASS_COLORS[props.value]}>{t(`ledger.classes.${props.value}`)}</Tag>;
}

export function SideTag(props: { value: Side }) {
  const { t } = useTranslation();
  return (
    <Tag color={props.value === 'debit' ? 'geekblue' : 'volcano'} style={{ marginInlineEnd: 0 }}>
      {t(`ledger.sides.${props.value}`)}
    </Tag>
  );
}

/** `topup` → 充值 (topup); an unknown code shows as it is. */
export function CodeLabel(props: { code: string }) {
  const { t } = useTranslation();
  const label = t(`ledger.codes.${props.code}`, { defaultValue: '' });
  return <span title={props.code}>{label ? `${label}` : props.code}</span>;
}

export function AccountLink(props: { id: string; children?: ReactNode }) {
  return (
    <Link to={`/ledger/accounts/${encodeURIComponent(props.id)}`} data-testid="account-link">
      {props.children ?? <code>{props.id}</code>}
    </Link>
  );
}

export function TransferLink(props: { id: string }) {
  return (
    <Link to={`/ledger/transfers/${encodeURIComponent(props.id)}`} data-testid="transfer-link">
      <code>{props.id}</code>
    </Link>
  );
}

/** A positive amount with at most two decimals (the server checks the same, per currency). */
export const AMOUNT_PATTERN = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,2})?$/;
export function isPositiveAmount(value: string): boolean {
  return AMOUNT_PATTERN.test(value) && /[1-9]/.test(value);
}
