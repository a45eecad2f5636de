import type { ScoreBand } from '../questionnaire.ts';

/** The five investor categories and the product risk levels each may buy (R1..Rn for Cn). */
export const RISK_CATEGORIES = [
  {
    level: 'C1',
    labelZh: '保守型',
    labelEn: 'Conservative',
    descriptionZh: '您几乎不能承受本金损失，适合购买 R1（低风险）产品。',
    descriptionEn: 'You can bear almost no loss of principal: R1 (low-risk) products suit you.',
  },
  {
    level: 'C2',
    labelZh: '稳健型',
    labelEn: 'Cautious',
    descriptionZh: '您希望收益稳定，可承受较小的波动，适合购买 R2（中低风险）及以下产品。',
    descriptionEn: 'You want steady returns and accept small swings: products up to R2 (low to medium risk).',
  },
  {
    level: 'C3',
    labelZh: '平衡型',
    labelEn: 'Balanced',
    descriptionZh: '您愿意为更高收益承担一定风险，适合购买 R3（中风险）及以下产品。',
    descriptionEn: 'You accept some risk for higher returns: products up to R3 (medium risk).',
  },
  {
    level: 'C4',
    labelZh: '成长型',
    labelEn: 'Growth',
    descriptionZh: '您追求资产较快增长，能承受较大波动，适合购买 R4（中高风险）及以下产品。',
    descriptionEn: 'You seek faster growth and accept large swings: products up to R4 (medium to high risk).',
  },
  {
    level: 'C5',
    labelZh: '进取型',
    labelEn: 'Aggressive',
    descriptionZh: '您追求高收益，能承受本金大幅损失，适合购买 R5（高风险）及以下产品。',
    descriptionEn: 'You seek high returns and can bear large losses: products up to R5 (high risk).',
  },
] as const;

/** Five bands from upper bounds of C1..C4 and the top score, e.g. `[20, 40, 60, 80], 100`. */
export function bandsUpTo(bounds: readonly [number, number, number, number], max: number): ScoreBand[] {
  const uppers = [...bounds, max];
  return RISK_CATEGORIES.map((c, i) => ({
    ...c,
    minScore: i === 0 ? 0 : (uppers[i - 1] as number) + 1,
    maxScore: uppers[i] as number,
  }));
}
