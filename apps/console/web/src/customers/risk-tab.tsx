import { FormOutlined } from '@ant-design/icons';
import { currentLanguage, formatTimestamp } from '@onefin/ui';
import { Alert, Button, Card, Descriptions, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission, useStaffName } from '../auth.ts';
import type { CustomerProfile, RiskAssessment } from './api.ts';
import { RiskLevelTag, rowTestId } from './labels.tsx';
import { QuestionnaireDrawer } from './questionnaire-drawer.tsx';

/** The date part of an instant, in the viewer's zone: validity is read by the day. */
export function dateOf(iso: string): string {
  return formatTimestamp(iso).slice(0, 10);
}

/** The current risk level with its expiry, every assessment before it, and "assess for the customer". */
export function RiskTab(props: { profile: CustomerProfile }) {
  const { t, i18n } = useTranslation();
  const isEn = currentLanguage(i18n) === 'en';
  const canWrite = useHasPermission('customers.write');
  const staffName = useStaffName();
  const [isAnswering, setAnswering] = useState(false);
  const { customer, risk } = props.profile;
  const current = risk.current;
  const columns: TableColumnsType<RiskAssessment> = [
    {
      title: t('customers.risk.columns.assessedAt'),
      dataIndex: 'assessedAt',
      width: 170,
      render: (v: string) => formatTimestamp(v),
    },
    {
      title: t('customers.risk.columns.level'),
      key: 'level',
      width: 130,
      render: (_: unknown, a) => <RiskLevelTag level={a.riskLevel} />,
    },
    {
      title: t('customers.risk.columns.score'),
      key: 'score',
      width: 150,
      render: (_: unknown, a) => (
        <Flex vertical>
          <span>{a.score}</span>
          {a.cappedBy ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('customers.risk.cappedBy', { question: a.cappedBy })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('customers.risk.columns.channel'),
      dataIndex: 'channel',
      width: 90,
      render: (v: string) => t(`customers.channels.${v}`, { defaultValue: v }),
    },
    {
      title: t('customers.risk.columns.answeredBy'),
      key: 'by',
      render: (_: unknown, a) =>
        a.answeredByType === 'staff' && a.answeredBy
          ? `${t('customers.risk.answeredBy.staff')} · ${staffName(a.answeredBy)}`
          : t(`customers.risk.answeredBy.${a.answeredByType}`),
    },
    {
      title: t('customers.risk.columns.expiresAt'),
      dataIndex: 'expiresAt',
      width: 120,
      render: (v: string) => dateOf(v),
    },
    {
      title: t('customers.risk.columns.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, a) =>
        a.isExpired ? (
          <Tag>{t('customers.risk.expired')}</Tag>
        ) : a.id === current?.id ? (
          <Tag color="green">{t('customers.risk.valid')}</Tag>
        ) : null,
    },
  ];
  const canAnswer = canWrite && customer.status !== 'closed';
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('customers.risk.current')}
        extra={
          canAnswer ? (
            <Button
              type="primary"
              icon={<FormOutlined />}
              onClick={() => setAnswering(true)}
              data-testid="take-questionnaire"
            >
              {current ? t('customers.risk.renew') : t('customers.risk.takeQuestionnaire')}
            </Button>
          ) : null
        }
      >
        {current ? (
          <Flex vertical gap={12}>
            {current.isExpired ? <Alert type="warning" showIcon title={t('customers.risk.expired')} /> : null}
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                {
                  key: 'level',
                  label: t('customers.risk.current'),
                  children: (
                    <span data-testid="current-risk-level">
                      <RiskLevelTag level={current.riskLevel} isExpired={current.isExpired} />
                    </span>
                  ),
                },
                {
                  key: 'assessed',
                  label: t('customers.risk.assessedAt'),
                  children: formatTimestamp(current.assessedAt),
                },
                { key: 'expires', label: t('customers.risk.expiresAt'), children: dateOf(current.expiresAt) },
              ]}
            />
            <Typography.Text type="secondary">
              {isEn ? current.descriptionEn : current.descriptionZh}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary" data-testid="current-risk-level">
            {t('customers.risk.none')}
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('customers.risk.history')}>
        <Table<RiskAssessment>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={risk.items}
          pagination={risk.items.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('customers.risk.noHistory') }}
          onRow={rowTestId('risk-assessment-row')}
        />
      </Card>
      <QuestionnaireDrawer open={isAnswering} customer={customer} onClose={() => setAnswering(false)} />
    </Flex>
  );
}
