import {
  currentLanguage,
  formatDate,
  formatDateTime,
  formatMoney,
  isApiError,
  problemText,
} from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Result, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../account/api.ts';
import { AMOUNT_PATTERN } from '../account/payment-modal.tsx';
import { productName } from '../products/figures.ts';
import { RiskTag } from '../products/risk.tsx';
import { SuitabilityResult } from '../products/suitability.tsx';
import { type Order, type OrderRequest, placeOrder, previewOrder, refreshAfterOrder } from './api.ts';
import { companyOf, FUND_DETAILS_KEY, fetchFundDetails } from './funds.ts';
import type { OrderTarget } from './order-modal.tsx';

type Money = { amount: string; currency: string };

/**
 * Fund conversion (基金转换): shares of a held fund into another fund of the same company. The
 * targets are the company's other funds on sale; the preview shows both fees, the amount moved and
 * the target shares, and the target's suitability. Priced at T+1 like a redemption.
 */
export function ConvertModal(props: { source: OrderTarget | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { source } = props;
  const [targetId, setTargetId] = useState<string | undefined>(undefined);
  const [shares, setShares] = useState('');
  const [placed, setPlaced] = useState<Order | undefined>(undefined);
  const key = useRef(newIdempotencyKey());
  const money = (m: Money | null | undefined) => (m ? formatMoney(m.amount, m.currency, language) : '—');
  const funds = useQuery({
    queryKey: FUND_DETAILS_KEY,
    queryFn: fetchFundDetails,
    enabled: source !== undefined,
    staleTime: 5 * 60_000,
  });
  const from = funds.data?.find((f) => f.id === source?.productId);
  // A source fund missing from the list (no longer on sale): offer every fund, and the server says
  // not_convertible for one of another company.
  const company = companyOf(from);
  const targets = (funds.data ?? []).filter(
    (f) =>
      f.id !== source?.productId &&
      f.status === 'on_sale' &&
      (company === undefined || companyOf(f) === company),
  );
  const isValid = AMOUNT_PATTERN.test(shares) && /[1-9]/.test(shares);
  const request: OrderRequest | undefined =
    source && targetId && isValid
      ? { type: 'convert', productId: source.productId, targetProductId: targetId, shares }
      : undefined;
  const preview = useQuery({
    queryKey: ['order-preview', request],
    queryFn: () => previewOrder(request as OrderRequest),
    enabled: request !== undefined,
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
    if (source) {
      setTargetId(undefined);
      setShares('');
      setPlaced(undefined);
      reset();
      key.current = newIdempotencyKey();
    }
  }, [source, reset]);
  if (!source) return <Modal open={false} footer={null} />;
  const errorText = (error: unknown) =>
    isApiError(error) && i18n.exists(`orderProblems.${error.code}`)
      ? t(`orderProblems.${error.code}`)
      : problemText(t, error);
  const p = preview.data;
  const isRefused = p?.suitability?.allowed === false;
  return (
    <Modal
      open
      title={`${t('convert.title')} · ${source.name}`}
      onCancel={props.onClose}
      footer={null}
      data-testid="convert-modal"
    >
      {placed ? (
        <Result
          status="success"
          title={t('order.submitted')}
          subTitle={t('convert.submittedHint', {
            date: formatDate(p?.confirmDate ?? placed.tradeDate, language),
          })}
          data-testid="convert-result"
          extra={<Button onClick={props.onClose}>{t('common.confirm')}</Button>}
        />
      ) : (
        <Form layout="vertical" requiredMark={false} onFinish={() => request && submit.mutate(request)}>
          {company ? (
            <Typography.Paragraph type="secondary">{t('convert.company', { company })}</Typography.Paragraph>
          ) : null}
          <Form.Item
            label={t('convert.target')}
            help={funds.data && company && targets.length === 0 ? t('convert.noTargets') : undefined}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={funds.isPending}
              value={targetId}
              onChange={setTargetId}
              placeholder={t('convert.targetPlaceholder')}
              data-testid="convert-target"
              options={targets.map((f) => ({
                value: f.id,
                label: `${productName(f, language)} ${f.code}`,
                title: f.riskLevel,
              }))}
              optionRender={(o) => (
                <span data-testid="convert-target-option">
                  {o.label}{' '}
                  <RiskTag level={(funds.data ?? []).find((f) => f.id === o.value)?.riskLevel ?? 'R1'} />
                </span>
              )}
            />
          </Form.Item>
          <Form.Item
            label={t('convert.shares')}
            validateStatus={shares && !isValid ? 'error' : undefined}
            help={
              shares && !isValid
                ? t('order.invalidShares')
                : source.redeemable
                  ? t('order.allShares', { shares: source.redeemable })
                  : undefined
            }
          >
            <Input
              inputMode="decimal"
              value={shares}
              onChange={(e) => setShares(e.target.value.trim())}
              placeholder={t('order.sharesPlaceholder')}
              data-testid="convert-shares"
              suffix={
                source.redeemable ? (
                  <Button size="small" type="link" onClick={() => setShares(source.redeemable ?? '')}>
                    {t('order.allShares', { shares: '' }).trim()}
                  </Button>
                ) : undefined
              }
            />
          </Form.Item>
          {isRefused && p?.suitability ? (
            <div style={{ marginBottom: 16 }}>
              <SuitabilityResult suitability={p.suitability} isGuest={false} />
            </div>
          ) : null}
          {preview.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorText(preview.error)}
              style={{ marginBottom: 16 }}
              data-testid="convert-problem"
            />
          ) : null}
          {p ? (
            <Descriptions
              column={1}
              size="small"
              bordered
              style={{ marginBottom: 16 }}
              data-testid="convert-preview"
              items={[
                {
                  key: 'fee',
                  label: t('convert.fee'),
                  children: (
                    <span data-testid="convert-fee">
                      {p.fee && p.fee.amount !== '0.00' ? money(p.fee) : t('order.feeFree')}
                    </span>
                  ),
                },
                ...(p.estimatedProceeds
                  ? [
                      {
                        key: 'proceeds',
                        label: t('convert.proceeds', { date: formatDate(p.navDate, language) }),
                        children: money(p.estimatedProceeds),
                      },
                    ]
                  : []),
                ...(p.estimatedShares
                  ? [
                      {
                        key: 'shares',
                        label: t('convert.targetShares', { date: formatDate(p.navDate, language) }),
                        children: <span data-testid="convert-target-shares">{p.estimatedShares}</span>,
                      },
                    ]
                  : []),
                { key: 'trade', label: t('order.tradeDate'), children: formatDate(p.tradeDate, language) },
                {
                  key: 'cutoff',
                  label: t('order.cutoffLabel'),
                  children: t('order.cutoff', { time: formatDateTime(p.cutoffAt, language) }),
                },
                {
                  key: 'confirm',
                  label: t('order.confirmDate'),
                  children: formatDate(p.confirmDate, language),
                },
              ]}
            />
          ) : null}
          {submit.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorText(submit.error)}
              style={{ marginBottom: 16 }}
              data-testid="convert-error"
            />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={submit.isPending}
            disabled={!request || isRefused || preview.isError || !p}
            data-testid="convert-submit"
          >
            {t('convert.submit')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
