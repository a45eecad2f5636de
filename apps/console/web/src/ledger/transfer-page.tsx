import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatTimestamp, isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHasPermission } from '../auth.ts';
import { fetchTransfer, type LedgerTransfer, type TransferDetail } from './api.ts';
import { AccountLink, CodeLabel, SideTag, TransferLink, useAccountName, useMoney } from './labels.tsx';
import { ReversalModal } from './proposals.tsx';

const REVERSIBLE_KINDS = ['transfer', 'post_hold'];

/** One transfer with both of its entries, what followed it, and "propose reversal". */
export function TransferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const money = useMoney();
  const nameOf = useAccountName();
  const canAdjust = useHasPermission('ledger.adjust');
  const [reversing, setReversing] = useState<string | undefined>(undefined);
  const transfer = useQuery({ queryKey: ['ledger', 'transfer', id], queryFn: () => fetchTransfer(id) });
  const back = (
    <Link to="/ledger/accounts">
      <ArrowLeftOutlined /> {t('ledger.account.back')}
    </Link>
  );
  if (transfer.isPending) return <Spin />;
  if (transfer.isError) {
    return isApiError(transfer.error) && transfer.error.status === 404 ? (
      <Result status="404" title={t('ledger.transfer.notFound')} subTitle={id} extra={back} />
    ) : (
      <Alert type="error" showIcon title={problemText(t, transfer.error)} />
    );
  }
  const tr = transfer.data;
  const reversal = tr.resolutions.find((r) => r.kind === 'reversal');
  const canReverse = canAdjust && REVERSIBLE_KINDS.includes(tr.kind) && !reversal;
  const entryColumns: TableColumnsType<TransferDetail['entries'][number]> = [
    {
      title: t('ledger.transfer.columns.account'),
      key: 'account',
      render: (_: unknown, e) => (
        <AccountLink id={e.accountId}>
          {e.accountCode} {nameOf({ nameZh: e.accountNameZh, nameEn: e.accountNameEn })}
          {e.ownerId ? <Typography.Text type="secondary"> · {e.ownerId}</Typography.Text> : null}
        </AccountLink>
      ),
    },
    {
      title: t('ledger.transfer.columns.side'),
      dataIndex: 'side',
      width: 80,
      render: (v: 'debit' | 'credit') => <SideTag value={v} />,
    },
    {
      title: t('ledger.transfer.columns.amount'),
      key: 'amount',
      align: 'right',
      render: (_: unknown, e) => money(e.amount),
    },
    {
      title: t('ledger.transfer.columns.balanceAfter'),
      key: 'after',
      align: 'right',
      render: (_: unknown, e) => money(e.balanceAfter),
    },
  ];
  const resolutionColumns: TableColumnsType<LedgerTransfer> = [
    { title: t('ledger.transfer.id'), dataIndex: 'id', render: (v: string) => <TransferLink id={v} /> },
    {
      title: t('ledger.transfer.kind'),
      dataIndex: 'kind',
      render: (v: string) => t(`ledger.kinds.${v}`, { defaultValue: v }),
    },
    {
      title: t('ledger.transfer.amount'),
      key: 'amount',
      align: 'right',
      render: (_: unknown, r) => money(r.amount),
    },
    {
      title: t('ledger.transfer.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatTimestamp(v),
    },
  ];
  const reason = typeof tr.metadata.reason === 'string' ? tr.metadata.reason : undefined;
  return (
    <Flex vertical gap={16}>
      {back}
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('ledger.transfer.title')}</span>
            <Tag>{t(`ledger.kinds.${tr.kind}`, { defaultValue: tr.kind })}</Tag>
            {reversal ? (
              <Tag color="red" data-testid="transfer-reversed">
                {t('ledger.transfer.reversedBy', { id: reversal.id })}
              </Tag>
            ) : null}
          </Flex>
        }
        extra={
          canReverse ? (
            <Button danger onClick={() => setReversing(tr.id)} data-testid="propose-reversal">
              {t('ledger.reverse.button')}
            </Button>
          ) : null
        }
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          data-testid="transfer-details"
          items={[
            {
              key: 'id',
              label: t('ledger.transfer.id'),
              children: <Typography.Text copyable>{tr.id}</Typography.Text>,
            },
            { key: 'code', label: t('ledger.transfer.code'), children: <CodeLabel code={tr.code} /> },
            {
              key: 'amount',
              label: t('ledger.transfer.amount'),
              children: <strong>{money(tr.amount)}</strong>,
            },
            {
              key: 'createdAt',
              label: t('ledger.transfer.createdAt'),
              children: formatTimestamp(tr.createdAt),
            },
            { key: 'reference', label: t('ledger.transfer.reference'), children: tr.reference ?? '—' },
            {
              key: 'related',
              label: t('ledger.transfer.related'),
              children: tr.relatedId ? <TransferLink id={tr.relatedId} /> : '—',
            },
            ...(reason ? [{ key: 'reason', label: t('approvals.fields.reason'), children: reason }] : []),
          ]}
        />
      </Card>
      <Card title={t('ledger.transfer.entries')}>
        <Table
          rowKey={(e) => `${e.accountId}-${e.side}`}
          size="middle"
          columns={entryColumns}
          dataSource={tr.entries}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="transfer-entries"
        />
      </Card>
      {tr.resolutions.length > 0 ? (
        <Card title={t('ledger.transfer.resolutions')}>
          <Table
            rowKey="id"
            size="middle"
            columns={resolutionColumns}
            dataSource={tr.resolutions}
            pagination={false}
            scroll={{ x: 640 }}
          />
        </Card>
      ) : null}
      <ReversalModal transferId={reversing} onClose={() => setReversing(undefined)} />
    </Flex>
  );
}
