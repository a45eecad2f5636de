import { formatTimestamp, problemText } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, fetchAudit } from '../api.ts';
import { useHasPermission, useStaffDirectory } from '../auth.ts';
import { ActorCell, OutcomeTag } from './audit-labels.tsx';
import { VerifyChainButton } from './verify-chain-button.tsx';

interface AuditFilter {
  actorId?: string;
  action?: string;
}

function cleanFilter(values: AuditFilter): AuditFilter {
  const actorId = values.actorId?.trim();
  const action = values.action?.trim();
  return { ...(actorId ? { actorId } : {}), ...(action ? { action } : {}) };
}

/** The append-only audit log, newest first, 50 entries a page with "load more". */
export function AuditPage() {
  const { t } = useTranslation();
  const canVerify = useHasPermission('audit.verify');
  const directory = useStaffDirectory();
  const [form] = Form.useForm<AuditFilter>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => fetchAudit(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.columns.seq'), dataIndex: 'seq', width: 64 },
    {
      title: t('audit.columns.time'),
      dataIndex: 'occurredAt',
      width: 168,
      render: (value: string) => formatTimestamp(value),
    },
    {
      title: t('audit.columns.actor'),
      key: 'actor',
      width: 170,
      render: (_: unknown, entry) => <ActorCell entry={entry} directory={directory} />,
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
    },
    {
      title: t('audit.columns.target'),
      key: 'target',
      ellipsis: true,
      render: (_: unknown, entry) => (entry.targetType ? `${entry.targetType}:${entry.targetId ?? ''}` : '—'),
    },
    {
      title: t('audit.columns.outcome'),
      dataIndex: 'outcome',
      width: 76,
      render: (outcome: string) => <OutcomeTag outcome={outcome} />,
    },
    { title: t('audit.columns.ip'), dataIndex: 'ip', width: 116, render: (ip: string | null) => ip ?? '—' },
  ];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Flex wrap gap={12} justify="space-between" align="flex-start" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            onFinish={(values) => setFilter(cleanFilter(values))}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="actorId">
              <Input placeholder={t('audit.actorIdFilter')} allowClear data-testid="audit-actor-filter" />
            </Form.Item>
            <Form.Item name="action">
              <Input placeholder={t('audit.actionFilter')} allowClear data-testid="audit-action-filter" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t('audit.search')}
            </Button>
            <Button
              style={{ marginInlineStart: 8 }}
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('audit.reset')}
            </Button>
          </Form>
          {canVerify ? <VerifyChainButton /> : null}
        </Flex>
        {audit.isError ? <Alert type="error" showIcon title={problemText(t, audit.error)} /> : null}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={audit.isPending}
          pagination={false}
          scroll={{ x: 960 }}
          expandable={{
            expandedRowRender: (entry) => (
              <Flex vertical gap={4}>
                <span>
                  {t('audit.requestId')}: <Typography.Text code>{entry.requestId ?? '—'}</Typography.Text>
                </span>
                <span>
                  {t('audit.detail')}:{' '}
                  <Typography.Text code>{JSON.stringify(entry.detail ?? null)}</Typography.Text>
                </span>
              </Flex>
            ),
          }}
          data-testid="audit-table"
        />
        <Flex justify="center" style={{ marginTop: 16 }}>
          {audit.hasNextPage ? (
            <Button
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
              data-testid="audit-load-more"
            >
              {t('audit.loadMore')}
            </Button>
          ) : rows.length > 0 ? (
            <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </Flex>
  );
}
