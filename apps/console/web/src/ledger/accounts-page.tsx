import { problemText, testId } from '@onefin/ui';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useHasPermission } from '../auth.ts';
import { type AccountFilter, type ChartEntry, fetchAccounts, fetchChart, type LedgerAccount } from './api.ts';
import { AccountLink, ClassTag, SideTag, useAccountName, useMoney } from './labels.tsx';
import { AdjustmentModal } from './proposals.tsx';

const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR', 'GBP', 'JPY'];

/** The explorer's entry: accounts with balances (filtered, cursor-paged) and the chart of accounts. */
export function AccountsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canAdjust = useHasPermission('ledger.adjust');
  const [isAdjusting, setAdjusting] = useState(false);
  const chart = useQuery({ queryKey: ['ledger', 'chart'], queryFn: fetchChart, staleTime: Infinity });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('ledger.accounts.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('ledger.accounts.subtitle')}</Typography.Text>
        </div>
        <Flex gap={8} wrap>
          <Input.Search
            placeholder={t('ledger.accounts.transferLookupPlaceholder')}
            enterButton={t('ledger.accounts.transferLookup')}
            style={{ width: 320, maxWidth: '100%' }}
            onSearch={(value) =>
              value.trim() && navigate(`/ledger/transfers/${encodeURIComponent(value.trim())}`)
            }
            data-testid="transfer-lookup"
          />
          {canAdjust ? (
            <Button type="primary" onClick={() => setAdjusting(true)} data-testid="propose-adjustment">
              {t('ledger.adjust.button')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Card>
        <Tabs
          items={[
            {
              key: 'accounts',
              label: <span data-testid="tab-accounts">{t('ledger.accounts.tabAccounts')}</span>,
              children: <AccountList chart={chart.data ?? []} />,
            },
            {
              key: 'chart',
              label: <span data-testid="tab-chart">{t('ledger.accounts.tabChart')}</span>,
              children: <ChartTable chart={chart.data ?? []} loading={chart.isPending} />,
            },
          ]}
        />
      </Card>
      <AdjustmentModal open={isAdjusting} onClose={() => setAdjusting(false)} />
    </Flex>
  );
}

function AccountList(props: { chart: ChartEntry[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const nameOf = useAccountName();
  const [form] = Form.useForm<AccountFilter>();
  const [filter, setFilter] = useState<AccountFilter>({});
  const accounts = useInfiniteQuery({
    queryKey: ['ledger', 'accounts', filter],
    queryFn: ({ pageParam }) => fetchAccounts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = accounts.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<LedgerAccount> = [
    { title: t('ledger.accounts.columns.code'), dataIndex: 'code', width: 80 },
    {
      title: t('ledger.accounts.columns.name'),
      key: 'name',
      render: (_: unknown, a) => (
        <Flex vertical>
          <AccountLink id={a.id}>{nameOf(a)}</AccountLink>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: a.id }}>
            {a.id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('ledger.accounts.columns.owner'),
      key: 'owner',
      width: 200,
      render: (_: unknown, a) =>
        a.ownerType === 'customer' ? (
          <Flex vertical>
            <span>{t('ledger.owner.customer')}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.ownerId}
            </Typography.Text>
          </Flex>
        ) : (
          t('ledger.owner.internal')
        ),
    },
    { title: t('ledger.accounts.columns.currency'), dataIndex: 'currency', width: 80 },
    {
      title: t('ledger.accounts.columns.debits'),
      key: 'debits',
      align: 'right',
      render: (_: unknown, a) => money(a.postedDebits),
    },
    {
      title: t('ledger.accounts.columns.credits'),
      key: 'credits',
      align: 'right',
      render: (_: unknown, a) => money(a.postedCredits),
    },
    {
      title: t('ledger.accounts.columns.balance'),
      key: 'balance',
      align: 'right',
      render: (_: unknown, a) => <Typography.Text strong>{money(a.balance)}</Typography.Text>,
    },
    {
      title: t('ledger.accounts.columns.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, a) =>
        a.closed ? (
          <Tag>{t('ledger.accounts.closed')}</Tag>
        ) : a.frozen ? (
          <Tag color="red">{t('ledger.accounts.frozen')}</Tag>
        ) : (
          <Tag color="green">{t('ledger.accounts.normal')}</Tag>
        ),
    },
  ];
  const clean = (v: AccountFilter): AccountFilter =>
    Object.fromEntries(
      Object.entries(v).filter(([, value]) => value !== undefined && value !== ''),
    ) as AccountFilter;
  return (
    <Flex vertical gap={12}>
      <Form<AccountFilter>
        form={form}
        layout="inline"
        onFinish={(v) => setFilter(clean({ ...v, customerId: v.customerId?.trim() }))}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="ownerType" label={t('ledger.accounts.ownerType')}>
          <Select
            allowClear
            placeholder={t('ledger.accounts.all')}
            style={{ width: 110 }}
            options={[
              { value: 'customer', label: t('ledger.owner.customer') },
              { value: 'internal', label: t('ledger.owner.internal') },
            ]}
          />
        </Form.Item>
        <Form.Item name="code" label={t('ledger.accounts.code')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ledger.accounts.all')}
            style={{ width: 200 }}
            options={props.chart.map((c) => ({ value: c.code, label: `${c.code} ${nameOf(c)}` }))}
            data-testid="account-code-filter"
          />
        </Form.Item>
        <Form.Item name="currency" label={t('ledger.accounts.currency')}>
          <Select
            allowClear
            placeholder={t('ledger.accounts.all')}
            style={{ width: 100 }}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item name="customerId" label={t('ledger.accounts.customerId')}>
          <Input
            allowClear
            style={{ width: 220 }}
            placeholder="cus_…"
            data-testid="account-customer-filter"
          />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" data-testid="account-search">
              {t('ledger.accounts.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('ledger.accounts.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      {accounts.isError ? <Alert type="error" showIcon title={problemText(t, accounts.error)} /> : null}
      <Table<LedgerAccount>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={accounts.isPending}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('ledger.accounts.empty') }}
        onRow={() => ({ ...testId('account-row'), style: {} })}
        data-testid="accounts-table"
      />
      {accounts.hasNextPage ? (
        <Flex justify="center">
          <Button onClick={() => void accounts.fetchNextPage()} loading={accounts.isFetchingNextPage}>
            {t('ledger.accounts.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}

function ChartTable(props: { chart: ChartEntry[]; loading: boolean }) {
  const { t } = useTranslation();
  const nameOf = useAccountName();
  const columns: TableColumnsType<ChartEntry> = [
    { title: t('ledger.chart.code'), dataIndex: 'code', width: 100 },
    { title: t('ledger.chart.name'), key: 'name', render: (_: unknown, c) => nameOf(c) },
    {
      title: t('ledger.chart.class'),
      dataIndex: 'class',
      width: 120,
      render: (v: ChartEntry['class']) => <ClassTag value={v} />,
    },
    {
      title: t('ledger.chart.normalSide'),
      dataIndex: 'normalSide',
      width: 110,
      render: (v: ChartEntry['normalSide']) => <SideTag value={v} />,
    },
    {
      title: t('ledger.chart.scope'),
      dataIndex: 'scope',
      render: (v: ChartEntry['scope']) => t(`ledger.chart.scopes.${v}`),
    },
    {
      title: t('ledger.chart.allowNegative'),
      dataIndex: 'allowNegative',
      width: 120,
      render: (v: boolean) => (v ? t('ledger.chart.yes') : t('ledger.chart.no')),
    },
  ];
  return (
    <Table<ChartEntry>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={props.chart}
      loading={props.loading}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="chart-table"
    />
  );
}
