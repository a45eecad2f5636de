import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatTimestamp, isApiError, problemText, testId } from '@onefin/ui';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Result,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHasPermission } from '../auth.ts';
import { type AccountEntry, fetchAccount, fetchEntries } from './api.ts';
import {
  AccountLink,
  ClassTag,
  CodeLabel,
  SideTag,
  TransferLink,
  useAccountName,
  useMoney,
} from './labels.tsx';
import { AdjustmentModal } from './proposals.tsx';

/** One account: its balances and its entries (the statement), newest first. */
export function AccountPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const money = useMoney();
  const nameOf = useAccountName();
  const canAdjust = useHasPermission('ledger.adjust');
  const [isAdjusting, setAdjusting] = useState(false);
  const account = useQuery({ queryKey: ['ledger', 'account', id], queryFn: () => fetchAccount(id) });
  const back = (
    <Link to="/ledger/accounts">
      <ArrowLeftOutlined /> {t('ledger.account.back')}
    </Link>
  );
  if (account.isPending) return <Spin />;
  if (account.isError) {
    return isApiError(account.error) && account.error.status === 404 ? (
      <Result status="404" title={t('ledger.account.notFound')} extra={back} />
    ) : (
      <Alert type="error" showIcon title={problemText(t, account.error)} />
    );
  }
  const a = account.data;
  return (
    <Flex vertical gap={16}>
      {back}
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="account-title">
              {a.code} {nameOf(a)}
            </span>
            <ClassTag value={a.class} />
            {a.frozen ? <Tag color="red">{t('ledger.accounts.frozen')}</Tag> : null}
          </Flex>
        }
        extra={
          canAdjust ? (
            <Button type="primary" onClick={() => setAdjusting(true)} data-testid="propose-adjustment">
              {t('ledger.adjust.button')}
            </Button>
          ) : null
        }
      >
        <Flex gap={48} wrap style={{ marginBottom: 16 }}>
          <Statistic
            title={t('ledger.account.balance')}
            value={money(a.balance)}
            valueRender={(node) => <span data-testid="ledger-account-balance">{node}</span>}
          />
          <Statistic title={t('ledger.account.available')} value={money(a.available)} />
          <Statistic title={t('ledger.account.pending')} value={money(a.pending)} />
        </Flex>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'id',
              label: t('ledger.account.id'),
              children: <Typography.Text copyable>{a.id}</Typography.Text>,
            },
            {
              key: 'owner',
              label: t('ledger.account.owner'),
              children:
                a.ownerType === 'customer'
                  ? `${t('ledger.owner.customer')} ${a.ownerId ?? ''}`
                  : t('ledger.owner.internal'),
            },
            { key: 'debits', label: t('ledger.account.postedDebits'), children: money(a.postedDebits) },
            { key: 'credits', label: t('ledger.account.postedCredits'), children: money(a.postedCredits) },
            { key: 'side', label: t('ledger.chart.normalSide'), children: <SideTag value={a.normalSide} /> },
            { key: 'opened', label: t('ledger.account.openedAt'), children: formatTimestamp(a.createdAt) },
          ]}
        />
      </Card>
      <EntriesCard accountId={a.id} />
      <AdjustmentModal
        open={isAdjusting}
        account={{ id: a.id, currency: a.currency }}
        onClose={() => setAdjusting(false)}
      />
    </Flex>
  );
}

function EntriesCard(props: { accountId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const entries = useInfiniteQuery({
    queryKey: ['ledger', 'entries', props.accountId, range],
    queryFn: ({ pageParam }) => fetchEntries(props.accountId, range, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: TableColumnsType<AccountEntry> = [
    {
      title: t('ledger.account.columns.postedAt'),
      dataIndex: 'postedAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    {
      title: t('ledger.account.columns.code'),
      dataIndex: 'code',
      width: 110,
      render: (v: string) => <CodeLabel code={v} />,
    },
    {
      title: t('ledger.account.columns.side'),
      dataIndex: 'side',
      width: 70,
      render: (v: AccountEntry['side']) => <SideTag value={v} />,
    },
    {
      title: t('ledger.account.columns.amount'),
      key: 'amount',
      align: 'right',
      width: 140,
      className: 'nowrap',
      render: (_: unknown, e) => money(e.amount),
    },
    {
      title: t('ledger.account.columns.balanceAfter'),
      key: 'balanceAfter',
      align: 'right',
      width: 150,
      className: 'nowrap',
      render: (_: unknown, e) => <Typography.Text strong>{money(e.balanceAfter)}</Typography.Text>,
    },
    {
      title: t('ledger.account.columns.transfer'),
      dataIndex: 'transferId',
      render: (v: string) => <TransferLink id={v} />,
    },
    {
      title: t('ledger.account.columns.counterparty'),
      dataIndex: 'counterpartyAccountId',
      render: (v: string) => <AccountLink id={v} />,
    },
  ];
  const isRangeInvalid = Boolean(draft.from && draft.to && draft.from > draft.to);
  return (
    <Card
      title={t('ledger.account.entries')}
      extra={
        <Flex gap={8} wrap>
          <Input
            type="date"
            aria-label={t('ledger.account.from')}
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
            style={{ width: 150 }}
          />
          <Input
            type="date"
            aria-label={t('ledger.account.to')}
            value={draft.to ?? ''}
            onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
            style={{ width: 150 }}
          />
          <Button type="primary" disabled={isRangeInvalid} onClick={() => setRange(draft)}>
            {t('ledger.accounts.search')}
          </Button>
        </Flex>
      }
    >
      {entries.isError ? <Alert type="error" showIcon title={problemText(t, entries.error)} /> : null}
      <Table<AccountEntry>
        rowKey="transferId"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={entries.isPending}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('ledger.account.noEntries') }}
        onRow={() => ({ ...testId('entry-row'), style: {} })}
        data-testid="entries-table"
      />
      {entries.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {t('ledger.accounts.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
