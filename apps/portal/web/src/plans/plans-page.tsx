import { PlusOutlined } from '@ant-design/icons';
import { currentLanguage, formatDate, formatMoney, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fetchPlans, PLANS_KEY } from './api.ts';
import { PLAN_STATUS_COLORS, scheduleText } from './labels.ts';
import { PlanActions } from './plan-actions.tsx';
import { PlanForm } from './plan-form.tsx';

/**
 * 定投: the customer's regular investment plans with their next run, pause / resume / stop, and a
 * new plan (`?fund=<id>` opens the form with that fund chosen, as the product page's 定投 does).
 */
export function PlansPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const fundId = search.get('fund') ?? undefined;
  const isCreating = search.has('fund') || search.has('new');
  const plans = useQuery({ queryKey: PLANS_KEY, queryFn: fetchPlans });
  const openForm = () => setSearch({ new: '1' });
  const closeForm = () => setSearch({});
  return (
    <Flex vertical gap={16} data-testid="plans-page">
      <Card>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('plans.title')}
          </Typography.Title>
          <Button type="primary" icon={<PlusOutlined />} onClick={openForm} data-testid="plan-add">
            {t('plans.add')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('plans.lead')}
        </Typography.Paragraph>
      </Card>
      <Card>
        {plans.isError ? (
          <Typography.Text type="danger">{problemText(t, plans.error)}</Typography.Text>
        ) : (
          <List
            loading={plans.isPending}
            dataSource={plans.data ?? []}
            locale={{ emptyText: <Empty description={t('plans.empty')} /> }}
            renderItem={(plan) => (
              <List.Item data-testid="plan-row" data-plan-id={plan.id} data-status={plan.status}>
                <Flex vertical gap={8} style={{ width: '100%' }}>
                  <List.Item.Meta
                    title={
                      <Flex gap={8} wrap align="center">
                        <Link to={`/plans/${plan.id}`} data-testid="plan-link">
                          {language === 'en' ? plan.productNameEn : plan.productNameZh}
                        </Link>
                        <Tag color={PLAN_STATUS_COLORS[plan.status]} data-testid="plan-status">
                          {t(`plans.status.${plan.status}`)}
                        </Tag>
                      </Flex>
                    }
                    description={
                      <Flex vertical gap={2}>
                        <span data-testid="plan-schedule">
                          {scheduleText(plan, t)} ·{' '}
                          {t('plans.perRun', {
                            amount: formatMoney(plan.amount.amount, plan.amount.currency, language),
                          })}
                        </span>
                        {plan.status === 'active' ? (
                          <span data-testid="plan-next-run">
                            {t('plans.nextRun', { date: formatDate(plan.nextRunOn, language) })}
                          </span>
                        ) : null}
                      </Flex>
                    }
                  />
                  <Flex gap={8} wrap align="center">
                    <PlanActions plan={plan} />
                    <Link to={`/plans/${plan.id}`}>
                      <Button size="small" type="link">
                        {t('plans.detail')}
                      </Button>
                    </Link>
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <PlanForm
        isOpen={isCreating}
        fundId={fundId}
        onClose={closeForm}
        onCreated={(plan) => navigate(`/plans/${plan.id}`, { replace: true })}
      />
    </Flex>
  );
}
