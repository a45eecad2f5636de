import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchApprovals } from '../api.ts';
import { useHasPermission, useStaff } from '../auth.ts';
import { RoleTag } from '../staff/role-tag.tsx';

/** The welcome page: who I am, what I may do, and what waits for me. */
export function DashboardPage() {
  const { t } = useTranslation();
  const staff = useStaff();
  const canSeeApprovals = useHasPermission('approvals.read');
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-welcome">
          {t('dashboard.welcome', { name: staff.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('dashboard.username', { username: staff.username })}
        </Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={canSeeApprovals ? 16 : 24}>
          <Card title={t('dashboard.roles')} style={{ height: '100%' }}>
            <Space wrap data-testid="dashboard-roles">
              {staff.roles.length
                ? staff.roles.map((role) => <RoleTag key={role} role={role} />)
                : t('dashboard.noRoles')}
            </Space>
            <Typography.Title level={5}>{t('dashboard.permissions')}</Typography.Title>
            <Space wrap size={[4, 8]}>
              {staff.permissions.map((permission) => (
                <Tag key={permission} title={permission}>
                  {t(`permissions.${permission}`, { defaultValue: permission })}
                </Tag>
              ))}
            </Space>
          </Card>
        </Col>
        {canSeeApprovals ? (
          <Col xs={24} lg={8}>
            <PendingApprovalsCard />
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}

function PendingApprovalsCard() {
  const { t } = useTranslation();
  const pending = useQuery({
    queryKey: ['approvals', 'pending', 'first-page'],
    queryFn: () => fetchApprovals('pending'),
  });
  const count = pending.data?.items.length ?? 0;
  return (
    <Card style={{ height: '100%' }}>
      <Statistic
        title={t('dashboard.pendingApprovals')}
        loading={pending.isPending}
        value={pending.data?.next ? t('dashboard.pendingApprovalsMore', { count }) : count}
        prefix={<InboxOutlined />}
      />
      <Link to="/approvals" style={{ display: 'inline-block', marginTop: 12 }}>
        {t('dashboard.openInbox')}
      </Link>
    </Card>
  );
}
