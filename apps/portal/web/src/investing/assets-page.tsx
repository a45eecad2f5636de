import { currentLanguage, formatDate, formatMoney, problemText } from '@onefin/ui';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, List, Row, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RiskTag } from '../products/risk.tsx';
import { AllocationChart } from './allocation-chart.tsx';
import { ASSETS_KEY, fetchAssets, type Holding } from './api.ts';
import { ConvertModal } from './convert-modal.tsx';
import { DepositWithdrawModal } from './deposit-withdraw-modal.tsx';
import { OrderModal, type OrderMode, type OrderTarget } from './order-modal.tsx';
import { OrdersCard } from './orders-card.tsx';

/** What a holding's action opens: a redemption (normal or instant), a conversion, an early withdrawal. */
type HoldingAction = { kind: 'order'; mode: OrderMode } | { kind: 'convert' } | { kind: 'withdraw' };

/** Gains read red and losses green, as Chinese investors expect. */
const gainClass = (amount: string) =>
  amount.startsWith('-') ? 'figure-value--down' : amount === '0.00' ? '' : 'figure-value--up';

/** "My assets": the total across cash and holdings, its allocation, each holding, and the orders. */
export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [view, setView] = useState<'kind' | 'risk'>('kind');
  const [acting, setActing] = useState<{ target: OrderTarget; action: HoldingAction } | undefined>(undefined);
  const assets = useQuery({ queryKey: ASSETS_KEY, queryFn: fetchAssets });
  const money = (m: { amount: string; currency: string }) => formatMoney(m.amount, m.currency, language);
  if (assets.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (assets.isError) return <Typography.Text type="danger">{problemText(t, assets.error)}</Typography.Text>;
  const a = assets.data;
  const slices =
    view === 'kind'
      ? [
          { name: t('assets.cashSlice'), value: addAmounts(a.cash.amount, a.inTransit.amount) },
          ...a.byKind.map((k) => ({ name: t(`products.kinds.${k.kind}`), value: k.value.amount })),
        ]
      : a.byRisk.map((r) => ({ name: r.riskLevel, value: r.value.amount }));
  return (
    <Flex vertical gap={16} data-testid="assets-page">
      <Card
        title={t('assets.title')}
        extra={
          <Link to="/plans" data-testid="assets-plans">
            {t('assets.plans')}
          </Link>
        }
      >
        <Typography.Text type="secondary">{t('assets.total')}</Typography.Text>
        <Typography.Title level={2} style={{ marginTop: 4 }} data-testid="assets-page-total">
          {money(a.total)}
        </Typography.Title>
        <Flex gap={24} wrap>
          <span>
            <Typography.Text type="secondary">{t('assets.cash')} </Typography.Text>
            <Typography.Text strong data-testid="assets-cash">
              {money(a.cash)}
            </Typography.Text>
          </span>
          <span>
            <Typography.Text type="secondary">{t('assets.inTransit')} </Typography.Text>
            <Typography.Text strong data-testid="assets-in-transit">
              {money(a.inTransit)}
            </Typography.Text>
          </span>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            title={t('assets.allocation')}
            extra={
              <Segmented
                size="small"
                value={view}
                onChange={(v) => setView(v as 'kind' | 'risk')}
                options={[
                  { value: 'kind', label: t('assets.byKind') },
                  { value: 'risk', label: t('assets.byRisk') },
                ]}
              />
            }
          >
            <AllocationChart slices={slices} formatValue={(v) => formatMoney(v, 'CNY', language)} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('assets.holdings')} data-testid="holdings-card">
            {a.holdings.length === 0 ? (
              <Empty description={<Link to="/products">{t('assets.noHoldings')}</Link>} />
            ) : (
              <List
                dataSource={a.holdings}
                renderItem={(h) => (
                  <HoldingRow
                    holding={h}
                    money={money}
                    onAction={(action) =>
                      setActing({
                        action,
                        target: {
                          productId: h.productId,
                          kind: h.kind,
                          name: language === 'en' ? h.nameEn : h.nameZh,
                          redeemable: subtractShares(h.shares, h.frozen),
                        },
                      })
                    }
                  />
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <OrdersCard />
      <OrderModal
        target={acting?.action.kind === 'order' ? acting.target : undefined}
        mode={acting?.action.kind === 'order' ? acting.action.mode : 'redeem'}
        onClose={() => setActing(undefined)}
      />
      <ConvertModal
        source={acting?.action.kind === 'convert' ? acting.target : undefined}
        onClose={() => setActing(undefined)}
      />
      <DepositWithdrawModal
        deposit={acting?.action.kind === 'withdraw' ? acting.target : undefined}
        onClose={() => setActing(undefined)}
      />
    </Flex>
  );
}

function HoldingRow(props: {
  holding: Holding;
  money: (m: { amount: string; currency: string }) => string;
  onAction: (action: HoldingAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const h = props.holding;
  const isFund = h.kind === 'fund';
  const isMoneyMarket = h.category === 'money_market';
  const hasFree = subtractShares(h.shares, h.frozen) !== '0.00';
  const act = (testId: string, label: string, action: HoldingAction, disabled = !hasFree) => (
    <Button
      key={testId}
      size="small"
      disabled={disabled}
      data-testid={testId}
      onClick={() => props.onAction(action)}
    >
      {label}
    </Button>
  );
  const actions = isFund
    ? [
        act('holding-redeem', t('order.redeem'), { kind: 'order', mode: 'redeem' }),
        ...(isMoneyMarket
          ? [act('holding-instant', t('order.instant'), { kind: 'order', mode: 'instant' })]
          : []),
        act('holding-convert', t('convert.action'), { kind: 'convert' }),
        <Link key="plan" to={`/plans?fund=${encodeURIComponent(h.productId)}`} data-testid="holding-plan">
          <Button size="small">{t('assets.planThis')}</Button>
        </Link>,
      ]
    : h.kind === 'deposit'
      ? [act('holding-withdraw', t('deposit.withdraw'), { kind: 'withdraw' }, false)]
      : [];
  const gain = h.category === 'money_market' ? h.income : h.unrealisedGain;
  return (
    <List.Item data-testid="holding" data-product-code={h.productCode}>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex justify="space-between" gap={12}>
          <List.Item.Meta
            title={
              <Flex gap={8} wrap align="center">
                <Link to={`/products/${h.productId}`}>{language === 'en' ? h.nameEn : h.nameZh}</Link>
                <RiskTag level={h.riskLevel} />
              </Flex>
            }
            description={
              <Flex vertical gap={2}>
                <span>
                  {isFund
                    ? `${t('assets.shares')} ${h.shares}`
                    : `${t('assets.principal')} ${props.money(h.cost)}`}
                  {h.frozen !== '0.00' ? ` · ${t('assets.frozen', { shares: h.frozen })}` : ''}
                </span>
                {h.nav ? (
                  <span>{t('assets.nav', { nav: h.nav, date: formatDate(h.navDate, language) })}</span>
                ) : null}
                {h.maturityDate ? (
                  <span>{t('assets.maturity', { date: formatDate(h.maturityDate, language) })}</span>
                ) : null}
              </Flex>
            }
          />
          <Flex vertical align="flex-end">
            <Typography.Text strong data-testid="holding-value">
              {props.money(h.marketValue)}
            </Typography.Text>
            <Typography.Text className={gainClass(gain.amount)}>
              {h.category === 'money_market' ? t('assets.income') : t('assets.gain')} {props.money(gain)}
            </Typography.Text>
          </Flex>
        </Flex>
        {actions.length > 0 ? (
          <Flex gap={8} wrap data-testid="holding-actions">
            {actions}
          </Flex>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/** Exact sums of 2-dp decimal strings (cash + in transit, shares − reserved), via bigint hundredths. */
function hundredths(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const v = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
  return negative ? -v : v;
}
function fromHundredths(v: bigint): string {
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
const addAmounts = (a: string, b: string) => fromHundredths(hundredths(a) + hundredths(b));
const subtractShares = (a: string, b: string) => fromHundredths(hundredths(a) - hundredths(b));
