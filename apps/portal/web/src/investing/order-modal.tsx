import { currentLanguage, formatDate, formatMoney, isApiError, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Result } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CASH_ACCOUNT_KEY, fetchCashAccount, newIdempotencyKey } from '../account/api.ts';
import { AMOUNT_PATTERN } from '../account/payment-modal.tsx';
import { SuitabilityResult } from '../products/suitability.tsx';
import { type Order, type OrderRequest, placeOrder, previewOrder, refreshAfterOrder } from './api.ts';
import { previewItems } from './order-preview-items.tsx';

/** What the modal trades: a fund or wealth product to buy, or a fund holding to redeem. */
export interface OrderTarget {
  productId: string;
  kind: string;
  name: string;
  /** Redemptions: the shares that may still be redeemed (held less reserved). */
  redeemable?: string;
}

/** `instant`: a money-market fund's T+0 redemption, paid at once within the daily limit. */
export type OrderMode = 'buy' | 'redeem' | 'instant';

/** `a > b` for 2-dp decimal strings (money), exactly. */
const isAbove = (a: string, b: string) => BigInt(a.replace('.', '')) > BigInt(b.replace('.', ''));

const isPositive = (value: string) => AMOUNT_PATTERN.test(value) && /[1-9]/.test(value);

function requestOf(target: OrderTarget, mode: OrderMode, value: string): OrderRequest {
  if (mode === 'redeem') return { type: 'redeem', productId: target.productId, shares: value };
  if (mode === 'instant') return { type: 'redeem', productId: target.productId, shares: value, fast: true };
  const amount = { amount: value, currency: 'CNY' };
  if (target.kind === 'deposit') return { type: 'deposit_open', productId: target.productId, amount };
  return { type: target.kind === 'wealth' ? 'wealth_buy' : 'subscribe', productId: target.productId, amount };
}

/**
 * Buy or redeem: the amount (or shares), then what the order will be before it is placed — fee,
 * trade date and its cut-off, confirmation date, cooling-off, the suitability result — and the
 * risk disclosure to accept. One Idempotency-Key per order, kept while no answer came back.
 */
export function OrderModal(props: { target: OrderTarget | undefined; mode: OrderMode; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const { target, mode } = props;
  const [value, setValue] = useState('');
  const [isAgreed, setAgreed] = useState(false);
  const [placed, setPlaced] = useState<Order | undefined>(undefined);
  const key = useRef(newIdempotencyKey());
  const money = (m: { amount: string; currency: string } | null | undefined) =>
    m ? formatMoney(m.amount, m.currency, language) : '—';
  const cash = useQuery({
    queryKey: CASH_ACCOUNT_KEY,
    queryFn: fetchCashAccount,
    enabled: target !== undefined,
  });
  const isValid = isPositive(value);
  const request = target && isValid ? requestOf(target, mode, value) : undefined;
  const preview = useQuery({
    queryKey: ['order-preview', request],
    queryFn: () => previewOrder(request as OrderRequest),
    enabled: request !== undefined,
    retry: false,
  });
  // Instant redemption: today's limit left, before any shares are typed (a preview of the least).
  const canRedeem = target?.redeemable !== undefined && target.redeemable !== '0.00';
  const limit = useQuery({
    queryKey: ['instant-limit', target?.productId],
    queryFn: () =>
      previewOrder({ type: 'redeem', productId: target?.productId ?? '', shares: '0.01', fast: true }),
    enabled: mode === 'instant' && canRedeem,
    retry: false,
  });
  const submit = useMutation({
    mutationFn: (r: OrderRequest) => placeOrder(r, key.current),
    onSuccess: (order) => {
      key.current = newIdempotencyKey();
      setPlaced(order);
      refreshAfterOrder();
    },
    onError: (error) => {
      if (isApiError(error) && error.status >= 400 && error.status < 500) key.current = newIdempotencyKey();
    },
  });
  const { reset } = submit;
  useEffect(() => {
    if (target) {
      setValue('');
      setAgreed(false);
      setPlaced(undefined);
      reset();
      key.current = newIdempotencyKey();
    }
  }, [target, reset]);
  if (!target) return <Modal open={false} footer={null} />;
  const isSelling = mode !== 'buy';
  const type =
    mode !== 'buy'
      ? 'redeem'
      : target.kind === 'wealth'
        ? 'wealth_buy'
        : target.kind === 'deposit'
          ? 'deposit_open'
          : 'subscribe';
  const isFund = type === 'subscribe' || type === 'redeem';
  const p = preview.data;
  const suitability = p?.suitability;
  const isRefused = suitability?.allowed === false;
  const limitLeft = p?.instantLimitLeft ?? limit.data?.instantLimitLeft ?? null;
  const isOverLimit =
    mode === 'instant' &&
    limitLeft !== null &&
    p?.estimatedProceeds != null &&
    isAbove(p.estimatedProceeds.amount, limitLeft.amount);
  const errorText = (error: unknown) => {
    if (isApiError(error) && i18n.exists(`orderProblems.${error.code}`)) {
      // The limit's refusal says what is left ("N CNY left today"): keep that figure.
      const left = /([\d.,]+) CNY/.exec(error.problem.detail ?? '')?.[1];
      const text = t(`orderProblems.${error.code}`);
      return left
        ? `${text}（${t('order.limitLeft', { amount: money({ amount: left.replace(/,/g, ''), currency: 'CNY' }) })}）`
        : text;
    }
    return problemText(t, error);
  };
  return (
    <Modal
      open
      title={`${t(`order.titles.${mode === 'instant' ? 'instant' : type}`)} · ${target.name}`}
      onCancel={props.onClose}
      footer={null}
      data-testid="order-modal"
    >
      {placed ? (
        <Result
          status="success"
          title={placed.status === 'confirmed' ? t('orderStatus.confirmed') : t('order.submitted')}
          subTitle={
            placed.type === 'redeem' && placed.status === 'confirmed' && placed.proceeds
              ? t('order.submittedInstantHint', { amount: money(placed.proceeds) })
              : placed.type === 'deposit_open'
                ? t('order.submittedDepositHint')
                : placed.type === 'wealth_buy'
                  ? t('order.submittedWealthHint')
                  : t(placed.type === 'redeem' ? 'order.submittedRedeemHint' : 'order.submittedHint', {
                      date: formatDate(p?.confirmDate ?? placed.tradeDate, language),
                    })
          }
          data-testid="order-result"
          data-order-id={placed.id}
          extra={[
            <Button
              key="assets"
              type="primary"
              onClick={() => navigate('/assets')}
              data-testid="order-view-assets"
            >
              {t('order.viewAssets')}
            </Button>,
            <Button key="close" onClick={props.onClose}>
              {t('common.confirm')}
            </Button>,
          ]}
        />
      ) : (
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={() => {
            if (request) submit.mutate(request);
          }}
        >
          <Form.Item
            label={isSelling ? t('order.shares') : t('order.amount')}
            validateStatus={value && !isValid ? 'error' : undefined}
            help={
              value && !isValid
                ? t(isSelling ? 'order.invalidShares' : 'order.invalidAmount')
                : isSelling
                  ? target.redeemable
                    ? t('order.allShares', { shares: target.redeemable })
                    : undefined
                  : cash.data
                    ? t('order.available', { amount: money(cash.data.available) })
                    : undefined
            }
          >
            <Input
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value.trim())}
              placeholder={isSelling ? t('order.sharesPlaceholder') : t('order.amountPlaceholder')}
              data-testid="order-amount"
              suffix={
                isSelling && target.redeemable ? (
                  <Button size="small" type="link" onClick={() => setValue(target.redeemable ?? '')}>
                    {t('order.allShares', { shares: '' }).trim()}
                  </Button>
                ) : undefined
              }
            />
          </Form.Item>
          {mode === 'instant' ? (
            <Alert
              type={isOverLimit ? 'warning' : 'info'}
              showIcon
              title={
                limitLeft ? (
                  <span data-testid="order-instant-left">
                    {t('order.instantLimitLeft')} {money(limitLeft)}
                  </span>
                ) : (
                  t('order.instantLimitLeft')
                )
              }
              description={
                isOverLimit ? (
                  <span data-testid="order-over-limit">{t('orderProblems.fast_redemption_limit')}</span>
                ) : (
                  t('order.instantHint')
                )
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          {isRefused ? (
            <div style={{ marginBottom: 16 }}>
              <SuitabilityResult suitability={suitability} isGuest={false} />
            </div>
          ) : null}
          {preview.isError ? (
            <Alert type="error" showIcon title={errorText(preview.error)} style={{ marginBottom: 16 }} />
          ) : null}
          {p ? (
            <Descriptions
              column={1}
              size="small"
              bordered
              style={{ marginBottom: 16 }}
              data-testid="order-preview"
              items={previewItems(p, { mode, isFund, t, language, money })}
            />
          ) : null}
          {mode === 'buy' ? (
            <Form.Item>
              <Checkbox
                checked={isAgreed}
                onChange={(e) => setAgreed(e.target.checked)}
                data-testid="order-agree"
              >
                {t('order.disclosureAgree')}
              </Checkbox>
            </Form.Item>
          ) : null}
          {submit.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorText(submit.error)}
              style={{ marginBottom: 16 }}
              data-testid="order-error"
            />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={submit.isPending}
            disabled={
              !request || isRefused || (mode === 'buy' && !isAgreed) || preview.isError || isOverLimit
            }
            data-testid="order-submit"
          >
            {t('order.submit')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
