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
