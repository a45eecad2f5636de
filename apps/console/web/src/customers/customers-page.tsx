import { PlusOutlined } from '@ant-design/icons';
import { formatTimestamp, problemText, testId } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useHasPermission } from '../auth.ts';
import {
  type CustomerFilter,
  type CustomerStatus,
  type CustomerSummary,
  type CustomerType,
  customerKeys,
  type KycStatus,
  searchCustomers,
} from './api.ts';
import { CustomerStatusTag, CustomerTypeTag, KycTag, RiskLevelTag } from './labels.tsx';

const TYPES: CustomerType[] = ['individual', 'corporate'];
const STATUSES: CustomerStatus[] = ['prospect', 'active', 'dormant', 'closed'];
const KYC_STATUSES: KycStatus[] = ['not_started', 'pending', 'under_review', 'verified', 'rejected'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * Customer search: one box (the API decides whether it is a name, a mobile, an ID number or a customer
 * number), filters by type, status and KYC, newest first, 50 at a time. The query lives in the URL so
 * a result can be bookmarked and the back button returns to it.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useHasPermission('customers.write');
  const [params, setParams] = useSearchParams();
  const filter: CustomerFilter = {
    q: params.get('q') ?? undefined,
    type: pick(params.get('type'), TYPES),
    status: pick(params.get('status'), STATUSES),
    kycStatus: pick(params.get('kycStatus'), KYC_STATUSES),
  };
  const setFilter = (next: CustomerFilter) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as Record<
        string,
        string
      >,
    );
  const customers = useInfiniteQuery({
    queryKey: customerKeys.search(filter),
    queryFn: ({ pageParam }) => searchCustomers(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = customers.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<CustomerSummary> = [
    { title: t('customers.columns.customerNo'), dataIndex: 'customerNo', width: 120, className: 'nowrap' },
    {
      title: t('customers.columns.name'),
      key: 'name',
      render: (_: unknown, c) => (
        <Link to={`/customers/${encodeURIComponent(c.id)}`} data-testid="customer-link">
          {c.name}
        </Link>
      ),
    },
    {
      title: t('customers.columns.type'),
      dataIndex: 'type',
      width: 80,
      render: (v: CustomerType) => <CustomerTypeTag type={v} />,
    },
    {
      title: t('customers.columns.contact'),
      key: 'contact',
      width: 220,
      render: (_: unknown, c) => (
        <Flex vertical>
          {c.type === 'corporate' ? (
            <span className="nowrap">{c.uscc ?? '—'}</span>
          ) : (
            <>
              <span className="nowrap">{c.mobileMasked ?? '—'}</span>
              {c.idNumberMasked ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="nowrap">
                  {c.idNumberMasked}
                </Typography.Text>
              ) : null}
            </>
          )}
        </Flex>
      ),
    },
    {
      title: t('customers.columns.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <CustomerStatusTag status={v} />,
    },
    {
      title: t('customers.columns.riskLevel'),
      dataIndex: 'riskLevel',
      width: 120,
      render: (v: string | null) => <RiskLevelTag level={v} />,
    },
    {
      title: t('customers.columns.kyc'),
      dataIndex: 'kycStatus',
      width: 100,
      render: (v: string) => <KycTag status={v} />,
    },
    {
      title: t('customers.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
  ];
  const select = <T extends string>(
    key: keyof CustomerFilter,
    values: readonly T[],
    label: (v: T) => string,
  ) => (
    <Select<T>
      allowClear
      placeholder={t(`customers.filters.${key}`)}
      style={{ width: 130 }}
      value={filter[key] as T | undefined}
      onChange={(value) => setFilter({ ...filter, [key]: value })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      data-testid={`customer-filter-${key}`}
    />
  );
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('customers.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('customers.subtitle')}</Typography.Text>
        </div>
        {canWrite ? (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/customers/new/individual')}
              data-testid="create-individual"
            >
              {t('customers.newIndividual')}
            </Button>
            <Button
              icon={<PlusOutlined />}
              onClick={() => navigate('/customers/new/corporate')}
              data-testid="create-corporate"
            >
              {t('customers.newCorporate')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <Input.Search
              key={filter.q ?? ''}
              defaultValue={filter.q}
              allowClear
              enterButton={t('customers.search')}
              placeholder={t('customers.searchPlaceholder')}
              style={{ width: 460, maxWidth: '100%' }}
              onSearch={(value) => setFilter({ ...filter, q: value.trim() || undefined })}
              data-testid="customer-search"
            />
            {select('type', TYPES, (v) => t(`customers.types.${v}`))}
            {select('status', STATUSES, (v) => t(`customers.status.${v}`))}
            {select('kycStatus', KYC_STATUSES, (v) => t(`customers.kyc.status.${v}`))}
            <Button onClick={() => setFilter({})}>{t('customers.filters.reset')}</Button>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('customers.searchHint')}
          </Typography.Text>
          {customers.isError ? <Alert type="error" showIcon title={problemText(t, customers.error)} /> : null}
          <Table<CustomerSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={customers.isPending}
            pagination={false}
            scroll={{ x: 1040 }}
            locale={{ emptyText: t('customers.empty') }}
            onRow={(c) => ({
              ...testId('customer-row'),
              onDoubleClick: () => navigate(`/customers/${encodeURIComponent(c.id)}`),
            })}
            data-testid="customers-table"
          />
          {customers.hasNextPage ? (
            <Flex justify="center">
              <Button onClick={() => void customers.fetchNextPage()} loading={customers.isFetchingNextPage}>
                {t('customers.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      </Card>
    </Flex>
  );
}
