import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  ContactsOutlined,
  ControlOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  InboxOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** A group of pages under one heading in the side menu. */
export interface NavGroup {
  key: 'ledgerGroup' | 'productsGroup' | 'operationsGroup' | 'modelsGroup';
  icon: ReactNode;
}

/** A console page in the side menu, shown only to staff holding `permission`. */
export interface NavEntry {
  key:
    | 'dashboard'
    | 'approvals'
    | 'customers'
    | 'orders'
    | 'sales'
    | 'endOfDay'
    | 'demoClock'
    | 'products'
    | 'navImport'
    | 'audit'
    | 'staff'
    | 'ledgerAccounts'
    | 'trialBalance'
    | 'reconciliation'
    | 'models'
    | 'creditScore'
    | 'campaigns';
  path: string;
  icon: ReactNode;
  permission?: string;
  group?: NavGroup['key'];
  /** Other paths that belong to this entry (detail pages). */
  also?: readonly string[];
  /** Only where the platform runs on a movable demo clock (`onefin start --clock`). */
  isDemoOnly?: boolean;
}

export const NAV_GROUPS: readonly NavGroup[] = [
  { key: 'productsGroup', icon: <ShopOutlined /> },
  { key: 'ledgerGroup', icon: <BankOutlined /> },
  { key: 'operationsGroup', icon: <ControlOutlined /> },
  { key: 'modelsGroup', icon: <ExperimentOutlined /> },
];

export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'approvals', path: '/approvals', icon: <InboxOutlined />, permission: 'approvals.read' },
  { key: 'customers', path: '/customers', icon: <ContactsOutlined />, permission: 'customers.read' },
  { key: 'orders', path: '/orders', icon: <FileSearchOutlined />, permission: 'orders.read' },
  { key: 'sales', path: '/sales', icon: <BarChartOutlined />, permission: 'orders.read' },
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
  {
    key: 'endOfDay',
    path: '/operations/end-of-day',
    icon: <FieldTimeOutlined />,
    permission: 'operations.run',
    group: 'operationsGroup',
  },
  {
    key: 'demoClock',
    path: '/demo/clock',
    icon: <ClockCircleOutlined />,
    group: 'operationsGroup',
    isDemoOnly: true,
  },
  {
    key: 'models',
    path: '/models',
    icon: <ExperimentOutlined />,
    permission: 'models.read',
    group: 'modelsGroup',
  },
  {
    key: 'creditScore',
    path: '/models/credit/score',
    icon: <SafetyCertificateOutlined />,
    permission: 'models.score',
    group: 'modelsGroup',
  },
  {
    key: 'campaigns',
    path: '/campaigns/deposit',
    icon: <NotificationOutlined />,
    permission: 'campaigns.read',
    group: 'modelsGroup',
  },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'staff', path: '/staff', icon: <TeamOutlined />, permission: 'staff.read' },
];

/** The entries a staff user with these permissions sees; demo-only ones only when a demo clock runs. */
export function visibleNavEntries(
  permissions: readonly string[],
  options: { hasDemoClock: boolean } = { hasDemoClock: false },
): NavEntry[] {
  return NAV_ENTRIES.filter(
    (entry) =>
      (!entry.permission || permissions.includes(entry.permission)) &&
      (!entry.isDemoOnly || options.hasDemoClock),
  );
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
