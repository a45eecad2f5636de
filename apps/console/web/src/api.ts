import { createApiClient, createQueryClient, isApiError } from '@onefin/ui';

/** Staff roles, as the console API names them: the server's own list (a pure module, no server code). */
export { ROLES, type Role } from '@onefin/identity/roles';

export interface Staff {
  id: string;
  username: string;
  displayName: string;
  status: 'active' | 'disabled';
  roles: string[];
  permissions: string[];
  createdAt: string;
  version: number;
}

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'failed'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** A proposed sensitive action waiting for (or past) a second person's decision. */
export interface Approval {
  id: string;
  action: string;
  summary: string;
  details: Record<string, unknown>;
  targetType: string | null;
  targetId: string | null;
  makerId: string;
  checkerId: string | null;
  status: ApprovalStatus;
  decisionNote: string | null;
  result: unknown;
  createdAt: string;
  decidedAt: string | null;
  version: number;
}

export interface AuditEntry {
  seq: string;
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  detail: unknown;
  ip: string | null;
  requestId: string | null;
}

export type ChainVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: string; problem: string };

/** One page of a cursor-paged list; `next` is the cursor for the page after it. */
export interface Page<T> {
  items: T[];
  next?: string | null;
}

export const STAFF_QUERY_KEY = ['me'] as const;
export const queryClient = createQueryClient();

/** Any 401 means the session is gone: forget the staff user, and the route guard sends them to log in. */
export const api = createApiClient({
  baseUrl: '/api/v1',
  onUnauthorized: () => queryClient.setQueryData(STAFF_QUERY_KEY, null),
});

/** The signed-in staff user, or `null` when nobody is logged in. */
export async function fetchMe(): Promise<Staff | null> {
  try {
    return await api.get<Staff>('/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function login(input: { username: string; password: string }): Promise<Staff> {
  const { staff } = await api.post<{ staff: Staff }>('/auth/login', input);
  return staff;
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/** A colleague's name, which every staff user may read. */
export type StaffName = Pick<Staff, 'id' | 'username' | 'displayName'>;

export async function fetchStaffDirectory(): Promise<StaffName[]> {
  const { items } = await api.get<{ items: StaffName[] }>('/staff/directory');
  return items;
}

export async function fetchStaffList(): Promise<Staff[]> {
  const { items } = await api.get<{ items: Staff[] }>('/staff');
  return items;
}

export async function proposeNewStaff(input: {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}): Promise<Approval> {
  const { approval } = await api.post<{ approval: Approval }>('/staff', input);
  return approval;
}

export async function proposeRoleGrant(staffId: string, role: string): Promise<Approval> {
  const { approval } = await api.post<{ approval: Approval }>(`/staff/${encodeURIComponent(staffId)}/roles`, {
    role,
  });
  return approval;
}

export async function proposeRoleRevoke(staffId: string, role: string): Promise<Approval> {
  const path = `/staff/${encodeURIComponent(staffId)}/roles/${encodeURIComponent(role)}`;
  const { approval } = await api.delete<{ approval: Approval }>(path);
  return approval;
}

export function fetchApprovals(status: ApprovalStatus, before?: string): Promise<Page<Approval>> {
  return api.get<Page<Approval>>('/approvals', { status, limit: 50, before });
}

export function fetchApproval(id: string): Promise<Approval> {
  return api.get<Approval>(`/approvals/${encodeURIComponent(id)}`);
}

export function decideApproval(
  approval: Pick<Approval, 'id' | 'version'>,
  decision: 'approve' | 'reject',
  note: string,
): Promise<Approval> {
  const body = { ...(note.trim() ? { note: note.trim() } : {}), version: approval.version };
  return api.post<Approval>(`/approvals/${encodeURIComponent(approval.id)}/${decision}`, body);
}

export function fetchAudit(
  filter: { actorId?: string; action?: string },
  before?: string,
): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/audit', {
    limit: 50,
    before,
    actorId: filter.actorId,
    action: filter.action,
  });
}

export function verifyAuditChain(): Promise<ChainVerification> {
  return api.post<ChainVerification>('/audit/verify');
}
