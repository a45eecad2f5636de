import {
  currentLanguage,
  formatDate,
  formatDateTime,
  formatMoney,
  isApiError,
  problemText,
} from '@onefin/ui';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, List, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RiskTag } from '../products/risk.tsx';
import { AllocationChart } from './allocation-chart.tsx';
import {
  ASSETS_KEY,
  cancelOrder,
  confirmOrder,
  declineOrder,
  fetchAssets,
  fetchOrders,
  type Holding,
  ORDERS_KEY,
  type Order,
  refreshAfterOrder,
} from './api.ts';
import { OrderModal, type OrderTarget } from './order-modal.tsx';

const STATUS_COLORS: Record<string, string> = {
  awaiting_customer: 'warning',
  pending: 'processing',
  confirmed: 'success',
  failed: 'error',
  refused: 'error',
  cancelled: 'default',
  submitted: 'processing',
};

/** Gains read red and losses green, as Chinese investors expect. */
const gainClass = (amount: string) =>
  amount.startsWith('-') ? 'figure-value--down' : amount === '0.00' ? '' : 'figure-value--up';

/** "My assets": the total across cash and holdings, its allocation, each holding, and the orders. */
export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [view, setView] = useState<'kind' | 'risk'>('kind');
  const [redeeming, setRedeeming] = useState<OrderTarget | undefined>(undefined);
  const assets = useQuery({ queryKey: ASSETS_KEY, queryFn: fetchAssets });
  const money = (m: { amount: string; currency: string }) => formatMoney(m.amount, m.currency, language);
  if (assets.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (assets.isError) return <Typography.Text type="danger">{problemText(t, assets.error)}</Typography.Text>;
  const a = assets.data;
  const slices =
    view === 'kind'
      ? [
          { name: t('assets.cashSlice'), value: addAmounts(a.cash.amount, a.inTransit.amount) },
          ...a.byKind.map((k) => ({ name: t(`products.kinds.${k.kind}`), value: k.value.amount })),
        ]
      : a.byRisk.map((r) => ({ name: r.riskLevel, value: r.value.amount }));
  return (
    <Flex vertical gap={16} data-testid="assets-page">
      <Card>
        <Typography.Text type="secondary">{t('assets.total')}</Typography.Text>
        <Typography.Title level={2} style={{ marginTop: 4 }} data-testid="assets-page-total">
          {money(a.total)}
        </Typography.Title>
        <Flex gap={24} wrap>
          <span>
            <Typography.Text type="secondary">{t('assets.cash')} </Typography.Text>
            <Typography.Text strong data-testid="assets-cash">
              {money(a.cash)}
            </Typography.Text>
          </span>
          <span>
            <Typography.Text type="secondary">{t('assets.inTransit')} </Typography.Text>
            <Typography.Text strong data-testid="assets-in-transit">
              {money(a.inTransit)}
            </Typography.Text>
          </span>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            title={t('assets.allocation')}
            extra={
              <Segmented
                size="small"
                value={view}
                onChange={(v) => setView(v as 'kind' | 'risk')}
                options={[
                  { value: 'kind', label: t('assets.byKind') },
                  { value: 'risk', label: t('assets.byRisk') },
                ]}
              />
            }
          >
            <AllocationChart slices={slices} formatValue={(v) => formatMoney(v, 'CNY', language)} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('assets.holdings')} data-testid="holdings-card">
            {a.holdings.length === 0 ? (
              <Empty description={<Link to="/products">{t('assets.noHoldings')}</Link>} />
            ) : (
              <List
                dataSource={a.holdings}
                renderItem={(h) => (
                  <HoldingRow
                    holding={h}
                    money={money}
                    onRedeem={() =>
                      setRedeeming({
                        productId: h.productId,
                        kind: h.kind,
                        name: language === 'en' ? h.nameEn : h.nameZh,
                        redeemable: subtractShares(h.shares, h.frozen),
                      })
                    }
                  />
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <OrdersCard />
      <OrderModal target={redeeming} mode="redeem" onClose={() => setRedeeming(undefined)} />
    </Flex>
  );
}

function HoldingRow(props: {
  holding: Holding;
  money: (m: { amount: string; currency: string }) => string;
  onRedeem: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const h = props.holding;
  const isFund = h.kind === 'fund';
  const gain = h.category === 'money_market' ? h.income : h.unrealisedGain;
  return (
    <List.Item
      data-testid="holding"
      data-product-code={h.productCode}
      actions={
        isFund
          ? [
              <Button key="redeem" size="small" onClick={props.onRedeem} data-testid="holding-redeem">
                {t('order.redeem')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Flex gap={8} wrap align="center">
            <Link to={`/products/${h.productId}`}>{language === 'en' ? h.nameEn : h.nameZh}</Link>
            <RiskTag level={h.riskLevel} />
          </Flex>
        }
        description={
          <Flex vertical gap={2}>
            <span>
              {isFund
                ? `${t('assets.shares')} ${h.shares}`
                : `${t('assets.principal')} ${props.money(h.cost)}`}
              {h.frozen !== '0.00' ? ` · ${t('assets.frozen', { shares: h.frozen })}` : ''}
            </span>
            {h.nav ? (
              <span>{t('assets.nav', { nav: h.nav, date: formatDate(h.navDate, language) })}</span>
            ) : null}
            {h.maturityDate ? (
              <span>{t('assets.maturity', { date: formatDate(h.maturityDate, language) })}</span>
            ) : null}
          </Flex>
        }
      />
      <Flex vertical align="flex-end">
        <Typography.Text strong data-testid="holding-value">
          {props.money(h.marketValue)}
        </Typography.Text>
        <Typography.Text className={gainClass(gain.amount)}>
          {h.category === 'money_market' ? t('assets.income') : t('assets.gain')} {props.money(gain)}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

function OrdersCard() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { message, modal } = App.useApp();
  const orders = useInfiniteQuery({
    queryKey: ORDERS_KEY,
    queryFn: ({ pageParam }) => fetchOrders(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  const cancel = useMutation({
    mutationFn: cancelOrder,
    onSuccess: () => {
      message.success(t('order.cancelled'));
      refreshAfterOrder();
    },
    onError: (error) => message.error(problemText(t, error)),
  });
  const answer = useMutation({
    mutationFn: (v: { id: string; isYes: boolean }) => (v.isYes ? confirmOrder(v.id) : declineOrder(v.id)),
    onSuccess: (_order, v) => {
      message.success(t(v.isYes ? 'order.confirmed' : 'order.declined'));
      refreshAfterOrder();
    },
    onError: (error) =>
      message.error(
        isApiError(error) && i18n.exists(`orderProblems.${error.code}`)
          ? t(`orderProblems.${error.code}`)
          : problemText(t, error),
      ),
  });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const figure = (o: Order) =>
    o.amount
      ? formatMoney(o.amount.amount, o.amount.currency, language)
      : o.shares
        ? `${o.shares} ${t('assets.shares')}`
        : '—';
  return (
    <Card title={t('assets.orders')} data-testid="orders-card">
      <List
        loading={orders.isPending}
        locale={{ emptyText: t('assets.noOrders') }}
        dataSource={items}
        renderItem={(o) => (
          <List.Item
            data-testid="order-row"
            data-order-id={o.id}
            data-status={o.status}
            actions={
              o.status === 'awaiting_customer'
                ? [
                    <Button
                      key="confirm"
                      size="small"
                      type="primary"
                      data-testid="order-confirm"
                      loading={answer.isPending && answer.variables?.id === o.id}
                      onClick={() => answer.mutate({ id: o.id, isYes: true })}
                    >
                      {t('order.confirm')}
                    </Button>,
                    <Button
                      key="decline"
                      size="small"
                      data-testid="order-decline"
                      onClick={() => answer.mutate({ id: o.id, isYes: false })}
                    >
                      {t('order.decline')}
                    </Button>,
                  ]
                : o.cancellableUntil
                  ? [
                      <Button
                        key="cancel"
                        size="small"
                        danger
                        data-testid="order-cancel"
                        loading={cancel.isPending && cancel.variables === o.id}
                        onClick={() =>
                          modal.confirm({
                            title: t('order.cancelConfirm'),
                            okText: t('order.cancel'),
                            cancelText: t('common.cancel'),
                            onOk: () => cancel.mutateAsync(o.id),
                          })
                        }
                      >
                        {t('order.cancel')}
                      </Button>,
                    ]
                  : []
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8} wrap align="center">
                  <span>
                    {t(`orderTypes.${o.type}`)} · {language === 'en' ? o.productNameEn : o.productNameZh}
                  </span>
                  <Tag color={STATUS_COLORS[o.status]} data-testid="order-status">
                    {t(`orderStatus.${o.status}`)}
                  </Tag>
                </Flex>
              }
              description={
                <Flex vertical gap={2}>
                  <span>{formatDateTime(o.createdAt, language)}</span>
                  {o.status === 'awaiting_customer' ? (
                    <Typography.Text type="warning" data-testid="order-assisted">
                      {t('order.assisted', { channel: t(`channels.${o.channel}`) })}
                    </Typography.Text>
                  ) : null}
                  {o.cancellableUntil ? (
                    <span>
                      {t('order.cancellableUntil', { time: formatDateTime(o.cancellableUntil, language) })}
                    </span>
                  ) : null}
                  {o.failureReason ? (
                    <Typography.Text type="danger">
                      {i18n.exists(`orderProblems.${o.failureReason}`)
                        ? t(`orderProblems.${o.failureReason}`)
                        : t(`suitability.short.${o.failureReason}`, { defaultValue: o.failureReason })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              }
            />
            <Flex vertical align="flex-end">
              <Typography.Text strong>{figure(o)}</Typography.Text>
              {o.status === 'confirmed' && o.shares && o.type === 'subscribe' ? (
                <Typography.Text type="secondary">
                  {o.shares} {t('assets.shares')} @ {o.nav}
                </Typography.Text>
              ) : null}
              {o.proceeds ? (
                <Typography.Text type="secondary">
                  {formatMoney(o.proceeds.amount, o.proceeds.currency, language)}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
      {orders.hasNextPage ? (
        <Button block onClick={() => void orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
          {t('assets.loadMore')}
        </Button>
      ) : null}
    </Card>
  );
}

/** Exact sums of 2-dp decimal strings (cash + in transit, shares − reserved), via bigint hundredths. */
function hundredths(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const v = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
  return negative ? -v : v;
}
function fromHundredths(v: bigint): string {
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
const addAmounts = (a: string, b: string) => fromHundredths(hundredths(a) + hundredths(b));
const subtractShares = (a: string, b: string) => fromHundredths(hundredths(a) - hundredths(b));
