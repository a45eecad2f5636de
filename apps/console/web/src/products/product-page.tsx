import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatTimestamp, isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Descriptions,
  Flex,
  Result,
  Spin,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useStaff, useStaffDirectory, useStaffName } from '../auth.ts';
import { rowTestId } from '../customers/labels.tsx';
import { fetchProduct, type Product, type ProductEvent, type ProductStatus, productKeys } from './api.ts';
import { ProductRiskTag, ProductStatusTag, useMoneyText, useProductName, useRangeText } from './labels.tsx';
import { NavHistory } from './nav-history.tsx';
import { ProductActions } from './product-actions.tsx';
import { TermsView } from './terms-view.tsx';

/** One product: its attributes and terms, what staff may do with it now, its history and NAVs. */
export function ProductPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useStaff();
  const directory = useStaffDirectory();
  const nameOf = useProductName();
  const product = useQuery({ queryKey: productKeys.detail(id), queryFn: () => fetchProduct(id) });
  const back = (
    <Link to="/products">
      <ArrowLeftOutlined /> {t('products.detail.back')}
    </Link>
  );
  if (product.isPending) return <Spin />;
  if (product.isError) {
    return isApiError(product.error) && product.error.status === 404 ? (
      <Result status="404" title={t('products.detail.notFound')} subTitle={id} extra={back} />
    ) : (
      <Alert type="error" showIcon title={problemText(t, product.error)} />
    );
  }
  const p = product.data;
  const submitted = [...p.history].reverse().find((e) => e.action === 'submit');
  const isOwnReview = p.status === 'under_review' && submitted?.actorId === me.id;
  const tabs = [
    { key: 'overview', label: t('products.detail.tabs.overview'), children: <Overview product={p} /> },
    {
      key: 'terms',
      label: t('products.detail.tabs.terms'),
      children: <TermsView kind={p.kind} terms={p.attributes as unknown as Record<string, unknown>} />,
    },
    {
      key: 'history',
      label: t('products.detail.tabs.history'),
      children: <History events={p.history} />,
    },
    ...(p.kind === 'fund'
      ? [{ key: 'navs', label: t('products.detail.tabs.navs'), children: <NavHistory product={p} /> }]
      : []),
  ];
  const tab = tabs.find((item) => item.key === params.get('tab'))?.key ?? 'overview';
  return (
    <Flex vertical gap={16}>
      {back}
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="product-title">{nameOf(p)}</span>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
            <Tag color="blue">{t(`products.kinds.${p.kind}`)}</Tag>
            <ProductStatusTag status={p.status} />
            <ProductRiskTag level={p.riskLevel} />
          </Flex>
        }
        extra={<ProductActions product={p} directory={directory} isOwnReview={isOwnReview} />}
      >
        {p.status === 'under_review' ? (
          <Alert
            type={isOwnReview ? 'info' : 'warning'}
            showIcon
            title={isOwnReview ? t('products.detail.ownReviewHint') : t('products.detail.reviewHint')}
            style={{ marginBottom: 16 }}
            data-testid="product-review-hint"
          />
        ) : null}
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          items={tabs.map((item) => ({
            ...item,
            label: <span data-testid={`product-tab-${item.key}`}>{item.label}</span>,
          }))}
        />
      </Card>
    </Flex>
  );
}

function Overview(props: { product: Product }) {
  const { t } = useTranslation();
  const money = useMoneyText();
  const rangeText = useRangeText();
  const staffName = useStaffName();
  const p = props.product;
  const window =
    p.salesStart || p.salesEnd
      ? `${p.salesStart ? formatTimestamp(p.salesStart) : t('products.detail.open')} ~ ${
          p.salesEnd ? formatTimestamp(p.salesEnd) : t('products.detail.open')
        }`
      : t('products.detail.open');
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        data-testid="product-overview"
        items={[
          {
            key: 'code',
            label: t('products.form.code'),
            children: <Typography.Text copyable>{p.code}</Typography.Text>,
          },
          {
            key: 'id',
            label: t('products.detail.id'),
            children: <Typography.Text copyable>{p.id}</Typography.Text>,
          },
          { key: 'nameZh', label: t('products.form.nameZh'), children: p.nameZh },
          { key: 'nameEn', label: t('products.form.nameEn'), children: p.nameEn },
          {
            key: 'category',
            label: t('products.columns.category'),
            children: t(`products.categories.${p.category}`, { defaultValue: p.category }),
          },
          { key: 'currency', label: t('products.form.currency'), children: p.currency },
          { key: 'yield', label: t('products.columns.yield'), children: rangeText(p.yield) },
          { key: 'minimum', label: t('products.columns.minimum'), children: money(p.minimumAmount) },
          {
            key: 'channels',
            label: t('products.form.channels'),
            children: p.channels.map((c) => <Tag key={c}>{t(`products.channels.${c}`)}</Tag>),
          },
          {
            key: 'customerTypes',
            label: t('products.form.customerTypes'),
            children: p.customerTypes.map((c) => <Tag key={c}>{t(`products.customerTypes.${c}`)}</Tag>),
          },
          { key: 'window', label: t('products.detail.salesWindow'), children: window, span: 2 },
          ...(p.latestNav
            ? [
                {
                  key: 'nav',
                  label: t('products.detail.latestNav'),
                  children: `${p.latestNav.nav} / ${p.latestNav.accNav} (${p.latestNav.date})`,
                },
              ]
            : []),
          { key: 'version', label: t('products.detail.version'), children: p.version },
          {
            key: 'createdBy',
            label: t('products.detail.createdBy'),
            children: p.createdBy ? staffName(p.createdBy) : '—',
          },
          { key: 'createdAt', label: t('products.detail.createdAt'), children: formatTimestamp(p.createdAt) },
          { key: 'updatedAt', label: t('products.detail.updatedAt'), children: formatTimestamp(p.updatedAt) },
          {
            key: 'publishedAt',
            label: t('products.detail.publishedAt'),
            children: p.publishedAt ? formatTimestamp(p.publishedAt) : '—',
          },
        ]}
      />
      <Card size="small" title={t('products.detail.disclosure')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
          {p.disclosure.zh}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {p.disclosure.en}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}

function eventDetail(e: ProductEvent, t: TFunction): string {
  const d = e.detail;
  if (typeof d.reason === 'string') return d.reason;
  if (e.action === 'reprice')
    return Object.keys((d.after as object | undefined) ?? {})
      .map((f) => t(`products.fields.${f}`))
      .join('、');
  if (typeof d.approvalStatus === 'string')
    return t(`approvals.status.${d.approvalStatus}`, { defaultValue: d.approvalStatus });
  return '';
}

function History(props: { events: ProductEvent[] }) {
  const { t } = useTranslation();
  const staffName = useStaffName();
  const columns: TableColumnsType<ProductEvent> = [
    {
      title: t('products.history.columns.at'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    { title: t('products.history.columns.version'), dataIndex: 'version', width: 70 },
    {
      title: t('products.history.columns.action'),
      dataIndex: 'action',
      width: 130,
      render: (v: string) => t(`products.history.actions.${v}`, { defaultValue: v }),
    },
    {
      title: t('products.history.columns.status'),
      key: 'status',
      width: 210,
      render: (_: unknown, e) => (
        <Flex gap={4} align="center">
          {e.fromStatus && e.fromStatus !== e.toStatus ? (
            <>
              <ProductStatusTag status={e.fromStatus as ProductStatus} />→
            </>
          ) : null}
          <ProductStatusTag status={e.toStatus} />
        </Flex>
      ),
    },
    {
      title: t('products.history.columns.actor'),
      key: 'actor',
      width: 170,
      render: (_: unknown, e) => (e.actorId ? staffName(e.actorId) : t('products.history.system')),
    },
    {
      title: t('products.history.columns.detail'),
      key: 'detail',
      render: (_: unknown, e) => (
        <Flex vertical>
          <span>{eventDetail(e, t)}</span>
          {e.approvalId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('products.history.approval')} <Typography.Text code>{e.approvalId}</Typography.Text>
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <Table<ProductEvent>
      rowKey="version"
      size="small"
      columns={columns}
      dataSource={[...props.events].reverse()}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('products.history.empty') }}
      onRow={rowTestId('product-history-row')}
      data-testid="product-history"
    />
  );
}
