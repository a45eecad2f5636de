import { problemText } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Plan, type PlanStatus, refreshPlans, setPlanStatus } from './api.ts';

/** Pause or resume, and stop (asked first: a stopped plan cannot come back). */
export function PlanActions(props: { plan: Plan; isBlock?: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { plan } = props;
  const change = useMutation({
    mutationFn: (status: PlanStatus) => setPlanStatus(plan.id, status),
    onSuccess: (_p, status) => {
      message.success(
        t(
          status === 'paused'
            ? 'plans.pausedDone'
            : status === 'active'
              ? 'plans.resumedDone'
              : 'plans.stoppedDone',
        ),
      );
      refreshPlans();
    },
    onError: (error) => message.error(problemText(t, error)),
  });
  if (plan.status === 'stopped') return null;
  const isBusy = (s: PlanStatus) => change.isPending && change.variables === s;
  return (
    <Flex gap={8} wrap>
      {plan.status === 'active' ? (
        <Button
          size="small"
          loading={isBusy('paused')}
          onClick={() => change.mutate('paused')}
          data-testid="plan-pause"
        >
          {t('plans.pause')}
        </Button>
      ) : (
        <Button
          size="small"
          type="primary"
          loading={isBusy('active')}
          onClick={() => change.mutate('active')}
          data-testid="plan-resume"
        >
          {t('plans.resume')}
        </Button>
      )}
      <Button
        size="small"
        danger
        loading={isBusy('stopped')}
        data-testid="plan-stop"
        onClick={() =>
          modal.confirm({
            title: t('plans.stopConfirm'),
            okText: t('plans.stop'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: () => change.mutateAsync('stopped'),
          })
        }
      >
        {t('plans.stop')}
      </Button>
    </Flex>
  );
}
