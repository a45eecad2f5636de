import { isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Grid, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchProfile, PROFILE_KEY } from './api.ts';
import { AssessmentCard } from './assessment-card.tsx';
import { ProfileCard } from './profile-card.tsx';
import { RealNameCard } from './real-name-card.tsx';

/** 我的资料: the customer's data, real-name verification and KYC status, and the risk assessment. */
export function ProfilePage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const profile = useQuery({ queryKey: PROFILE_KEY, queryFn: fetchProfile });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('profile.title')}
      </Typography.Title>
      {profile.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {profile.isError ? (
        isApiError(profile.error) && profile.error.status === 404 ? (
          <Result status="info" title={t('profile.missing')} subTitle={t('profile.missingHint')} />
        ) : (
          <Alert
            type="error"
            showIcon
            title={problemText(t, profile.error)}
            action={<Button onClick={() => void profile.refetch()}>{t('common.retry')}</Button>}
          />
        )
      ) : null}
      {profile.data ? (
        screens.lg ? (
          <Row gutter={16}>
            <Col span={14}>
              <Flex vertical gap={16}>
                <ProfileCard profile={profile.data} />
                <AssessmentCard />
              </Flex>
            </Col>
            <Col span={10}>
              <RealNameCard profile={profile.data} />
            </Col>
          </Row>
        ) : (
          // One column: details, then real-name verification (needed before buying), then the questionnaire.
          <Flex vertical gap={16}>
            <ProfileCard profile={profile.data} />
            <RealNameCard profile={profile.data} />
            <AssessmentCard />
          </Flex>
        )
      ) : null}
    </Flex>
  );
}
