/** Staff roles across every sales channel and back-office function. */
export const ROLES = [
  'admin',
  'advisor',
  'phone_sales',
  'agent',
  'branch',
  'corporate_sales',
  'operations',
  'risk_officer',
  'underwriter',
  'service_desk',
  'analyst',
  'marketing',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Console permissions. Modules add theirs here as they arrive. */
export const PERMISSIONS = [
  'staff.read',
  'staff.propose',
  'staff.approve',
  'approvals.read',
  'audit.read',
  'audit.verify',
  'customers.read',
  'customers.write',
  'products.read',
  'products.manage',
  'products.approve',
  'products.nav',
  'orders.read',
  'orders.assist',
  'operations.run',
  'risk.review',
  'underwriting.decide',
  'tickets.handle',
  'analytics.query',
  'ledger.read',
  'ledger.adjust',
  'ledger.approve',
  'payments.reconcile',
  'models.read',
  'models.score',
  'models.manage',
  'models.approve',
  'campaigns.read',
  // Only where `onefin start --clock` runs a movable demo clock; no production start has the route.
  'demo.clock',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Every sales channel onboards customers (KYC, risk questionnaire on their behalf) and sells any product. */
const SALES: Permission[] = [
  'customers.read',
  'customers.write',
  'products.read',
  'orders.read',
  'orders.assist',
  'approvals.read',
];

/** Which permissions each role carries (RBAC). Granting a role is itself a maker–checker action. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'staff.read',
    'staff.propose',
    'staff.approve',
    'approvals.read',
    'audit.read',
    'audit.verify',
    'ledger.read',
    'ledger.approve',
    'products.read',
    'products.approve',
    'demo.clock',
  ],
  advisor: SALES,
  phone_sales: SALES,
  agent: SALES,
  branch: SALES,
  corporate_sales: SALES,
  // Operations propose ledger corrections and run the product factory; another operations officer
  // or an admin approves them.
  operations: [
    'customers.read',
    'customers.write',
    'products.read',
    'products.manage',
    'products.approve',
    'products.nav',
    'operations.run',
    'orders.read',
    'approvals.read',
    'ledger.read',
    'ledger.adjust',
    'ledger.approve',
    'payments.reconcile',
    'demo.clock',
  ],
  // Risk officers score applicants and approve which model version decides (the checker); analysts
  // train, validate and propose versions (the maker).
  risk_officer: [
    'customers.read',
    'products.read',
    'risk.review',
    'approvals.read',
    'models.read',
    'models.score',
    'models.approve',
  ],
  underwriter: ['customers.read', 'underwriting.decide', 'approvals.read'],
  service_desk: ['customers.read', 'tickets.handle'],
  analyst: ['analytics.query', 'models.read', 'models.manage', 'approvals.read'],
  // Marketing builds campaign target lists from the propensity model; it sees customers, not their credit.
  marketing: ['customers.read', 'products.read', 'models.read', 'campaigns.read'],
  auditor: [
    'audit.read',
    'audit.verify',
    'approvals.read',
    'staff.read',
    'ledger.read',
    'customers.read',
    'products.read',
    'orders.read',
  ],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))].sort();
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
