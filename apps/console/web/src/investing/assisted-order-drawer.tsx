import { isApiError, problemDetail, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Radio,
  Result,
  Select,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryClient } from '../api.ts';
import { useStaff } from '../auth.ts';
import type { Customer, RiskLevel } from '../customers/api.ts';
import { RiskLevelTag } from '../customers/labels.tsx';
import { isPositiveAmount } from '../ledger/labels.tsx';
import type { Product } from '../products/api.ts';
import { ProductRiskTag, useMoneyText } from '../products/labels.tsx';
import {
  ASSISTED_CHANNELS,
  type AssistedChannel,
  confirmWithCode,
  fetchHoldings,
  investingKeys,
  type Order,
  type OrderBody,
  placeAssistedOrder,
} from './api.ts';
import { OrderStatusTag, useDecimal } from './labels.tsx';
import { ProductPicker } from './product-picker.tsx';

type AssistedType = OrderBody['type'];
const SHARES_PATTERN = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,2})?$/;

/** The order types a product of this kind takes here: funds by amount or by shares, the others by amount. */
function typesFor(kind: string | undefined): AssistedType[] {
  if (kind === 'fund') return ['subscribe', 'redeem'];
  if (kind === 'wealth') return ['wealth_buy'];
  if (kind === 'deposit') return ['deposit_open'];
  return [];
}

/** The channel a staff member usually sells through, from their roles. */
function defaultChannel(roles: readonly string[]): AssistedChannel {
  if (roles.includes('phone_sales')) return 'phone';
  if (roles.includes('agent')) return 'agent';
  if (roles.includes('corporate_sales')) return 'corporate';
  return 'branch';
}

interface Values {
  productId?: string;
  type?: AssistedType;
  channel: AssistedChannel;
  amount?: string;
  shares?: string;
  renew?: boolean;
}

function bodyOf(v: Values): OrderBody {
  const productId = v.productId ?? '';
  const amount = { amount: v.amount ?? '', currency: 'CNY' };
  switch (v.type) {
    case 'redeem':
      return { type: 'redeem', productId, shares: v.shares ?? '', channel: v.channel };
    case 'deposit_open':
      return { type: 'deposit_open', productId, amount, renew: Boolean(v.renew), channel: v.channel };
    case 'wealth_buy':
      return { type: 'wealth_buy', productId, amount, channel: v.channel };
    default:
      return { type: 'subscribe', productId, amount, channel: v.channel };
  }
}

/** A refusal as staff need to read it: our words for the code, and the server's own detail under it. */
function Refusal(props: { error: unknown; testId: string; detail?: string | undefined }) {
  const { t } = useTranslation();
  const fields = isApiError(props.error) ? (props.error.problem.errors ?? []) : [];
  const detail = props.detail ?? problemDetail(props.error);
  return (
    <Alert
      type="error"
      showIcon
      title={<span data-testid={`${props.testId}-title`}>{problemText(t, props.error)}</span>}
      description={
        detail || fields.length ? (
          <Flex vertical data-testid={`${props.testId}-detail`}>
            {detail ? <span>{detail}</span> : null}
            {fields.map((f) => (
              <span key={f.field}>
                {f.field}: {f.message}
              </span>
            ))}
          </Flex>
        ) : undefined
      }
      data-testid={props.testId}
    />
  );
}

/**
 * Staff place a fund, wealth or deposit order on the customer's behalf. Suitability and every other
 * check run on the server; a refusal is shown with its reason and nothing is placed. An order sold by
 * phone or through an agent waits for the customer: the simulator shows the one-time code the customer
 * received, and staff enter the code the customer reads out.
 */
export function AssistedOrderDrawer(props: {
  open: boolean;
  customer: Customer;
  riskLevel: RiskLevel | undefined;
  isRiskExpired: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const staff = useStaff();
  const money = useMoneyText();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [product, setProduct] = useState<Product | undefined>(undefined);
  const [placed, setPlaced] = useState<Order | undefined>(undefined);
  const [code, setCode] = useState('');
  // One key per order the form describes: a retry after a lost answer is the same order, not a second one.
  const key = useRef<string | undefined>(undefined);
  const type = Form.useWatch('type', form);
  const channel = Form.useWatch('channel', form);
  const decimal = useDecimal();
  const holdings = useQuery({
    queryKey: investingKeys.holdings(props.customer.id),
    queryFn: () => fetchHoldings(props.customer.id),
    enabled: props.open && type === 'redeem',
  });
  const held = holdings.data?.find((h) => h.productId === product?.id);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: investingKeys.all });

  const place = useMutation({
    mutationFn: (values: Values) => {
      key.current ??= crypto.randomUUID();
      return placeAssistedOrder(props.customer.id, bodyOf(values), key.current);
    },
    onSuccess: (order) => {
      key.current = undefined;
      setPlaced(order);
      refresh();
    },
    onError: (error) => {
      // A definite refusal ends this key; a lost answer keeps it, so the retry cannot place twice.
      if (!isApiError(error) || error.status !== 0) key.current = undefined;
      refresh();
    },
  });
  const confirm = useMutation({
    mutationFn: () => confirmWithCode(placed?.id ?? '', code),
    onSuccess: (order) => {
      setPlaced(order);
      refresh();
    },
  });

  const reset = () => {
    form.resetFields();
    setProduct(undefined);
    setPlaced(undefined);
    setCode('');
    key.current = undefined;
    place.reset();
    confirm.reset();
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const types = typesFor(product?.kind);
  const isNotSoldHere = product && channel ? !product.channels.includes(channel) : false;

  const orderLink = placed ? (
    <Link
      to={`/orders/${encodeURIComponent(placed.id)}`}
      state={{ customerId: props.customer.id }}
      onClick={close}
      data-testid="assist-view-order"
    >
      <Button type="primary">{t('investing.assist.viewOrder')}</Button>
    </Link>
  ) : null;
  const again = (
    <Button onClick={reset} data-testid="assist-another">
      {t('investing.assist.another')}
    </Button>
  );

  const content = !placed ? (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ channel: defaultChannel(staff.roles) }}
      onValuesChange={() => {
        // The key stays after a lost answer even if the form changes: a changed order under it is
        // refused (422), never placed beside the first.
        if (place.isError) place.reset();
      }}
      onFinish={(values) => place.mutate(values)}
      disabled={place.isPending}
    >
      <Form.Item label={t('investing.assist.riskLevel')}>
        <RiskLevelTag level={props.riskLevel} isExpired={props.isRiskExpired} />
      </Form.Item>
      <Form.Item
        name="productId"
        label={t('investing.assist.product')}
        rules={[{ required: true, message: t('investing.assist.required') }]}
        extra={
          product ? (
            <Flex gap={8} align="center" wrap style={{ marginTop: 4 }}>
              <ProductRiskTag level={product.riskLevel} />
              {product.minimumAmount ? (
                <span>{t('investing.assist.minimum', { amount: money(product.minimumAmount) })}</span>
              ) : null}
            </Flex>
          ) : undefined
        }
      >
        <ProductPicker
          onSale
          onPick={(p) => {
            setProduct(p);
            form.setFieldValue('type', typesFor(p?.kind)[0]);
          }}
          testId="assist-product"
        />
      </Form.Item>
      {types.length > 0 ? (
        <Form.Item
          name="type"
          label={t('investing.assist.type')}
          rules={[{ required: true, message: t('investing.assist.required') }]}
        >
          <Radio.Group
            optionType="button"
            options={types.map((v) => ({
              value: v,
              label: <span data-testid={`assist-type-${v}`}>{t(`investing.assist.types.${v}`)}</span>,
            }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="channel"
        label={t('investing.assist.channel')}
        rules={[{ required: true, message: t('investing.assist.required') }]}
        extra={
          isNotSoldHere ? (
            <Typography.Text type="warning">{t('investing.assist.channelNotSold')}</Typography.Text>
          ) : undefined
        }
      >
        <Select<AssistedChannel>
          options={ASSISTED_CHANNELS.map((c) => ({ value: c, label: t(`investing.channels.${c}`) }))}
          data-testid="assist-channel"
        />
      </Form.Item>
      {type === 'redeem' ? (
        <Form.Item
          name="shares"
          label={t('investing.assist.shares')}
          extra={
            holdings.data ? (
              <span data-testid="assist-held">
                {t('investing.assist.held', {
                  shares: decimal(held?.shares ?? '0', 2),
                  frozen: decimal(held?.frozen ?? '0', 2),
                })}
              </span>
            ) : undefined
          }
          rules={[
            {
              validator: (_, v: string | undefined) =>
                v && SHARES_PATTERN.test(v) && /[1-9]/.test(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('investing.assist.invalidShares'))),
            },
          ]}
        >
          <Input placeholder={t('investing.assist.sharesPlaceholder')} data-testid="assist-shares" />
        </Form.Item>
      ) : (
        <Form.Item
          name="amount"
          label={t('investing.assist.amount')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                v && isPositiveAmount(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('investing.assist.invalidAmount'))),
            },
          ]}
        >
          <Input
            prefix="¥"
            placeholder={t('investing.assist.amountPlaceholder')}
            data-testid="assist-amount"
          />
        </Form.Item>
      )}
      {type === 'deposit_open' ? (
        <Form.Item name="renew" valuePropName="checked">
          <Checkbox>{t('investing.assist.renew')}</Checkbox>
        </Form.Item>
      ) : null}
      {place.isError ? (
        <div style={{ marginBottom: 16 }}>
          <Refusal
            error={place.error}
            testId="assist-refusal"
            detail={
              isApiError(place.error) && place.error.code === 'risk_too_high' && product && props.riskLevel
                ? t('investing.assist.riskTooHigh', { product: product.riskLevel, customer: props.riskLevel })
                : undefined
            }
          />
        </div>
      ) : null}
      <Flex gap={8} justify="end">
        <Button onClick={close}>{t('investing.assist.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={place.isPending} data-testid="assist-submit">
          {t('investing.assist.submit')}
        </Button>
      </Flex>
    </Form>
  ) : placed.status === 'awaiting_customer' ? (
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
  ) : (
    <Result
      status="success"
      title={
        <span data-testid="assist-result-title">
          {confirm.isSuccess ? t('investing.assist.confirmedTitle') : t('investing.assist.placedTitle')}
        </span>
      }
      subTitle={
        <Flex vertical align="center" gap={8}>
          <span>
            {confirm.isSuccess
              ? t('investing.assist.confirmedHint', { id: placed.id })
              : t('investing.assist.placedHint', {
                  id: placed.id,
                  status: t(`investing.statuses.${placed.status}`),
                })}
          </span>
          <OrderStatusTag status={placed.status} />
        </Flex>
      }
      extra={[<span key="view">{orderLink}</span>, <span key="again">{again}</span>]}
      data-testid="assist-result"
    />
  );

  return (
    <Drawer
      open={props.open}
      onClose={close}
      title={t('investing.assist.title', { name: props.customer.name })}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      data-testid="assist-drawer"
    >
      {content}
    </Drawer>
  );
}
