import { Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../api.ts';
import { RoleTag } from '../staff/role-tag.tsx';
import { staffLabel } from './approval-labels.tsx';

const FIELD_LABEL_KEYS: Record<string, string> = {
  username: 'staff.username',
  displayName: 'staff.displayName',
  roles: 'staff.roles',
  role: 'staff.role',
  staffId: 'approvals.staffUser',
};

function renderValue(key: string, value: unknown, directory: Map<string, Staff>): ReactNode {
  if (key === 'staffId') return staffLabel(directory, value);
  if (key === 'role' && typeof value === 'string') return <RoleTag role={value} />;
  if (key === 'roles' && Array.isArray(value)) {
    return (
      <Space wrap size={[4, 4]}>
        {value.map((role) => (
          <RoleTag key={String(role)} role={String(role)} />
        ))}
      </Space>
    );
  }
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
  return String(value);
}

/** What the maker proposed, field by field, with roles shown as translated tags. */
export function ApprovalDetails(props: { details: Record<string, unknown>; directory: Map<string, Staff> }) {
  const { t } = useTranslation();
  const entries = Object.entries(props.details ?? {});
  if (entries.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      data-testid="approval-details"
      items={entries.map(([key, value]) => ({
        key,
        label: FIELD_LABEL_KEYS[key] ? t(FIELD_LABEL_KEYS[key]) : key,
        children: renderValue(key, value, props.directory),
      }))}
    />
  );
}
