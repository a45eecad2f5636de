import { formatTimestamp, problemText } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaffName } from '../auth.ts';
import { useMoney } from '../ledger/labels.tsx';
import { useProductName } from '../products/labels.tsx';
import { fetchOrders, investingKeys, type Order, type OrderFilter, type OrderStatus } from './api.ts';
import { OrderLink, OrderStatusTag, useChannelName, useDecimal } from './labels.tsx';

/**
 * Orders matching a filter, newest first, 50 a page with "load more" (the API's cursor). When the
 * list is one customer's, `customerId` travels with the links so the detail page can link back.
 */
export function OrdersTable(props: { filter: OrderFilter; customerId?: string; emptyText: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const nameOf = useProductName();
  const channelName = useChannelName();
  const staffName = useStaffName();
  const decimal = useDecimal();
  const orders = useInfiniteQuery({
    queryKey: investingKeys.orders(props.filter),
    queryFn: ({ pageParam }) => fetchOrders(props.filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<Order> = [
    {
      title: t('investing.orders.columns.id'),
      key: 'id',
      width: 200,
      render: (_: unknown, o) => (
        <Flex vertical>
          <OrderLink id={o.id} customerId={props.customerId} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTimestamp(o.createdAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('investing.orders.columns.product'),
      key: 'product',
      minWidth: 200,
      render: (_: unknown, o) => (
        <Flex vertical>
          <span>{nameOf({ nameZh: o.productNameZh, nameEn: o.productNameEn })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.productCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('investing.orders.columns.type'),
      dataIndex: 'type',
      width: 120,
      render: (v: Order['type']) => t(`investing.types.${v}`),
    },
    {
      title: t('investing.orders.columns.amount'),
      key: 'amount',
      width: 140,
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, o) => (o.amount ? money(o.amount) : decimal(o.shares, 2)),
    },
    {
      title: t('investing.orders.columns.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (v: string) => channelName(v),
    },
    {
      title: t('investing.orders.columns.staff'),
      dataIndex: 'staffId',
      width: 150,
      render: (v: string | null) => (v ? staffName(v) : t('investing.orders.self')),
    },
    {
      title: t('investing.orders.columns.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: OrderStatus) => <OrderStatusTag status={v} />,
    },
  ];
  return (
    <Flex vertical gap={12}>
      {orders.isError ? <Alert type="error" showIcon title={problemText(t, orders.error)} /> : null}
      <Table<Order>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={orders.isPending}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: props.emptyText }}
        onRow={(o) => ({ 'data-testid': 'order-row', 'data-status': o.status }) as object}
        data-testid="orders-table"
      />
      {orders.hasNextPage ? (
        <Flex justify="center">
          <Button onClick={() => void orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
            {t('investing.orders.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
