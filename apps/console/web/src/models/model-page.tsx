import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { currentLanguage, formatTimestamp, isApiError, problemText } from '@onefin/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useHasPermission, useStaffName } from '../auth.ts';
import {
  type FoldMetrics,
  fetchModels,
  fetchStability,
  fetchVersion,
  fetchVersions,
  METRICS,
  MODEL_NAMES,
  type ModelName,
  modelKeys,
  proposeActivation,
  type ScorecardRow,
  scorecardXlsxUrl,
  type VersionDetail,
  type VersionSummary,
  validateVersion,
} from './api.ts';
import {
  CalibrationChart,
  DistributionChart,
  GainsChart,
  KsChart,
  RocChart,
  StabilityChart,
  WoeChart,
} from './charts.tsx';
import { BinWords, formatPoints, ModelStatusTag, meanSd } from './labels.tsx';

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

function ChartsTab(props: { v: VersionDetail }) {
  const { t } = useTranslation();
  const { v } = props;
  if (!v.report) return <Empty description={t('models.detail.noReport')} />;
  const report = v.report;
  const card = (title: string, chart: React.ReactNode) => (
    <Col xs={24} xl={12}>
      <Card size="small" title={title}>
        {chart}
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {card(t('models.charts.roc'), <RocChart report={report} auc={v.metrics?.auc.mean} />)}
      {card(t('models.charts.ks'), <KsChart report={report} model={v.model} />)}
      {card(t('models.charts.gains'), <GainsChart report={report} />)}
      {card(t('models.charts.distribution'), <DistributionChart report={report} model={v.model} />)}
      {card(t('models.charts.calibration'), <CalibrationChart report={report} />)}
    </Row>
  );
}

/** PSI rule of thumb: < 0.1 stable, 0.1–0.25 drifting, > 0.25 shifted. */
function psiBand(psi: number): { key: 'stable' | 'drifting' | 'shifted'; color: string } {
  if (psi < 0.1) return { key: 'stable', color: 'green' };
  if (psi <= 0.25) return { key: 'drifting', color: 'gold' };
  return { key: 'shifted', color: 'red' };
}

/** The active version: how today's customers' scores sit against the development sample's deciles. */
function StabilityCard(props: { model: ModelName }) {
  const { t } = useTranslation();
  const stability = useQuery({
    queryKey: modelKeys.stability(props.model),
    queryFn: () => fetchStability(props.model),
    retry: false,
  });
  // No active version or no baseline deciles (409): nothing to show.
  if (stability.isPending || stability.isError) return null;
  const s = stability.data;
  const band = psiBand(s.psi);
  return (
    <Card size="small" title={t('models.stability.title')} data-testid="stability-card">
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} lg={6}>
          <Flex vertical gap={8}>
            <Statistic
              title={t('models.stability.psi')}
              value={s.psi.toFixed(3)}
              data-testid="stability-psi"
              suffix={
                <Tag color={band.color} style={{ marginLeft: 8 }} data-testid="stability-band">
                  {t(`models.stability.bands.${band.key}`)}
                </Tag>
              }
            />
            <Typography.Text type="secondary">
              {t('models.stability.customers', { count: s.customers, version: s.version })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('models.stability.hint')}
            </Typography.Text>
          </Flex>
        </Col>
        <Col xs={24} lg={18}>
          <StabilityChart stability={s} />
        </Col>
      </Row>
    </Card>
  );
}

/** The delivered scorecard (no SEX or MARRIAGE) against the same with them and the boosted challenger. */
function FairLendingCard(props: { v: VersionDetail }) {
  const { t } = useTranslation();
  const { v } = props;
  const rows = [
    { key: 'delivered', auc: v.metrics?.auc },
    { key: 'withSensitive', auc: v.figures?.withSensitive?.auc },
    { key: 'challenger', auc: v.figures?.challenger?.auc },
  ].filter((r) => r.auc !== undefined);
  return (
    <Card size="small" title={t('models.fairLending.title')} data-testid="fair-lending">
      <Row gutter={[16, 16]}>
        {rows.map((r) => (
          <Col key={r.key} xs={24} md={8}>
            <Statistic
              title={t(`models.fairLending.${r.key}`)}
              value={r.auc?.mean.toFixed(4)}
              suffix={
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  ± {r.auc?.sd.toFixed(4)}
                </Typography.Text>
              }
              data-testid={`fair-lending-${r.key}`}
            />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('models.fairLending.hint')}
      </Typography.Text>
    </Card>
  );
}

/** Marketing: the random folds' figures beside the time-ordered ones (train on earlier contacts, test on later). */
function TimeOrderedCard(props: { v: VersionDetail }) {
  const { t } = useTranslation();
  const { v } = props;
  const digits = (k: (typeof METRICS)[number]) => (k === 'topDecileLift' ? 2 : 4);
  type Row = { key: string; label: string } & Partial<Record<(typeof METRICS)[number], string>>;
  const rows: Row[] = [
    {
      key: 'random',
      label: t('models.timeOrdered.random'),
      ...Object.fromEntries(METRICS.map((k) => [k, meanSd(v.metrics?.[k], digits(k))])),
    },
    {
      key: 'timeOrdered',
      label: t('models.timeOrdered.timeOrdered'),
      ...Object.fromEntries(METRICS.map((k) => [k, meanSd(v.figures?.timeOrdered?.[k], digits(k))])),
    },
  ];
  const columns: TableColumnsType<Row> = [
    { title: t('models.timeOrdered.validation'), dataIndex: 'label' },
    ...METRICS.map((k) => ({
      title: t(`models.metrics.${k}`),
      dataIndex: k,
      align: 'right' as const,
    })),
  ];
  return (
    <Card size="small" title={t('models.timeOrdered.title')} data-testid="time-ordered">
      <Table size="small" columns={columns} dataSource={rows} pagination={false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('models.timeOrdered.hint')}
      </Typography.Text>
    </Card>
  );
}

function useVariableName() {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return (v: VersionDetail, variable: string) => {
    const row = v.scorecard.find((r) => r.variable === variable);
    return row ? (lang === 'en' ? row.en : row.zh) : variable;
  };
}

function WoeTab(props: { v: VersionDetail }) {
  const { t } = useTranslation();
  const nameOf = useVariableName();
  const { v } = props;
  const variables = [...v.woe].sort((a, b) => b.iv - a.iv);
  return (
    <Row gutter={[16, 16]}>
      {variables.map((w) => (
        <Col key={w.variable} xs={24} lg={12} xxl={8}>
          <Card
            size="small"
            title={nameOf(v, w.variable)}
            extra={
              <Typography.Text type="secondary">
                {t('models.woe.iv', { iv: w.iv.toFixed(3) })} ·{' '}
                {t('models.woe.coefficient', { coefficient: w.coefficient.toFixed(3) })}
              </Typography.Text>
            }
          >
            <WoeChart variable={w} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ScorecardTab(props: { v: VersionDetail }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { v } = props;
  const columns: TableColumnsType<ScorecardRow & { span: number }> = [
    {
      title: t('models.scorecard.variable'),
      key: 'variable',
      render: (_: unknown, r) => (lang === 'en' ? r.en : r.zh),
      onCell: (r) => ({ rowSpan: r.span }),
    },
    {
      title: t('models.scorecard.bin'),
      key: 'bin',
      render: (_: unknown, r) => <BinWords words={lang === 'en' ? r.binEn : r.binZh} label={r.bin} />,
    },
    {
      title: t('models.scorecard.woe'),
      dataIndex: 'woe',
      align: 'right',
      render: (x: number) => x.toFixed(4),
    },
    {
      title: t('models.scorecard.points'),
      dataIndex: 'points',
      align: 'right',
      width: 80,
      render: (x: number) => formatPoints(x),
    },
  ];
  // The variable's cell spans its bins.
  const rows = v.scorecard.map((r, i) => {
    const first = i === 0 || v.scorecard[i - 1]?.variable !== r.variable;
    let span = 0;
    if (first) while (v.scorecard[i + span]?.variable === r.variable) span++;
    return { ...r, span };
  });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Text type="secondary">
          {v.scaling
            ? t('models.detail.scaling', {
                base: v.scaling.baseScore,
                odds: v.scaling.baseOdds,
                pdo: v.scaling.pdo,
              })
            : null}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={scorecardXlsxUrl(v.version, lang)}
          data-testid="scorecard-download"
        >
          {t('models.scorecard.download')}
        </Button>
      </Flex>
      <Table
        size="small"
        rowKey={(r) => `${r.variable}/${r.bin}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        bordered
        data-testid="scorecard-table"
      />
    </Flex>
  );
}

function FoldsTab(props: { v: VersionDetail }) {
  const { t } = useTranslation();
  const { v } = props;
  type Row = { key: string; fold: string } & Partial<Record<keyof FoldMetrics, string>>;
  const digits = (k: keyof FoldMetrics) => (k === 'topDecileLift' ? 2 : 4);
  const rows: Row[] = [
    ...v.folds.map((f, i) => ({
      key: String(i),
      fold: String(i + 1),
      ...Object.fromEntries(METRICS.map((k) => [k, f[k].toFixed(digits(k))])),
    })),
    ...(v.metrics
      ? [
          {
            key: 'mean',
            fold: t('models.folds.mean'),
            ...Object.fromEntries(METRICS.map((k) => [k, meanSd(v.metrics?.[k], digits(k))])),
          },
        ]
      : []),
  ];
  const columns: TableColumnsType<Row> = [
    {
      title: t('models.folds.fold'),
      dataIndex: 'fold',
      render: (x: string, r) => (r.key === 'mean' ? <b>{x}</b> : x),
    },
    ...METRICS.map((k) => ({
      title: t(`models.metrics.${k}`),
      dataIndex: k,
      align: 'right' as const,
      render: (x: string, r: Row) => (r.key === 'mean' ? <b>{x}</b> : x),
    })),
  ];
  return (
    <Table size="small" columns={columns} dataSource={rows} pagination={false} data-testid="folds-table" />
  );
}

function VersionsTab(props: { model: ModelName; current: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission('models.manage');
  const staffName = useStaffName();
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: modelKeys.versions(props.model),
    queryFn: () => fetchVersions(props.model),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: modelKeys.all });
  const validate = useMutation({
    mutationFn: (version: number) => validateVersion(props.model, version),
    onSuccess: (v) => {
      void message.success(t('models.versions.validated', { version: v.version }));
      void refresh();
    },
    onError: (e) => void message.error(problemText(t, e)),
  });
  const activate = useMutation({
    mutationFn: (version: number) => proposeActivation(props.model, version),
    onSuccess: () => {
      void message.success(t('models.versions.proposed'));
      void refresh();
    },
    onError: (e) => void message.error(problemText(t, e)),
  });
  const columns: TableColumnsType<VersionSummary> = [
    {
      title: t('models.versions.version'),
      dataIndex: 'version',
      render: (n: number) =>
        n === props.current ? <b>v{n}</b> : <Link to={`/models/${props.model}/versions/${n}`}>v{n}</Link>,
    },
    {
      title: t('models.versions.status'),
      dataIndex: 'status',
      render: (s: VersionSummary['status']) => <ModelStatusTag status={s} />,
    },
    { title: t('models.versions.auc'), key: 'auc', render: (_: unknown, v) => meanSd(v.metrics?.auc, 4) },
    { title: t('models.detail.trainingRows'), dataIndex: 'trainingRows', align: 'right' },
    { title: t('models.detail.trainedBy'), dataIndex: 'trainedBy', render: (id: string) => staffName(id) },
    {
      title: t('models.versions.createdAt'),
      dataIndex: 'createdAt',
      render: (x: string) => formatTimestamp(x),
    },
    ...(canManage
      ? [
          {
            title: t('models.versions.actions'),
            key: 'actions',
            render: (_: unknown, v: VersionSummary) => (
              <Space>
                {v.status === 'trained' ? (
                  <Button
                    size="small"
                    loading={validate.isPending && validate.variables === v.version}
                    onClick={() => validate.mutate(v.version)}
                    data-testid={`validate-${v.version}`}
                  >
                    {t('models.versions.validate')}
                  </Button>
                ) : null}
                {v.status === 'validated' ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={activate.isPending && activate.variables === v.version}
                    onClick={() => activate.mutate(v.version)}
                    data-testid={`activate-${v.version}`}
                  >
                    {t('models.versions.activate')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];
  if (versions.isError) return <Alert type="error" showIcon title={problemText(t, versions.error)} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={versions.isPending}
      columns={columns}
      dataSource={versions.data ?? []}
      pagination={false}
      data-testid="versions-table"
    />
  );
}
