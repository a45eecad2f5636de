import { currentLanguage, formatDate, formatMoney, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, List, Modal, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../account/api.ts';
import { fetchProduct, PRODUCTS_KEY } from '../products/api.ts';
import { pct } from '../products/figures.ts';
import { fetchLots, LOTS_KEY, refreshAfterOrder, withdrawDeposit } from './api.ts';
import type { OrderTarget } from './order-modal.tsx';

/**
 * Early withdrawal of a time deposit: each deposit is a lot with its maturity date. Withdrawing
 * before maturity pays interest at the demand rate (活期利率), which the confirmation says plainly.
 */
export function DepositWithdrawModal(props: { deposit: OrderTarget | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { message, modal } = App.useApp();
  const { deposit } = props;
  const productId = deposit?.productId ?? '';
  const key = useRef(newIdempotencyKey());
  const lots = useQuery({
    queryKey: [...LOTS_KEY, productId],
    queryFn: () => fetchLots(productId),
    enabled: deposit !== undefined,
  });
  const product = useQuery({
    queryKey: [...PRODUCTS_KEY, 'detail', productId],
    queryFn: () => fetchProduct(productId),
    enabled: deposit !== undefined,
  });
  const withdraw = useMutation({
    mutationFn: (lotId: string) => withdrawDeposit(lotId, key.current),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      message.success(t('deposit.done'));
      refreshAfterOrder();
    },
    onError: (error) => {
      key.current = newIdempotencyKey();
      message.error(
        i18n.exists(`orderProblems.${(error as { code?: string }).code}`)
          ? t(`orderProblems.${(error as { code?: string }).code}`)
          : problemText(t, error),
      );
    },
  });
  const attributes = product.data?.attributes;
  const rate = attributes?.kind === 'deposit' ? pct(attributes.earlyWithdrawalRate, language) : undefined;
  const open = (items: NonNullable<typeof lots.data>) => items.filter((l) => l.remaining !== '0.00');
  return (
    <Modal
      open={deposit !== undefined}
      title={t('deposit.title')}
      onCancel={props.onClose}
      footer={null}
      data-testid="deposit-withdraw-modal"
    >
      <Typography.Paragraph strong>{deposit?.name}</Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title={t('deposit.lead')}
        description={rate ? t('deposit.demandRate', { rate }) : undefined}
        style={{ marginBottom: 16 }}
        data-testid="deposit-demand-rate"
      />
      <List
        loading={lots.isPending}
        locale={{ emptyText: t('deposit.noLots') }}
        dataSource={lots.data ? open(lots.data) : []}
        renderItem={(lot) => (
          <List.Item
            data-testid="deposit-lot"
            actions={[
              <Button
                key="withdraw"
                size="small"
                danger
                data-testid="deposit-lot-withdraw"
                loading={withdraw.isPending && withdraw.variables === lot.id}
                onClick={() =>
                  modal.confirm({
                    title: t('deposit.confirmTitle'),
                    content: t('deposit.confirmBody', {
                      amount: formatMoney(lot.remainingCost, 'CNY', language),
                      rate: rate ? ` ${rate} ` : '',
                    }),
                    okText: t('deposit.confirmOk'),
                    okButtonProps: { danger: true, ...{ 'data-testid': 'deposit-withdraw-confirm' } },
                    cancelText: t('common.cancel'),
                    onOk: () => withdraw.mutateAsync(lot.id),
                  })
                }
              >
                {t('deposit.withdraw')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={formatMoney(lot.remainingCost, 'CNY', language)}
              description={
                <Typography.Text type="secondary">
                  {t('deposit.lot', { date: formatDate(lot.acquiredOn, language) })}
                  {lot.maturityDate
                    ? ` · ${t('deposit.matures', { date: formatDate(lot.maturityDate, language) })}`
                    : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
