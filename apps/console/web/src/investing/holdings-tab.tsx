import { problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMoney } from '../ledger/labels.tsx';
import { ProductRiskTag, useProductName } from '../products/labels.tsx';
import { fetchHoldings, type Holding, investingKeys } from './api.ts';
import { useDecimal } from './labels.tsx';

/** A customer's positions by product: shares (and those frozen by a redemption), NAV, value, cost and gains. */
export function HoldingsTab(props: { customerId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const nameOf = useProductName();
  const decimal = useDecimal();
  const holdings = useQuery({
    queryKey: investingKeys.holdings(props.customerId),
    queryFn: () => fetchHoldings(props.customerId),
  });
  const gain = (m: Holding['unrealisedGain']) => (
    <Typography.Text
      type={m.amount.startsWith('-') ? 'success' : /[1-9]/.test(m.amount) ? 'danger' : undefined}
    >
      {money(m)}
    </Typography.Text>
  );
  const columns: TableColumnsType<Holding> = [
    {
      title: t('investing.holdings.columns.product'),
      key: 'product',
      minWidth: 220,
      render: (_: unknown, h) => (
        <Flex vertical>
          <Link to={`/products/${encodeURIComponent(h.productId)}`}>{nameOf(h)}</Link>
          <Flex gap={6} align="center">
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t(`investing.kinds.${h.kind}`, { defaultValue: h.kind })}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.productCode}
            </Typography.Text>
          </Flex>
          {h.maturityDate ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('investing.holdings.columns.maturityDate')} {h.maturityDate}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('investing.holdings.columns.risk'),
      dataIndex: 'riskLevel',
      width: 120,
      render: (v: string) => <ProductRiskTag level={v} />,
    },
    {
      title: t('investing.holdings.columns.shares'),
      key: 'shares',
      width: 140,
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, h) => (
        <Flex vertical align="end">
          <span data-testid="holding-shares">{decimal(h.shares, 2)}</span>
          {/[1-9]/.test(h.frozen) ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('investing.holdings.columns.frozen')} {decimal(h.frozen, 2)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('investing.holdings.columns.nav'),
      key: 'nav',
      width: 120,
      align: 'right',
      render: (_: unknown, h) =>
        h.nav ? (
          <Flex vertical align="end">
            <span>{decimal(h.nav, 4)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.navDate}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('investing.holdings.columns.marketValue'),
      key: 'marketValue',
      width: 140,
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, h) => (
        <Flex vertical align="end">
          <span data-testid="holding-value">{money(h.marketValue)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('investing.holdings.columns.cost')} {money(h.cost)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('investing.holdings.columns.unrealisedGain'),
      key: 'gain',
      width: 130,
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, h) => gain(h.unrealisedGain),
    },
    {
      title: t('investing.holdings.columns.income'),
      key: 'income',
      width: 120,
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, h) => money(h.income),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {holdings.isError ? <Alert type="error" showIcon title={problemText(t, holdings.error)} /> : null}
      <Table<Holding>
        rowKey="productId"
        size="small"
        columns={columns}
        dataSource={holdings.data ?? []}
        loading={holdings.isPending}
        pagination={false}
        scroll={{ x: 940 }}
        locale={{ emptyText: t('investing.holdings.empty') }}
        onRow={() => ({ 'data-testid': 'holding-row' }) as object}
        data-testid="holdings-table"
      />
    </Flex>
  );
}
