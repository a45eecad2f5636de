import { currentLanguage, isApiError, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Flex, Form, Grid, Radio, Result, Select, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import {
  type Customer,
  customerKeys,
  fetchQuestionnaire,
  type RiskAssessment,
  STAFF_CHANNELS,
  type StaffChannel,
  submitAssessment,
} from './api.ts';
import { RiskLevelTag } from './labels.tsx';
import { dateOf } from './risk-tab.tsx';

type Values = { channel: StaffChannel } & Record<string, string>;

/**
 * The current questionnaire for the customer's type, answered on their behalf: built from the
 * questionnaire's data (questions and options, never the scores, so the answers stay the customer's).
 */
export function QuestionnaireDrawer(props: { open: boolean; customer: Customer; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const isEn = currentLanguage(i18n) === 'en';
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const { customer } = props;
  const questionnaire = useQuery({
    queryKey: customerKeys.questionnaire(customer.type),
    queryFn: () => fetchQuestionnaire(customer.type),
    enabled: props.open,
    staleTime: 5 * 60_000,
  });
  const submit = useMutation({
    mutationFn: (values: Values): Promise<RiskAssessment> => {
      const q = questionnaire.data;
      if (!q) throw new Error('the questionnaire is not loaded');
      return submitAssessment(customer.id, {
        questionnaireId: q.id,
        channel: values.channel,
        answers: q.questions.map((question) => ({
          questionId: question.id,
          optionId: values[question.id] ?? '',
        })),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.profile(customer.id) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'questionnaire_outdated') {
        void queryClient.invalidateQueries({ queryKey: customerKeys.questionnaire(customer.type) });
      }
    },
  });
  const { reset } = submit;
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      reset();
    }
  }, [props.open, form, reset]);
  const q = questionnaire.data;
  const result = submit.data;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={screens.md ? 720 : '100%'}
      title={
        q
          ? t('customers.risk.questionnaireTitle', { title: isEn ? q.titleEn : q.titleZh })
          : t('customers.risk.title')
      }
      data-testid="questionnaire-drawer"
      footer={
        result ? (
          <Flex justify="flex-end">
            <Button type="primary" onClick={props.onClose} data-testid="questionnaire-done">
              {t('common.confirm')}
            </Button>
          </Flex>
        ) : (
          <Flex gap={8} justify="flex-end">
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={submit.isPending}
              disabled={!q}
              onClick={() => form.submit()}
              data-testid="questionnaire-submit"
            >
              {t('customers.risk.submit')}
            </Button>
          </Flex>
        )
      }
    >
      {questionnaire.isPending && props.open ? <Spin /> : null}
      {questionnaire.isError ? (
        <Alert type="error" showIcon title={problemText(t, questionnaire.error)} />
      ) : null}
      {result ? (
        <Result
          status="success"
          title={
            <span data-testid="questionnaire-result">
              {t('customers.risk.result', {
                level: result.riskLevel,
                label: isEn ? result.riskLabelEn : result.riskLabelZh,
              })}
            </span>
          }
          subTitle={
            <Flex vertical gap={8} align="center">
              <RiskLevelTag level={result.riskLevel} />
              <span>{isEn ? result.descriptionEn : result.descriptionZh}</span>
              <span>{t('customers.risk.resultValid', { date: dateOf(result.expiresAt) })}</span>
            </Flex>
          }
        />
      ) : q ? (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={t('customers.risk.questionnaireHint')} />
          {submit.isError ? (
            <Alert
              type="error"
              showIcon
              title={
                isApiError(submit.error) && submit.error.code === 'questionnaire_outdated'
                  ? t('customers.risk.outdated')
                  : problemText(t, submit.error)
              }
              data-testid="questionnaire-error"
            />
          ) : null}
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ channel: customer.type === 'corporate' ? 'corporate' : 'branch' }}
            onFinish={(values) => submit.mutate(values)}
            scrollToFirstError
          >
            <Form.Item name="channel" label={t('customers.risk.columns.channel')} style={{ maxWidth: 240 }}>
              <Select
                options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`customers.channels.${c}`) }))}
                data-testid="questionnaire-channel"
              />
            </Form.Item>
            {q.questions.map((question, index) => (
              <div key={question.id} data-testid={`question-${question.id}`}>
                <Form.Item
                  name={question.id}
                  label={
                    <Typography.Text strong>
                      {t('customers.risk.questionNo', { n: index + 1 })}　
                      {isEn ? question.textEn : question.textZh}
                    </Typography.Text>
                  }
                  rules={[{ required: true, message: t('customers.risk.answerRequired') }]}
                >
                  <Radio.Group
                    style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                    options={question.options.map((option) => ({
                      value: option.id,
                      label: (
                        <span data-testid={`answer-${question.id}-${option.id}`}>
                          {option.id.toUpperCase()}. {isEn ? option.textEn : option.textZh}
                        </span>
                      ),
                    }))}
                  />
                </Form.Item>
              </div>
            ))}
          </Form>
        </Flex>
      ) : null}
    </Drawer>
  );
}
