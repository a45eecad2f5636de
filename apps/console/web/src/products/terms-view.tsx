import { Descriptions, Flex, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyDto } from '../ledger/api.ts';
import type { ProductKind } from './api.ts';
import { useMoneyText, usePercent } from './labels.tsx';
import { type FieldSpec, TERMS } from './terms-spec.ts';

const isMoney = (v: unknown): v is MoneyDto =>
  typeof v === 'object' && v !== null && 'amount' in v && 'currency' in v;
const rowsOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : []);

/** One value of a terms sheet as people read it: rates as percentages, money formatted, codes labelled. */
function useTermValue(): (spec: FieldSpec, value: unknown) => ReactNode {
  const { t } = useTranslation();
  const money = useMoneyText();
  const percent = usePercent();
  const f = (key: string) => t(`products.fields.${key}`);
  const table = (
    columns: { key: string; title: string; render: (row: Record<string, unknown>) => ReactNode }[],
    value: unknown,
  ) => (
    <Table
      size="small"
      pagination={false}
      rowKey={(row) => JSON.stringify(row)}
      dataSource={rowsOf(value)}
      columns={columns.map((c) => ({
        key: c.key,
        title: c.title,
        render: (_: unknown, row: Record<string, unknown>) => c.render(row),
      }))}
    />
  );
  return (spec, value) => {
    if (value === undefined || value === null || value === '') return '—';
    switch (spec.type) {
      case 'rate':
        return percent(String(value));
      case 'money':
        return isMoney(value) ? money(value) : String(value);
      case 'bool':
        return value ? f('yes') : f('no');
      case 'enum':
        return t(`products.${spec.labels}.${String(value)}`, { defaultValue: String(value) });
      case 'multi':
        return rowsOf(value)
          .map((v) => t(`products.${spec.labels}.${String(v)}`, { defaultValue: String(v) }))
          .join(' / ');
      case 'intList':
        return rowsOf(value).join(', ');
      case 'subscriptionTiers':
        return table(
          [
            {
              key: 'from',
              title: f('fromAmount'),
              render: (r) => (isMoney(r.fromAmount) ? `≥ ${money(r.fromAmount)}` : ''),
            },
            {
              key: 'fee',
              title: `${f('rate')} / ${f('fixedFee')}`,
              render: (r) =>
                isMoney(r.fixedFee)
                  ? `${money(r.fixedFee)} / ${t('products.form.feeModes.fixed')}`
                  : percent(String(r.rate)),
            },
          ],
          value,
        );
      case 'redemptionTiers':
        return table(
          [
            { key: 'days', title: f('minHoldingDays'), render: (r) => String(r.minHoldingDays) },
            { key: 'rate', title: f('rate'), render: (r) => percent(String(r.rate)) },
          ],
          value,
        );
      case 'premiumRates':
        return table(
          [
            { key: 'age', title: `${f('ageFrom')}–${f('ageTo')}`, render: (r) => `${r.ageFrom}–${r.ageTo}` },
            {
              key: 'gender',
              title: f('gender'),
              render: (r) => t(`products.fields.genders.${String(r.gender)}`),
            },
            { key: 'term', title: f('termYears'), render: (r) => String(r.termYears) },
            { key: 'rate', title: f('ratePer1000'), render: (r) => String(r.ratePer1000) },
          ],
          value,
        );
      case 'memberPremiums':
        return table(
          [
            { key: 'age', title: `${f('ageFrom')}–${f('ageTo')}`, render: (r) => `${r.ageFrom}–${r.ageTo}` },
            {
              key: 'premium',
              title: f('annualPremium'),
              render: (r) => (isMoney(r.annualPremium) ? money(r.annualPremium) : ''),
            },
          ],
          value,
        );
      default:
        return String(value);
    }
  };
}

const WIDE: readonly FieldSpec['type'][] = [
  'subscriptionTiers',
  'redemptionTiers',
  'premiumRates',
  'memberPremiums',
];

/** A terms sheet (or the pricing part of one, in an approval) laid out for reading. */
export function TermsView(props: {
  kind: ProductKind;
  terms: Record<string, unknown>;
  only?: readonly string[];
}) {
  const { t } = useTranslation();
  const termValue = useTermValue();
  const specs = TERMS[props.kind].filter((s) => (props.only ? props.only.includes(s.name) : true));
  if (specs.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = specs.filter((s) => props.terms[s.name] !== undefined || !props.only);
  const itemOf = (s: FieldSpec) => ({
    key: s.name,
    label: t(`products.fields.${s.name}`),
    children: termValue(s, props.terms[s.name]),
  });
  const simple = shown.filter((s) => !WIDE.includes(s.type));
  const tables = shown.filter((s) => WIDE.includes(s.type));
  // Tables (fee tiers, rate tables) get a row of their own, below the simple terms.
  return (
    <Flex vertical gap={12} data-testid="product-terms">
      {simple.length > 0 ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: props.only ? 1 : 2 }}
          styles={{ label: { width: 180 } }}
          items={simple.map(itemOf)}
        />
      ) : null}
      {tables.length > 0 ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 180 } }}
          items={tables.map(itemOf)}
        />
      ) : null}
    </Flex>
  );
}
