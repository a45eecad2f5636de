import { currentLanguage, formatMoney, isApiError } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Result, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARDS_KEY,
  type CashAccount,
  fetchCards,
  newIdempotencyKey,
  type Payment,
  type PaymentCard,
  refreshAfterPayment,
  submitPayment,
} from './api.ts';
import { BindCardForm } from './bind-card-form.tsx';
import { failureReasonText, paymentProblemText } from './labels.tsx';

export type PaymentKind = 'topup' | 'withdrawal';

/** A positive amount in yuan with at most two decimals (the server checks the same). */
export const AMOUNT_PATTERN = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,2})?$/;

function isPositiveAmount(value: string): boolean {
  return AMOUNT_PATTERN.test(value) && /[1-9]/.test(value);
}

interface FormValues {
  cardId: string;
  amount: string;
}

/**
 * Top-up or withdrawal: choose (or bind) a card, enter the amount, see the outcome. One
 * Idempotency-Key per submission, kept when the answer never came so a retry cannot pay twice.
 */
export function PaymentModal(props: {
  kind: PaymentKind | undefined;
  account: CashAccount | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [form] = Form.useForm<FormValues>();
  const [result, setResult] = useState<Payment | undefined>(undefined);
  const [isBinding, setBinding] = useState(false);
  const key = useRef(newIdempotencyKey());
  const { kind } = props;
  const cards = useQuery({ queryKey: CARDS_KEY, queryFn: fetchCards, enabled: kind !== undefined });
  const money = (amount: string) => formatMoney(amount, 'CNY', language);
  const submit = useMutation({
    mutationFn: (values: FormValues) =>
      submitPayment(
        kind ?? 'topup',
        { cardId: values.cardId, amount: { amount: values.amount, currency: 'CNY' } },
        key.current,
      ),
    onSuccess: (payment) => {
      key.current = newIdempotencyKey();
      setResult(payment);
      refreshAfterPayment();
    },
    onError: (error) => {
      // A definite refusal: the next submission is a new payment. No answer: keep the key for the retry.
      if (isApiError(error) && error.status >= 400 && error.status < 500) key.current = newIdempotencyKey();
      if (isApiError(error) && error.code === 'insufficient_funds') refreshAfterPayment();
    },
  });
  const { reset } = submit;
  useEffect(() => {
    if (kind) {
      form.resetFields();
      reset();
      setResult(undefined);
      key.current = newIdempotencyKey();
    }
  }, [kind, form, reset]);
  const cardList = cards.data ?? [];
  useEffect(() => {
    if (kind && cards.isSuccess) {
      setBinding(cards.data.length === 0);
      if (!form.getFieldValue('cardId') && cards.data[0]) form.setFieldValue('cardId', cards.data[0].id);
    }
  }, [kind, cards.isSuccess, cards.data, form]);
  const cardName = (c: PaymentCard) => `${language === 'en' ? c.bankNameEn : c.bankNameZh} ${c.maskedNumber}`;
  const onBound = (card: PaymentCard) => {
    setBinding(false);
    form.setFieldValue('cardId', card.id);
  };
  const title = kind === 'withdrawal' ? t('payment.withdrawTitle') : t('payment.topUpTitle');
  return (
    <Modal
      open={kind !== undefined}
      title={title}
      onCancel={props.onClose}
      footer={null}
      forceRender
      data-testid="payment-modal"
    >
      {result ? (
        <PaymentResult
          payment={result}
          money={money}
          onAgain={() => {
            setResult(undefined);
            form.setFieldValue('amount', '');
          }}
          onDone={props.onClose}
        />
      ) : null}
      <div hidden={result !== undefined}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => submit.mutate({ ...values, amount: values.amount.trim() })}
        >
          {cards.isSuccess && cardList.length === 0 ? (
            <Alert type="info" showIcon title={t('payment.noCards')} style={{ marginBottom: 12 }} />
          ) : null}
          <Form.Item
            name="cardId"
            label={t('payment.card')}
            rules={[{ required: true, message: t('payment.cardRequired') }]}
            hidden={cardList.length === 0}
          >
            <Select
              loading={cards.isPending}
              options={cardList.map((c) => ({ value: c.id, label: cardName(c) }))}
              data-testid="payment-card"
            />
          </Form.Item>
          {isBinding ? (
            <BindCardForm onBound={onBound} />
          ) : (
            <Button
              type="link"
              style={{ padding: 0, marginTop: -12, marginBottom: 12 }}
              onClick={() => setBinding(true)}
              data-testid="bind-new-card"
            >
              {t('payment.bindNew')}
            </Button>
          )}
          <Form.Item
            name="amount"
            label={t('payment.amount')}
            extra={
              kind === 'withdrawal' && props.account
                ? t('payment.availableHint', { amount: money(props.account.available.amount) })
                : undefined
            }
            rules={[
              { required: true, message: t('payment.amountRequired') },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || isPositiveAmount(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('payment.amountInvalid'))),
              },
            ]}
          >
            <Input
              prefix="¥"
              inputMode="decimal"
              placeholder={t('payment.amountPlaceholder')}
              autoComplete="off"
              data-testid="payment-amount"
            />
          </Form.Item>
          {submit.isError ? (
            <Alert
              type="error"
              showIcon
              title={paymentProblemText(t, submit.error)}
              style={{ marginBottom: 12 }}
              data-testid="payment-error"
            />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={submit.isPending}
            disabled={cardList.length === 0}
            data-testid="payment-submit"
          >
            {kind === 'withdrawal' ? t('payment.submitWithdraw') : t('payment.submitTopUp')}
          </Button>
        </Form>
      </div>
    </Modal>
  );
}

function PaymentResult(props: {
  payment: Payment;
  money: (amount: string) => string;
  onAgain: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { payment } = props;
  const isTopUp = payment.kind === 'topup';
  const [status, title] =
    payment.status === 'succeeded'
      ? (['success', isTopUp ? t('payment.topUpSucceeded') : t('payment.withdrawalSucceeded')] as const)
      : payment.status === 'failed'
        ? (['error', isTopUp ? t('payment.topUpFailed') : t('payment.withdrawalFailed')] as const)
        : (['info', t('payment.withdrawalProcessing')] as const);
  const line = t('payment.resultLine', {
    amount: props.money(payment.amount.amount),
    card: payment.maskedNumber,
  });
  return (
    <Result
      status={status}
      title={<span data-testid="payment-result-title">{title}</span>}
      subTitle={
        <span data-testid="payment-result">
          {line}
          {payment.status === 'failed' ? (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {failureReasonText(t, payment.failureReason)}
            </Typography.Text>
          ) : null}
          {payment.status === 'processing' ? (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('payment.processingHint')}
            </Typography.Text>
          ) : null}
        </span>
      }
      extra={[
        <Button key="again" onClick={props.onAgain} data-testid="payment-again">
          {t('payment.again')}
        </Button>,
        <Button key="done" type="primary" onClick={props.onDone} data-testid="payment-done">
          {t('payment.done')}
        </Button>,
      ]}
    />
  );
}
