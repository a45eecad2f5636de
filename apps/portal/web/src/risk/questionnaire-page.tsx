import { currentLanguage, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryClient } from '../api.ts';
import { PRODUCTS_KEY } from '../products/api.ts';
import { profileProblemText } from '../profile/labels.ts';
import { ASSESSMENTS_KEY, fetchQuestionnaire, QUESTIONNAIRE_KEY, submitAssessment } from './api.ts';

/** 风险测评: the current questionnaire, one answer per question; the result decides what suits the customer. */
export function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const isEn = language === 'en';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const questionnaire = useQuery({ queryKey: QUESTIONNAIRE_KEY, queryFn: fetchQuestionnaire });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [isChecked, setChecked] = useState(false);
  const submit = useMutation({
    mutationFn: submitAssessment,
    onSuccess: (assessment) => {
      queryClient.setQueryData(ASSESSMENTS_KEY, (old: { items: unknown[] } | undefined) => ({
        current: assessment,
        items: [assessment, ...(old?.items ?? [])],
      }));
      void queryClient.invalidateQueries({ queryKey: ASSESSMENTS_KEY });
      // Suitability follows the new level.
      void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY });
      navigate('/risk-assessment/result', { replace: true });
    },
    onError: (error) => message.error(profileProblemText(t, error)),
  });
  if (questionnaire.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (questionnaire.isError)
    return <Alert type="error" showIcon title={problemText(t, questionnaire.error)} />;
  const q = questionnaire.data;
  const answered = q.questions.filter((question) => answers[question.id]).length;
  const missing = q.questions.filter((question) => !answers[question.id]);
  const onSubmit = () => {
    setChecked(true);
    const first = missing[0];
    if (first) {
      message.warning(t('risk.unanswered', { count: missing.length }));
      document
        .getElementById(`question-${first.id}`)
        ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    submit.mutate({
      questionnaireId: q.id,
      answers: q.questions.map((question) => ({
        questionId: question.id,
        optionId: answers[question.id] as string,
      })),
    });
  };
  return (
    <Flex
      vertical
      gap={16}
      className="questionnaire"
      data-testid="questionnaire"
      data-questionnaire-id={q.id}
    >
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {isEn ? q.titleEn : q.titleZh}
        </Typography.Title>
        <Typography.Text type="secondary">{t('risk.intro')}</Typography.Text>
      </div>
      <div className="questionnaire__progress">
        <Progress
          percent={Math.round((answered / Math.max(q.questions.length, 1)) * 100)}
          format={() => t('risk.progress', { answered, total: q.questions.length })}
          data-testid="questionnaire-progress"
        />
      </div>
      {q.questions.map((question, index) => {
        const isMissing = isChecked && !answers[question.id];
        return (
          <Card
            key={question.id}
            id={`question-${question.id}`}
            size="small"
            className={isMissing ? 'question-card question-card--missing' : 'question-card'}
            data-testid={`question-${question.id}`}
          >
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {index + 1}. {isEn ? question.textEn : question.textZh}
            </Typography.Paragraph>
            <Radio.Group
              value={answers[question.id]}
              onChange={(e) => setAnswers((prev) => ({ ...prev, [question.id]: String(e.target.value) }))}
              className="question-card__options"
            >
              <Flex vertical gap={8}>
                {question.options.map((option) => (
                  <Radio
                    key={option.id}
                    value={option.id}
                    data-testid={`option-${question.id}-${option.id}`}
                    className="question-card__option"
                  >
                    {isEn ? option.textEn : option.textZh}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
            {isMissing ? (
              <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
                {t('risk.pleaseAnswer')}
              </Typography.Text>
            ) : null}
          </Card>
        );
      })}
      <Button
        type="primary"
        size="large"
        block
        loading={submit.isPending}
        onClick={onSubmit}
        data-testid="submit-assessment"
      >
        {t('risk.submit')}
      </Button>
    </Flex>
  );
}
