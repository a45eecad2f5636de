import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatTimestamp, isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Tabs,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useStaffName } from '../auth.ts';
import {
  fetchModels,
  fetchVersion,
  METRICS,
  MODEL_NAMES,
  type ModelName,
  modelKeys,
  type VersionDetail,
} from './api.ts';
import { ModelStatusTag } from './labels.tsx';
import { FairLendingCard, StabilityCard, TimeOrderedCard } from './model-cards.tsx';
import { ChartsTab, FoldsTab, ScorecardTab, VersionsTab, WoeTab } from './model-tabs.tsx';

const isModel = (m: string | undefined): m is ModelName => MODEL_NAMES.some((n) => n === m);

/** `/models/:model`: the active version's page, else the newest's. */
export function ModelRedirect() {
  const { model } = useParams();
  const models = useQuery({ queryKey: modelKeys.all, queryFn: fetchModels });
  if (models.isPending) return <Spin />;
  const m = models.data?.find((x) => x.model === model);
  const v = m?.active ?? m?.latest;
  return <Navigate to={v ? `/models/${model}/versions/${v.version}` : '/models'} replace />;
}

const TABS = ['charts', 'woe', 'scorecard', 'folds', 'versions'] as const;
type TabKey = (typeof TABS)[number];

/** One version of a model: its figures, charts, WoE bins and scorecard (credit), folds and the versions. */
export function ModelPage() {
  const { t } = useTranslation();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const model = isModel(params.model) ? params.model : undefined;
  const version = Number(params.version);
  const detail = useQuery({
    queryKey: modelKeys.version(model ?? 'credit', version),
    queryFn: () => fetchVersion(model as ModelName, version),
    enabled: model !== undefined && Number.isInteger(version),
  });
  const back = (
    <Link to="/models">
      <ArrowLeftOutlined /> {t('models.detail.back')}
    </Link>
  );
  if (!model || !Number.isInteger(version) || (isApiError(detail.error) && detail.error.status === 404))
    return <Result status="404" title={t('models.detail.notFound')} extra={back} />;
  if (detail.isError) return <Alert type="error" showIcon title={problemText(t, detail.error)} />;
  if (detail.isPending) return <Spin />;
  const v = detail.data;
  const isCredit = model === 'credit';
  const tabs: { key: TabKey; label: string; children: React.ReactNode }[] = [
    { key: 'charts', label: t('models.detail.tabs.charts'), children: <ChartsTab v={v} /> },
    ...(isCredit
      ? [
          { key: 'woe' as const, label: t('models.detail.tabs.woe'), children: <WoeTab v={v} /> },
          {
            key: 'scorecard' as const,
            label: t('models.detail.tabs.scorecard'),
            children: <ScorecardTab v={v} />,
          },
        ]
      : []),
    { key: 'folds', label: t('models.detail.tabs.folds'), children: <FoldsTab v={v} /> },
    {
      key: 'versions',
      label: t('models.detail.tabs.versions'),
      children: <VersionsTab model={model} current={version} />,
    },
  ];
  const tab = tabs.find((x) => x.key === search.get('tab'))?.key ?? 'charts';
  return (
    <Flex vertical gap={16}>
      {back}
      <Card
        title={
          <Space>
            <span data-testid="model-title">{t(`models.names.${model}`)}</span>
            <span>{t('models.version', { version: v.version })}</span>
            <ModelStatusTag status={v.status} />
          </Space>
        }
        extra={
          isCredit ? (
            <Link to="/models/credit/score">
              <Button type="primary" data-testid="score-applicant">
                {t('models.scoreApplicant')}
              </Button>
            </Link>
          ) : null
        }
      >
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {METRICS.map((k) => (
              <Col key={k} xs={12} md={8} xl={4}>
                <Statistic
                  title={t(`models.metrics.${k}`)}
                  value={v.metrics ? v.metrics[k].mean.toFixed(k === 'topDecileLift' ? 2 : 4) : '—'}
                  suffix={
                    v.metrics ? (
                      <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                        ± {v.metrics[k].sd.toFixed(k === 'topDecileLift' ? 2 : 4)}
                      </Typography.Text>
                    ) : null
                  }
                />
              </Col>
            ))}
          </Row>
          {v.metrics ? (
            <Typography.Text type="secondary">
              {t('models.metricsHint', { folds: v.folds.length })}
            </Typography.Text>
          ) : null}
          <VersionFacts v={v} />
          <Typography.Paragraph
            type="secondary"
            style={{ fontSize: 12, margin: 0 }}
            data-testid="model-features"
          >
            {t('models.detail.features', { count: v.features.length })}: {v.features.join(', ')}
          </Typography.Paragraph>
        </Flex>
      </Card>
      {v.status === 'active' ? <StabilityCard model={model} /> : null}
      {isCredit && v.figures?.withSensitive ? <FairLendingCard v={v} /> : null}
      {!isCredit && v.figures?.timeOrdered ? <TimeOrderedCard v={v} /> : null}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          items={tabs.map((item) => ({
            ...item,
            label: <span data-testid={`tab-${item.key}`}>{item.label}</span>,
          }))}
        />
      </Card>
    </Flex>
  );
}

function VersionFacts(props: { v: VersionDetail }) {
  const { t } = useTranslation();
  const staffName = useStaffName();
  const { v } = props;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'rows', label: t('models.detail.trainingRows'), children: v.trainingRows.toLocaleString() },
        {
          key: 'sha',
          label: t('models.detail.trainingSha256'),
          children: (
            <Typography.Text copyable={{ text: v.trainingSha256 }}>
              {v.trainingSha256.slice(0, 16)}…
            </Typography.Text>
          ),
        },
        { key: 'seed', label: t('models.detail.seed'), children: v.seed },
        { key: 'trainedBy', label: t('models.detail.trainedBy'), children: staffName(v.trainedBy) },
        { key: 'createdAt', label: t('models.detail.createdAt'), children: formatTimestamp(v.createdAt) },
        {
          key: 'validatedBy',
          label: t('models.detail.validatedBy'),
          children: v.validatedBy ? staffName(v.validatedBy) : '—',
        },
        {
          key: 'activatedAt',
          label: t('models.detail.activatedAt'),
          children: v.activatedAt ? formatTimestamp(v.activatedAt) : '—',
        },
        ...(v.scaling
          ? [
              {
                key: 'scaling',
                label: t('models.detail.tabs.scorecard'),
                children: t('models.detail.scaling', {
                  base: v.scaling.baseScore,
                  odds: v.scaling.baseOdds,
                  pdo: v.scaling.pdo,
                }),
                span: 2,
              },
            ]
          : []),
      ]}
    />
  );
}
