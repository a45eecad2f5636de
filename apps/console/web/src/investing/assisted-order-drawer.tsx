import { isApiError } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
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
  Switch,
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
  fetchHoldings,
  investingKeys,
  type Order,
  type OrderBody,
  placeAssistedOrder,
} from './api.ts';
import { AssistedOrderPreview } from './assisted-order-preview.tsx';
import { CustomerCodeStep } from './customer-code-step.tsx';
import { OrderStatusTag, useDecimal } from './labels.tsx';
import { ProductPicker } from './product-picker.tsx';
import { Refusal } from './refusal.tsx';

type AssistedType = OrderBody['type'];
const SHARES_PATTERN = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,2})?$/;

/** The order types a product of this kind takes here: funds by amount or by shares, the others by amount. */
function typesFor(kind: string | undefined): AssistedType[] {
  if (kind === 'fund') return ['subscribe', 'redeem', 'convert'];
  if (kind === 'wealth') return ['wealth_buy'];
  if (kind === 'deposit') return ['deposit_open'];
  return [];
}

/** A fund's company (基金公司): conversions stay within one. */
function companyOf(product: Product | undefined): string | undefined {
  return product?.attributes.kind === 'fund' ? product.attributes.company : undefined;
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
  /** Money-market funds only: instant (T+0) redemption. */
  fast?: boolean;
  targetProductId?: string;
}

const isValidShares = (v: string | undefined) => Boolean(v && SHARES_PATTERN.test(v) && /[1-9]/.test(v));

/** The order the form describes once it is complete enough to preview; undefined until then. */
function previewBodyOf(v: Partial<Values>): OrderBody | undefined {
  if (!v.productId || !v.type || !v.channel) return undefined;
  const isComplete =
    v.type === 'redeem'
      ? isValidShares(v.shares)
      : v.type === 'convert'
        ? isValidShares(v.shares) && Boolean(v.targetProductId)
        : Boolean(v.amount && isPositiveAmount(v.amount));
  return isComplete ? bodyOf({ ...v, channel: v.channel }) : undefined;
}

function bodyOf(v: Values): OrderBody {
  const productId = v.productId ?? '';
  const amount = { amount: v.amount ?? '', currency: 'CNY' };
  switch (v.type) {
    case 'redeem':
      return {
        type: 'redeem',
        productId,
        shares: v.shares ?? '',
        ...(v.fast ? { fast: true } : {}),
        channel: v.channel,
      };
    case 'convert':
      return {
        type: 'convert',
        productId,
        targetProductId: v.targetProductId ?? '',
        shares: v.shares ?? '',
        channel: v.channel,
      };
    case 'deposit_open':
      return { type: 'deposit_open', productId, amount, renew: Boolean(v.renew), channel: v.channel };
    case 'wealth_buy':
      return { type: 'wealth_buy', productId, amount, channel: v.channel };
    default:
      return { type: 'subscribe', productId, amount, channel: v.channel };
  }
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
  const [target, setTarget] = useState<Product | undefined>(undefined);
  const [placed, setPlaced] = useState<Order | undefined>(undefined);
  const [isConfirmed, setConfirmed] = useState(false);
  // One key per order the form describes: a retry after a lost answer is the same order, not a second one.
  const key = useRef<string | undefined>(undefined);
  const type = Form.useWatch('type', form);
  const channel = Form.useWatch('channel', form);
  // The fields on screen (a hidden one drops out), so the preview follows what staff type.
  const watched = Form.useWatch((v: Values) => v, form);
  const previewBody = watched ? previewBodyOf(watched) : undefined;
  const decimal = useDecimal();
  const holdings = useQuery({
    queryKey: investingKeys.holdings(props.customer.id),
    queryFn: () => fetchHoldings(props.customer.id),
    enabled: props.open && (type === 'redeem' || type === 'convert'),
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

  const reset = () => {
    form.resetFields();
    setProduct(undefined);
    setTarget(undefined);
    setPlaced(undefined);
    setConfirmed(false);
    key.current = undefined;
    place.reset();
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const types = typesFor(product?.kind);
  const isNotSoldHere = product && channel ? !product.channels.includes(channel) : false;
  const isMoneyMarket = product?.kind === 'fund' && product.category === 'money_market';
  const isOtherCompany = Boolean(target && product && companyOf(target) !== companyOf(product));
  const bySharesTypes: (AssistedType | undefined)[] = ['redeem', 'convert'];
  // Our words for the refusals whose facts are on screen; the server's own detail for the rest.
  const refusalDetail = (error: unknown) => {
    if (!isApiError(error)) return undefined;
    if (error.code === 'risk_too_high' && product && props.riskLevel)
      return t('investing.assist.riskTooHigh', { product: product.riskLevel, customer: props.riskLevel });
    if (error.code === 'not_convertible' && isOtherCompany)
      return t('investing.assist.targetOtherCompany', {
        target: companyOf(target),
        source: companyOf(product),
      });
    return undefined;
  };

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
            form.setFieldsValue({ targetProductId: undefined, fast: false });
            setTarget(undefined);
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
      {type === 'convert' ? (
        <Form.Item
          name="targetProductId"
          label={t('investing.assist.target')}
          rules={[{ required: true, message: t('investing.assist.required') }]}
          extra={
            isOtherCompany ? (
              <Typography.Text type="warning" data-testid="assist-target-other-company">
                {t('investing.assist.targetOtherCompany', {
                  target: companyOf(target),
                  source: companyOf(product),
                })}
              </Typography.Text>
            ) : companyOf(product) ? (
              t('investing.assist.company', { company: companyOf(product) })
            ) : undefined
          }
        >
          <ProductPicker
            onSale
            kind="fund"
            exclude={product?.id}
            describe={companyOf}
            onPick={setTarget}
            placeholder={t('investing.assist.targetPlaceholder')}
            testId="assist-target"
          />
        </Form.Item>
      ) : null}
      {type === 'redeem' && isMoneyMarket ? (
        <Form.Item
          name="fast"
          label={t('investing.assist.fast')}
          valuePropName="checked"
          extra={t('investing.assist.fastHint')}
        >
          <Switch data-testid="assist-fast" />
        </Form.Item>
      ) : null}
      {bySharesTypes.includes(type) ? (
        <Form.Item
          name="shares"
          label={t(type === 'convert' ? 'investing.assist.convertShares' : 'investing.assist.shares')}
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
                isValidShares(v)
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
      <AssistedOrderPreview
        customerId={props.customer.id}
        body={previewBody}
        isRefusalShown={place.isError}
      />
      {place.isError ? (
        <div style={{ marginBottom: 16 }}>
          <Refusal error={place.error} testId="assist-refusal" detail={refusalDetail(place.error)} />
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
    <CustomerCodeStep
      order={placed}
      orderLink={orderLink}
      onConfirmed={(order) => {
        setPlaced(order);
        setConfirmed(true);
        refresh();
      }}
    />
  ) : (
    <Result
      status="success"
      title={
        <span data-testid="assist-result-title">
          {isConfirmed ? t('investing.assist.confirmedTitle') : t('investing.assist.placedTitle')}
        </span>
      }
      subTitle={
        <Flex vertical align="center" gap={8}>
          <span>
            {isConfirmed
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
