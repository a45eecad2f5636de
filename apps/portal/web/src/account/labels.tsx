import { isApiError, problemText } from '@onefin/ui';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from './api.ts';

/** A ledger code in plain words: `topup` → 充值; an unknown code shows as it is. */
export function codeLabel(t: TFunction, code: string): string {
  return t(`account.codes.${code}`, { defaultValue: code });
}

/** Why a payment failed, in plain words; the bank's code when we have no words for it. */
export function failureReasonText(t: TFunction, reason: string | undefined): string {
  return reason ? t(`account.failureReasons.${reason}`, { defaultValue: reason }) : '';
}

/** A payments or ledger refusal in the customer's words, else the shared problem text. */
export function paymentProblemText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    return t(`payment.problems.${error.code}`, { defaultValue: problemText(t, error) });
  }
  return problemText(t, error);
}

const STATUS_COLORS: Record<PaymentStatus, string> = {
  created: 'default',
  processing: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function PaymentStatusTag(props: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[props.status]} data-testid="payment-status" style={{ marginInlineEnd: 0 }}>
      {t(`account.status.${props.status}`)}
    </Tag>
  );
}

/** `+1,000.00` for money in, `-1,000.00` for money out (no currency symbol: the column says CNY). */
export function signedAmount(amount: string, isIncoming: boolean, format: (a: string) => string): string {
  return `${isIncoming ? '+' : '-'}${format(amount).replace(/^-/, '')}`;
}
