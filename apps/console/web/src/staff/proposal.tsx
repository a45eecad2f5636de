import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api.ts';

/** After a proposal: tell the maker it awaits a second administrator, and refresh the inbox. */
export function useProposalSubmitted(): () => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return () => {
    message.info({
      content: <span data-testid="proposal-submitted">{t('staff.proposed')}</span>,
      duration: 5,
    });
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
  };
}
