import { isApiError, problemDetail, problemText } from '@onefin/ui';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';
import { productKeys } from './api.ts';

/**
 * Shows a refused product action with the server's detail (which state allows it); a product that
 * changed meanwhile is reloaded so the page shows what is true now.
 */
export function useShowProductProblem(): (error: unknown, productId?: string) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, productId?: string) => {
      const detail = problemDetail(error);
      message.error([problemText(t, error), detail].filter(Boolean).join(' — '));
      if (productId && isApiError(error) && ['version_conflict', 'invalid_transition'].includes(error.code)) {
        void queryClient.invalidateQueries({ queryKey: productKeys.detail(productId) });
      }
    },
    [t, message],
  );
}
