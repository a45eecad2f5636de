import { isApiError, type Language, problemText } from '@onefin/ui';
import type { TFunction } from 'i18next';
import { portalZhCN } from '../messages/zh-CN.ts';
import type { Labelled } from './api.ts';

/** The reference codes the profile form offers (their labels are in the messages files). */
export const PROVINCE_CODES = Object.keys(portalZhCN.reference.provinces);
export const OCCUPATION_CODES = Object.keys(portalZhCN.reference.occupations);
export const INCOME_BAND_CODES = Object.keys(portalZhCN.reference.incomeBands);

/** A labelled code from the API in the viewer's language. */
export function labelText(value: Labelled | null | undefined, language: Language): string {
  if (!value) return '—';
  return language === 'en' ? value.nameEn : value.nameZh;
}

/** A customers-module refusal in the customer's words (e.g. 该身份证号码已被其他客户使用), else the shared text. */
export function profileProblemText(t: TFunction, error: unknown): string {
  if (isApiError(error)) return t(`profile.problems.${error.code}`, { defaultValue: problemText(t, error) });
  return problemText(t, error);
}
