import { currentLanguage, formatDecimal } from '@onefin/ui';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderStatus } from './api.ts';

const STATUS_COLORS: Record<OrderStatus, string> = {
  submitted: 'default',
  awaiting_customer: 'gold',
  pending: 'processing',
  confirmed: 'green',
  failed: 'red',
  cancelled: 'default',
  refused: 'volcano',
};

export function OrderStatusTag(props: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[props.status]} data-testid="order-status-tag" data-status={props.status}>
      {t(`investing.statuses.${props.status}`)}
    </Tag>
  );
}

/** A channel code in the reader's language; an unknown one as it is. */
export function useChannelName(): (channel: string) => string {
  const { t } = useTranslation();
  return (channel) => t(`investing.channels.${channel}`, { defaultValue: channel });
}

/** Why an order failed or was refused: our words for its code, else the code itself. */
export function useFailureReason(): (reason: string | null) => string {
  const { t } = useTranslation();
  return (reason) =>
    reason
      ? t(`investing.failureReasons.${reason}`, {
          defaultValue: t(`problems.${reason}`, { defaultValue: reason }),
        })
      : '—';
}

/** Shares (2 dp) or a NAV (4 dp) from their decimal strings, grouped; exact, never through a float. */
export function useDecimal(): (value: string | null | undefined, digits: number) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (value, digits) => (value ? formatDecimal(value, language, digits) : '—');
}

/** Minor units (fen) as a decimal string of yuan: `"123456"` → `"1234.56"`, exact. */
export function fenToYuan(fen: string): string {
  const isNegative = fen.startsWith('-');
  const digits = fen.replace(/^-/, '').padStart(3, '0');
  return `${isNegative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function OrderLink(props: { id: string; customerId?: string | undefined }) {
  return (
    <Link
      to={`/orders/${encodeURIComponent(props.id)}`}
      state={props.customerId ? { customerId: props.customerId } : undefined}
      data-testid="order-link"
    >
      <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{props.id}</code>
    </Link>
  );
}
