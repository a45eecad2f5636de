import { formatDate, formatDateTime, type Language } from '@onefin/ui';
import type { DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import type { OrderPreview } from './api.ts';
import type { OrderMode } from './order-modal.tsx';

type Money = { amount: string; currency: string } | null | undefined;

/**
 * The rows of an order's preview, only those that apply: minimum, fee, estimated shares or
 * proceeds, expected yield, quota, today's instant limit, trade date, cut-off, confirmation date,
 * cooling-off. An instant redemption is paid at once, so it has no cut-off or confirmation date.
 */
export function previewItems(
  p: OrderPreview,
  ctx: { mode: OrderMode; isFund: boolean; t: TFunction; language: Language; money: (m: Money) => string },
): DescriptionsProps['items'] {
  const { mode, isFund, t, language, money } = ctx;
  const isSelling = mode !== 'buy';
  return [
    ...(p.minimum && mode === 'buy'
      ? [
          {
            key: 'min',
            label: t('order.minimum', { amount: '' }).trim(),
            children: money(p.minimum),
          },
        ]
      : []),
    {
      key: 'fee',
      label: t('order.fee'),
      children: (
        <span data-testid="order-fee">
          {p.fee && p.fee.amount !== '0.00' ? money(p.fee) : t('order.feeFree')}
        </span>
      ),
    },
    ...(p.estimatedShares
      ? [
          {
            key: 'shares',
            label: t('order.estimatedShares', { date: formatDate(p.navDate, language) }),
            children: p.estimatedShares,
          },
        ]
      : []),
    ...(p.estimatedProceeds
      ? [
          {
            key: 'proceeds',
            label: t('order.estimatedProceeds', { date: formatDate(p.navDate, language) }),
            children: money(p.estimatedProceeds),
          },
        ]
      : []),
    ...(p.expectedYield
      ? [
          {
            key: 'yield',
            label: t('order.expectedYield'),
            children: `${money(p.expectedYield.min)} – ${money(p.expectedYield.max)}`,
          },
        ]
      : []),
    ...(p.instantLimitLeft && isSelling
      ? [
          {
            key: 'instant',
            label: t('order.instantLimitLeft'),
            children: <span data-testid="order-instant-limit">{money(p.instantLimitLeft)}</span>,
          },
        ]
      : []),
    ...(mode === 'instant'
      ? [{ key: 'arrival', label: t('order.instantArrival'), children: t('order.instantNow') }]
      : []),
    ...(p.remainingQuota
      ? [{ key: 'quota', label: t('order.remainingQuota'), children: money(p.remainingQuota) }]
      : []),
    {
      key: 'trade',
      label: t('order.tradeDate'),
      children: <span data-testid="order-trade-date">{formatDate(p.tradeDate, language)}</span>,
    },
    ...(isFund && mode !== 'instant'
      ? [
          {
            key: 'cutoff',
            label: t('order.cutoffLabel'),
            children: (
              <span data-testid="order-cutoff">
                {t('order.cutoff', { time: formatDateTime(p.cutoffAt, language) })}
              </span>
            ),
          },
        ]
      : []),
    ...(isFund && mode !== 'instant'
      ? [
          {
            key: 'confirm',
            label: t('order.confirmDate'),
            children: formatDate(p.confirmDate, language),
          },
        ]
      : []),
    ...(p.coolingOffHours > 0
      ? [
          {
            key: 'cooling',
            label: t('order.cancel'),
            children: t('order.coolingOff', { hours: p.coolingOffHours }),
          },
        ]
      : []),
  ];
}
