import { currentLanguage, formatMoney } from '@onefin/ui';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Approval, ApprovalStatus, StaffName } from '../api.ts';

const STATUS_COLORS: Record<ApprovalStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'default',
  failed: 'red',
};

export function ApprovalStatusTag(props: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[props.status]} data-testid="approval-status">
      {t(`approvals.status.${props.status}`)}
    </Tag>
  );
}

/** `identity.grant_role` → 授予角色 / Grant role; unknown actions show their code. */
export function ApprovalActionLabel(props: { action: string }) {
  const { t } = useTranslation();
  return (
    <span title={props.action}>{t(`approvals.actions.${props.action}`, { defaultValue: props.action })}</span>
  );
}

/** A staff user as "name (username)", or the bare id when the directory does not know them. */
export function staffLabel(directory: Map<string, StaffName>, id: unknown): string {
  const staff = typeof id === 'string' ? directory.get(id) : undefined;
  return staff ? `${staff.displayName} (${staff.username})` : String(id ?? '—');
}

/**
 * The approval's summary in the reader's language for actions the console knows; the server's own
 * (English) summary for the rest.
 */
export function useApprovalSummary(directory: Map<string, StaffName>): (approval: Approval) => string {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (approval) => {
    const d = approval.details;
    const role = (r: unknown) => t(`roles.${String(r)}`, { defaultValue: String(r) });
    switch (approval.action) {
      case 'identity.create_staff': {
        const roles =
          Array.isArray(d.roles) && d.roles.length
            ? d.roles.map(role).join(t('approvals.listSeparator'))
            : t('staff.noRoles');
        return t('approvals.summaries.identity.create_staff', {
          username: d.username,
          name: d.displayName,
          roles,
        });
      }
      case 'identity.grant_role':
      case 'identity.revoke_role':
        return t(`approvals.summaries.${approval.action}`, {
          staff: staffLabel(directory, d.staffId),
          role: role(d.role),
        });
      case 'ledger.adjust':
        return t('approvals.summaries.ledger.adjust', {
          direction: t(`ledger.adjust.${d.direction === 'debit' ? 'debit' : 'credit'}`),
          account: accountText(d.account, d.accountId, language),
          amount: moneyText(d.amount, language),
          reason: String(d.reason ?? ''),
        });
      case 'ledger.reverse': {
        const transfer = isRecord(d.transfer) ? d.transfer : {};
        return t('approvals.summaries.ledger.reverse', {
          transfer: String(d.transferId ?? ''),
          code: t(`ledger.codes.${String(transfer.code ?? '')}`, {
            defaultValue: String(transfer.code ?? ''),
          }),
          amount: moneyText(transfer.amount, language),
          reason: String(d.reason ?? ''),
        });
      }
      case 'products.publish':
      case 'products.reprice': {
        const product = isRecord(d.product) ? d.product : {};
        const fields = isRecord(d.after) ? Object.keys(d.after) : [];
        return t(`approvals.summaries.${approval.action}`, {
          product: productText(product, language),
          kind: t(`products.kinds.${String(product.kind ?? '')}`, {
            defaultValue: String(product.kind ?? ''),
          }),
          risk: String(product.riskLevel ?? ''),
          fields: fields
            .map((f) => t(`products.fields.${f}`, { defaultValue: f }))
            .join(t('approvals.listSeparator')),
          reason: String(d.reason ?? ''),
        });
      }
      case 'models.activate':
        return t('approvals.summaries.models.activate', {
          model: t(`models.names.${String(d.model ?? '')}`, { defaultValue: String(d.model ?? '') }),
          version: String(d.version ?? ''),
          auc: typeof d.auc === 'number' ? d.auc.toFixed(4) : '—',
        });
      default:
        return approval.summary;
    }
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{amount: "50.00", currency: "CNY"}` → `¥50.00`; anything else as text. */
export function moneyText(value: unknown, language: 'zh-CN' | 'en'): string {
  if (isRecord(value) && typeof value.amount === 'string' && typeof value.currency === 'string') {
    return formatMoney(value.amount, value.currency, language);
  }
  return String(value ?? '—');
}

/** A ledger account snapshot as `2011 客户资金 (cus_…)`; the bare id when there is none. */
export function accountText(snapshot: unknown, id: unknown, language: 'zh-CN' | 'en'): string {
  if (!isRecord(snapshot)) return String(id ?? '—');
  const name = language === 'en' ? snapshot.nameEn : snapshot.nameZh;
  const owner = typeof snapshot.ownerId === 'string' ? ` (${snapshot.ownerId})` : '';
  return `${String(snapshot.code ?? '')} ${String(name ?? '')}${owner}`;
}

/** A product snapshot as `WM2026-001 稳健理财 90 天`; the name in the reader's language. */
export function productText(snapshot: unknown, language: 'zh-CN' | 'en'): string {
  if (!isRecord(snapshot)) return '—';
  const name = language === 'en' ? snapshot.nameEn : snapshot.nameZh;
  return `${String(snapshot.code ?? '')} ${String(name ?? '')}`.trim();
}
