import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { currentLanguage, formatTimestamp, isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useStaffName } from '../auth.ts';
import { customerKeys, fetchProfile } from '../customers/api.ts';
import { useMoney } from '../ledger/labels.tsx';
import { useProductName } from '../products/labels.tsx';
import { fetchOrder, investingKeys, type OrderDetail, type OrderStatus } from './api.ts';
import { OrderStatusTag, useChannelName, useDecimal, useFailureReason } from './labels.tsx';

const TIMELINE_COLORS: Record<string, string> = {
  confirmed: 'green',
  failed: 'red',
  refused: 'red',
  cancelled: 'gray',
  awaiting_customer: 'orange',
};

/** Whether the app navigated here from the customer's page: "back" then returns there. */
function customerFrom(state: unknown): string | undefined {
  const id = (state as { customerId?: unknown } | null)?.customerId;
  return typeof id === 'string' ? id : undefined;
}

/** One order: what it is, the money and shares, its deadlines, and every status it went through. */
export function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const customerId = customerFrom(useLocation().state);
  const order = useQuery({ queryKey: investingKeys.order(id), queryFn: () => fetchOrder(id) });
  const back = customerId ? (
    <Link to={`/customers/${encodeURIComponent(customerId)}?tab=orders`}>
      <ArrowLeftOutlined /> {t('investing.order.backToCustomer')}
    </Link>
  ) : (
    <Link to="/orders">
      <ArrowLeftOutlined /> {t('investing.order.back')}
    </Link>
  );
  if (order.isPending) return <Spin />;
  if (order.isError) {
    return isApiError(order.error) && order.error.status === 404 ? (
      <Result status="404" title={t('investing.order.notFound')} subTitle={id} extra={back} />
    ) : (
      <Alert type="error" showIcon title={problemText(t, order.error)} />
    );
  }
  return (
    <Flex vertical gap={16}>
      {back}
      <OrderView order={order.data} />
    </Flex>
  );
}

function OrderView(props: { order: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const nameOf = useProductName();
  const channelName = useChannelName();
  const staffName = useStaffName();
  const decimal = useDecimal();
  const reason = useFailureReason();
  const o = props.order;
  // Every order names its customer; cached already when the customer's page led here.
  const customer = useQuery({
    queryKey: customerKeys.profile(o.customerId),
    queryFn: () => fetchProfile(o.customerId),
  });
  const deadline = (iso: string | null) => {
    if (!iso) return t('investing.order.noDeadline');
    const isPassed = new Date(iso).getTime() < Date.now();
    return (
      <Flex gap={6} align="center">
        <span>{formatTimestamp(iso)}</span>
        {isPassed ? <Tag>{t('investing.order.passed')}</Tag> : null}
      </Flex>
    );
  };
  const item = (key: string, children: ReactNode, testId?: string) => ({
    key,
    label: t(`investing.order.${key}`),
    children: testId ? <span data-testid={testId}>{children}</span> : children,
  });
  const summary = [
    item('id', <Typography.Text copyable>{o.id}</Typography.Text>),
    item(
      'product',
      <Link to={`/products/${encodeURIComponent(o.productId)}`} data-testid="order-product-link">
        {o.productCode} · {nameOf({ nameZh: o.productNameZh, nameEn: o.productNameEn })}
      </Link>,
    ),
    item(
      'customer',
      <Link to={`/customers/${encodeURIComponent(o.customerId)}`} data-testid="order-customer-link">
        {customer.data ? (
          `${customer.data.customer.name} · ${customer.data.customer.customerNo}`
        ) : (
          <code>{o.customerId}</code>
        )}
      </Link>,
    ),
    item('type', t(`investing.types.${o.type}`), 'order-type'),
    item('channel', channelName(o.channel), 'order-channel'),
    item('staff', o.staffId ? staffName(o.staffId) : t('investing.orders.self'), 'order-staff'),
    item('createdAt', formatTimestamp(o.createdAt)),
    item('completedAt', formatTimestamp(o.completedAt)),
    ...(o.failureReason ? [item('failureReason', reason(o.failureReason), 'order-failure-reason')] : []),
  ];
  const figures = [
    item('amount', money(o.amount), 'order-amount'),
    item('fee', money(o.fee)),
    item('refund', money(o.refund)),
    item('shares', decimal(o.shares, 2), 'order-shares'),
    item('nav', decimal(o.nav, 4)),
    item('proceeds', money(o.proceeds)),
    item('tradeDate', o.tradeDate ?? '—'),
    item('confirmDate', o.confirmDate ?? '—'),
  ];
  const deadlines = [
    item('cancellableUntil', deadline(o.cancellableUntil)),
    item('coolingOffUntil', deadline(o.coolingOffUntil)),
  ];
  return (
    <>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="order-title">
              {t('investing.order.title')} · {t(`investing.types.${o.type}`)}
            </span>
            <span data-testid="order-status">
              <OrderStatusTag status={o.status} />
            </span>
          </Flex>
        }
        extra={
          // The electronic confirmation (交易确认书) the customer gets, printable, in the reader's language.
          <Button
            icon={<FileTextOutlined />}
            href={`/api/v1/investing/orders/${encodeURIComponent(o.id)}/receipt?lang=${currentLanguage(i18n)}`}
            target="_blank"
            rel="noopener"
            data-testid="order-receipt"
          >
            {t('investing.order.receipt')}
          </Button>
        }
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={summary}
          styles={{ label: { width: 150 } }}
          data-testid="order-summary"
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('investing.order.money')}>
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2 }}
                items={figures}
                styles={{ label: { width: 120 } }}
              />
            </Card>
            <Card size="small" title={t('investing.order.deadlines')}>
              <Descriptions
                size="small"
                bordered
                column={1}
                items={deadlines}
                styles={{ label: { width: 150 } }}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('investing.order.history')}>
            <Timeline
              data-testid="order-history"
              items={o.history.map((h) => ({
                key: `${h.status}-${h.at}`,
                color: TIMELINE_COLORS[h.status] ?? 'blue',
                content: (
                  <Flex vertical data-testid="order-history-item">
                    <strong>
                      {t(`investing.statuses.${h.status as OrderStatus}`, { defaultValue: h.status })}
                    </strong>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTimestamp(h.at)}
                    </Typography.Text>
                    {h.detail ? <span>{reason(h.detail)}</span> : null}
                  </Flex>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
