import type { TFunction } from 'i18next';
import type { Plan } from './api.ts';

/** 每月 8 日 / 每周周三: the plan's schedule in the customer's words. */
export function scheduleText(plan: Pick<Plan, 'frequency' | 'runDay'>, t: TFunction): string {
  const day = plan.frequency === 'monthly' ? String(plan.runDay) : t(`plans.weekdays.${plan.runDay}`);
  return t(`plans.schedule.${plan.frequency}`, { day });
}

/** Why a run was skipped, in plain words; an unknown code still says it was skipped, and why. */
export function skipReasonText(
  reason: string | null,
  t: TFunction,
  exists: (key: string) => boolean,
): string {
  if (!reason) return t('plans.runSkipped');
  return exists(`plans.reasons.${reason}`)
    ? t(`plans.reasons.${reason}`)
    : t('plans.reasons.other', { reason });
}

export const PLAN_STATUS_COLORS: Record<Plan['status'], string> = {
  active: 'processing',
  paused: 'warning',
  stopped: 'default',
};
