import type { CustomerStatus, KycStatus, RealNameStatus, ScreeningStatus } from './model.ts';

/**
 * KYC status from its parts. A confirmed watch-list match or a failed real-name check rejects; an
 * open potential match holds everything for review; otherwise it is verified once the registry
 * confirmed the name and number, pending while they are given but unchecked, not started before.
 */
export function deriveKycStatus(facts: {
  hasIdentity: boolean;
  realName: RealNameStatus;
  screening: ScreeningStatus;
}): KycStatus {
  if (facts.screening === 'confirmed_match') return 'rejected';
  if (facts.screening === 'potential_match') return 'under_review';
  if (!facts.hasIdentity) return 'not_started';
  if (facts.realName === 'failed') return 'rejected';
  return facts.realName === 'verified' ? 'verified' : 'pending';
}

/**
 * Lifecycle moves staff may make. `prospect → active` happens by itself when KYC is verified (account
 * opening done); staff may mark an active customer dormant and back, and close any relationship.
 * Closed is final: a returning customer is opened again.
 */
const STAFF_MOVES: Readonly<Record<CustomerStatus, readonly CustomerStatus[]>> = {
  prospect: ['closed'],
  active: ['dormant', 'closed'],
  dormant: ['active', 'closed'],
  closed: [],
};

export function canMoveTo(from: CustomerStatus, to: CustomerStatus): boolean {
  return STAFF_MOVES[from].includes(to);
}

/** The status after a KYC change: a verified prospect becomes active; nothing else moves. */
export function statusAfterKyc(status: CustomerStatus, kyc: KycStatus): CustomerStatus {
  return status === 'prospect' && kyc === 'verified' ? 'active' : status;
}

/**
 * A name as watch lists are matched on: Unicode-normalised (full-width → half-width), lower case,
 * without spaces and the separators transliterated names carry (· • . - ,).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•.\-,'’]/gu, '');
}

/**
 * `months` calendar months after an instant, in UTC; a day that does not exist in the target month
 * falls back to that month's last day (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(instant: Date, months: number): Date {
  const result = new Date(instant.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
