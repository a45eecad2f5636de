import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { currentLanguage, formatDateTime, problemText, useShowProblem } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Empty,
  Flex,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CustomerSession,
  fetchSessions,
  queryClient,
  revokeSession,
  SESSIONS_QUERY_KEY,
} from '../api.ts';
import { describeUserAgent } from './user-agent.ts';

export function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const sessions = useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: fetchSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: () => {
      message.success(t('security.revoked'));
      void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    },
    onError: (error) => showProblem(error),
  });
  // The current device first, then the most recently active.
  const items = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  return (
    <Card title={t('security.sessions')}>
      <Typography.Paragraph type="secondary">{t('security.sessionsHint')}</Typography.Paragraph>
      {sessions.isError ? <Alert type="error" showIcon title={problemText(t, sessions.error)} /> : null}
      {sessions.isPending ? <Skeleton active /> : null}
      {sessions.isSuccess && items.length === 0 ? <Empty description={t('security.noSessions')} /> : null}
      {items.map((session, index) => (
        <Fragment key={session.id}>
          {index > 0 ? <Divider style={{ margin: '12px 0' }} /> : null}
          <SessionItem
            session={session}
            isRevoking={revoke.isPending && revoke.variables === session.id}
            onRevoke={() => revoke.mutate(session.id)}
          />
        </Fragment>
      ))}
    </Card>
  );
}

function SessionItem(props: { session: CustomerSession; isRevoking: boolean; onRevoke: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { session } = props;
  const device = describeUserAgent(session.userAgent);
  const isMobileDevice = device?.os === 'iOS' || device?.os === 'Android' || device?.os === 'HarmonyOS';
  return (
    <Flex gap={12} align="flex-start" data-testid="session-row" className="session-item">
      {isMobileDevice ? (
        <MobileOutlined className="session-item__icon" />
      ) : (
        <DesktopOutlined className="session-item__icon" />
      )}
      <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Space wrap size={8}>
            <Typography.Text strong>
              {device ? t('security.browserOn', device) : t('security.unknownDevice')}
            </Typography.Text>
            {session.current ? (
              <Tag color="blue" data-testid="session-current">
                {t('security.current')}
              </Tag>
            ) : null}
          </Space>
          {session.current ? null : (
            <Popconfirm title={t('security.revokeConfirm')} onConfirm={props.onRevoke}>
              <Button size="small" danger loading={props.isRevoking} data-testid="session-revoke">
                {t('security.revoke')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        <Space wrap size={[12, 0]}>
          <Typography.Text type="secondary">
            {t('security.signedInAt', { date: formatDateTime(session.createdAt, language) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('security.lastSeenAt', { date: formatDateTime(session.lastSeenAt, language) })}
          </Typography.Text>
          {session.ip ? (
            <Typography.Text type="secondary">{t('security.ip', { ip: session.ip })}</Typography.Text>
          ) : null}
        </Space>
      </Flex>
    </Flex>
  );
}
