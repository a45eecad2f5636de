import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, use } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ACCOUNT_QUERY_KEY, type Account, fetchAccount, logout, queryClient } from './api.ts';

/** The account query: `data` is the account, or `null` when nobody is logged in. */
export function useAccountQuery() {
  return useQuery({ queryKey: ACCOUNT_QUERY_KEY, queryFn: fetchAccount, staleTime: 60_000 });
}

/**
 * The account `RequireAccount` let through. Pages read it from here rather than from the query, so
 * the moment the query turns `null` (log-out, a 401) they never render without one: the guard
 * re-renders first and navigates away.
 */
export const AccountContext = createContext<Account | null>(null);

/** The signed-in account; only for pages behind `RequireAccount`. */
export function useAccount(): Account {
  const account = use(AccountContext);
  if (!account) throw new Error('useAccount used outside RequireAccount');
  return account;
}

/**
 * For public pages (the supermarket): the account when someone is logged in, `null` for a guest,
 * `undefined` while we do not know yet.
 */
export function useOptionalAccount(): Account | null | undefined {
  const account = useAccountQuery();
  if (account.isPending) return undefined;
  return account.data ?? null;
}

/** Remembers who just logged in or registered, dropping whatever the previous user had cached. */
export function signIn(account: Account): void {
  queryClient.clear();
  queryClient.setQueryData(ACCOUNT_QUERY_KEY, account);
}

export function useLogout() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: logout,
    // Even if the server call fails, this browser forgets the user.
    onSettled: () => {
      queryClient.setQueryData(ACCOUNT_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ACCOUNT_QUERY_KEY[0] });
      navigate('/login', { replace: true });
      message.success(t('common.loggedOut'));
    },
  });
}
