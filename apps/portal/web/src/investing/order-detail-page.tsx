import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import {
  currentLanguage,
  formatDate,
  formatDateTime,
  formatMoney,
  isApiError,
  problemText,
} from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Result,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { cancelOrder, fetchOrder, ORDER_KEY, type OrderDetail, refreshAfterOrder } from './api.ts';
import { STATUS_COLORS } from './orders-card.tsx';

type Money = { amount: string; currency: string } | null;

/** One order: what it is, its figures and deadlines, and the status timeline; cancel while it can be. */
export function OrderDetailPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { orderId = '' } = useParams();
  const order = useQuery({ queryKey: [...ORDER_KEY, orderId], queryFn: () => fetchOrder(orderId) });
  const cancel = useMutation({
    mutationFn: () => cancelOrder(orderId),
    onSuccess: () => {
      message.success(t('order.cancelled'));
      refreshAfterOrder();
    },
    onError: (error) =>
      message.error(
        isApiError(error) && i18n.exists(`orderProblems.${error.code}`)
          ? t(`orderProblems.${error.code}`)
          : problemText(t, error),
      ),
  });
  const back = (
    <Link to="/assets" data-testid="order-back">
      <ArrowLeftOutlined /> {t('orderDetail.back')}
    </Link>
  );
  if (order.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (order.isError) {
    const isMissing = isApiError(order.error) && order.error.status === 404;
    return (
      <Result
        status={isMissing ? '404' : 'error'}
        title={isMissing ? t('orderDetail.notFound') : t('common.loadFailed')}
        subTitle={isMissing ? undefined : problemText(t, order.error)}
        extra={back}
      />
    );
  }
  const o = order.data;
  const money = (m: Money) => (m ? formatMoney(m.amount, m.currency, language) : null);
  const rows = detailRows(o, t, language, money);
  return (
    <Flex vertical gap={16} data-testid="order-detail" data-status={o.status}>
      {back}
      <Card>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t(`orderTypes.${o.type}`)} ·{' '}
              <Link to={`/products/${o.productId}`}>
                {language === 'en' ? o.productNameEn : o.productNameZh}
              </Link>
            </Typography.Title>
            <Typography.Text type="secondary">{o.productCode}</Typography.Text>
          </Flex>
          <Tag color={STATUS_COLORS[o.status]} data-testid="order-detail-status">
            {t(`orderStatus.${o.status}`)}
          </Tag>
        </Flex>
        {o.cancellableUntil ? (
          <Button
            danger
            block={!screens.md}
            style={{ marginTop: 16 }}
            data-testid="order-detail-cancel"
            loading={cancel.isPending}
            onClick={() =>
              modal.confirm({
                title: t('order.cancelConfirm'),
                okText: t('order.cancel'),
                cancelText: t('common.cancel'),
                onOk: () => cancel.mutateAsync(),
              })
            }
          >
            {t('order.cancel')} ·{' '}
            {t('order.cancellableUntil', { time: formatDateTime(o.cancellableUntil, language) })}
          </Button>
        ) : null}
      </Card>
      <Card
        title={t('orderDetail.title')}
        extra={
          // The electronic confirmation (交易确认书): a printable page in the customer's language.
          <a
            href={`/api/v1/orders/${encodeURIComponent(o.id)}/receipt?lang=${language}`}
            target="_blank"
            rel="noopener"
            data-testid="order-receipt"
          >
            <FileTextOutlined /> {t('orderDetail.receipt')}
          </a>
        }
      >
        <Descriptions
          column={screens.md ? 2 : 1}
          size="small"
          data-testid="order-detail-figures"
          items={rows.map((r) => ({
            key: r.key,
            label: r.label,
            children: <span data-testid={`order-detail-${r.key}`}>{r.value}</span>,
          }))}
        />
      </Card>
      <Card title={t('orderDetail.progress')}>
        <Timeline
          data-testid="order-timeline"
          items={o.history.map((h) => ({
            color: STATUS_COLORS[h.status] === 'error' ? 'red' : h.status === 'confirmed' ? 'green' : 'blue',
            content: (
              <Flex vertical gap={2} data-testid="order-timeline-item">
                <Typography.Text strong>
                  {t(`orderStatus.${h.status}`, { defaultValue: h.status })}
                </Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(h.at, language)}</Typography.Text>
                {h.detail ? <Typography.Text type="secondary">{h.detail}</Typography.Text> : null}
              </Flex>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

/** The rows an order has: only the figures and dates that apply to it. */
function detailRows(
  o: OrderDetail,
  t: ReturnType<typeof useTranslation>['t'],
  language: ReturnType<typeof currentLanguage>,
  money: (m: Money) => string | null,
): { key: string; label: string; value: string }[] {
  const reason = o.failureReason
    ? t(`orderProblems.${o.failureReason}`, {
        defaultValue: t(`suitability.short.${o.failureReason}`, { defaultValue: o.failureReason }),
      })
    : null;
  const all: [string, string | null][] = [
    ['id', o.id],
    ['amount', money(o.amount)],
    ['shares', o.shares],
    ['nav', o.nav],
    ['fee', o.fee ? (o.fee.amount === '0.00' ? t('order.feeFree') : money(o.fee)) : null],
    ['proceeds', money(o.proceeds)],
    ['refund', money(o.refund)],
    ['tradeDate', o.tradeDate ? formatDate(o.tradeDate, language) : null],
    ['confirmDate', o.confirmDate ? formatDate(o.confirmDate, language) : null],
    ['cancellableUntil', o.cancellableUntil ? formatDateTime(o.cancellableUntil, language) : null],
    ['coolingOffUntil', o.coolingOffUntil ? formatDateTime(o.coolingOffUntil, language) : null],
    ['channel', t(`channels.${o.channel}`, { defaultValue: o.channel })],
    ['createdAt', formatDateTime(o.createdAt, language)],
    ['completedAt', o.completedAt ? formatDateTime(o.completedAt, language) : null],
    ['reason', reason],
  ];
  return all
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([key, value]) => ({ key, label: t(`orderDetail.${key}`), value }));
}
