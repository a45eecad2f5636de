import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeanSd, ModelStatus } from './api.ts';

const STATUS_COLORS: Record<ModelStatus, string> = {
  trained: 'default',
  validated: 'blue',
  active: 'green',
  retired: 'default',
};

export function ModelStatusTag(props: { status: ModelStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[props.status]} data-testid="model-status">
      {t(`models.statuses.${props.status}`)}
    </Tag>
  );
}

/** A cross-validated figure as "0.781 ± 0.006" (lift with ×). */
export function meanSd(m: MeanSd | undefined, digits = 3, suffix = ''): string {
  if (!m) return '—';
  return `${m.mean.toFixed(digits)}${suffix} ± ${m.sd.toFixed(digits)}`;
}

/** A bin's label with its cut points rounded for reading: `(0.6231333333, 1.01325555]` → `(0.623, 1.01]`. */
export function binLabel(label: string): string {
  return label.replace(/-?\d+\.\d{4,}/g, (x) => String(Number(Number(x).toPrecision(3))));
}
