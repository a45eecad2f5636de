import { DownloadOutlined } from '@ant-design/icons';
import { currentLanguage, formatTimestamp, problemText } from '@onefin/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission, useStaffName } from '../auth.ts';
import {
  type FoldMetrics,
  fetchVersions,
  METRICS,
  type ModelName,
  modelKeys,
  proposeActivation,
  type ScorecardRow,
  scorecardXlsxUrl,
  type VersionDetail,
  type VersionSummary,
  validateVersion,
} from './api.ts';
import { CalibrationChart, DistributionChart, GainsChart, KsChart, RocChart, WoeChart } from './charts.tsx';
import { BinWords, formatPoints, ModelStatusTag, meanSd } from './labels.tsx';

// The tabs of a model version's page.

/** ROC, KS, gains, calibration and score distribution of the version's folds. */
export function ChartsTab(props: { v: VersionDetail }) {
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

function useVariableName() {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return (v: VersionDetail, variable: string) => {
    const row = v.scorecard.find((r) => r.variable === variable);
    return row ? (lang === 'en' ? row.en : row.zh) : variable;
  };
}

export function WoeTab(props: { v: VersionDetail }) {
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

export function ScorecardTab(props: { v: VersionDetail }) {
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

export function FoldsTab(props: { v: VersionDetail }) {
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

export function VersionsTab(props: { model: ModelName; current: number }) {
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
