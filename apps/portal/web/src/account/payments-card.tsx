import { currentLanguage, formatDateTime, formatMoney, problemText } from '@onefin/ui';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page, Payment } from './api.ts';
import { failureReasonText, PaymentStatusTag, signedAmount } from './labels.tsx';

/** The customer's top-ups and withdrawals with their status (and why one failed). */
export function PaymentsCard(props: { payments: UseInfiniteQueryResult<InfiniteData<Page<Payment>>> }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { payments } = props;
  const items = payments.data?.pages.flatMap((page) => page.items) ?? [];
  const money = (amount: string) => formatMoney(amount, 'CNY', language).replace('¥', '');
  return (
    <Card title={t('account.payments')} data-testid="payments-card">
      {payments.isError ? <Alert type="error" showIcon title={problemText(t, payments.error)} /> : null}
      <List<Payment>
        loading={payments.isPending}
        dataSource={items}
        locale={{ emptyText: t('account.noPayments') }}
        renderItem={(p) => (
          <List.Item data-testid="payment-row" key={p.id}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Space size={6}>
                <Typography.Text strong>{t(`account.kind.${p.kind}`)}</Typography.Text>
                <PaymentStatusTag status={p.status} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.maskedNumber} · {formatDateTime(p.createdAt, language)}
              </Typography.Text>
              {p.status === 'failed' && p.failureReason ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {failureReasonText(t, p.failureReason)}
                </Typography.Text>
              ) : null}
            </Flex>
            <Typography.Text
              strong
              delete={p.status === 'failed'}
              className={p.kind === 'topup' ? 'amount-in' : 'amount-out'}
            >
              {signedAmount(p.amount.amount, p.kind === 'topup', money)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {payments.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void payments.fetchNextPage()} loading={payments.isFetchingNextPage}>
            {t('account.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
