import {
  currentLanguage,
  formatDate,
  formatDecimal,
  formatPercent,
  problemText,
  relativeChange,
  roundDecimal,
} from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchNavs, PRODUCTS_KEY } from './api.ts';
import { toneOf } from './figures.ts';
import type { ChartLine } from './nav-chart.tsx';
import type { ProductDetail } from './types.ts';

// ECharts is big: only product pages of funds load it.
const NavChart = lazy(() => import('./nav-chart.tsx').then((m) => ({ default: m.NavChart })));

export const RANGES = { '1M': 1, '3M': 3, '6M': 6, '1Y': 12, '3Y': 36 } as const;
export type RangeKey = keyof typeof RANGES;

/** The business date `months` before `date` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

type MoneyMarketMetric = 'yield7d' | 'per10k';

/**
 * A fund's history: NAV and accumulated NAV, or for a money-market fund its 7-day annualised yield and
 * per-10,000 income, over 1M/3M/6M/1Y/3Y up to its latest NAV.
 */
export function NavHistoryCard(props: { product: ProductDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const p = props.product;
  const isMoneyMarket = p.category === 'money_market';
  const [range, setRange] = useState<RangeKey>('1Y');
  const [metric, setMetric] = useState<MoneyMarketMetric>('yield7d');
  const latest = p.latestNav?.date;
  const from = latest ? monthsBefore(latest, RANGES[range]) : undefined;
  const navs = useQuery({
    queryKey: [...PRODUCTS_KEY, 'navs', p.id, from, latest],
    queryFn: () => fetchNavs(p.id, from as string, latest as string),
    enabled: Boolean(from),
    placeholderData: (previous) => previous,
  });
  const lines = useMemo((): ChartLine[] => {
    const points = navs.data ?? [];
    if (!isMoneyMarket) {
      return [
        {
          key: 'nav',
          name: t('products.chart.nav'),
          color: '#1d4ed8',
          points: points.map((n) => ({ date: n.date, value: n.nav })),
        },
        {
          key: 'accNav',
          name: t('products.chart.accNav'),
          color: '#f59e0b',
          points: points.map((n) => ({ date: n.date, value: n.accNav })),
        },
      ];
    }
    const field = metric === 'yield7d' ? 'yield7d' : 'per10kIncome';
    return [
      {
        key: metric,
        name: t(metric === 'yield7d' ? 'products.chart.yield7d' : 'products.chart.per10k'),
        color: metric === 'yield7d' ? '#d4380d' : '#1d4ed8',
        points: points.flatMap((n) => {
          const value = n[field];
          // The chart plots 7-day yields in percent (2.15), so the axis reads like the tooltip.
          if (value === null) return [];
          return [{ date: n.date, value: metric === 'yield7d' ? roundDecimal(value, 6, 2) : value }];
        }),
      },
    ];
  }, [navs.data, isMoneyMarket, metric, t]);
  const formatValue = useCallback(
    (value: string) =>
      isMoneyMarket && metric === 'yield7d'
        ? formatPercent(value, language, { digits: 3, isPercent: true })
        : formatDecimal(value, language, 4),
    [isMoneyMarket, metric, language],
  );
  // The return over the range shown, from the accumulated NAV (dividends included), exact.
  const points = navs.data ?? [];
  const first = points[0];
  const last = points[points.length - 1];
  const rangeReturn =
    !isMoneyMarket && first && last && first !== last ? relativeChange(first.accNav, last.accNav) : undefined;
  const formatDay = useCallback((date: string) => formatDate(date, language), [language]);
  // Short axis labels: month-day within half a year, year-month beyond.
  const formatAxisDay = useCallback(
    (date: string) => (RANGES[range] <= 6 ? date.slice(5) : RANGES[range] <= 12 ? date : date.slice(0, 7)),
    [range],
  );
  return (
    <Card
      title={t(isMoneyMarket ? 'products.chart.titleMoneyMarket' : 'products.chart.title')}
      data-testid="nav-history"
      extra={null}
    >
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        {isMoneyMarket ? (
          <Segmented<MoneyMarketMetric>
            value={metric}
            onChange={setMetric}
            options={[
              {
                value: 'yield7d',
                label: <span data-testid="metric-yield7d">{t('products.chart.yield7d')}</span>,
              },
              {
                value: 'per10k',
                label: <span data-testid="metric-per10k">{t('products.chart.per10k')}</span>,
              },
            ]}
          />
        ) : (
          <Flex gap={6} align="baseline" data-testid="range-return">
            <Typography.Text type="secondary">
              {t('products.chart.rangeReturn', { range: t(`products.chart.ranges.${range}`) })}
            </Typography.Text>
            <Typography.Text strong className={`figure-value--${toneOf(rangeReturn)}`}>
              {rangeReturn ? formatPercent(rangeReturn, language, { isSigned: true }) : '—'}
            </Typography.Text>
          </Flex>
        )}
        <Segmented<RangeKey>
          value={range}
          onChange={setRange}
          options={(Object.keys(RANGES) as RangeKey[]).map((key) => ({
            value: key,
            label: <span data-testid={`range-${key}`}>{t(`products.chart.ranges.${key}`)}</span>,
          }))}
          data-testid="nav-range"
        />
      </Flex>
      {navs.isError ? <Alert type="error" showIcon title={problemText(t, navs.error)} /> : null}
      {!latest || (navs.isSuccess && navs.data.length === 0) ? (
        <Empty description={t('products.chart.empty')} />
      ) : null}
      {navs.isPending && latest ? <Skeleton.Node active style={{ width: '100%', height: 300 }} /> : null}
      {navs.data && navs.data.length > 0 ? (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
          <NavChart
            lines={lines}
            formatValue={formatValue}
            formatDate={formatDay}
            formatAxisDate={formatAxisDay}
          />
        </Suspense>
      ) : null}
    </Card>
  );
}
