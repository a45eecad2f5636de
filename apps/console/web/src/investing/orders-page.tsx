import { Button, Card, Checkbox, Flex, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useStaff, useStaffDirectory } from '../auth.ts';
import { CustomerPicker } from '../customers/customer-picker.tsx';
import { CHANNELS, ORDER_STATUSES, type OrderFilter, type OrderStatus } from './api.ts';
import { useChannelName } from './labels.tsx';
import { OrdersTable } from './orders-table.tsx';
import { ProductPicker } from './product-picker.tsx';

/**
 * Order search across every channel: by status, customer, product, channel and the staff member who assisted,
 * newest first. The filter lives in the URL so a search can be bookmarked and the back button returns to it.
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const me = useStaff();
  const directory = useStaffDirectory();
  const channelName = useChannelName();
  const [params, setParams] = useSearchParams();
  const filter: OrderFilter = {
    status: ORDER_STATUSES.find((s) => s === params.get('status')),
    customerId: params.get('customerId') ?? undefined,
    productId: params.get('productId') ?? undefined,
    staffId: params.get('staffId') ?? undefined,
    channel: CHANNELS.find((c) => c === params.get('channel')),
  };
  const setFilter = (next: OrderFilter) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as Record<
        string,
        string
      >,
    );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('investing.orders.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('investing.orders.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Flex vertical gap={12}>
          <Segmented<string>
            value={filter.status ?? 'all'}
            onChange={(value) =>
              setFilter({ ...filter, status: value === 'all' ? undefined : (value as OrderStatus) })
            }
            options={[
              {
                value: 'all',
                label: <span data-testid="order-status-filter-all">{t('investing.orders.all')}</span>,
              },
              ...ORDER_STATUSES.map((s) => ({
                value: s,
                label: <span data-testid={`order-status-filter-${s}`}>{t(`investing.statuses.${s}`)}</span>,
              })),
            ]}
            style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
          />
          <Flex gap={8} wrap align="center">
            <CustomerPicker
              value={filter.customerId}
              onChange={(customerId) => setFilter({ ...filter, customerId })}
              style={{ width: 300, maxWidth: '100%' }}
              testId="order-customer-filter"
            />
            <ProductPicker
              value={filter.productId}
              onChange={(productId) => setFilter({ ...filter, productId })}
              placeholder={t('investing.orders.filters.product')}
              style={{ width: 300, maxWidth: '100%' }}
              testId="order-product-filter"
            />
            <Select<string>
              allowClear
              placeholder={t('investing.orders.filters.channel')}
              style={{ width: 140 }}
              value={filter.channel}
              onChange={(channel) => setFilter({ ...filter, channel: CHANNELS.find((c) => c === channel) })}
              options={CHANNELS.map((c) => ({ value: c, label: channelName(c) }))}
              data-testid="order-channel-filter"
            />
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('investing.orders.filters.staff')}
              style={{ width: 200 }}
              value={filter.staffId}
              onChange={(staffId) => setFilter({ ...filter, staffId })}
              options={[...directory.values()].map((s) => ({
                value: s.id,
                label: `${s.displayName} (${s.username})`,
              }))}
              data-testid="order-staff-filter"
            />
            <Checkbox
              checked={filter.staffId === me.id}
              onChange={(e) => setFilter({ ...filter, staffId: e.target.checked ? me.id : undefined })}
              data-testid="order-mine"
            >
              {t('investing.orders.mine')}
            </Checkbox>
            <Button onClick={() => setFilter({})}>{t('investing.orders.reset')}</Button>
          </Flex>
          <OrdersTable
            filter={filter}
            customerId={filter.customerId}
            emptyText={t('investing.orders.empty')}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
