import { AuditOutlined, DashboardOutlined, InboxOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

/** A console page in the side menu, shown only to staff holding `permission`. */
export interface NavEntry {
  key: 'dashboard' | 'approvals' | 'audit' | 'staff';
  path: string;
  icon: ReactNode;
  permission?: string;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'approvals', path: '/approvals', icon: <InboxOutlined />, permission: 'approvals.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, permission: 'staff.read' },
];

export function visibleNavEntries(permissions: readonly string[]): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => !entry.permission || permissions.includes(entry.permission));
}

/** The entry a path belongs to, for highlighting the menu. */
export function navEntryOf(pathname: string): NavEntry | undefined {
  return [...NAV_ENTRIES]
    .reverse()
    .find((entry) => (entry.path === '/' ? pathname === '/' : pathname.startsWith(entry.path)));
}
