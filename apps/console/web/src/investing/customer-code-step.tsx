import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmWithCode, type Order } from './api.ts';
import { Refusal } from './refusal.tsx';

/**
 * An assisted order waiting for the customer: the simulator shows the one-time code the customer
 * received, and staff enter the six digits the customer reads out.
 */
export function CustomerCodeStep(props: {
  order: Order;
  orderLink: ReactNode;
  onConfirmed: (order: Order) => void;
}) {
  const { t } = useTranslation();
  const placed = props.order;
  const orderLink = props.orderLink;
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: () => confirmWithCode(placed.id, code),
    onSuccess: props.onConfirmed,
  });
  return (
    <Flex vertical gap={16} data-testid="assist-awaiting">
      <Alert
        type="info"
        showIcon
        title={t('investing.assist.awaitingTitle')}
        description={t('investing.assist.awaitingHint')}
      />
      {placed.confirmationCode ? (
        <Alert
          type="warning"
          title={t('investing.assist.simulatorCode')}
          description={
            <Typography.Text
              strong
              copyable
              style={{ fontSize: 20, letterSpacing: 4 }}
              data-testid="assist-simulator-code"
            >
              {placed.confirmationCode}
            </Typography.Text>
          }
        />
      ) : null}
      <Form layout="vertical" onFinish={() => confirm.mutate()} disabled={confirm.isPending}>
        <Form.Item
          label={t('investing.assist.code')}
          validateStatus={code && !/^\d{6}$/.test(code) ? 'error' : undefined}
          help={code && !/^\d{6}$/.test(code) ? t('investing.assist.invalidCode') : undefined}
        >
          <Input
            value={code}
            onChange={(e) => {
              setCode(e.target.value.trim());
              if (confirm.isError) confirm.reset();
            }}
            maxLength={6}
            inputMode="numeric"
            placeholder={t('investing.assist.codePlaceholder')}
            style={{ width: 200, letterSpacing: 4 }}
            data-testid="assist-code"
          />
        </Form.Item>
        {confirm.isError ? (
          <div style={{ marginBottom: 16 }}>
            <Refusal error={confirm.error} testId="assist-code-error" />
          </div>
        ) : null}
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            disabled={!/^\d{6}$/.test(code)}
            loading={confirm.isPending}
            data-testid="assist-confirm"
          >
            {t('investing.assist.confirm')}
          </Button>
          {orderLink}
        </Flex>
      </Form>
    </Flex>
  );
}
