import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Product risk levels (R1 low … R5 high) and investor categories (C1 conservative … C5 aggressive). */
export const PRODUCT_RISK_LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type ProductRiskLevel = (typeof PRODUCT_RISK_LEVELS)[number];
export const INVESTOR_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type InvestorLevel = (typeof INVESTOR_LEVELS)[number];

/** Green for the lowest risk through blue, gold and orange to red for the highest: the usual scale. */
const RISK_COLORS: Record<ProductRiskLevel, string> = {
  R1: 'green',
  R2: 'cyan',
  R3: 'gold',
  R4: 'orange',
  R5: 'red',
};

const INVESTOR_COLORS: Record<InvestorLevel, string> = {
  C1: 'green',
  C2: 'cyan',
  C3: 'gold',
  C4: 'orange',
  C5: 'red',
};

/** `R3 中风险` in the level's colour. */
export function RiskTag(props: { level: ProductRiskLevel; isShort?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={RISK_COLORS[props.level]} data-testid="risk-tag" style={{ marginInlineEnd: 0 }}>
      {props.isShort ? props.level : `${props.level} ${t(`risk.product.${props.level}`)}`}
    </Tag>
  );
}

/** `C3 平衡型` in the category's colour; `label` is the questionnaire's own name for it when known. */
export function InvestorLevelTag(props: { level: InvestorLevel; label?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Tag color={INVESTOR_COLORS[props.level]} style={{ marginInlineEnd: 0 }}>
      {props.level} {props.label ?? t(`risk.investor.${props.level}`)}
    </Tag>
  );
}
