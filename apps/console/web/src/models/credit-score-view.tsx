import { currentLanguage } from '@onefin/ui';
import { Card, Col, Empty, List, Row, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditScore, VariablePoints } from './api.ts';
import { BinWords, binLabel, formatPoints } from './labels.tsx';

/** A credit score as staff read it: the points, the probability, the reason codes and every variable's points. */
export function CreditScoreView(props: { score: CreditScore; extra?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { score } = props;
  const words = (p: VariablePoints) => (lang === 'en' ? p.words.en : p.words.zh);
  const binOf = (p: VariablePoints) => (lang === 'en' ? p.binWords.en : p.binWords.zh);
  const columns: TableColumnsType<VariablePoints> = [
    { title: t('models.scorecard.variable'), key: 'variable', render: (_: unknown, p) => words(p) },
    {
      title: t('models.scorecard.bin'),
      key: 'bin',
      render: (_: unknown, p) => <BinWords words={binOf(p)} label={p.bin} />,
    },
    {
      title: t('models.scorecard.points'),
      dataIndex: 'points',
      align: 'right',
      render: (x: number) => formatPoints(x),
    },
  ];
  const total = score.points.reduce((sum, p) => sum + p.points, 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card size="small">
          <Row gutter={16}>
            <Col span={12}>
              <Statistic
                title={t('models.score.score')}
                value={Math.round(score.score)}
                data-testid="credit-score"
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('models.score.probability')}
                value={(score.probability * 100).toFixed(1)}
                suffix="%"
                data-testid="credit-probability"
              />
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {t('models.score.version', { version: score.version })}
            {props.extra ? <> · {props.extra}</> : null}
          </Typography.Text>
        </Card>
        <Card
          size="small"
          title={t('models.score.reasons')}
          style={{ marginTop: 16 }}
          data-testid="reason-codes"
        >
          {score.reasons.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('models.score.noReasons')} />
          ) : (
            <List
              size="small"
              dataSource={score.reasons}
              renderItem={(r, i) => (
                <List.Item data-testid="reason-code">
                  <List.Item.Meta
                    avatar={<Tag color="volcano">{i + 1}</Tag>}
                    title={words(r)}
                    description={
                      <span title={binLabel(r.bin)}>
                        {binOf(r)} ·{' '}
                        {t('models.score.belowBest', { points: formatPoints(r.pointsBelowBest) })}
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('models.score.points')}>
          <Table
            size="small"
            rowKey="variable"
            columns={columns}
            dataSource={score.points}
            pagination={false}
            data-testid="score-points"
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <b>{t('models.score.sum')}</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <b>{formatPoints(total)}</b>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
