import { api } from '../api.ts';

/** A code with its names in both languages, as the API labels reference data. */
export interface Labelled {
  code: string;
  nameZh: string;
  nameEn: string;
}

export type KycStatus = 'not_started' | 'pending' | 'under_review' | 'verified' | 'rejected';
export type RealNameStatus = 'unverified' | 'verified' | 'failed';

/** The signed-in customer's record as GET /profile shows it: ID number and mobile masked. */
export interface Profile {
  id: string;
  customerNo: string;
  type: 'individual' | 'corporate';
  name: string;
  status: string;
  kycStatus: KycStatus;
  realNameStatus: RealNameStatus;
  screeningStatus: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  individual: {
    idNumberMasked: string | null;
    gender: 'male' | 'female' | null;
    birthDate: string | null;
    mobileMasked: string;
    email: string | null;
    province: Labelled | null;
    city: string | null;
    address: string | null;
    occupation: Labelled | null;
    incomeBand: Labelled | null;
  } | null;
  corporate: {
    uscc: string;
    industry: Labelled | null;
    size: Labelled | null;
    legalRepresentative: string;
    province: Labelled | null;
    city: string | null;
    address: string | null;
  } | null;
}

/** What PATCH /profile takes: any of these, with the version last read. `null` clears a field. */
export interface ProfilePatch {
  name?: string;
  idNumber?: string;
  email?: string | null;
  provinceCode?: string | null;
  city?: string | null;
  address?: string | null;
  occupation?: string | null;
  incomeBand?: string | null;
  version?: number;
}

export interface VerificationResult {
  outcome: 'match' | 'mismatch' | 'not_found';
  at: string;
  customer: Profile;
}

export const PROFILE_KEY = ['profile'] as const;

export function fetchProfile(): Promise<Profile> {
  return api.get<Profile>('/profile');
}

export function updateProfile(patch: ProfilePatch): Promise<Profile> {
  return api.patch<Profile>('/profile', patch);
}

/** Checks the name and ID number on the profile against the identity registry. */
export function verifyRealName(): Promise<VerificationResult> {
  return api.post<VerificationResult>('/profile/real-name-verification');
}
