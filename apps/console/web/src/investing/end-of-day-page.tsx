import { PlayCircleOutlined } from '@ant-design/icons';
import { formatTimestamp, problemText, testId, useShowProblem } from '@onefin/ui';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { useMoney } from '../ledger/labels.tsx';
import {
  type EndOfDayReport,
  type EndOfDayRun,
  fetchEndOfDayRuns,
  investingKeys,
  runEndOfDay,
} from './api.ts';
import { fenToYuan } from './labels.tsx';

const PAGE = 30;
/** Business lines of a report; runs from before fund conversions existed have no `conversions`. */
const LINES = ['subscriptions', 'redemptions', 'conversions', 'wealth'] as const;
const RUN_COLORS: Record<EndOfDayRun['status'], string> = {
  running: 'processing',
  completed: 'green',
  incomplete: 'orange',
};

/** Sums of the business lines: what a run confirmed, failed, cancelled, left waiting for a NAV. */
function totals(r: Partial<EndOfDayReport>) {
  const lines = LINES.map((k) => r[k]).filter((x) => x !== undefined);
  const sum = (f: (x: (typeof lines)[number]) => number) => lines.reduce((n, x) => n + f(x), 0);
  return {
    confirmed: sum((x) => x.confirmed),
    failed: sum((x) => x.failed),
    cancelled: sum((x) => x.cancelled),
    awaitingNav:
      (r.subscriptions?.awaitingNav ?? 0) +
      (r.redemptions?.awaitingNav ?? 0) +
      (r.conversions?.awaitingNav ?? 0),
  };
}

/**
 * The end-of-day job of investing: each trade date's run with its report (orders confirmed, failures,
 * fund conversions, maturities, money-market income, reconciliation breaks), and a button to run it for the settleable
 * trade date. Running it again for a date changes nothing; an incomplete run finishes on the next.
 */
export function EndOfDayPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [expanded, setExpanded] = useState<string[]>([]);
  const runs = useInfiniteQuery({
    queryKey: investingKeys.runs,
    queryFn: ({ pageParam }) => fetchEndOfDayRuns(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last.at(-1)?.tradeDate : undefined),
  });
  const run = useMutation({
    mutationFn: () => runEndOfDay(),
    onSuccess: (done) => {
      message.success(
        t('investing.eod.ran', { date: done.tradeDate, status: t(`investing.eod.statuses.${done.status}`) }),
      );
      setExpanded([done.tradeDate]);
      void queryClient.invalidateQueries({ queryKey: investingKeys.all });
    },
    onError: (error) => showProblem(error),
  });
  const rows = runs.data?.pages.flat() ?? [];
  const count = (n: number, isBad = false) =>
    isBad && n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n;
  const columns: TableColumnsType<EndOfDayRun> = [
    { title: t('investing.eod.columns.tradeDate'), dataIndex: 'tradeDate', width: 110 },
    {
      title: t('investing.eod.columns.confirmDate'),
      key: 'confirmDate',
      width: 110,
      render: (_: unknown, r) => r.report.confirmDate ?? '—',
    },
    {
      title: t('investing.eod.columns.status'),
      dataIndex: 'status',
      width: 150,
      render: (v: EndOfDayRun['status']) => (
        <Tag color={RUN_COLORS[v]} data-testid="eod-status">
          {t(`investing.eod.statuses.${v}`)}
        </Tag>
      ),
    },
    {
      title: t('investing.eod.columns.confirmed'),
      key: 'confirmed',
      width: 100,
      align: 'right',
      render: (_: unknown, r) => <span data-testid="eod-confirmed">{totals(r.report).confirmed}</span>,
    },
    {
      title: t('investing.eod.columns.failures'),
      key: 'failures',
      width: 80,
      align: 'right',
      render: (_: unknown, r) => count(totals(r.report).failed, true),
    },
    {
      title: t('investing.eod.columns.awaitingNav'),
      key: 'awaitingNav',
      width: 90,
      align: 'right',
      render: (_: unknown, r) => count(totals(r.report).awaitingNav, true),
    },
    {
      title: t('investing.eod.columns.breaks'),
      key: 'breaks',
      width: 130,
      render: (_: unknown, r) => {
        const breaks = r.report.reconciliation?.breaks;
        if (!breaks) return '—';
        return (
          <Tag color={breaks.length ? 'red' : 'green'} data-testid="eod-breaks">
            {breaks.length
              ? t('investing.eod.breaks', { count: breaks.length })
              : t('investing.eod.noBreaks')}
          </Tag>
        );
      },
    },
    {
      title: t('investing.eod.columns.finishedAt'),
      dataIndex: 'finishedAt',
      width: 160,
      render: (v: string | null) => formatTimestamp(v),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <div style={{ maxWidth: 760 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('investing.eod.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('investing.eod.subtitle')}</Typography.Text>
        </div>
        <Popconfirm
          title={t('investing.eod.run')}
          description={<div style={{ maxWidth: 320 }}>{t('investing.eod.runConfirm')}</div>}
          onConfirm={() => run.mutate()}
          okButtonProps={{ ...testId('eod-run-confirm') }}
        >
          <Button type="primary" icon={<PlayCircleOutlined />} loading={run.isPending} data-testid="eod-run">
            {t('investing.eod.run')}
          </Button>
        </Popconfirm>
      </Flex>
      <Card>
        <Flex vertical gap={12}>
          {runs.isError ? <Alert type="error" showIcon title={problemText(t, runs.error)} /> : null}
          <Table<EndOfDayRun>
            rowKey="tradeDate"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={runs.isPending}
            pagination={false}
            scroll={{ x: 960 }}
            locale={{ emptyText: t('investing.eod.empty') }}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
              expandedRowRender: (r) => <RunReport run={r} />,
            }}
            onRow={() => ({ 'data-testid': 'eod-row' }) as object}
            data-testid="eod-table"
          />
          {runs.hasNextPage ? (
            <Flex justify="center">
              <Button onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
                {t('investing.eod.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      </Card>
    </Flex>
  );
}

/** One run's report: each business line's outcome, maturities, income and the reconciliation. */
function RunReport(props: { run: EndOfDayRun }) {
  const { t } = useTranslation();
  const money = useMoney();
  const r = props.run.report;
  const fen = (amount: string | undefined) =>
    amount === undefined
      ? '—'
      : money({ amount: fenToYuan(amount), currency: r.reconciliation?.currency ?? 'CNY' });
  const lines = LINES.flatMap((key) => {
    const x = r[key];
    return x ? [{ key, ...x, awaitingNav: 'awaitingNav' in x ? x.awaitingNav : undefined }] : [];
  });
  const breaks = r.reconciliation?.breaks ?? [];
  return (
    <Flex vertical gap={12} data-testid="eod-report">
      <Typography.Text strong>
        {t('investing.eod.report.title', { date: props.run.tradeDate })}
      </Typography.Text>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={lines}
        onRow={(l) => ({ 'data-testid': `eod-line-${l.key}` }) as object}
        style={{ maxWidth: 640 }}
        columns={[
          {
            title: t('investing.eod.report.kind'),
            dataIndex: 'key',
            render: (k: (typeof LINES)[number]) => t(`investing.eod.report.${k}`),
          },
          { title: t('investing.eod.report.confirmed'), dataIndex: 'confirmed', align: 'right' },
          { title: t('investing.eod.report.cancelled'), dataIndex: 'cancelled', align: 'right' },
          { title: t('investing.eod.report.failed'), dataIndex: 'failed', align: 'right' },
          {
            title: t('investing.eod.report.awaitingNav'),
            dataIndex: 'awaitingNav',
            align: 'right',
            render: (v: number | undefined) => v ?? '—',
          },
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'maturities',
            label: t('investing.eod.columns.maturities'),
            children: t('investing.eod.report.maturities', {
              count: r.maturities?.paid ?? 0,
              amount: fen(r.maturities?.amount),
            }),
          },
          {
            key: 'income',
            label: t('investing.eod.columns.income'),
            children: t('investing.eod.report.income', {
              funds: r.income?.funds ?? 0,
              holdings: r.income?.holdings ?? 0,
              amount: fen(r.income?.amount),
            }),
          },
          {
            key: 'reconciliation',
            label: t('investing.eod.report.reconciliationLabel'),
            children: r.reconciliation
              ? t('investing.eod.report.reconciliation', { checks: r.reconciliation.checks })
              : '—',
          },
        ]}
      />
      {r.reconciliation ? (
        breaks.length === 0 ? (
          <Alert type="success" showIcon title={t('investing.eod.report.noBreaks')} />
        ) : (
          <Table
            rowKey={(b) => `${b.check}-${b.productId ?? ''}`}
            size="small"
            pagination={false}
            dataSource={breaks}
            data-testid="eod-break-table"
            columns={[
              { title: t('investing.eod.report.breakColumns.check'), dataIndex: 'check' },
              {
                title: t('investing.eod.report.breakColumns.product'),
                dataIndex: 'productId',
                render: (v: string | undefined) => v ?? '—',
              },
              {
                title: t('investing.eod.report.breakColumns.investing'),
                dataIndex: 'investing',
                align: 'right',
              },
              { title: t('investing.eod.report.breakColumns.other'), dataIndex: 'other', align: 'right' },
            ]}
          />
        )
      ) : null}
    </Flex>
  );
}
