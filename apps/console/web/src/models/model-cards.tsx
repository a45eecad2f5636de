import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchStability, METRICS, type ModelName, modelKeys, type VersionDetail } from './api.ts';
import { StabilityChart } from './charts.tsx';
import { meanSd } from './labels.tsx';

// Cards beside a version's charts: stability of today's scores, the fair-lending view, time-ordered validation.

/** PSI rule of thumb: < 0.1 stable, 0.1–0.25 drifting, > 0.25 shifted. */
function psiBand(psi: number): { key: 'stable' | 'drifting' | 'shifted'; color: string } {
  if (psi < 0.1) return { key: 'stable', color: 'green' };
  if (psi <= 0.25) return { key: 'drifting', color: 'gold' };
  return { key: 'shifted', color: 'red' };
}

/** The active version: how today's customers' scores sit against the development sample's deciles. */
export function StabilityCard(props: { model: ModelName }) {
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
export function FairLendingCard(props: { v: VersionDetail }) {
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
export function TimeOrderedCard(props: { v: VersionDetail }) {
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
