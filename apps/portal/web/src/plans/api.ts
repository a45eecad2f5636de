import type { PlanFrequency, PlanStatus } from '@onefin/investing/reference';
import type { MoneyDto } from '../account/api.ts';
import { api, queryClient } from '../api.ts';

export type { PlanFrequency, PlanStatus } from '@onefin/investing/reference';

/** A regular investment plan (定投) as the portal API shows it. */
export interface Plan {
  id: string;
  productId: string;
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  amount: MoneyDto;
  frequency: PlanFrequency;
  /** weekly/biweekly: ISO weekday 1 (Monday) – 5 (Friday); monthly: day of the month 1–28. */
  runDay: number;
  channel: string;
  status: PlanStatus;
  nextRunOn: string;
  createdAt: string;
}

/** One due date of a plan: an order placed, or skipped with the reason (e.g. insufficient_funds). */
export interface PlanRun {
  dueOn: string;
  status: 'placed' | 'skipped';
  orderId: string | null;
  reason: string | null;
  at: string;
}

export interface PlanDetail extends Plan {
  runs: PlanRun[];
}

export interface NewPlan {
  productId: string;
  amount: MoneyDto;
  frequency: PlanFrequency;
  runDay: number;
  channel: 'web';
}

export const PLANS_KEY = ['plans'] as const;

export const fetchPlans = async () => (await api.get<{ items: Plan[] }>('/plans')).items;
export const fetchPlan = (id: string) => api.get<PlanDetail>(`/plans/${encodeURIComponent(id)}`);
export const createPlan = (plan: NewPlan, idempotencyKey: string) =>
  api.postIdempotent<Plan>('/plans', plan, idempotencyKey);
export const setPlanStatus = (id: string, status: PlanStatus) =>
  api.patch<Plan>(`/plans/${encodeURIComponent(id)}`, { status });

export function refreshPlans(): void {
  void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
}
