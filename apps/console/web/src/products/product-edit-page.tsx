import { ArrowLeftOutlined } from '@ant-design/icons';
import { formFieldPath, isApiError, problemText } from '@onefin/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Flex,
  Form,
  type FormInstance,
  Input,
  Result,
  Row,
  Select,
  Spin,
} from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { queryClient } from '../api.ts';
import {
  CHANNELS,
  CORPORATE_KINDS,
  CURRENCIES,
  CUSTOMER_TYPES,
  createProduct,
  editProduct,
  fetchProduct,
  PRODUCT_KINDS,
  type Product,
  type ProductInput,
  type ProductKind,
  productKeys,
  RISK_LEVELS,
} from './api.ts';
import { TermsFields } from './terms-fields.tsx';
import { blankTerms, formToTerms, type TermsForm, termsToForm } from './terms-spec.ts';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  riskLevel: ProductInput['riskLevel'];
  currency: string;
  channels: ProductInput['channels'];
  customerTypes: ProductInput['customerTypes'];
  disclosure: { zh: string; en: string };
  salesStart?: string;
  salesEnd?: string;
  attributes: TermsForm;
}

/** An instant as `<input type="datetime-local">` shows it, in the viewer's zone. */
function toLocalInput(iso: string | null): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

function fromLocalInput(value: string | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

function valuesOf(p: Product): Values {
  return {
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    riskLevel: p.riskLevel,
    currency: p.currency,
    channels: p.channels,
    customerTypes: p.customerTypes,
    disclosure: p.disclosure,
    salesStart: toLocalInput(p.salesStart),
    salesEnd: toLocalInput(p.salesEnd),
    attributes: termsToForm(p.attributes),
  };
}

function blankValues(kind: ProductKind): Values {
  const isCorporate = CORPORATE_KINDS.includes(kind);
  return {
    code: '',
    nameZh: '',
    nameEn: '',
    riskLevel: kind === 'deposit' ? 'R1' : 'R2',
    currency: 'CNY',
    channels: isCorporate ? ['corporate', 'branch'] : ['web', 'app', 'branch'],
    customerTypes: isCorporate ? ['corporate'] : ['individual'],
    disclosure: { zh: '', en: '' },
    attributes: blankTerms(kind),
  };
}

function inputOf(kind: ProductKind, v: Values): ProductInput {
  return {
    code: v.code.trim(),
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    riskLevel: v.riskLevel,
    currency: v.currency,
    channels: v.channels,
    customerTypes: v.customerTypes,
    disclosure: { zh: v.disclosure.zh.trim(), en: v.disclosure.en.trim() },
    salesStart: fromLocalInput(v.salesStart),
    salesEnd: fromLocalInput(v.salesEnd),
    attributes: formToTerms(kind, v.attributes, v.currency),
  };
}

const TABLES = ['subscriptionFees', 'redemptionFees', 'premiumRates', 'premiumPerMember'];

/**
 * Puts the API's field errors onto the form: an amount's `…minimumAmount.amount` lands on the amount
 * field, a rule about a whole table on the table. What fits no field is returned to show above the form.
 */
export function applyProductProblem(form: FormInstance, error: unknown, t: TFunction): string[] {
  if (!isApiError(error)) return [problemText(t, error)];
  if (error.code === 'code_taken') {
    form.setFields([{ name: 'code', errors: [t('problems.code_taken')] }]);
    return [];
  }
  if (error.code === 'fund_code_taken') {
    form.setFields([{ name: ['attributes', 'fundCode'], errors: [t('problems.fund_code_taken')] }]);
    return [];
  }
  const all = form.getFieldsValue(true) as Record<string, unknown>;
  const valueAt = (path: (string | number)[]): { found: boolean; value: unknown } => {
    let node: unknown = all;
    for (const key of path) {
      if (node === null || typeof node !== 'object' || !(key in node))
        return { found: false, value: undefined };
      node = (node as Record<string | number, unknown>)[key];
    }
    return { found: true, value: node };
  };
  const unplaced: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const e of error.problem.errors ?? []) {
    let path = formFieldPath(e.field);
    while (path.length > 0 && !valueAt(path).found) path = path.slice(0, -1);
    const { value } = valueAt(path);
    const last = String(path.at(-1) ?? '');
    if (TABLES.includes(last)) {
      // A rule about a whole table (tiers ascending from 0, overlapping age bands)
      unplaced.push(`${t(`products.fields.${last}`)}: ${e.message}`);
    } else if (path.length === 0 || (typeof value === 'object' && value !== null && !Array.isArray(value))) {
      unplaced.push(`${e.field.replace(/^body\./, '')}: ${e.message}`);
    } else {
      fields.push({ name: path, errors: [e.message] });
    }
  }
  form.setFields(fields);
  if (fields.length === 0 && unplaced.length === 0) unplaced.push(problemText(t, error));
  return unplaced;
}

/** Create (`/products/new/:kind`) or edit a draft (`/products/:id/edit`), the kind's terms following the API. */
export function ProductEditPage() {
  const { id, kind } = useParams();
  if (id) return <EditExisting id={id} />;
  const known = PRODUCT_KINDS.find((k) => k === kind);
  if (!known) return <Navigate to="/products" replace />;
  return <ProductForm key={known} kind={known} />;
}

function EditExisting(props: { id: string }) {
  const { t } = useTranslation();
  const product = useQuery({ queryKey: productKeys.detail(props.id), queryFn: () => fetchProduct(props.id) });
  if (product.isPending) return <Spin />;
  if (product.isError) {
    return isApiError(product.error) && product.error.status === 404 ? (
      <Result
        status="404"
        title={t('products.detail.notFound')}
        extra={<Link to="/products">{t('products.detail.back')}</Link>}
      />
    ) : (
      <Alert type="error" showIcon title={problemText(t, product.error)} />
    );
  }
  return (
    <ProductForm
      key={`${product.data.id}-${product.data.version}`}
      kind={product.data.kind}
      product={product.data}
    />
  );
}

function ProductForm(props: { kind: ProductKind; product?: Product }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [isConflict, setConflict] = useState(false);
  const { kind, product } = props;
  const isCorporate = CORPORATE_KINDS.includes(kind);
  const currency = Form.useWatch('currency', form) ?? product?.currency ?? 'CNY';
  const save = useMutation({
    mutationFn: (v: Values) =>
      product
        ? editProduct(product.id, { ...inputOf(kind, v), version: product.version })
        : createProduct(inputOf(kind, v)),
    onSuccess: (saved) => {
      message.success(t(product ? 'products.form.saved' : 'products.form.created'));
      void queryClient.invalidateQueries({ queryKey: productKeys.all });
      navigate(`/products/${encodeURIComponent(saved.id)}`);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        setConflict(true);
        return;
      }
      setUnplaced(applyProductProblem(form, error, t));
    },
  });
  useEffect(() => {
    form.setFieldsValue(product ? valuesOf(product) : blankValues(kind));
  }, [form, kind, product]);
  const back = product ? `/products/${encodeURIComponent(product.id)}` : '/products';
  if (product && product.status !== 'draft') {
    return (
      <Result
        status="info"
        title={t('products.form.notEditable')}
        extra={<Link to={back}>{t('products.detail.back')}</Link>}
      />
    );
  }
  const required = { required: true, message: t('products.form.required') };
  const kindName = t(`products.kinds.${kind}`);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
      <Link to={back}>
        <ArrowLeftOutlined /> {t('products.detail.back')}
      </Link>
      <Card
        title={
          <span data-testid="product-form-title">
            {product
              ? t('products.form.editTitle', { name: product.nameZh })
              : t('products.form.createTitle', { kind: kindName })}
          </span>
        }
      >
        {isConflict ? (
          <Alert
            type="warning"
            showIcon
            title={t('products.form.conflictTitle')}
            description={t('products.form.conflictBody')}
            action={
              <Button
                size="small"
                data-testid="conflict-reload"
                onClick={() =>
                  void queryClient.invalidateQueries({ queryKey: productKeys.detail(product?.id ?? '') })
                }
              >
                {t('products.form.reload')}
              </Button>
            }
            style={{ marginBottom: 16 }}
            data-testid="edit-conflict"
          />
        ) : null}
        {unplaced.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('problems.invalid_product')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {unplaced.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 16 }}
            data-testid="product-form-errors"
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => {
            setUnplaced([]);
            save.mutate(v);
          }}
          onFinishFailed={() => setUnplaced([])}
          scrollToFirstError
          disabled={isConflict}
        >
          <Divider titlePlacement="start">{t('products.form.common')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label={t('products.form.code')}
                extra={t('products.form.codeHint')}
                normalize={(v: string | undefined) => v?.toUpperCase()}
                rules={[
                  required,
                  { pattern: /^[A-Z0-9][A-Z0-9-]{2,31}$/, message: t('products.form.codeInvalid') },
                ]}
              >
                <Input maxLength={32} data-testid="product-code" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="riskLevel" label={t('products.form.riskLevel')} rules={[required]}>
                <Select
                  options={RISK_LEVELS.map((r) => ({
                    value: r,
                    label: `${r} ${t(`products.riskLevels.${r}`)}`,
                  }))}
                  data-testid="product-risk"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="currency" label={t('products.form.currency')} rules={[required]}>
                <Select
                  options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                  data-testid="product-currency"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="nameZh"
                label={t('products.form.nameZh')}
                rules={[{ ...required, whitespace: true }, { max: 60 }]}
              >
                <Input maxLength={60} data-testid="product-name-zh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="nameEn"
                label={t('products.form.nameEn')}
                rules={[{ ...required, whitespace: true }, { max: 120 }]}
              >
                <Input maxLength={120} data-testid="product-name-en" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('products.form.sales')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="channels" label={t('products.form.channels')} rules={[required]}>
                <Select
                  mode="multiple"
                  options={CHANNELS.map((c) => ({ value: c, label: t(`products.channels.${c}`) }))}
                  data-testid="product-channels"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="customerTypes" label={t('products.form.customerTypes')} rules={[required]}>
                <Select
                  mode="multiple"
                  disabled={isCorporate}
                  options={CUSTOMER_TYPES.map((c) => ({ value: c, label: t(`products.customerTypes.${c}`) }))}
                  data-testid="product-customer-types"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="salesStart"
                label={t('products.form.salesStart')}
                extra={t('products.form.salesHint')}
                rules={kind === 'wealth' ? [required] : []}
              >
                <Input type="datetime-local" data-testid="product-sales-start" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="salesEnd"
                label={t('products.form.salesEnd')}
                dependencies={['salesStart']}
                rules={[
                  ...(kind === 'wealth' ? [required] : []),
                  ({ getFieldValue }) => ({
                    validator: (_, end: string | undefined) => {
                      const start = getFieldValue('salesStart') as string | undefined;
                      return !start || !end || Date.parse(end) > Date.parse(start)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('products.form.salesEndBeforeStart')));
                    },
                  }),
                ]}
              >
                <Input type="datetime-local" data-testid="product-sales-end" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{`${t('products.form.terms')} · ${kindName}`}</Divider>
          <TermsFields kind={kind} currency={currency} />
          <Divider titlePlacement="start">{t('products.form.disclosure')}</Divider>
          <Form.Item
            name={['disclosure', 'zh']}
            label={t('products.form.disclosureZh')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input.TextArea
              maxLength={4000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              data-testid="product-disclosure-zh"
            />
          </Form.Item>
          <Form.Item
            name={['disclosure', 'en']}
            label={t('products.form.disclosureEn')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input.TextArea
              maxLength={4000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              data-testid="product-disclosure-en"
            />
          </Form.Item>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate(back)} disabled={false}>
              {t('products.form.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="product-submit">
              {t(product ? 'products.form.submitEdit' : 'products.form.submitCreate')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
