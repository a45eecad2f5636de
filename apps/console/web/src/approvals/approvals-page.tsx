import { formatTimestamp, problemText, testId } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { APPROVAL_STATUSES, type Approval, type ApprovalStatus, fetchApprovals } from '../api.ts';
import { useStaffDirectory } from '../auth.ts';
import { ApprovalDrawer } from './approval-drawer.tsx';
import { ApprovalActionLabel, ApprovalStatusTag, useApprovalSummary } from './approval-labels.tsx';

function isApprovalStatus(value: string | null): value is ApprovalStatus {
  return (APPROVAL_STATUSES as readonly (string | null)[]).includes(value);
}

/** The maker–checker inbox: pending approvals by default, newest first, 50 at a time. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: ApprovalStatus = isApprovalStatus(requested) ? requested : 'pending';
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const directory = useStaffDirectory();
  const summaryOf = useApprovalSummary(directory);
  const approvals = useInfiniteQuery({
    queryKey: ['approvals', status],
    queryFn: ({ pageParam }) => fetchApprovals(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = approvals.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<Approval> = [
    {
      title: t('approvals.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => formatTimestamp(value),
    },
    {
      title: t('approvals.columns.action'),
      dataIndex: 'action',
      width: 140,
      render: (a: string) => <ApprovalActionLabel action={a} />,
    },
    {
      title: t('approvals.columns.summary'),
      key: 'summary',
      ellipsis: true,
      render: (_: unknown, row) => <span title={row.summary}>{summaryOf(row)}</span>,
    },
    {
      title: t('approvals.columns.maker'),
      dataIndex: 'makerId',
      width: 140,
      render: (id: string) => directory.get(id)?.displayName ?? id,
    },
    {
      title: t('approvals.columns.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ApprovalStatus) => <ApprovalStatusTag status={s} />,
    },
    {
      key: 'view',
      width: 80,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => setOpenId(row.id)} data-testid="approval-view">
          {t('approvals.view')}
        </Button>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('approvals.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('approvals.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Segmented<ApprovalStatus>
          value={status}
          onChange={(value) => setParams(value === 'pending' ? {} : { status: value })}
          options={APPROVAL_STATUSES.map((s) => ({
            value: s,
            label: <span data-testid={`approvals-filter-${s}`}>{t(`approvals.status.${s}`)}</span>,
          }))}
          style={{ marginBottom: 16 }}
        />
        {approvals.isError ? <Alert type="error" showIcon title={problemText(t, approvals.error)} /> : null}
        <Table<Approval>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={approvals.isPending}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('approvals.empty') }}
          onRow={(row) => ({
            ...testId('approval-row'),
            onClick: () => setOpenId(row.id),
            style: { cursor: 'pointer' },
          })}
          data-testid="approvals-table"
        />
        {approvals.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => void approvals.fetchNextPage()} loading={approvals.isFetchingNextPage}>
              {t('approvals.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
      <ApprovalDrawer
        approvalId={openId}
        listed={rows.find((row) => row.id === openId)}
        directory={directory}
        onClose={() => setOpenId(undefined)}
      />
    </Flex>
  );
}
