import { testId } from '@onefin/ui';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Investor risk levels (C1 conservative … C5 aggressive) and product risk ratings (R1 … R5) share colours. */
const LEVEL_COLORS = ['green', 'cyan', 'blue', 'orange', 'red'] as const;

/** The tag colour of a C1–C5 or R1–R5 level. */
export function levelColor(level: string): string {
  const index = Number(level.slice(1)) - 1;
  return LEVEL_COLORS[index] ?? 'default';
}

/** `C3` → 「C3 平衡型」; none yet → 「未测评」. */
export function RiskLevelTag(props: { level: string | null | undefined; isExpired?: boolean }) {
  const { t } = useTranslation();
  if (!props.level) return <Tag data-testid="risk-level-tag">{t('customers.risk.none')}</Tag>;
  return (
    <Tag color={props.isExpired ? 'default' : levelColor(props.level)} data-testid="risk-level-tag">
      {props.level} {t(`customers.risk.levels.${props.level}`, { defaultValue: '' })}
      {props.isExpired ? ` · ${t('customers.risk.expired')}` : ''}
    </Tag>
  );
}

const STATUS_COLORS: Record<string, string> = {
  prospect: 'blue',
  active: 'green',
  dormant: 'orange',
  closed: 'default',
};

export function CustomerStatusTag(props: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[props.status] ?? 'default'} data-testid="customer-status-tag">
      {t(`customers.status.${props.status}`, { defaultValue: props.status })}
    </Tag>
  );
}

const KYC_COLORS: Record<string, string> = {
  not_started: 'default',
  pending: 'gold',
  under_review: 'processing',
  verified: 'green',
  rejected: 'red',
};

export function KycTag(props: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={KYC_COLORS[props.status] ?? 'default'} data-testid="kyc-status-tag">
      {t(`customers.kyc.status.${props.status}`, { defaultValue: props.status })}
    </Tag>
  );
}

const SCREENING_COLORS: Record<string, string> = {
  not_screened: 'default',
  clear: 'green',
  potential_match: 'orange',
  confirmed_match: 'red',
};

export function ScreeningTag(props: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SCREENING_COLORS[props.status] ?? 'default'} data-testid="screening-status-tag">
      {t(`customers.screening.status.${props.status}`, { defaultValue: props.status })}
    </Tag>
  );
}

export function CustomerTypeTag(props: { type: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={props.type === 'corporate' ? 'purple' : 'geekblue'} data-testid="customer-type-tag">
      {t(`customers.types.${props.type}`, { defaultValue: props.type })}
    </Tag>
  );
}

/**
 * `onRow` for a table whose rows carry a `data-testid`.
 * @example <Table onRow={rowTestId('customer-row')} />
 */
export function rowTestId(id: string): () => { 'data-testid': string; style: object } {
  return () => ({ ...testId(id), style: {} });
}
