import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** 8–64 characters with at least one letter and one digit (the server's rule too). */
export const PASSWORD_PATTERN = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/;

export function mobileRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('validation.mobileRequired') },
    { pattern: MOBILE_PATTERN, message: t('validation.mobileInvalid') },
  ];
}

export function newPasswordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('validation.passwordRequired') },
    { pattern: PASSWORD_PATTERN, message: t('validation.passwordRule') },
  ];
}

/** The confirmation must equal the field named `passwordField`. */
export function confirmRules(t: TFunction, passwordField: string): FormRule[] {
  return [
    { required: true, message: t('validation.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) =>
        !value || value === getFieldValue(passwordField)
          ? Promise.resolve()
          : Promise.reject(new Error(t('validation.confirmMismatch'))),
    }),
  ];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * What is wrong with a resident ID number (GB 11643: 17 digits + an ISO 7064 MOD 11-2 check character),
 * or `undefined` when it is well formed. The server checks again (region, birth date) and has the last word.
 */
export function residentIdProblem(id: string): 'format' | 'birthDate' | 'checkDigit' | undefined {
  if (!/^\d{17}[\dXx]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const isRealDate =
    birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (y < 1900 || !isRealDate || birth.getTime() > Date.now()) return 'birthDate';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11) === id.charAt(17).toUpperCase() ? undefined : 'checkDigit';
}

export function residentIdRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('validation.idNumberRequired') },
    {
      validator: (_rule, value: string | undefined) => {
        const problem = value ? residentIdProblem(value.trim()) : undefined;
        return problem ? Promise.reject(new Error(t(`validation.idNumber.${problem}`))) : Promise.resolve();
      },
    },
  ];
}

/** A legal name as on the ID card: 2–30 characters (Chinese names, or minority names with ·). */
export function legalNameRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('validation.legalNameRequired') },
    { min: 2, max: 30, message: t('validation.legalNameLength') },
  ];
}
