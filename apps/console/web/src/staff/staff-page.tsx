import { PlusOutlined } from '@ant-design/icons';
import { currentLanguage, formatDateTime, problemText, testId } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchStaffList, type Staff } from '../api.ts';
import { STAFF_LIST_QUERY_KEY, useHasPermission } from '../auth.ts';
import { NewStaffModal } from './new-staff-modal.tsx';
import { RoleChangeModal } from './role-change-modal.tsx';
import { RoleTag } from './role-tag.tsx';

type RoleChange = { staff: Staff; kind: 'grant' | 'revoke' };

/** Staff users and their roles; every change is proposed for another administrator to approve. */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const canPropose = useHasPermission('staff.propose');
  const staff = useQuery({ queryKey: STAFF_LIST_QUERY_KEY, queryFn: fetchStaffList });
  const [isCreating, setCreating] = useState(false);
  const [roleChange, setRoleChange] = useState<RoleChange | undefined>(undefined);
  const columns: TableColumnsType<Staff> = [
    { title: t('staff.columns.username'), dataIndex: 'username', width: 140 },
    { title: t('staff.columns.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('staff.columns.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Staff['status']) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>
          {t(`staff.status.${status}`, { defaultValue: status })}
        </Tag>
      ),
    },
    {
      title: t('staff.columns.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) =>
        roles.length ? (
          <Space wrap size={[4, 4]}>
            {roles.map((role) => (
              <RoleTag key={role} role={role} />
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('staff.noRoles')}</Typography.Text>
        ),
    },
    {
      title: t('staff.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => formatDateTime(value, language),
    },
  ];
  if (canPropose) {
    columns.push({
      title: t('staff.columns.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, row) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setRoleChange({ staff: row, kind: 'grant' })}
            data-testid="grant-role"
          >
            {t('staff.grantRole')}
          </Button>
          <Button
            type="link"
            size="small"
            danger
            disabled={row.roles.length === 0}
            onClick={() => setRoleChange({ staff: row, kind: 'revoke' })}
            data-testid="revoke-role"
          >
            {t('staff.revokeRole')}
          </Button>
        </Space>
      ),
    });
  }
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('staff.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('staff.subtitle')}</Typography.Text>
        </div>
        {canPropose ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-staff"
          >
            {t('staff.newStaff')}
          </Button>
        ) : null}
      </Flex>
      <Card>
        {staff.isError ? <Alert type="error" showIcon title={problemText(t, staff.error)} /> : null}
        <Table<Staff>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={staff.data ?? []}
          loading={staff.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          onRow={(row) => ({ ...testId(`staff-row-${row.username}`), className: 'staff-row' })}
        />
      </Card>
      <NewStaffModal open={isCreating} onClose={() => setCreating(false)} />
      <RoleChangeModal change={roleChange} onClose={() => setRoleChange(undefined)} />
    </Flex>
  );
}
