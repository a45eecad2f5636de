import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { currentLanguage, formatMoney, problemText } from '@onefin/ui';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASH_ACCOUNT_KEY, fetchCashAccount, fetchPayments, PAYMENTS_KEY } from './api.ts';
import { type PaymentKind, PaymentModal } from './payment-modal.tsx';
import { PaymentsCard } from './payments-card.tsx';
import { StatementCard } from './statement-card.tsx';

/** 我的账户: balance, available and pending; top-up and withdraw; the statement and payment history. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [kind, setKind] = useState<PaymentKind | undefined>(undefined);
  const payments = useInfiniteQuery({
    queryKey: PAYMENTS_KEY,
    queryFn: ({ pageParam }) => fetchPayments(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
    // A withdrawal is with the bank for a while: look again until it is done.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((p) => p.status === 'processing'))
        ? 5_000
        : false,
  });
  const isProcessing = payments.data?.pages.some((page) => page.items.some((p) => p.status === 'processing'));
  const account = useQuery({
    queryKey: CASH_ACCOUNT_KEY,
    queryFn: fetchCashAccount,
    refetchInterval: isProcessing ? 5_000 : false,
  });
  const money = (amount: string | undefined) =>
    amount === undefined ? '—' : formatMoney(amount, 'CNY', language);
  return (
    <Flex vertical gap={16}>
      <Card className="account-balance-card" data-testid="balance-card">
        <Typography.Text className="account-balance-card__label">{t('account.balance')}</Typography.Text>
        <Typography.Title level={2} className="account-balance-card__amount" data-testid="account-balance">
          {money(account.data?.balance.amount)}
        </Typography.Title>
        <Flex gap={24} wrap className="account-balance-card__figures">
          <div>
            <Typography.Text className="account-balance-card__label">
              {t('account.available')}
            </Typography.Text>
            <div data-testid="account-available">{money(account.data?.available.amount)}</div>
          </div>
          <Tooltip title={t('account.pendingHint')}>
            <div>
              <Typography.Text className="account-balance-card__label">
                {t('account.pending')}
              </Typography.Text>
              <div data-testid="account-pending">{money(account.data?.pending.amount)}</div>
            </div>
          </Tooltip>
        </Flex>
        <Flex gap={12} style={{ marginTop: 16 }}>
          <Button
            size="large"
            icon={<ArrowDownOutlined />}
            onClick={() => setKind('topup')}
            data-testid="top-up-button"
            className="account-balance-card__button"
          >
            {t('account.topUp')}
          </Button>
          <Button
            size="large"
            ghost
            icon={<ArrowUpOutlined />}
            onClick={() => setKind('withdrawal')}
            data-testid="withdraw-button"
            className="account-balance-card__button"
          >
            {t('account.withdraw')}
          </Button>
        </Flex>
      </Card>
      {account.isError ? <Alert type="error" showIcon title={problemText(t, account.error)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <StatementCard />
        </Col>
        <Col xs={24} lg={10}>
          <PaymentsCard payments={payments} />
        </Col>
      </Row>
      <PaymentModal kind={kind} account={account.data} onClose={() => setKind(undefined)} />
    </Flex>
  );
}
