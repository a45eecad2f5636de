import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { formatTimestamp, problemText } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Dropdown,
  Flex,
  Input,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useHasPermission } from '../auth.ts';
import { rowTestId } from '../customers/labels.tsx';
import {
  fetchProducts,
  PRODUCT_KINDS,
  PRODUCT_STATUSES,
  type Product,
  type ProductFilter,
  type ProductStatus,
  productKeys,
} from './api.ts';
import {
  ProductRiskTag,
  ProductStatusTag,
  useMoneyText,
  usePercent,
  useProductName,
  useRangeText,
} from './labels.tsx';

/** The product factory's catalogue: every kind and status, filtered, newest first. */
export function ProductsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useMoneyText();
  const nameOf = useProductName();
  const percent = usePercent();
  const rangeText = useRangeText();
  /** A yield as the list shows it: the range of the terms, or a fund's 7-day yield or latest NAV. */
  const yieldText = (p: Product): string =>
    p.kind === 'fund' && p.latestNav
      ? p.latestNav.yield7d
        ? percent(p.latestNav.yield7d)
        : t('products.navShort', { nav: p.latestNav.nav })
      : rangeText(p.yield);
  const canManage = useHasPermission('products.manage');
  const [params, setParams] = useSearchParams();
  const filter: ProductFilter = {
    kind: PRODUCT_KINDS.find((k) => k === params.get('kind')),
    status: PRODUCT_STATUSES.find((s) => s === params.get('status')),
    q: params.get('q') ?? undefined,
  };
  const setFilter = (next: ProductFilter) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as Record<
        string,
        string
      >,
    );
  const products = useInfiniteQuery({
    queryKey: productKeys.list(filter),
    queryFn: ({ pageParam }) => fetchProducts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = products.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<Product> = [
    { title: t('products.columns.code'), dataIndex: 'code', width: 130, className: 'nowrap' },
    {
      title: t('products.columns.name'),
      key: 'name',
      minWidth: 200,
      render: (_: unknown, p) => (
        <Link to={`/products/${encodeURIComponent(p.id)}`} data-testid="product-link">
          {nameOf(p)}
        </Link>
      ),
    },
    {
      title: t('products.columns.kind'),
      key: 'kind',
      width: 130,
      render: (_: unknown, p) => (
        <Flex vertical align="start" gap={2}>
          <Tag color="blue">{t(`products.kinds.${p.kind}`)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`products.categories.${p.category}`, { defaultValue: p.category })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('products.columns.riskLevel'),
      dataIndex: 'riskLevel',
      width: 120,
      render: (v: string) => <ProductRiskTag level={v} />,
    },
    {
      title: t('products.columns.yield'),
      key: 'yield',
      width: 140,
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, p) => yieldText(p),
    },
    {
      title: t('products.columns.term'),
      key: 'term',
      width: 100,
      className: 'nowrap',
      render: (_: unknown, p) =>
        p.termDays
          ? p.termDays.min === p.termDays.max
            ? t('products.term.days', { count: p.termDays.min })
            : t('products.term.range', { min: p.termDays.min, max: p.termDays.max })
          : '—',
    },
    {
      title: t('products.columns.minimum'),
      key: 'minimum',
      width: 120,
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, p) => money(p.minimumAmount),
    },
    {
      title: t('products.columns.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: ProductStatus) => <ProductStatusTag status={v} />,
    },
    {
      title: t('products.columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 160,
      render: (v: string) => formatTimestamp(v),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('products.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('products.subtitle')}</Typography.Text>
        </div>
        {canManage ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: PRODUCT_KINDS.map((kind) => ({
                key: kind,
                label: (
                  <Flex vertical data-testid={`create-product-${kind}`} style={{ maxWidth: 360 }}>
                    <strong>{t(`products.kinds.${kind}`)}</strong>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                      {t(`products.kindHints.${kind}`)}
                    </Typography.Text>
                  </Flex>
                ),
              })),
              onClick: ({ key }) => navigate(`/products/new/${key}`),
            }}
          >
            <Button type="primary" icon={<PlusOutlined />} data-testid="create-product">
              {t('products.create')} <DownOutlined />
            </Button>
          </Dropdown>
        ) : null}
      </Flex>
      <Card>
        <Flex vertical gap={12}>
          <Segmented<string>
            value={filter.status ?? 'all'}
            onChange={(value) =>
              setFilter({ ...filter, status: value === 'all' ? undefined : (value as ProductStatus) })
            }
            options={[
              {
                value: 'all',
                label: <span data-testid="product-status-filter-all">{t('products.all')}</span>,
              },
              ...PRODUCT_STATUSES.map((s) => ({
                value: s,
                label: <span data-testid={`product-status-filter-${s}`}>{t(`products.status.${s}`)}</span>,
              })),
            ]}
            style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
          />
          <Flex gap={8} wrap>
            <Select
              allowClear
              placeholder={t('products.filters.kind')}
              style={{ width: 160 }}
              value={filter.kind}
              onChange={(kind) => setFilter({ ...filter, kind })}
              options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`products.kinds.${k}`) }))}
              data-testid="product-kind-filter"
            />
            <Input.Search
              key={filter.q ?? ''}
              defaultValue={filter.q}
              allowClear
              placeholder={t('products.searchPlaceholder')}
              enterButton={t('products.search')}
              style={{ width: 320, maxWidth: '100%' }}
              onSearch={(value) => setFilter({ ...filter, q: value.trim() || undefined })}
              data-testid="product-search"
            />
            <Button onClick={() => setFilter({})}>{t('products.reset')}</Button>
          </Flex>
          {products.isError ? <Alert type="error" showIcon title={problemText(t, products.error)} /> : null}
          <Table<Product>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={products.isPending}
            pagination={false}
            scroll={{ x: 1180 }}
            locale={{ emptyText: t('products.empty') }}
            onRow={rowTestId('product-row')}
            data-testid="products-table"
          />
          {products.hasNextPage ? (
            <Flex justify="center">
              <Button onClick={() => void products.fetchNextPage()} loading={products.isFetchingNextPage}>
                {t('products.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      </Card>
    </Flex>
  );
}
