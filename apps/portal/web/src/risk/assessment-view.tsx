import { currentLanguage, formatDate } from '@onefin/ui';
import { Alert, Button, Descriptions, Flex, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InvestorLevelTag } from '../products/risk.tsx';
import type { Assessment } from './api.ts';

/** The category name of an assessment in the viewer's language: 平衡型 / Balanced. */
export function levelName(a: Assessment, language: string): string {
  return language === 'en' ? a.riskLabelEn : a.riskLabelZh;
}

/** An expired assessment must be renewed before buying: say so, with 重新测评. */
export function ExpiredNotice(props: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = currentLanguage(i18n);
  if (!props.assessment.isExpired) return null;
  // The button sits under the text: beside it, it squeezes the words into a narrow column on a phone.
  return (
    <Alert
      type="error"
      showIcon
      data-testid="assessment-expired"
      title={t('risk.expiredTitle')}
      description={
        <Flex vertical gap={8} align="flex-start">
          <span>{t('risk.expiredDetail', { date: formatDate(props.assessment.expiresAt, language) })}</span>
          <Button
            type="primary"
            danger
            onClick={() => navigate('/risk-assessment')}
            data-testid="retake-assessment"
          >
            {t('risk.retake')}
          </Button>
        </Flex>
      }
    />
  );
}

/** Level, name, score, when assessed and until when: the facts of one assessment. */
export function AssessmentFacts(props: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const screens = Grid.useBreakpoint();
  const a = props.assessment;
  return (
    <Descriptions
      size="small"
      column={screens.md ? 2 : 1}
      items={[
        {
          key: 'level',
          label: t('risk.level'),
          children: (
            <span data-testid="assessment-level">
              <InvestorLevelTag level={a.riskLevel} label={levelName(a, language)} />
            </span>
          ),
        },
        {
          key: 'score',
          label: t('risk.score'),
          children: <span data-testid="assessment-score">{a.score}</span>,
        },
        { key: 'assessedAt', label: t('risk.assessedAt'), children: formatDate(a.assessedAt, language) },
        {
          key: 'expiresAt',
          label: t('risk.expiresAt'),
          children: (
            <Flex gap={8} align="center" wrap>
              <span data-testid="assessment-expires">{formatDate(a.expiresAt, language)}</span>
              {a.isExpired ? (
                <Tag color="error">{t('risk.expired')}</Tag>
              ) : (
                <Tag color="success">{t('risk.valid')}</Tag>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** The category's plain-language meaning: which products suit this investor. */
export function LevelDescription(props: { assessment: Assessment }) {
  const { i18n } = useTranslation();
  const a = props.assessment;
  return (
    <Typography.Paragraph style={{ marginBottom: 0 }}>
      {currentLanguage(i18n) === 'en' ? a.descriptionEn : a.descriptionZh}
    </Typography.Paragraph>
  );
}
