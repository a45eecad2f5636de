import { z } from 'zod';
import { assessmentDto, customerDto, toAssessmentDto, toCustomerDto } from './http-schemas.ts';
import type { KycDocument, Verification } from './kyc-actions.ts';
import type { CustomerProfile } from './profile.ts';
import type { CorporateContact, Relationship } from './relationships.ts';
import type { Screening, ScreeningHit, WatchlistEntry } from './screening.ts';

/** The staff console's shapes: the 360° profile and its parts. */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const relationshipDto = z.object({
  kind: z.enum(['spouse', 'parent', 'child', 'employer', 'employee']),
  customerId: z.string(),
  customerNo: z.string(),
  name: z.string(),
  type: z.enum(['individual', 'corporate']),
  since: z.iso.datetime(),
});
export const toRelationshipDto = (r: Relationship) => ({ ...r, since: r.since.toISOString() });

export const contactDto = z.object({
  corporateId: z.string(),
  corporateName: z.string(),
  individualId: z.string(),
  individualName: z.string(),
  role: z.string(),
  authorisedAt: z.iso.datetime(),
  authorisedBy: z.string().nullable(),
});
export const toContactDto = (c: CorporateContact) => ({ ...c, authorisedAt: c.authorisedAt.toISOString() });

export const documentDto = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  recordedByType: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});
export const toDocumentDto = ({ customerId: _, ...d }: KycDocument) => ({
  ...d,
  recordedAt: d.recordedAt.toISOString(),
});

export const verificationDto = z.object({
  id: z.string(),
  provider: z.string(),
  outcome: z.enum(['match', 'mismatch', 'not_found']),
  reference: z.string(),
  requestedByType: z.string(),
  requestedBy: z.string().nullable(),
  channel: z.string(),
  at: z.iso.datetime(),
});
export const toVerificationDto = (v: Verification) => ({ ...v, at: v.at.toISOString() });

export const watchlistEntryDto = z.object({
  id: z.string(),
  listKind: z.enum(['pep', 'sanctions']),
  entityType: z.enum(['person', 'organisation']),
  name: z.string(),
  birthDate: z.string().nullable(),
  nationality: z.string().nullable(),
  source: z.string(),
  note: z.string().nullable(),
  addedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const toWatchlistEntryDto = (e: WatchlistEntry) => ({ ...e, createdAt: e.createdAt.toISOString() });

export const hitDto = z.object({
  id: z.string(),
  entry: watchlistEntryDto,
  matchedOn: z.enum(['name', 'name_and_birth_date']),
  status: z.enum(['open', 'dismissed', 'confirmed']),
  createdAt: z.iso.datetime(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolutionNote: z.string().nullable(),
});
export const toHitDto = ({ customerId: _, ...h }: ScreeningHit) => ({
  ...h,
  entry: toWatchlistEntryDto(h.entry),
  createdAt: h.createdAt.toISOString(),
  resolvedAt: iso(h.resolvedAt),
});

export const screeningDto = z.object({
  id: z.string(),
  trigger: z.enum(['onboarding', 'on_demand', 'profile_change', 'watchlist_update']),
  result: z.enum(['clear', 'potential_match']),
  hits: z.number().int(),
  screenedBy: z.string().nullable(),
  screenedAt: z.iso.datetime(),
});
export const toScreeningDto = ({ customerId: _, ...s }: Screening) => ({
  ...s,
  screenedAt: s.screenedAt.toISOString(),
});

export const householdDto = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.object({ customerId: z.string(), customerNo: z.string(), name: z.string() })),
});

export const profileDto = z.object({
  customer: customerDto,
  relationships: z.array(relationshipDto),
  household: householdDto.nullable(),
  contacts: z.array(contactDto),
  kyc: z.object({ documents: z.array(documentDto), verifications: z.array(verificationDto) }),
  screening: z.object({ recent: z.array(screeningDto), hits: z.array(hitDto) }),
  risk: z.object({ current: assessmentDto.nullable(), items: z.array(assessmentDto) }),
});

export function toProfileDto(p: CustomerProfile, now: Date): z.infer<typeof profileDto> {
  return {
    customer: toCustomerDto(p.customer),
    relationships: p.relationships.map(toRelationshipDto),
    household: p.household,
    contacts: p.contacts.map(toContactDto),
    kyc: {
      documents: p.kyc.documents.map(toDocumentDto),
      verifications: p.kyc.verifications.map(toVerificationDto),
    },
    screening: { recent: p.screening.recent.map(toScreeningDto), hits: p.screening.hits.map(toHitDto) },
    risk: {
      current: p.risk.current ? toAssessmentDto(p.risk.current, now) : null,
      items: p.risk.history.map((a) => toAssessmentDto(a, now)),
    },
  };
}

export const summaryDto = z.object({
  id: z.string(),
  customerNo: z.string(),
  type: z.enum(['individual', 'corporate']),
  name: z.string(),
  status: z.string(),
  kycStatus: z.string(),
  riskLevel: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  uscc: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const changeDto = z.object({
  id: z.string(),
  customerId: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedByType: z.enum(['customer', 'staff', 'system']),
  changedBy: z.string().nullable(),
  channel: z.string().nullable(),
  changedAt: z.iso.datetime(),
});
