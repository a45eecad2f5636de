import { currentLanguage, formatDate, formatDateTime } from '@onefin/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, type DescriptionsProps, Flex, Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyText } from '../products/labels.tsx';
import { investingKeys, type OrderBody, type OrderPreview, previewAssistedOrder } from './api.ts';
import { Refusal } from './refusal.tsx';

/** The body as it stands once staff stop typing for a moment: one preview per pause, not per key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * What the order would be before staff submit it, from the server's preview for this customer and
 * channel (the portal's own figures): the suitability verdict first, then the fee, the estimates,
 * the trade date with its 15:00 cut-off and the confirmation date; for a money-market redemption,
 * what is left of today's instant limit. Nothing is held or recorded.
 */
export function AssistedOrderPreview(props: {
  customerId: string;
  body: OrderBody | undefined;
  /** The drawer already shows the submitted order's refusal: the preview's own would repeat it. */
  isRefusalShown?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const money = useMoneyText();
  // Compared by value: the drawer builds a new body on every render.
  const key = JSON.stringify(props.body ?? null);
  const settledKey = useSettled(key, 300);
  const body = settledKey === 'null' ? undefined : (JSON.parse(settledKey) as OrderBody);
  const preview = useQuery({
    queryKey: investingKeys.preview(props.customerId, body),
    queryFn: () => previewAssistedOrder(props.customerId, body as OrderBody),
    enabled: body !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (!props.body || !body || (preview.isError && props.isRefusalShown)) return null;
  const p = preview.data;
  const isStale = key !== settledKey || preview.isPlaceholderData;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="assist-preview">
      <Typography.Text strong>
        {t('investing.assist.preview.title')} {preview.isFetching || isStale ? <Spin size="small" /> : null}
      </Typography.Text>
      {preview.isError ? (
        <Refusal error={preview.error} testId="assist-preview-refusal" />
      ) : p ? (
        <>
          <Verdict suitability={p.suitability} />
          <Descriptions
            column={1}
            size="small"
            bordered
            style={{ opacity: isStale ? 0.6 : 1 }}
            items={previewItems(p, body, { t, language, money })}
            data-testid="assist-preview-items"
          />
        </>
      ) : (
        <Typography.Text type="secondary">{t('investing.assist.preview.loading')}</Typography.Text>
      )}
    </Flex>
  );
}

function Verdict(props: { suitability: OrderPreview['suitability'] }) {
  const { t, i18n } = useTranslation();
  const s = props.suitability;
  if (!s) return null;
  const levels = { product: s.productRisk, customer: s.customerRisk ?? '—' };
  if (s.allowed)
    return (
      <Alert
        type="success"
        showIcon
        title={
          <span data-testid="assist-preview-suitability">
            {t('investing.assist.preview.suitable', levels)}
          </span>
        }
      />
    );
  const why =
    s.reason === 'risk_too_high' && s.customerRisk
      ? t('investing.assist.riskTooHigh', levels)
      : currentLanguage(i18n) === 'en'
        ? s.messageEn
        : s.messageZh;
  return (
    <Alert
      type="warning"
      showIcon
      title={<span data-testid="assist-preview-suitability">{t('investing.assist.preview.refused')}</span>}
      description={<span data-testid="assist-preview-suitability-reason">{why}</span>}
    />
  );
}

type Money = { amount: string; currency: string } | null | undefined;

/**
 * The rows that apply to this order, as in the portal's preview: an instant redemption is paid at
 * once, so it has no cut-off or confirmation date; deposits and wealth products have no cut-off.
 */
function previewItems(
  p: OrderPreview,
  body: OrderBody,
  ctx: { t: TFunction; language: ReturnType<typeof currentLanguage>; money: (m: Money) => string },
): DescriptionsProps['items'] {
  const { t, language, money } = ctx;
  const isFund = body.type === 'subscribe' || body.type === 'redeem' || body.type === 'convert';
  const isInstant = body.type === 'redeem' && body.fast === true;
  const isBuying = body.type !== 'redeem' && body.type !== 'convert';
  const row = (key: string, label: string, children: ReactNode) => ({ key, label, children });
  const date = (d: string | null) => formatDate(d, language);
  return [
    ...(p.minimum && isBuying ? [row('min', t('investing.assist.preview.minimum'), money(p.minimum))] : []),
    row(
      'fee',
      t('investing.assist.preview.fee'),
      <span data-testid="assist-preview-fee">
        {p.fee && p.fee.amount !== '0.00' ? money(p.fee) : t('investing.assist.preview.feeFree')}
      </span>,
    ),
    ...(p.estimatedShares
      ? [
          row(
            'shares',
            t('investing.assist.preview.estimatedShares', { date: date(p.navDate) }),
            p.estimatedShares,
          ),
        ]
      : []),
    ...(p.estimatedProceeds
      ? [
          row(
            'proceeds',
            t('investing.assist.preview.estimatedProceeds', { date: date(p.navDate) }),
            money(p.estimatedProceeds),
          ),
        ]
      : []),
    ...(p.expectedYield
      ? [
          row(
            'yield',
            t('investing.assist.preview.expectedYield'),
            `${money(p.expectedYield.min)} – ${money(p.expectedYield.max)}`,
          ),
        ]
      : []),
    ...(p.remainingQuota
      ? [row('quota', t('investing.assist.preview.remainingQuota'), money(p.remainingQuota))]
      : []),
    ...(p.instantLimitLeft
      ? [
          row(
            'instant',
            t('investing.assist.preview.instantLimitLeft'),
            <span data-testid="assist-preview-instant-limit">{money(p.instantLimitLeft)}</span>,
          ),
        ]
      : []),
    ...(isInstant
      ? [row('arrival', t('investing.assist.preview.arrival'), t('investing.assist.preview.instantNow'))]
      : []),
    row(
      'trade',
      t('investing.assist.preview.tradeDate'),
      <span data-testid="assist-preview-trade-date">{date(p.tradeDate)}</span>,
    ),
    ...(isFund && !isInstant
      ? [
          row(
            'cutoff',
            t('investing.assist.preview.cutoffLabel'),
            <span data-testid="assist-preview-cutoff">
              {t('investing.assist.preview.cutoff', { time: formatDateTime(p.cutoffAt, language) })}
            </span>,
          ),
          row(
            'confirm',
            t('investing.assist.preview.confirmDate'),
            <span data-testid="assist-preview-confirm-date">{date(p.confirmDate)}</span>,
          ),
        ]
      : []),
    ...(p.coolingOffHours > 0
      ? [
          row(
            'cooling',
            t('investing.assist.preview.coolingOffLabel'),
            t('investing.assist.preview.coolingOff', { hours: p.coolingOffHours }),
          ),
        ]
      : []),
  ];
}
