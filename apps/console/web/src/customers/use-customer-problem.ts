import { problemText } from '@onefin/ui';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applyCustomerProblem } from './customer-fields.tsx';

/** Shows a customers API refusal: on the form's field when it is about one, as a message otherwise. */
export function useShowCustomerProblem(): (error: unknown, form?: FormInstance) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && applyCustomerProblem(form, error, t)) return;
      message.error(problemText(t, error));
    },
    [t, message],
  );
}
