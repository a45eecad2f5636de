import { ArrowLeftOutlined, CloseOutlined } from '@ant-design/icons';
import { currentLanguage, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fetchComparison, PRODUCTS_KEY } from './api.ts';
import { type AttributeRow, attributeRows } from './attributes.tsx';
import { MAX_COMPARE, setPicked } from './compare-store.ts';
import { headlineOf, productName } from './figures.ts';
import { SuitabilityMarker } from './suitability.tsx';
import type { ProductDetail } from './types.ts';

interface CompareRow {
  key: string;
  label: string;
  cells: Record<string, ReactNode>;
}

/** Rows line up by attribute key; a product without that attribute shows a dash. */
function compareRows(
  products: readonly ProductDetail[],
  rowsOf: (p: ProductDetail) => AttributeRow[],
  labels: Record<string, string>,
) {
  const rows: CompareRow[] = [];
  const byKey = new Map<string, CompareRow>();
  for (const p of products) {
    for (const row of rowsOf(p)) {
      let line = byKey.get(row.key);
      if (!line) {
        line = { key: row.key, label: labels[row.key] ?? row.label, cells: {} };
        byKey.set(row.key, line);
        rows.push(line);
      }
      line.cells[p.id] = row.value;
    }
  }
  return rows;
}

/** Up to four products side by side: one column each, one row per attribute. Scrolls inside itself. */
export function ComparePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params] = useSearchParams();
  const ids = [...new Set((params.get('ids') ?? '').split(',').filter(Boolean))].slice(0, MAX_COMPARE);
  const comparison = useQuery({
    queryKey: [...PRODUCTS_KEY, 'compare', ids],
    queryFn: () => fetchComparison(ids),
    enabled: ids.length > 0,
  });
  const products = comparison.data ?? [];
  const remove = (p: ProductDetail) => {
    setPicked({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn }, false);
    const rest = ids.filter((id) => id !== p.id);
    navigate(rest.length ? `/products/compare?ids=${rest.map(encodeURIComponent).join(',')}` : '/products', {
      replace: true,
    });
  };
  const rowsOf = (p: ProductDetail): AttributeRow[] => {
    const rows = attributeRows(p, t, language).map((row) => {
      if (row.key !== 'headline' && row.key !== 'headline2') return row;
      // Each kind names its headline differently (1-year return, expected yield…): say which in the cell.
      const h = headlineOf(p, t, language);
      const figure = row.key === 'headline' ? h.main : h.secondary;
      return {
        ...row,
        value: (
          <Flex vertical>
            <span className={`figure-value--${figure?.tone ?? 'neutral'}`}>{figure?.value}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {figure?.label}
            </Typography.Text>
          </Flex>
        ),
      };
    });
    return p.suitability !== undefined
      ? [
          ...rows,
          {
            key: 'suitability',
            label: t('compare.suitability'),
            value: <SuitabilityMarker suitability={p.suitability} />,
          },
        ]
      : rows;
  };
  const rows = compareRows(products, rowsOf, {
    headline: t('compare.headline'),
    headline2: t('compare.secondary'),
  });
  const columns: TableColumnsType<CompareRow> = [
    {
      key: 'label',
      dataIndex: 'label',
      fixed: 'left',
      width: 96,
      className: 'compare-table__label',
      render: (label: string) => <Typography.Text type="secondary">{label}</Typography.Text>,
    },
    ...products.map((p) => ({
      key: p.id,
      width: 180,
      title: (
        <Flex
          justify="space-between"
          align="flex-start"
          gap={4}
          data-testid="compare-column"
          data-product-id={p.id}
        >
          <Link to={`/products/${encodeURIComponent(p.id)}`} style={{ minWidth: 0 }}>
            {productName(p, language)}
          </Link>
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            aria-label={t('compare.remove')}
            onClick={() => remove(p)}
            data-testid="compare-remove"
          />
        </Flex>
      ),
      render: (_: unknown, row: CompareRow) => row.cells[p.id] ?? '—',
    })),
  ];
  return (
    <Flex vertical gap={16}>
      <Link to="/products" data-testid="back-to-supermarket">
        <ArrowLeftOutlined /> {t('products.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('compare.title')}
      </Typography.Title>
      {comparison.isError ? <Alert type="error" showIcon title={problemText(t, comparison.error)} /> : null}
      {ids.length === 0 ? <Empty description={t('compare.none')} /> : null}
      {ids.length > 0 && comparison.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {products.length > 1 && !screens.md ? (
        <Typography.Text type="secondary">{t('compare.swipeHint')}</Typography.Text>
      ) : null}
      {products.length > 0 ? (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<CompareRow>
            className="compare-table"
            data-testid="compare-table"
            rowKey="key"
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      ) : null}
      {products.length === 1 ? <Alert type="info" showIcon title={t('compare.addMore')} /> : null}
    </Flex>
  );
}
