import { formatTimestamp, problemText, testId, useShowProblem } from '@onefin/ui';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import {
  fetchRun,
  fetchRuns,
  type ReconciliationBreak,
  type ReconciliationRun,
  runReconciliation,
} from './api.ts';
import { TransferLink, useMoney } from './labels.tsx';

/** Today on the Shanghai calendar, the default business date to reconcile. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Reconciliation: run it for a business date, the runs so far, and each run's breaks. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useMoney();
  const showProblem = useShowProblem();
  const [form] = Form.useForm<{ date: string }>();
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const runs = useInfiniteQuery({
    queryKey: ['reconciliation', 'runs'],
    queryFn: ({ pageParam }) => fetchRuns(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const run = useMutation({
    mutationFn: ({ date }: { date: string }) => runReconciliation(date),
    onSuccess: (done) => {
      message.success(t('reconciliation.ran', { count: done.breakCount }));
      void queryClient.invalidateQueries({ queryKey: ['reconciliation', 'runs'] });
      setOpenId(done.id);
    },
    onError: (error) => showProblem(error, form),
  });
  const rows = runs.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<ReconciliationRun> = [
    { title: t('reconciliation.columns.date'), dataIndex: 'businessDate', width: 120 },
    { title: t('reconciliation.columns.channel'), dataIndex: 'channel', width: 110 },
    {
      title: t('reconciliation.columns.channelLines'),
      dataIndex: 'channelLines',
      align: 'right',
      width: 100,
    },
    { title: t('reconciliation.columns.ledgerLines'), dataIndex: 'ledgerLines', align: 'right', width: 100 },
    { title: t('reconciliation.columns.matched'), dataIndex: 'matched', align: 'right', width: 90 },
    {
      title: t('reconciliation.columns.breaks'),
      dataIndex: 'breakCount',
      width: 90,
      render: (n: number) => <Tag color={n === 0 ? 'success' : 'error'}>{n}</Tag>,
    },
    {
      title: t('reconciliation.columns.channelNet'),
      key: 'cn',
      align: 'right',
      render: (_: unknown, r) => money(r.channelNet),
    },
    {
      title: t('reconciliation.columns.ledgerNet'),
      key: 'ln',
      align: 'right',
      render: (_: unknown, r) => money(r.ledgerNet),
    },
    {
      title: t('reconciliation.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    {
      key: 'view',
      width: 100,
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)}>
          {t('reconciliation.view')}
        </Button>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reconciliation.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('reconciliation.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Form
          form={form}
          layout="inline"
          initialValues={{ date: shanghaiToday() }}
          onFinish={(v) => run.mutate(v)}
          style={{ rowGap: 8 }}
        >
          <Form.Item
            name="date"
            label={t('reconciliation.date')}
            rules={[{ required: true, message: t('reconciliation.dateRequired') }]}
          >
            <Input type="date" style={{ width: 170 }} data-testid="reconciliation-date" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="reconciliation-run">
              {t('reconciliation.run')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('reconciliation.runs')}>
        {runs.isError ? <Alert type="error" showIcon title={problemText(t, runs.error)} /> : null}
        <Table<ReconciliationRun>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={runs.isPending}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('reconciliation.noRuns') }}
          onRow={(r) => ({
            ...testId('run-row'),
            onClick: () => setOpenId(r.id),
            style: { cursor: 'pointer' },
          })}
          data-testid="runs-table"
        />
        {runs.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
              {t('reconciliation.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
      <BreaksDrawer runId={openId} onClose={() => setOpenId(undefined)} />
    </Flex>
  );
}

function BreaksDrawer(props: { runId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const screens = Grid.useBreakpoint();
  const run = useQuery({
    queryKey: ['reconciliation', 'run', props.runId],
    queryFn: () => fetchRun(props.runId ?? ''),
    enabled: props.runId !== undefined,
  });
  const columns: TableColumnsType<ReconciliationBreak> = [
    {
      title: t('reconciliation.breakColumns.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (k: ReconciliationBreak['kind']) => (
        <Tag color="error">{t(`reconciliation.breakKinds.${k}`)}</Tag>
      ),
    },
    {
      title: t('reconciliation.breakColumns.order'),
      dataIndex: 'orderId',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('reconciliation.breakColumns.channelRef'),
      dataIndex: 'channelRef',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('reconciliation.breakColumns.ledgerTransfer'),
      dataIndex: 'ledgerTransferId',
      render: (v: string | null) => (v ? <TransferLink id={v} /> : '—'),
    },
    {
      title: t('reconciliation.breakColumns.channelAmount'),
      key: 'ca',
      align: 'right',
      render: (_: unknown, b) => money(b.channelAmount),
    },
    {
      title: t('reconciliation.breakColumns.ledgerAmount'),
      key: 'la',
      align: 'right',
      render: (_: unknown, b) => money(b.ledgerAmount),
    },
    { title: t('reconciliation.breakColumns.detail'), dataIndex: 'detail' },
  ];
  return (
    <Drawer
      open={props.runId !== undefined}
      onClose={props.onClose}
      size={screens.lg ? 960 : '100%'}
      title={
        run.data ? `${t('reconciliation.breaks')} · ${run.data.businessDate}` : t('reconciliation.breaks')
      }
      data-testid="breaks-drawer"
    >
      {run.isError ? <Alert type="error" showIcon title={problemText(t, run.error)} /> : null}
      {run.data && run.data.breaks.length === 0 ? (
        <Alert type="success" showIcon title={t('reconciliation.noBreaks')} />
      ) : (
        <Table<ReconciliationBreak>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={run.data?.breaks ?? []}
          loading={run.isPending}
          pagination={false}
          scroll={{ x: 1000 }}
          data-testid="breaks-table"
        />
      )}
    </Drawer>
  );
}
