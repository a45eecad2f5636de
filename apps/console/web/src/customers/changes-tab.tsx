import { formatTimestamp, problemText } from '@onefin/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaffName } from '../auth.ts';
import { customerKeys, fetchChanges, type ProfileChange } from './api.ts';
import { rowTestId } from './labels.tsx';

const CODE_FIELDS: Record<string, string> = {
  status: 'customers.status',
  kycStatus: 'customers.kyc.status',
  realNameStatus: 'customers.kyc.realName',
  screeningStatus: 'customers.screening.status',
  provinceCode: 'reference.provinces',
  occupation: 'reference.occupations',
  incomeBand: 'reference.incomeBands',
  industry: 'reference.industries',
  size: 'reference.sizes',
};

/** Every field that changed on the record, newest first; ID numbers and mobiles masked. */
export function ChangesTab(props: { customerId: string }) {
  const { t } = useTranslation();
  const staffName = useStaffName();
  const changes = useInfiniteQuery({
    queryKey: customerKeys.changes(props.customerId),
    queryFn: ({ pageParam }) => fetchChanges(props.customerId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = changes.data?.pages.flatMap((page) => page.items) ?? [];
  /** Codes as words: `active` → 正常, `44` → 广东省; free text and masked numbers as they are. */
  const valueText = (field: string, value: string | null): string => {
    if (value === null || value === '') return '—';
    const list = CODE_FIELDS[field];
    return list ? t(`${list}.${value}`, { defaultValue: value }) : value;
  };
  const columns: TableColumnsType<ProfileChange> = [
    {
      title: t('customers.changes.columns.changedAt'),
      dataIndex: 'changedAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    {
      title: t('customers.changes.columns.field'),
      dataIndex: 'field',
      width: 140,
      render: (v: string) => t(`customers.changes.fields.${v}`, { defaultValue: v }),
    },
    {
      title: t('customers.changes.columns.oldValue'),
      key: 'oldValue',
      render: (_: unknown, c) => valueText(c.field, c.oldValue),
    },
    {
      title: t('customers.changes.columns.newValue'),
      key: 'newValue',
      render: (_: unknown, c) => valueText(c.field, c.newValue),
    },
    {
      title: t('customers.changes.columns.changedBy'),
      key: 'by',
      width: 170,
      render: (_: unknown, c) =>
        c.changedByType === 'staff' && c.changedBy
          ? staffName(c.changedBy)
          : t(`customers.changes.changedBy.${c.changedByType}`),
    },
    {
      title: t('customers.changes.columns.channel'),
      dataIndex: 'channel',
      width: 90,
      render: (v: string | null) => (v ? t(`customers.channels.${v}`, { defaultValue: v }) : '—'),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {changes.isError ? <Alert type="error" showIcon title={problemText(t, changes.error)} /> : null}
      <Table<ProfileChange>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={changes.isPending}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('customers.changes.none') }}
        onRow={rowTestId('change-row')}
      />
      {changes.hasNextPage ? (
        <Flex justify="center">
          <Button onClick={() => void changes.fetchNextPage()} loading={changes.isFetchingNextPage}>
            {t('customers.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
