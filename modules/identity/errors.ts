import type { ProblemTable } from '@onefin/kernel';

/** Everything a user can make identity operations refuse. */
export type IdentityError =
  | 'invalid_credentials'
  | 'account_locked'
  | 'account_disabled'
  | 'mobile_taken'
  | 'username_taken'
  | 'wrong_current_password'
  | 'same_password'
  | 'staff_not_found'
  | 'session_not_found'
  | 'role_already_granted'
  | 'role_not_granted'
  | 'approval_not_found'
  | 'approval_not_pending'
  | 'own_approval'
  | 'permission_denied'
  | 'version_conflict'
  | 'unknown_action'
  | 'invalid_payload';

export const IDENTITY_PROBLEMS: ProblemTable<IdentityError> = {
  invalid_credentials: { status: 401, title: 'Wrong mobile/username or password' },
  account_locked: { status: 423, title: 'Account locked after repeated failed log-ins' },
  account_disabled: { status: 403, title: 'Account disabled' },
  mobile_taken: { status: 409, title: 'This mobile number is already registered' },
  username_taken: { status: 409, title: 'This username is taken' },
  wrong_current_password: { status: 400, title: 'The current password is wrong' },
  same_password: { status: 400, title: 'The new password must differ from the current one' },
  staff_not_found: { status: 404, title: 'Staff user not found' },
  session_not_found: { status: 404, title: 'Session not found' },
  role_already_granted: { status: 409, title: 'The staff user already has this role' },
  role_not_granted: { status: 409, title: 'The staff user does not have this role' },
  approval_not_found: { status: 404, title: 'Pending action not found' },
  approval_not_pending: { status: 409, title: 'This action was already decided' },
  own_approval: { status: 403, title: 'You cannot approve or reject your own proposal' },
  permission_denied: { status: 403, title: 'You do not have the permission for this' },
  version_conflict: { status: 409, title: 'Someone else changed this record; reload and try again' },
  unknown_action: { status: 400, title: 'Unknown action type' },
  invalid_payload: { status: 400, title: 'The proposed action is not valid' },
};
