import { currentLanguage, formatMoney, problemText } from '@onefin/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useStaffDirectory } from '../auth.ts';
import { useMoney } from '../ledger/labels.tsx';
import { fetchSales, investingKeys, SALES_CHANNELS, type SalesFilter, type SalesLine } from './api.ts';
import { useChannelName } from './labels.tsx';
import { SalesChart } from './sales-chart.tsx';
import { volumeByChannel } from './sales-totals.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Where a line's orders are: the order search filtered by its channel and staff member. */
function ordersPathOf(line: SalesLine): string {
  const query = new URLSearchParams({ channel: line.channel });
  if (line.staffId) query.set('staffId', line.staffId);
  return `/orders?${query.toString()}`;
}

/**
 * The sales ledger (销售台账): what each channel and staff member sold over a range of business days,
 * this month unless chosen — orders, confirmations, refusals, customers served, confirmed and pending
 * volume, redemptions and the fees earned. A line opens its orders. The filter lives in the URL.
 */
export function SalesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const money = useMoney();
  const channelName = useChannelName();
  const directory = useStaffDirectory();
  const [params, setParams] = useSearchParams();
  const filter: SalesFilter = {
    from: DATE.test(params.get('from') ?? '') ? (params.get('from') ?? undefined) : undefined,
    to: DATE.test(params.get('to') ?? '') ? (params.get('to') ?? undefined) : undefined,
    channel: SALES_CHANNELS.find((c) => c === params.get('channel')),
    staffId: params.get('staffId') ?? undefined,
  };
  const setFilter = (next: SalesFilter) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as Record<
        string,
        string
      >,
    );
  const sales = useQuery({
    queryKey: investingKeys.sales(filter),
    queryFn: () => fetchSales(filter),
    placeholderData: keepPreviousData,
  });
  // The dates being typed; the server's range (this month by default) until someone changes it.
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const from = draft.from ?? filter.from ?? sales.data?.from ?? '';
  const to = draft.to ?? filter.to ?? sales.data?.to ?? '';
  const isRangeInvalid = Boolean(from && to && from > to);
  const lines = sales.data?.items ?? [];
  const totals = sales.data?.totals ?? [];
  const volumes = useMemo(() => volumeByChannel(lines), [lines]);
  const language = currentLanguage(i18n);
  const format = useMemo(
    () => (amount: string, currency: string) => formatMoney(amount, currency, language),
    [language],
  );
  const chartChannelName = useMemo(
    () => (channel: string) => t(`investing.channels.${channel}`, { defaultValue: channel }),
    [t],
  );

  // No fixed widths: the columns take what their figures need, so all ten fit a desktop screen.
  const figure = (key: 'orders' | 'confirmed' | 'refused' | 'customers') => ({
    title: t(`investing.sales.columns.${key}`),
    dataIndex: key,
    align: 'right' as const,
  });
  const amount = (key: 'volume' | 'pendingVolume' | 'redemptions' | 'fees') => ({
    title: t(`investing.sales.columns.${key}`),
    key,
    align: 'right' as const,
    className: 'nowrap',
    render: (_: unknown, l: SalesLine) => <span data-testid={`sales-${key}`}>{money(l[key])}</span>,
  });
  const columns: TableColumnsType<SalesLine> = [
    {
      title: t('investing.sales.columns.channel'),
      dataIndex: 'channel',
      className: 'nowrap',
      render: (v: string) => <span data-testid="sales-channel">{channelName(v)}</span>,
    },
    {
      title: t('investing.sales.columns.staff'),
      key: 'staff',
      render: (_: unknown, l) => {
        const known = l.staffId ? directory.get(l.staffId) : undefined;
        return (
          <Flex vertical data-testid="sales-staff">
            <span>
              {l.staffId
                ? (known?.displayName ?? l.staffName ?? l.staffId)
                : t('investing.sales.selfService')}
            </span>
            {known ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {known.username}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    figure('orders'),
    figure('confirmed'),
    figure('refused'),
    figure('customers'),
    amount('volume'),
    amount('pendingVolume'),
    amount('redemptions'),
    amount('fees'),
  ];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('investing.sales.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('investing.sales.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <Input
              type="date"
              aria-label={t('investing.sales.from')}
              value={from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              style={{ width: 150 }}
              data-testid="sales-from"
            />
            <span>—</span>
            <Input
              type="date"
              aria-label={t('investing.sales.to')}
              value={to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              style={{ width: 150 }}
              data-testid="sales-to"
            />
            <Button
              type="primary"
              disabled={isRangeInvalid || !from || !to}
              onClick={() => {
                setFilter({ ...filter, from, to });
                setDraft({});
              }}
              data-testid="sales-search"
            >
              {t('investing.sales.search')}
            </Button>
            <Select<string>
              allowClear
              placeholder={t('investing.sales.channel')}
              style={{ width: 150 }}
              value={filter.channel}
              onChange={(channel) =>
                setFilter({ ...filter, channel: SALES_CHANNELS.find((c) => c === channel) })
              }
              options={SALES_CHANNELS.map((c) => ({ value: c, label: channelName(c) }))}
              data-testid="sales-channel-filter"
            />
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('investing.sales.staff')}
              style={{ width: 200 }}
              value={filter.staffId}
              onChange={(staffId) => setFilter({ ...filter, staffId })}
              options={[...directory.values()].map((s) => ({
                value: s.id,
                label: `${s.displayName} (${s.username})`,
              }))}
              data-testid="sales-staff-filter"
            />
            <Button
              onClick={() => {
                setFilter({});
                setDraft({});
              }}
            >
              {t('investing.sales.reset')}
            </Button>
          </Flex>
          {isRangeInvalid ? (
            <Alert type="warning" showIcon title={t('investing.sales.rangeInvalid')} />
          ) : null}
          {sales.isError ? <Alert type="error" showIcon title={problemText(t, sales.error)} /> : null}
          {sales.data ? (
            <Typography.Text type="secondary" data-testid="sales-range">
              {t('investing.sales.range', { from: sales.data.from, to: sales.data.to })}
            </Typography.Text>
          ) : null}
          {lines.length > 0 ? (
            <div data-testid="sales-chart">
              <Typography.Text strong>{t('investing.sales.chartTitle')}</Typography.Text>
              <SalesChart volumes={volumes} channelName={chartChannelName} format={format} />
            </div>
          ) : null}
          <Table<SalesLine>
            rowKey={(l) => `${l.channel}-${l.staffId ?? ''}-${l.currency}`}
            size="middle"
            columns={columns}
            dataSource={lines}
            loading={sales.isPending || sales.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('investing.sales.empty') }}
            onRow={(l) =>
              ({
                'data-testid': 'sales-row',
                'data-channel': l.channel,
                'data-staff': l.staffId ?? '',
                style: { cursor: 'pointer' },
                title: t('investing.sales.openOrders'),
                onClick: () => navigate(ordersPathOf(l)),
              }) as object
            }
            summary={() =>
              totals.length === 0 ? null : (
                <Table.Summary fixed>
                  {totals.map((total) => (
                    <Table.Summary.Row key={total.currency} data-testid="sales-total">
                      <Table.Summary.Cell index={0} colSpan={2}>
                        <Typography.Text strong>
                          {totals.length > 1
                            ? t('investing.sales.totalIn', { currency: total.currency })
                            : t('investing.sales.total')}
                        </Typography.Text>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">
                        {total.orders}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={3} align="right">
                        {total.confirmed}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={4} align="right">
                        {total.refused}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={5} align="right">
                        <span data-testid="sales-total-customers" title={t('investing.sales.customersOnce')}>
                          {total.customers}
                        </span>
                      </Table.Summary.Cell>
                      {(['volume', 'pendingVolume', 'redemptions', 'fees'] as const).map((key, i) => (
                        <Table.Summary.Cell key={key} index={6 + i} align="right" className="nowrap">
                          <Typography.Text strong data-testid={`sales-total-${key}`}>
                            {money(total[key])}
                          </Typography.Text>
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  ))}
                </Table.Summary>
              )
            }
            data-testid="sales-table"
          />
        </Flex>
      </Card>
    </Flex>
  );
}
