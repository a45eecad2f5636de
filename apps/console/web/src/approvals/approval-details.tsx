import { currentLanguage, formatTimestamp } from '@onefin/ui';
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffName } from '../api.ts';
import { PRODUCT_KINDS } from '../products/api.ts';
import { ProductRiskTag } from '../products/labels.tsx';
import { TermsView } from '../products/terms-view.tsx';
import { RoleTag } from '../staff/role-tag.tsx';
import { accountText, isRecord, moneyText, productText, staffLabel } from './approval-labels.tsx';

const FIELD_LABEL_KEYS: Record<string, string> = {
  username: 'staff.username',
  displayName: 'staff.displayName',
  roles: 'staff.roles',
  role: 'staff.role',
  staffId: 'approvals.staffUser',
  account: 'approvals.fields.account',
  accountId: 'approvals.fields.accountId',
  direction: 'approvals.fields.direction',
  amount: 'approvals.fields.amount',
  reason: 'approvals.fields.reason',
  transferId: 'approvals.fields.transferId',
  transfer: 'approvals.fields.transfer',
  productId: 'approvals.fields.productId',
  product: 'approvals.fields.product',
  version: 'approvals.fields.version',
  before: 'approvals.fields.before',
  after: 'approvals.fields.after',
};

interface RenderContext {
  directory: Map<string, StaffName>;
  t: TFunction;
  language: 'zh-CN' | 'en';
  details: Record<string, unknown>;
}

function renderLedgerValue(key: string, value: unknown, c: RenderContext): ReactNode | undefined {
  switch (key) {
    case 'account':
      return accountText(value, c.details.accountId, c.language);
    case 'accountId':
      return typeof value === 'string' ? (
        <Link to={`/ledger/accounts/${encodeURIComponent(value)}`}>{value}</Link>
      ) : undefined;
    case 'transferId':
      return typeof value === 'string' ? (
        <Link to={`/ledger/transfers/${encodeURIComponent(value)}`}>{value}</Link>
      ) : undefined;
    case 'direction':
      return value === 'credit' || value === 'debit' ? (
        <Tag color={value === 'credit' ? 'volcano' : 'geekblue'}>{c.t(`ledger.adjust.${value}`)}</Tag>
      ) : undefined;
    case 'amount':
      return <strong>{moneyText(value, c.language)}</strong>;
    case 'transfer':
      if (!isRecord(value)) return undefined;
      return `${c.t(`ledger.codes.${String(value.code)}`, { defaultValue: String(value.code) })} ${moneyText(value.amount, c.language)} · ${formatTimestamp(String(value.postedAt ?? ''))}`;
    default:
      return undefined;
  }
}

/** A product action's fields: the product linked, pricing before and after as a terms sheet. */
function renderProductValue(key: string, value: unknown, c: RenderContext): ReactNode | undefined {
  const product = isRecord(c.details.product) ? c.details.product : undefined;
  const kind = PRODUCT_KINDS.find((k) => k === product?.kind);
  switch (key) {
    case 'productId':
      return typeof value === 'string' ? (
        <Link to={`/products/${encodeURIComponent(value)}`} data-testid="approval-product-link">
          {value}
        </Link>
      ) : undefined;
    case 'product':
      if (!isRecord(value)) return undefined;
      return (
        <Space wrap size={4}>
          <strong>{productText(value, c.language)}</strong>
          <Tag color="blue">
            {c.t(`products.kinds.${String(value.kind)}`, { defaultValue: String(value.kind) })}
          </Tag>
          <ProductRiskTag level={String(value.riskLevel ?? '')} />
        </Space>
      );
    case 'before':
    case 'after':
      return isRecord(value) && kind ? (
        <TermsView kind={kind} terms={value} only={Object.keys(value)} />
      ) : undefined;
    default:
      return undefined;
  }
}

function renderValue(key: string, value: unknown, c: RenderContext): ReactNode {
  const { directory } = c;
  const ledger = renderLedgerValue(key, value, c);
  if (ledger !== undefined) return ledger;
  const product =
    c.details.product !== undefined || c.details.productId !== undefined
      ? renderProductValue(key, value, c)
      : undefined;
  if (product !== undefined) return product;
  if (key === 'staffId') return staffLabel(directory, value);
  if (key === 'role' && typeof value === 'string') return <RoleTag role={value} />;
  if (key === 'roles' && Array.isArray(value)) {
    return (
      <Space wrap size={[4, 4]}>
        {value.map((role) => (
          <RoleTag key={String(role)} role={String(role)} />
        ))}
      </Space>
    );
  }
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
  return String(value);
}

/** What the maker proposed, field by field, with roles shown as translated tags. */
export function ApprovalDetails(props: {
  details: Record<string, unknown>;
  directory: Map<string, StaffName>;
}) {
  const { t, i18n } = useTranslation();
  const context: RenderContext = {
    directory: props.directory,
    t,
    language: currentLanguage(i18n),
    details: props.details ?? {},
  };
  const entries = Object.entries(props.details ?? {});
  if (entries.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      data-testid="approval-details"
      items={entries.map(([key, value]) => ({
        key,
        label: FIELD_LABEL_KEYS[key] ? t(FIELD_LABEL_KEYS[key]) : key,
        children: renderValue(key, value, context),
      }))}
    />
  );
}
