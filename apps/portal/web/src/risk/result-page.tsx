import { currentLanguage, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ASSESSMENTS_KEY, fetchAssessments, fetchQuestionnaire, QUESTIONNAIRE_KEY } from './api.ts';
import { AssessmentFacts, ExpiredNotice, LevelDescription, levelName } from './assessment-view.tsx';

/** The outcome of the questionnaire: C1–C5 with its name, score, date and expiry, and what it allows. */
export function AssessmentResultPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const assessments = useQuery({ queryKey: ASSESSMENTS_KEY, queryFn: fetchAssessments });
  const current = assessments.data?.current ?? null;
  // Only to name the question that capped the level, when one did.
  const questionnaire = useQuery({
    queryKey: QUESTIONNAIRE_KEY,
    queryFn: fetchQuestionnaire,
    enabled: Boolean(current?.cappedBy),
  });
  if (assessments.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (assessments.isError) return <Alert type="error" showIcon title={problemText(t, assessments.error)} />;
  if (!current) {
    return (
      <Result
        status="info"
        title={t('risk.none')}
        extra={
          <Button type="primary" onClick={() => navigate('/risk-assessment')} data-testid="take-assessment">
            {t('risk.take')}
          </Button>
        }
      />
    );
  }
  const capping = questionnaire.data?.questions.find((q) => q.id === current.cappedBy);
  return (
    <Card data-testid="assessment-result">
      <Result
        status={current.isExpired ? 'warning' : 'success'}
        title={
          <span>
            {t('risk.resultTitle')}{' '}
            <span className="result-level" data-testid="result-level" data-level={current.riskLevel}>
              {current.riskLevel} {levelName(current, language)}
            </span>
          </span>
        }
        subTitle={<LevelDescription assessment={current} />}
        style={{ paddingBottom: 0 }}
      />
      <Flex vertical gap={12} style={{ maxWidth: 640, margin: '16px auto 0' }}>
        <ExpiredNotice assessment={current} />
        <AssessmentFacts assessment={current} />
        {current.cappedBy ? (
          <Alert
            type="info"
            showIcon
            title={
              capping
                ? t('risk.cappedBy', { question: language === 'en' ? capping.textEn : capping.textZh })
                : t('risk.capped')
            }
          />
        ) : null}
        <Typography.Text type="secondary">{t('risk.validityHint')}</Typography.Text>
        <Flex gap={8} wrap justify="center">
          <Button type="primary" onClick={() => navigate('/products')} data-testid="result-to-products">
            {t('risk.toProducts')}
          </Button>
          <Button onClick={() => navigate('/profile')} data-testid="result-to-profile">
            {t('risk.toProfile')}
          </Button>
          <Button type="link" onClick={() => navigate('/risk-assessment')} data-testid="retake-assessment">
            {t('risk.retake')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
