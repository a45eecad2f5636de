import { currentLanguage, formatDateTime, formatMoney, isApiError, problemText } from '@onefin/ui';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  cancelOrder,
  confirmOrder,
  declineOrder,
  fetchOrders,
  ORDERS_KEY,
  type Order,
  refreshAfterOrder,
} from './api.ts';

export const STATUS_COLORS: Record<string, string> = {
  awaiting_customer: 'warning',
  pending: 'processing',
  confirmed: 'success',
  failed: 'error',
  refused: 'error',
  cancelled: 'default',
  submitted: 'processing',
};

/** The customer's orders, newest first, each opening its detail; answer or cancel from the row. */
export function OrdersCard() {
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
                  <Link to={`/assets/orders/${o.id}`} data-testid="order-link">
                    {t(`orderTypes.${o.type}`)} · {language === 'en' ? o.productNameEn : o.productNameZh}
                  </Link>
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
              {o.status === 'confirmed' && o.shares && (o.type === 'subscribe' || o.type === 'convert_in') ? (
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
