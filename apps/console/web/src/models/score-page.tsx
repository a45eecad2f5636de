import { problemText } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  BILL_AMOUNTS,
  type CreditApplicant,
  EXAMPLE_APPLICANT,
  PAY_AMOUNTS,
  PAY_STATUS,
  scoreApplicant,
} from './api.ts';
import { CreditScoreView } from './credit-score-view.tsx';

const STATUS_VALUES = [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** "Score an applicant": the profile and six months of repayments in, the score and reason codes out. */
export function ScorePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreditApplicant>();
  const score = useMutation({ mutationFn: scoreApplicant });
  const statusLabel = (v: number) =>
    v <= 0
      ? t(`models.payStatus.${v}`)
      : v === 9
        ? t('models.payStatus.lateMax')
        : t('models.payStatus.late', { n: v });
  const amount = { min: 0, max: 100_000_000, precision: 0, style: { width: '100%' } } as const;
  const options = (group: 'sex' | 'education' | 'marriage', values: number[]) =>
    values.map((v) => ({ value: v, label: `${v} · ${t(`models.${group}.${v}`)}` }));
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('models.score.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('models.score.subtitle')}</Typography.Text>
      </div>
      <Form
        form={form}
        layout="vertical"
        initialValues={EXAMPLE_APPLICANT}
        onFinish={(values) => score.mutate(values)}
        data-testid="score-form"
      >
        <Card
          title={t('models.score.profile')}
          size="small"
          extra={
            <Button size="small" onClick={() => form.setFieldsValue(EXAMPLE_APPLICANT)}>
              {t('models.score.example')}
            </Button>
          }
        >
          <Row gutter={16}>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="LIMIT_BAL" label={t('models.fields.LIMIT_BAL')} rules={[{ required: true }]}>
                <InputNumber {...amount} min={1} data-testid="field-LIMIT_BAL" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="AGE" label={t('models.fields.AGE')} rules={[{ required: true }]}>
                <InputNumber min={18} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="SEX" label={t('models.fields.SEX')}>
                <Select options={options('sex', [1, 2])} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="EDUCATION" label={t('models.fields.EDUCATION')}>
                <Select options={options('education', [1, 2, 3, 4, 0])} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="MARRIAGE" label={t('models.fields.MARRIAGE')}>
                <Select options={options('marriage', [1, 2, 3, 0])} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('models.score.history')} size="small" style={{ marginTop: 16 }}>
          <Row gutter={[12, 0]} style={{ fontWeight: 500, marginBottom: 8 }}>
            <Col span={3} />
            <Col span={9}>{t('models.score.status')}</Col>
            <Col span={6}>{t('models.score.bill')}</Col>
            <Col span={6}>{t('models.score.paid')}</Col>
          </Row>
          {PAY_STATUS.map((status, i) => (
            <Row gutter={[12, 0]} key={status} align="middle">
              <Col span={3}>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                  {t(`models.score.months.${i}`)}
                </Typography.Text>
              </Col>
              <Col span={9}>
                <Form.Item name={status} style={{ marginBottom: 8 }}>
                  <Select options={STATUS_VALUES.map((v) => ({ value: v, label: statusLabel(v) }))} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={BILL_AMOUNTS[i]} style={{ marginBottom: 8 }}>
                  <InputNumber {...amount} min={-10_000_000} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={PAY_AMOUNTS[i]} style={{ marginBottom: 8 }}>
                  <InputNumber {...amount} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" htmlType="submit" loading={score.isPending} data-testid="score-submit">
              {t('models.score.submit')}
            </Button>
          </Space>
        </Card>
      </Form>
      {score.isError ? <Alert type="error" showIcon title={problemText(t, score.error)} /> : null}
      {score.data ? (
        <div data-testid="score-result">
          <Typography.Title level={4}>{t('models.score.result')}</Typography.Title>
          <CreditScoreView score={score.data} />
        </div>
      ) : null}
    </Flex>
  );
}
