import { testId, useShowProblem } from '@onefin/ui';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { proposeAdjustment, proposeReversal, type Side } from './api.ts';
import { isPositiveAmount } from './labels.tsx';

const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR', 'GBP', 'JPY'];

/** After a proposal: say it waits for a second person, and refresh the inbox. */
function useLedgerProposalSubmitted(): () => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return () => {
    message.info({
      content: <span data-testid="proposal-submitted">{t('ledger.proposed')}</span>,
      duration: 5,
    });
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
  };
}

interface AdjustmentValues {
  accountId: string;
  direction: Side;
  amount: string;
  currency: string;
  reason: string;
}

/** Proposes a manual adjustment between an account and suspense; a second person approves it. */
export function AdjustmentModal(props: {
  open: boolean;
  account?: { id: string; currency: string } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AdjustmentValues>();
  const showProblem = useShowProblem();
  const onSubmitted = useLedgerProposalSubmitted();
  const propose = useMutation({
    mutationFn: (v: AdjustmentValues) =>
      proposeAdjustment({
        accountId: v.accountId.trim(),
        direction: v.direction,
        amount: { amount: v.amount.trim(), currency: v.currency },
        reason: v.reason.trim(),
      }),
    onSuccess: () => {
      onSubmitted();
      props.onClose();
    },
    onError: (error) => showProblem(error, form),
  });
  const { reset } = propose;
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue({
        accountId: props.account?.id ?? '',
        currency: props.account?.currency ?? 'CNY',
        direction: 'credit',
      });
      reset();
    }
  }, [props.open, props.account, form, reset]);
  return (
    <Modal
      open={props.open}
      title={t('ledger.adjust.title')}
      okText={t('ledger.adjust.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={testId('adjustment-submit')}
      confirmLoading={propose.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      <Alert type="info" showIcon title={t('ledger.adjust.hint')} style={{ marginBottom: 16 }} />
      <Form<AdjustmentValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => propose.mutate(values)}
      >
        <Form.Item
          name="accountId"
          label={t('ledger.adjust.accountId')}
          rules={[{ required: true, whitespace: true, message: t('ledger.adjust.accountIdRequired') }]}
        >
          <Input disabled={props.account !== undefined} data-testid="adjustment-account" />
        </Form.Item>
        <Form.Item
          name="direction"
          label={t('ledger.adjust.direction')}
          extra={t('ledger.adjust.directionHint')}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              {
                value: 'credit',
                label: <span data-testid="direction-credit">{t('ledger.adjust.credit')}</span>,
              },
              {
                value: 'debit',
                label: <span data-testid="direction-debit">{t('ledger.adjust.debit')}</span>,
              },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('ledger.adjust.amount')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="currency" noStyle>
              <Select
                style={{ width: 96 }}
                disabled={props.account !== undefined}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              />
            </Form.Item>
            <Form.Item
              name="amount"
              noStyle
              rules={[
                { required: true, message: t('ledger.adjust.amountRequired') },
                {
                  validator: (_rule, value: string | undefined) =>
                    !value || isPositiveAmount(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('ledger.adjust.amountInvalid'))),
                },
              ]}
            >
              <Input
                inputMode="decimal"
                placeholder="0.00"
                style={{ flex: 1 }}
                data-testid="adjustment-amount"
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('ledger.adjust.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('ledger.adjust.reasonRequired') }]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="adjustment-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Proposes reversing a posted transfer; a second person approves it. */
export function ReversalModal(props: { transferId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const showProblem = useShowProblem();
  const onSubmitted = useLedgerProposalSubmitted();
  const propose = useMutation({
    mutationFn: ({ reason }: { reason: string }) =>
      proposeReversal({ transferId: props.transferId ?? '', reason: reason.trim() }),
    onSuccess: () => {
      onSubmitted();
      props.onClose();
    },
    onError: (error) => showProblem(error, form),
  });
  const { reset } = propose;
  useEffect(() => {
    if (props.transferId) {
      form.resetFields();
      reset();
    }
  }, [props.transferId, form, reset]);
  return (
    <Modal
      open={props.transferId !== undefined}
      title={t('ledger.reverse.title')}
      okText={t('ledger.reverse.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, ...testId('reversal-submit') }}
      confirmLoading={propose.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      <Alert type="warning" showIcon title={t('ledger.reverse.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => propose.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('ledger.reverse.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('ledger.reverse.reasonRequired') }]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="reversal-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
