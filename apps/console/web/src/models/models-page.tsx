import { formatTimestamp, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../auth.ts';
import { fetchModels, METRICS, type ModelOverview, modelKeys } from './api.ts';
import { ModelStatusTag, meanSd } from './labels.tsx';

/** Both models, each with its active version (what scores today) and its newest one. */
export function ModelsPage() {
  const { t } = useTranslation();
  const models = useQuery({ queryKey: modelKeys.all, queryFn: fetchModels });
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('models.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('models.subtitle')}</Typography.Text>
      </div>
      {models.isError ? <Alert type="error" showIcon title={problemText(t, models.error)} /> : null}
      {models.isPending ? <Card loading /> : null}
      <Row gutter={[16, 16]}>
        {(models.data ?? []).map((m) => (
          <Col key={m.model} xs={24} xl={12}>
            <ModelCard overview={m} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}

function ModelCard(props: { overview: ModelOverview }) {
  const { t } = useTranslation();
  const canScore = useHasPermission('models.score');
  const { model, active, latest } = props.overview;
  const shown = active ?? latest;
  const versionText = (v: ModelOverview['active']) =>
    v ? (
      <Space size={4}>
        {t('models.version', { version: v.version })}
        <ModelStatusTag status={v.status} />
      </Space>
    ) : (
      t('models.none')
    );
  return (
    <Card
      data-testid={`model-card-${model}`}
      title={t(`models.names.${model}`)}
      extra={
        <Space>
          {model === 'credit' && canScore ? (
            <Link to="/models/credit/score">{t('models.scoreApplicant')}</Link>
          ) : null}
          {shown ? (
            <Link to={`/models/${model}/versions/${shown.version}`}>
              <Button type="primary" data-testid={`open-model-${model}`}>
                {t('models.open')}
              </Button>
            </Link>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t(`models.descriptions.${model}`)}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'active', label: t('models.active'), children: versionText(active) },
          { key: 'latest', label: t('models.latest'), children: versionText(latest) },
          ...METRICS.map((k) => ({
            key: k,
            label: t(`models.metrics.${k}`),
            children: meanSd(shown?.metrics?.[k], k === 'topDecileLift' ? 2 : 3),
          })),
          {
            key: 'activatedAt',
            label: t('models.detail.activatedAt'),
            children: active?.activatedAt ? formatTimestamp(active.activatedAt) : '—',
          },
        ]}
      />
    </Card>
  );
}
