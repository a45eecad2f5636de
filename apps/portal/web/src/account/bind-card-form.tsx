import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { bindCard, CARDS_KEY, type PaymentCard } from './api.ts';
import { paymentProblemText } from './labels.tsx';

/** Binds a debit card by its number (spaces allowed while typing); the server checks Luhn and the bank. */
export function BindCardForm(props: { onBound: (card: PaymentCard) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cardNumber: string }>();
  const bind = useMutation({
    mutationFn: (cardNumber: string) => bindCard(cardNumber),
    onSuccess: (card) => {
      void queryClient.invalidateQueries({ queryKey: CARDS_KEY });
      const bank = i18n.language === 'en' ? card.bankNameEn : card.bankNameZh;
      message.success(t('payment.bound', { bank, number: card.maskedNumber }));
      form.resetFields();
      props.onBound(card);
    },
    onError: (error) => form.setFields([{ name: 'cardNumber', errors: [paymentProblemText(t, error)] }]),
  });
  return (
    <Form form={form} layout="vertical" requiredMark={false} component="div" data-testid="bind-card-form">
      <Form.Item label={t('payment.cardNumber')} required style={{ marginBottom: 8 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="cardNumber"
            noStyle
            normalize={(value: string) => value.replace(/[^\d ]/g, '')}
            rules={[
              { required: true, message: t('payment.cardNumberInvalid') },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || /^\d{16,19}$/.test(value.replaceAll(' ', ''))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('payment.cardNumberInvalid'))),
              },
            ]}
          >
            <Input
              inputMode="numeric"
              autoComplete="cc-number"
              placeholder={t('payment.cardNumberPlaceholder')}
              data-testid="card-number"
            />
          </Form.Item>
          <Button
            type="primary"
            ghost
            loading={bind.isPending}
            data-testid="bind-card-submit"
            onClick={() =>
              void form
                .validateFields()
                .then(({ cardNumber }) => bind.mutate(cardNumber.replaceAll(' ', '')))
                .catch(() => undefined)
            }
          >
            {t('payment.bind')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
