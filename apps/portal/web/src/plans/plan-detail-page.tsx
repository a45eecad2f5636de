import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  currentLanguage,
  formatDate,
  formatDateTime,
  formatMoney,
  isApiError,
  problemText,
} from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Grid, List, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchPlan, PLANS_KEY } from './api.ts';
import { PLAN_STATUS_COLORS, scheduleText, skipReasonText } from './labels.ts';
import { PlanActions } from './plan-actions.tsx';

/** One plan: its terms, pause / resume / stop, and every run — placed with its order, or skipped and why. */
export function PlanDetailPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const screens = Grid.useBreakpoint();
  const { planId = '' } = useParams();
  const plan = useQuery({ queryKey: [...PLANS_KEY, planId], queryFn: () => fetchPlan(planId) });
  const back = (
    <Link to="/plans" data-testid="plan-back">
      <ArrowLeftOutlined /> {t('plans.back')}
    </Link>
  );
  if (plan.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (plan.isError) {
    const isMissing = isApiError(plan.error) && plan.error.status === 404;
    return (
      <Result
        status={isMissing ? '404' : 'error'}
        title={isMissing ? t('plans.notFound') : t('common.loadFailed')}
        subTitle={isMissing ? undefined : problemText(t, plan.error)}
        extra={back}
      />
    );
  }
  const p = plan.data;
  return (
    <Flex vertical gap={16} data-testid="plan-detail" data-status={p.status}>
      {back}
      <Card>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Typography.Title level={4} style={{ margin: 0, minWidth: 0, flex: '1 1 200px' }}>
            <Link to={`/products/${p.productId}`}>
              {language === 'en' ? p.productNameEn : p.productNameZh}
            </Link>
          </Typography.Title>
          <Tag color={PLAN_STATUS_COLORS[p.status]} data-testid="plan-detail-status">
            {t(`plans.status.${p.status}`)}
          </Tag>
        </Flex>
        <Descriptions
          column={screens.md ? 2 : 1}
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'amount',
              label: t('plans.amount'),
              children: formatMoney(p.amount.amount, p.amount.currency, language),
            },
            { key: 'schedule', label: t('plans.frequency'), children: scheduleText(p, t) },
            ...(p.status === 'active'
              ? [
                  {
                    key: 'next',
                    label: t('plans.nextRunLabel'),
                    children: <span data-testid="plan-detail-next">{formatDate(p.nextRunOn, language)}</span>,
                  },
                ]
              : []),
            {
              key: 'created',
              label: t('plans.createdLabel'),
              children: formatDateTime(p.createdAt, language),
            },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <PlanActions plan={p} />
        </div>
      </Card>
      <Card title={t('plans.runs')}>
        <List
          dataSource={p.runs}
          locale={{ emptyText: t('plans.noRuns') }}
          renderItem={(run) => (
            <List.Item data-testid="plan-run" data-status={run.status}>
              <List.Item.Meta
                title={formatDate(run.dueOn, language)}
                description={
                  run.status === 'skipped' ? (
                    <Typography.Text type="warning" data-testid="plan-run-reason">
                      {skipReasonText(run.reason, t, (k) => i18n.exists(k))}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="success">{t('plans.runPlaced')}</Typography.Text>
                  )
                }
              />
              {run.orderId ? <Link to={`/assets/orders/${run.orderId}`}>{t('plans.viewOrder')}</Link> : null}
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
