import { formatTimestamp, isApiError, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchCustomerCreditScore, modelKeys } from './api.ts';
import { CreditScoreView } from './credit-score-view.tsx';

/** The customer's credit score from the feature store, with the reason codes (staff with models.score). */
export function CustomerCreditTab(props: { customerId: string }) {
  const { t } = useTranslation();
  const score = useQuery({
    queryKey: modelKeys.customerScore(props.customerId),
    queryFn: () => fetchCustomerCreditScore(props.customerId),
    retry: false,
  });
  if (score.isPending) return <Spin />;
  if (score.isError) {
    const code = isApiError(score.error) ? score.error.code : undefined;
    return code === 'no_features' ? (
      <Empty description={t('models.customer.noFeatures')} />
    ) : (
      <Alert type="error" showIcon title={problemText(t, score.error)} />
    );
  }
  return (
    <div data-testid="customer-credit-score">
      <CreditScoreView
        score={score.data}
        extra={t('models.customer.scoredAt', { at: formatTimestamp(score.data.scoredAt) })}
      />
    </div>
  );
}
