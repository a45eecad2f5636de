import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { compareDecimals } from '@onefin/ui';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductKind } from './api.ts';
import { type FieldSpec, TERMS } from './terms-spec.ts';

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;
const POSITIVE_DECIMAL = /^\d{1,9}(\.\d{1,4})?$/;

/** Validation rules a person can act on before the API has its say. */
export function termRules(t: TFunction) {
  const required: Rule = { required: true, message: t('products.form.required') };
  const check = (isValid: (v: string) => boolean, key: string): Rule => ({
    validator: (_rule, value: unknown) =>
      value === undefined || value === null || value === '' || isValid(String(value).trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t(key))),
  });
  return {
    required,
    percent: [
      required,
      check((v) => PERCENT.test(v) && compareDecimals(v, '100') <= 0, 'products.form.percentInvalid'),
    ],
    amount: [required, check((v) => AMOUNT.test(v), 'products.form.amountInvalid')],
    positiveDecimal: [
      required,
      check((v) => POSITIVE_DECIMAL.test(v) && /[1-9]/.test(v), 'products.form.decimalInvalid'),
    ],
  };
}

function PercentInput(props: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  testId?: string;
}) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={props.id}
        inputMode="decimal"
        value={props.value}
        onChange={(e) => props.onChange?.(e.target.value)}
        data-testid={props.testId}
      />
      <Space.Addon>%</Space.Addon>
    </Space.Compact>
  );
}

function AmountInput(props: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  currency: string;
  testId?: string;
}) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Space.Addon>{props.currency}</Space.Addon>
      <Input
        id={props.id}
        inputMode="decimal"
        placeholder="0.00"
        value={props.value}
        onChange={(e) => props.onChange?.(e.target.value)}
        data-testid={props.testId}
      />
    </Space.Compact>
  );
}

/** One simple field of the terms sheet, named under `attributes`. */
function SimpleField(props: { spec: FieldSpec; currency: string }) {
  const { t } = useTranslation();
  const rules = termRules(t);
  const { spec } = props;
  const name = ['attributes', spec.name];
  const label = t(`products.fields.${spec.name}`);
  const testId = `term-${spec.name}`;
  const options = (spec.options ?? []).map((code) => ({
    value: code,
    label: t(`products.${spec.labels}.${code}`),
  }));
  switch (spec.type) {
    case 'rate':
      return (
        <Form.Item name={name} label={label} rules={rules.percent}>
          <PercentInput testId={testId} />
        </Form.Item>
      );
    case 'money':
      return (
        <Form.Item name={name} label={label} rules={rules.amount}>
          <AmountInput currency={props.currency} testId={testId} />
        </Form.Item>
      );
    case 'decimal':
      return (
        <Form.Item name={name} label={label} rules={rules.positiveDecimal}>
          <Input inputMode="decimal" data-testid={testId} />
        </Form.Item>
      );
    case 'int':
      return (
        <Form.Item name={name} label={label} rules={[rules.required]}>
          <InputNumber
            min={spec.min}
            max={spec.max}
            precision={0}
            style={{ width: '100%' }}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item name={name} label={label} rules={[rules.required]}>
          <Input type="date" data-testid={testId} />
        </Form.Item>
      );
    case 'bool':
      return (
        <Form.Item name={name} label={label} valuePropName="checked">
          <Switch data-testid={testId} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item name={name} label={label} rules={[rules.required]}>
          <Select options={options} data-testid={testId} />
        </Form.Item>
      );
    case 'multi':
      return (
        <Form.Item name={name} label={label} rules={[rules.required]}>
          <Select mode="multiple" options={options} data-testid={testId} />
        </Form.Item>
      );
    case 'intList':
      return (
        <Form.Item
          name={name}
          label={label}
          extra={t(
            spec.name === 'termsMonths' ? 'products.form.termsMonthsHint' : 'products.form.termsYearsHint',
          )}
          rules={[
            rules.required,
            {
              validator: (_r, value: string[] | undefined) =>
                (value ?? []).every((v) => /^\d{1,3}$/.test(String(v)) && Number(v) >= (spec.min ?? 1))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('products.form.integerInvalid'))),
            },
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', ' ', '，']} data-testid={testId} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item
          name={name}
          label={label}
          rules={
            spec.isOptional
              ? [{ max: spec.max }]
              : [{ ...rules.required, whitespace: true }, { max: spec.max }]
          }
        >
          <Input maxLength={spec.max} data-testid={testId} />
        </Form.Item>
      );
  }
}

interface Column {
  key: string;
  title: string;
  width?: number;
  render: (field: { name: number }) => ReactNode;
}

/** A table of rows (fee tiers, rate tables) editable in place, with add and remove. */
function RowsField(props: {
  name: string;
  hint?: string;
  columns: Column[];
  blank: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t(`products.fields.${props.name}`)} extra={props.hint} required>
      <Form.List name={['attributes', props.name]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 560 }}
              data-testid={`rows-${props.name}`}
              columns={[
                ...props.columns.map((c) => ({
                  key: c.key,
                  title: c.title,
                  width: c.width,
                  render: (_: unknown, field: { name: number }) => c.render(field),
                })),
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, field: { name: number }) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('products.form.removeRow')}
                      onClick={() => remove(field.name)}
                      data-testid={`remove-${props.name}`}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add(props.blank)}
              style={{ marginTop: 8 }}
              data-testid={`add-${props.name}`}
            >
              {t('products.form.addRow')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function cell(name: (string | number)[], rules: Rule[], input: ReactNode) {
  return (
    <Form.Item name={name} rules={rules} style={{ margin: 0 }}>
      {input}
    </Form.Item>
  );
}

function TableField(props: { spec: FieldSpec; currency: string }) {
  const { t } = useTranslation();
  const rules = termRules(t);
  const f = (key: string) => t(`products.fields.${key}`);
  const int = (min: number, max: number) => (
    <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
  );
  const money = <AmountInput currency={props.currency} />;
  switch (props.spec.type) {
    case 'subscriptionTiers':
      return (
        <RowsField
          name="subscriptionFees"
          hint={t('products.form.tiersHint')}
          blank={{ mode: 'rate' }}
          columns={[
            {
              key: 'from',
              title: f('fromAmount'),
              render: ({ name }) => cell([name, 'fromAmount'], rules.amount, money),
            },
            {
              key: 'mode',
              title: t('products.form.feeMode'),
              width: 120,
              render: ({ name }) =>
                cell(
                  [name, 'mode'],
                  [rules.required],
                  <Select
                    options={(['rate', 'fixed'] as const).map((m) => ({
                      value: m,
                      label: t(`products.form.feeModes.${m}`),
                    }))}
                  />,
                ),
            },
            {
              key: 'fee',
              title: `${f('rate')} / ${f('fixedFee')}`,
              render: ({ name }) => (
                <Form.Item noStyle shouldUpdate>
                  {(form) =>
                    form.getFieldValue(['attributes', 'subscriptionFees', name, 'mode']) === 'fixed'
                      ? cell([name, 'fixedFee'], rules.amount, money)
                      : cell([name, 'rate'], rules.percent, <PercentInput />)
                  }
                </Form.Item>
              ),
            },
          ]}
        />
      );
    case 'redemptionTiers':
      return (
        <RowsField
          name="redemptionFees"
          hint={t('products.form.redemptionHint')}
          blank={{}}
          columns={[
            {
              key: 'days',
              title: f('minHoldingDays'),
              render: ({ name }) => cell([name, 'minHoldingDays'], [rules.required], int(0, 36_500)),
            },
            {
              key: 'rate',
              title: f('rate'),
              render: ({ name }) => cell([name, 'rate'], rules.percent, <PercentInput />),
            },
          ]}
        />
      );
    case 'premiumRates':
      return (
        <RowsField
          name="premiumRates"
          blank={{ gender: 'male' }}
          columns={[
            {
              key: 'from',
              title: f('ageFrom'),
              width: 90,
              render: ({ name }) => cell([name, 'ageFrom'], [rules.required], int(0, 100)),
            },
            {
              key: 'to',
              title: f('ageTo'),
              width: 90,
              render: ({ name }) => cell([name, 'ageTo'], [rules.required], int(0, 100)),
            },
            {
              key: 'gender',
              title: f('gender'),
              width: 90,
              render: ({ name }) =>
                cell(
                  [name, 'gender'],
                  [rules.required],
                  <Select
                    options={(['male', 'female'] as const).map((g) => ({
                      value: g,
                      label: t(`products.fields.genders.${g}`),
                    }))}
                  />,
                ),
            },
            {
              key: 'term',
              title: f('termYears'),
              width: 100,
              render: ({ name }) => cell([name, 'termYears'], [rules.required], int(1, 100)),
            },
            {
              key: 'rate',
              title: f('ratePer1000'),
              render: ({ name }) =>
                cell([name, 'ratePer1000'], rules.positiveDecimal, <Input inputMode="decimal" />),
            },
          ]}
        />
      );
    case 'memberPremiums':
      return (
        <RowsField
          name="premiumPerMember"
          blank={{}}
          columns={[
            {
              key: 'from',
              title: f('ageFrom'),
              width: 100,
              render: ({ name }) => cell([name, 'ageFrom'], [rules.required], int(0, 100)),
            },
            {
              key: 'to',
              title: f('ageTo'),
              width: 100,
              render: ({ name }) => cell([name, 'ageTo'], [rules.required], int(0, 100)),
            },
            {
              key: 'premium',
              title: f('annualPremium'),
              render: ({ name }) => cell([name, 'annualPremium'], rules.amount, money),
            },
          ]}
        />
      );
    default:
      return null;
  }
}

const TABLE_TYPES: readonly FieldSpec['type'][] = [
  'subscriptionTiers',
  'redemptionTiers',
  'premiumRates',
  'memberPremiums',
];

/** The kind's terms, simple fields two a row, then its tables full width. `only` limits to some fields. */
export function TermsFields(props: { kind: ProductKind; currency: string; only?: readonly string[] }) {
  const specs = TERMS[props.kind].filter((s) => !props.only || props.only.includes(s.name));
  const simple = specs.filter((s) => !TABLE_TYPES.includes(s.type));
  const tables = specs.filter((s) => TABLE_TYPES.includes(s.type));
  return (
    <>
      <Row gutter={16}>
        {simple.map((spec) => (
          <Col key={spec.name} xs={24} md={12}>
            <SimpleField spec={spec} currency={props.currency} />
          </Col>
        ))}
      </Row>
      {tables.map((spec) => (
        <TableField key={spec.name} spec={spec} currency={props.currency} />
      ))}
      {specs.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
    </>
  );
}
