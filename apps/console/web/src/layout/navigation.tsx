import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  ContactsOutlined,
  DashboardOutlined,
  InboxOutlined,
  LineChartOutlined,
  ReconciliationOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** A group of pages under one heading in the side menu. */
export interface NavGroup {
  key: 'ledgerGroup' | 'productsGroup';
  icon: ReactNode;
}

/** A console page in the side menu, shown only to staff holding `permission`. */
export interface NavEntry {
  key:
    | 'dashboard'
    | 'approvals'
    | 'customers'
    | 'products'
    | 'navImport'
    | 'audit'
    | 'staff'
    | 'ledgerAccounts'
    | 'trialBalance'
    | 'reconciliation';
  path: string;
  icon: ReactNode;
  permission?: string;
  group?: NavGroup['key'];
  /** Other paths that belong to this entry (detail pages). */
  also?: readonly string[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  { key: 'productsGroup', icon: <ShopOutlined /> },
  { key: 'ledgerGroup', icon: <BankOutlined /> },
];

export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'approvals', path: '/approvals', icon: <InboxOutlined />, permission: 'approvals.read' },
  { key: 'customers', path: '/customers', icon: <ContactsOutlined />, permission: 'customers.read' },
  {
    key: 'products',
    path: '/products',
    icon: <AppstoreOutlined />,
    permission: 'products.read',
    group: 'productsGroup',
  },
  {
    key: 'navImport',
    path: '/products/nav',
    icon: <LineChartOutlined />,
    permission: 'products.nav',
    group: 'productsGroup',
  },
  {
    key: 'ledgerAccounts',
    path: '/ledger/accounts',
    icon: <AccountBookOutlined />,
    permission: 'ledger.read',
    group: 'ledgerGroup',
    also: ['/ledger/transfers'],
  },
  {
    key: 'trialBalance',
    path: '/ledger/trial-balance',
    icon: <ScheduleOutlined />,
    permission: 'ledger.read',
    group: 'ledgerGroup',
  },
  {
    key: 'reconciliation',
    path: '/ledger/reconciliation',
    icon: <ReconciliationOutlined />,
    permission: 'payments.reconcile',
    group: 'ledgerGroup',
  },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, permission: 'staff.read' },
];

export function visibleNavEntries(permissions: readonly string[]): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => !entry.permission || permissions.includes(entry.permission));
}

/** The entry a path belongs to, for highlighting the menu. */
export function navEntryOf(pathname: string): NavEntry | undefined {
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return [...NAV_ENTRIES]
    .reverse()
    .find((entry) =>
      entry.path === '/' ? pathname === '/' : under(entry.path) || (entry.also ?? []).some(under),
    );
}
