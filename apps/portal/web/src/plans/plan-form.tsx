import { currentLanguage, formatMoney, isApiError, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Segmented, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../account/api.ts';
import { AMOUNT_PATTERN } from '../account/payment-modal.tsx';
import { FUNDS_KEY, fetchFunds } from '../investing/funds.ts';
import { productName } from '../products/figures.ts';
import { createPlan, type Plan, type PlanFrequency, refreshPlans } from './api.ts';

interface Values {
  productId?: string;
  amount: string;
  frequency: PlanFrequency;
  runDay: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const MONTH_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);

/**
 * Setting up a plan: the fund, the amount per run, how often, and the run day — a weekday for
 * weekly and fortnightly plans, a day 1–28 for monthly ones (every month has it).
 */
export function PlanForm(props: {
  isOpen: boolean;
  fundId?: string;
  onClose: () => void;
  onCreated: (plan: Plan) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const frequency = Form.useWatch('frequency', form) ?? 'monthly';
  const productId = Form.useWatch('productId', form);
  const key = useRef(newIdempotencyKey());
  const funds = useQuery({ queryKey: FUNDS_KEY, queryFn: fetchFunds, enabled: props.isOpen });
  const onSale = (funds.data ?? []).filter((f) => f.status === 'on_sale');
  const chosen = onSale.find((f) => f.id === productId);
  const create = useMutation({
    mutationFn: (v: Values) =>
      createPlan(
        {
          productId: v.productId ?? '',
          amount: { amount: v.amount, currency: 'CNY' },
          frequency: v.frequency,
          runDay: v.runDay,
          channel: 'web',
        },
        key.current,
      ),
    onSuccess: (plan) => {
      key.current = newIdempotencyKey();
      message.success(t('plans.created'));
      refreshPlans();
      props.onCreated(plan);
    },
    onError: (error) => {
      if (isApiError(error) && error.status >= 400 && error.status < 500) key.current = newIdempotencyKey();
    },
  });
  const { reset } = create;
  useEffect(() => {
    if (props.isOpen) {
      form.setFieldsValue({ productId: props.fundId, amount: '', frequency: 'monthly', runDay: 8 });
      reset();
      key.current = newIdempotencyKey();
    }
  }, [props.isOpen, props.fundId, form, reset]);
  const errorText = (error: unknown) =>
    isApiError(error) && i18n.exists(`orderProblems.${error.code}`)
      ? t(`orderProblems.${error.code}`)
      : problemText(t, error);
  return (
    <Modal
      open={props.isOpen}
      title={t('plans.add')}
      onCancel={props.onClose}
      footer={null}
      forceRender
      data-testid="plan-form"
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => create.mutate(v)}>
        <Form.Item
          name="productId"
          label={t('plans.fund')}
          rules={[{ required: true, message: t('plans.fundRequired') }]}
          extra={
            chosen?.minimumAmount
              ? t('plans.minimum', {
                  amount: formatMoney(chosen.minimumAmount.amount, chosen.minimumAmount.currency, language),
                })
              : undefined
          }
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={funds.isPending}
            placeholder={t('plans.fundPlaceholder')}
            data-testid="plan-fund"
            options={onSale.map((f) => ({
              value: f.id,
              label: `${productName(f, language)} ${f.code}`,
              disabled: f.suitability?.allowed === false,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('plans.amount')}
          rules={[
            {
              validator: (_r, v: string) =>
                AMOUNT_PATTERN.test(v ?? '') && /[1-9]/.test(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('plans.amountRequired'))),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder={t('order.amountPlaceholder')} data-testid="plan-amount" />
        </Form.Item>
        <Form.Item name="frequency" label={t('plans.frequency')}>
          <Segmented
            block
            data-testid="plan-frequency"
            onChange={(v) => form.setFieldValue('runDay', v === 'monthly' ? 8 : 1)}
            options={(['weekly', 'biweekly', 'monthly'] as const).map((f) => ({
              value: f,
              label: <span data-testid={`plan-frequency-${f}`}>{t(`plans.frequencies.${f}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="runDay"
          label={t('plans.runDay')}
          extra={frequency === 'monthly' ? t('plans.monthlyHint') : undefined}
        >
          <Select
            data-testid="plan-run-day"
            options={(frequency === 'monthly' ? MONTH_DAYS : WEEKDAYS).map((d) => ({
              value: d,
              label: frequency === 'monthly' ? t('plans.dayOfMonth', { day: d }) : t(`plans.weekdays.${d}`),
            }))}
          />
        </Form.Item>
        {create.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorText(create.error)}
            style={{ marginBottom: 16 }}
            data-testid="plan-error"
          />
        ) : null}
        <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="plan-submit">
          {t('plans.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
