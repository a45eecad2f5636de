import { currentStaff } from '@onefin/identity';
import { type FieldError, HttpProblem, MAINLAND_MOBILE, problemFor } from '@onefin/kernel';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RiskAssessment } from './assessments.ts';
import { CUSTOMERS_PROBLEMS, type CustomersError } from './errors.ts';
import { isValidResidentId, isValidUscc } from './id-numbers.ts';
import {
  type Actor,
  CHANNELS,
  CUSTOMER_STATUSES,
  type Customer,
  KYC_STATUSES,
  RISK_LEVELS,
} from './model.ts';
import { RISK_CATEGORIES } from './questionnaires/bands.ts';
import { codesOf, ENTERPRISE_SIZES, INCOME_BANDS, INDUSTRIES, OCCUPATIONS, PROVINCES } from './reference.ts';

// ---- inputs: strict, with messages a person can act on ----

/** A person's name: letters (any script) and the separators names carry, no digits. */
export const personName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{M}·•.' -]+$/u, 'letters only (· and spaces allowed)');
export const corporateName = z.string().trim().min(2).max(100);
/** Format and check digit; the service also refuses a birth date after today (by the injected clock). */
export const idNumber = z
  .string()
  .regex(/^\d{17}[\dXx]$/, 'must be 18 characters: 17 digits, then a digit or X')
  .refine(
    (v) => isValidResidentId(v, '9999-12-31'),
    'not a valid resident ID number (check digit, region or birth date)',
  );
export const uscc = z
  .string()
  .regex(/^[0-9A-HJ-NP-RTUW-Y]{18}$/, 'must be 18 characters of digits and capitals (no I, O, Z, S, V)')
  .refine(isValidUscc, 'not a valid unified social credit code (check character or region)');
export const mobile = z
  .string()
  .regex(MAINLAND_MOBILE, 'must be an 11-digit mainland mobile number (1[3-9]xxxxxxxxx)');
export const email = z.email().max(254);
export const provinceCode = z.enum(codesOf(PROVINCES));
export const city = z.string().trim().min(1).max(40);
export const address = z.string().trim().min(1).max(200);
export const occupation = z.enum(codesOf(OCCUPATIONS));
export const incomeBand = z.enum(codesOf(INCOME_BANDS));
export const industry = z.enum(codesOf(INDUSTRIES));
export const enterpriseSize = z.enum(codesOf(ENTERPRISE_SIZES));
/** The channels staff serve through (web and app are the customer's own). */
export const staffChannel = z.enum(['phone', 'agent', 'corporate', 'branch']);
/** Who is acting in the console: the staff member, through the channel the request names. */
export function staffActor(request: FastifyRequest, channel: z.infer<typeof staffChannel> = 'branch'): Actor {
  return { type: 'staff', id: currentStaff(request).id, channel };
}
export const customerId = z.string().regex(/^cus_[0-9a-f-]{36}$/, 'must be a customer id (cus_…)');
export const answers = z
  .array(z.strictObject({ questionId: z.string().min(1).max(40), optionId: z.string().min(1).max(10) }))
  .min(1)
  .max(50);
export const version = z.number().int().min(1);

// ---- outputs ----

const label = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
const labelled = <T extends Record<string, { nameZh: string; nameEn: string }>>(
  list: T,
  code: string | null,
) => {
  const entry = code === null ? undefined : list[code];
  return entry ? { code: code as string, nameZh: entry.nameZh, nameEn: entry.nameEn } : null;
};

export const customerDto = z.object({
  id: z.string(),
  customerNo: z.string(),
  type: z.enum(['individual', 'corporate']),
  name: z.string(),
  status: z.enum(CUSTOMER_STATUSES as [string, ...string[]]),
  kycStatus: z.enum(KYC_STATUSES as [string, ...string[]]),
  realNameStatus: z.enum(['unverified', 'verified', 'failed']),
  screeningStatus: z.enum(['not_screened', 'clear', 'potential_match', 'confirmed_match']),
  screenedAt: z.iso.datetime().nullable(),
  openedChannel: z.enum(CHANNELS as [string, ...string[]]),
  openedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  individual: z
    .object({
      idNumberMasked: z.string().nullable(),
      gender: z.enum(['male', 'female']).nullable(),
      birthDate: z.string().nullable(),
      mobileMasked: z.string(),
      email: z.string().nullable(),
      province: label.nullable(),
      city: z.string().nullable(),
      address: z.string().nullable(),
      occupation: label.nullable(),
      incomeBand: label.nullable(),
    })
    .nullable(),
  corporate: z
    .object({
      uscc: z.string(),
      industry: label.nullable(),
      size: label.nullable(),
      legalRepresentative: z.string(),
      province: label.nullable(),
      city: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCustomerDto(c: Customer): z.infer<typeof customerDto> {
  const i = c.individual;
  const k = c.corporate;
  return {
    ...c,
    screenedAt: iso(c.screenedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    individual: i && {
      idNumberMasked: i.idNumberMasked,
      gender: i.gender,
      birthDate: i.birthDate,
      mobileMasked: i.mobileMasked,
      email: i.email,
      province: labelled(PROVINCES, i.provinceCode),
      city: i.city,
      address: i.address,
      occupation: labelled(OCCUPATIONS, i.occupation),
      incomeBand: labelled(INCOME_BANDS, i.incomeBand),
    },
    corporate: k && {
      uscc: k.uscc,
      industry: labelled(INDUSTRIES, k.industry),
      size: labelled(ENTERPRISE_SIZES, k.size),
      legalRepresentative: k.legalRepresentative,
      province: labelled(PROVINCES, k.provinceCode),
      city: k.city,
      address: k.address,
    },
  };
}

export const assessmentDto = z.object({
  id: z.string(),
  questionnaireId: z.string(),
  answers: z.array(z.object({ questionId: z.string(), optionId: z.string() })),
  score: z.number().int(),
  riskLevel: z.enum(RISK_LEVELS as [string, ...string[]]),
  riskLabelZh: z.string(),
  riskLabelEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  cappedBy: z.string().nullable(),
  channel: z.string(),
  answeredByType: z.enum(['customer', 'staff', 'system']),
  answeredBy: z.string().nullable(),
  assessedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  isExpired: z.boolean(),
});

export function toAssessmentDto(a: RiskAssessment, now: Date): z.infer<typeof assessmentDto> {
  const category = RISK_CATEGORIES.find((c) => c.level === a.riskLevel) ?? RISK_CATEGORIES[0];
  return {
    ...a,
    riskLabelZh: category.labelZh,
    riskLabelEn: category.labelEn,
    descriptionZh: category.descriptionZh,
    descriptionEn: category.descriptionEn,
    assessedAt: a.assessedAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
    isExpired: now.getTime() >= a.expiresAt.getTime(),
  };
}

export const riskDto = z.object({ current: assessmentDto.nullable(), items: z.array(assessmentDto) });

const questionnaireOption = z.object({
  id: z.string(),
  textZh: z.string(),
  textEn: z.string(),
  score: z.number().int().optional(),
  capLevel: z.string().optional(),
});
export const questionnaireDto = z.object({
  id: z.string(),
  customerType: z.enum(['individual', 'corporate']),
  version: z.number().int(),
  titleZh: z.string(),
  titleEn: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      textZh: z.string(),
      textEn: z.string(),
      options: z.array(questionnaireOption),
    }),
  ),
  bands: z.array(
    z.object({
      level: z.string(),
      minScore: z.number().int(),
      maxScore: z.number().int(),
      labelZh: z.string(),
      labelEn: z.string(),
      descriptionZh: z.string(),
      descriptionEn: z.string(),
    }),
  ),
});

/** The input field each refusal is about, so forms can point at it. */
const FIELD_OF: Partial<Record<CustomersError, string>> = {
  invalid_id_number: 'body.idNumber',
  id_number_taken: 'body.idNumber',
  invalid_uscc: 'body.uscc',
  uscc_taken: 'body.uscc',
  invalid_answers: 'body.answers',
  version_conflict: 'body.version',
  related_customer_not_found: 'body.relatedId',
};

/** A module refusal as problem+json, with the field error when the refusal is about one input. */
export function customersProblem(error: CustomersError, detail?: string): HttpProblem {
  const base = problemFor(CUSTOMERS_PROBLEMS, error, detail);
  const field = FIELD_OF[error];
  if (!field) return base;
  const errors: FieldError[] = [{ field, message: detail ?? base.title }];
  return new HttpProblem(base.status, base.code, base.title, base.detail, errors);
}
