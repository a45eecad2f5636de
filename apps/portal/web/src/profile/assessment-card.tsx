import { AuditOutlined } from '@ant-design/icons';
import { currentLanguage, formatDate, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InvestorLevelTag } from '../products/risk.tsx';
import { ASSESSMENTS_KEY, fetchAssessments } from '../risk/api.ts';
import { AssessmentFacts, ExpiredNotice, LevelDescription, levelName } from '../risk/assessment-view.tsx';

/** 风险测评 on the profile: the current assessment (flagged when expired) and every earlier one. */
export function AssessmentCard() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const assessments = useQuery({ queryKey: ASSESSMENTS_KEY, queryFn: fetchAssessments });
  const current = assessments.data?.current ?? null;
  // Every assessment comes newest first, the current one included: list the earlier ones.
  const history = (assessments.data?.items ?? []).filter((a) => a.id !== current?.id);
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <AuditOutlined />
          {t('risk.title')}
        </Flex>
      }
      data-testid="assessment-card"
      extra={
        current && !current.isExpired ? (
          <Button onClick={() => navigate('/risk-assessment')} data-testid="retake-assessment">
            {t('risk.retake')}
          </Button>
        ) : null
      }
    >
      {assessments.isError ? <Alert type="error" showIcon title={problemText(t, assessments.error)} /> : null}
      {assessments.isPending ? <Skeleton active /> : null}
      {assessments.isSuccess && !current ? (
        <Empty description={t('risk.none')} data-testid="assessment-none">
          <Button type="primary" onClick={() => navigate('/risk-assessment')} data-testid="take-assessment">
            {t('risk.take')}
          </Button>
        </Empty>
      ) : null}
      {current ? (
        <Flex vertical gap={12}>
          <ExpiredNotice assessment={current} />
          <AssessmentFacts assessment={current} />
          <LevelDescription assessment={current} />
        </Flex>
      ) : null}
      {history.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('risk.history')}
          </Typography.Title>
          <List
            size="small"
            dataSource={history}
            data-testid="assessment-history"
            renderItem={(a) => (
              <List.Item key={a.id}>
                <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
                  <InvestorLevelTag level={a.riskLevel} label={levelName(a, language)} />
                  <Typography.Text type="secondary">
                    {t('risk.historyLine', { score: a.score, date: formatDate(a.assessedAt, language) })}
                  </Typography.Text>
                  {a.isExpired ? <Tag>{t('risk.expired')}</Tag> : null}
                </Flex>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
