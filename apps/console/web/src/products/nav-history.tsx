import { fractionToPercent, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Segmented, Spin, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rowTestId } from '../customers/labels.tsx';
import { fetchNavs, type NavPoint, type Product, productKeys } from './api.ts';
import { usePercent } from './labels.tsx';
import type { NavLine } from './nav-chart.tsx';

/** ECharts is large: loaded the first time a chart is shown, not with the console. */
const NavChart = lazy(() => import('./nav-chart.tsx').then((m) => ({ default: m.NavChart })));

const RANGES = { m1: 31, m3: 92, y1: 366, y3: 1100 } as const;
type RangeKey = keyof typeof RANGES;

/** `YYYY-MM-DD`, `days` before today in the viewer's calendar. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * A fund's NAVs over a chosen range: an ECharts line (NAV and accumulated NAV, or a money-market
 * fund's 7-day yield) above the table. The chart plots numbers; every figure shown is the API's string.
 */
export function NavHistory(props: { product: Pick<Product, 'id' | 'category'> }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<RangeKey>('y1');
  const percent = usePercent();
  const isMoneyMarket = props.product.category === 'money_market';
  const from = daysAgo(RANGES[range]);
  const navs = useQuery({
    queryKey: productKeys.navs(props.product.id, { from }),
    queryFn: () => fetchNavs(props.product.id, { from }),
  });
  const points = navs.data ?? [];
  const lines: NavLine[] = useMemo(
    () =>
      isMoneyMarket
        ? [
            {
              name: t('products.nav.columns.yield7d'),
              value: (p) => (p.yield7d ? fractionToPercent(p.yield7d) : null),
            },
          ]
        : [
            { name: t('products.nav.columns.nav'), value: (p) => p.nav },
            { name: t('products.nav.columns.accNav'), value: (p) => p.accNav },
          ],
    [isMoneyMarket, t],
  );
  const format = useCallback((v: string) => (isMoneyMarket ? `${v}%` : v), [isMoneyMarket]);
  const columns: TableColumnsType<NavPoint> = [
    { title: t('products.nav.columns.date'), dataIndex: 'date', width: 120 },
    ...(isMoneyMarket
      ? [
          {
            title: t('products.nav.columns.per10kIncome'),
            dataIndex: 'per10kIncome',
            align: 'right' as const,
          },
          {
            title: t('products.nav.columns.yield7d'),
            dataIndex: 'yield7d',
            align: 'right' as const,
            render: (v: string | null) => percent(v, 3),
          },
        ]
      : [
          { title: t('products.nav.columns.nav'), dataIndex: 'nav', align: 'right' as const },
          { title: t('products.nav.columns.accNav'), dataIndex: 'accNav', align: 'right' as const },
        ]),
  ];
  return (
    <Flex vertical gap={12}>
      <Segmented<RangeKey>
        value={range}
        onChange={setRange}
        options={(Object.keys(RANGES) as RangeKey[]).map((k) => ({
          value: k,
          label: <span data-testid={`nav-range-${k}`}>{t(`products.nav.ranges.${k}`)}</span>,
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {navs.isError ? <Alert type="error" showIcon title={problemText(t, navs.error)} /> : null}
      <Card size="small" title={t('products.nav.chart')} loading={navs.isPending}>
        {points.length > 0 ? (
          <div data-testid="nav-chart">
            <Suspense fallback={<Spin />}>
              <NavChart points={points} lines={lines} format={format} isPercent={isMoneyMarket} />
            </Suspense>
          </div>
        ) : (
          <Empty description={t('products.nav.noNavs')} />
        )}
      </Card>
      <Card size="small" title={t('products.nav.list')}>
        <Table<NavPoint>
          rowKey="date"
          size="small"
          columns={columns}
          dataSource={[...points].reverse()}
          loading={navs.isPending}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('products.nav.noNavs') }}
          onRow={rowTestId('nav-row')}
        />
      </Card>
    </Flex>
  );
}
