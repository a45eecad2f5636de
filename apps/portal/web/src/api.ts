import { createApiClient, createQueryClient, isApiError } from '@onefin/ui';

/** The signed-in customer as the portal API shows them (never the raw mobile number). */
export interface Account {
  id: string;
  displayName: string;
  mobileMasked: string;
  createdAt: string;
}

/** One active log-in of the customer; `current` marks the one this browser uses. */
export interface CustomerSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export const ACCOUNT_QUERY_KEY = ['me'] as const;
export const SESSIONS_QUERY_KEY = ['sessions'] as const;

export const queryClient = createQueryClient();

/** Any 401 means the session is gone: forget the account, and the route guard sends the user to log in. */
export const api = createApiClient({
  baseUrl: '/api/v1',
  onUnauthorized: () => queryClient.setQueryData(ACCOUNT_QUERY_KEY, null),
});

/** The signed-in account, or `null` when nobody is logged in. */
export async function fetchAccount(): Promise<Account | null> {
  try {
    return await api.get<Account>('/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function login(input: { mobile: string; password: string }): Promise<Account> {
  const { account } = await api.post<{ account: Account }>('/auth/login', input);
  return account;
}

export async function register(input: {
  mobile: string;
  password: string;
  displayName: string;
}): Promise<Account> {
  const { account } = await api.post<{ account: Account }>('/auth/register', input);
  return account;
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/auth/password', input);
}

export async function fetchSessions(): Promise<CustomerSession[]> {
  const { items } = await api.get<{ items: CustomerSession[] }>('/sessions');
  return items;
}

export function revokeSession(id: string): Promise<void> {
  return api.delete<void>(`/sessions/${encodeURIComponent(id)}`);
}
