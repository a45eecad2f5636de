import { useMutation, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, use, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  fetchMe,
  fetchStaffDirectory,
  logout,
  queryClient,
  STAFF_QUERY_KEY,
  type Staff,
  type StaffName,
} from './api.ts';

/** The staff query: `data` is the signed-in staff user, or `null` when nobody is logged in. */
export function useStaffQuery() {
  return useQuery({ queryKey: STAFF_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/**
 * The staff user `RequireStaff` let through. Pages read it from here rather than from the query, so
 * the moment the query turns `null` (log-out, a 401) they never render without one: the guard
 * re-renders first and navigates away.
 */
export const StaffContext = createContext<Staff | null>(null);

/** The signed-in staff user; only for pages behind `RequireStaff`. */
export function useStaff(): Staff {
  const staff = use(StaffContext);
  if (!staff) throw new Error('useStaff used outside RequireStaff');
  return staff;
}

export function useHasPermission(permission: string): boolean {
  return useStaff().permissions.includes(permission);
}

/** Remembers who just logged in, dropping whatever the previous user had cached. */
export function signIn(staff: Staff): void {
  queryClient.clear();
  queryClient.setQueryData(STAFF_QUERY_KEY, staff);
}

export function useLogout() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: logout,
    // Even if the server call fails, this browser forgets the user.
    onSettled: () => {
      queryClient.setQueryData(STAFF_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== STAFF_QUERY_KEY[0] });
      navigate('/login', { replace: true });
      message.success(t('common.loggedOut'));
    },
  });
}

export const STAFF_LIST_QUERY_KEY = ['staff'] as const;

/** Every colleague's name by id, to show names instead of ids (a new colleague appears within a minute). */
export function useStaffDirectory(): Map<string, StaffName> {
  const list = useQuery({
    queryKey: [...STAFF_LIST_QUERY_KEY, 'directory'],
    queryFn: fetchStaffDirectory,
    staleTime: 60_000,
  });
  return useMemo(() => new Map((list.data ?? []).map((s) => [s.id, s])), [list.data]);
}

/** A staff id as "name (username)"; the bare id for someone not (yet) in the directory. */
export function useStaffName(): (id: string | null | undefined) => string {
  const me = useStaff();
  const directory = useStaffDirectory();
  return (id) => {
    if (!id) return '—';
    if (id === me.id) return `${me.displayName} (${me.username})`;
    const staff = directory.get(id);
    return staff ? `${staff.displayName} (${staff.username})` : id;
  };
}
