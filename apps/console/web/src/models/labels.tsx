import { Tag, Tooltip } from 'antd';
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

/** Scorecard points are whole numbers: `42`, `-7` (no `.0`). */
export function formatPoints(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10) / 10);
}

/** A bin in words in the UI language, the exact label on hover. */
export function BinWords(props: { words: string; label: string }) {
  return (
    <Tooltip title={binLabel(props.label)}>
      <span data-testid="bin-words">{props.words}</span>
    </Tooltip>
  );
}
