/** Resident ID numbers (GB 11643) and unified social credit codes (GB 32100): pure checks. */

/** A risk assessment as recorded. */
export type { RiskAssessment } from './assessments.ts';
/** Records the seed writes set-wise. */
export type { BulkCreated, CorporateRecord, IndividualRecord } from './bulk-customers.ts';
export type { AssessmentRecord, ContactRecord, RelationshipRecord } from './bulk-links.ts';
/** A field of a customer record that changed. */
export type { ProfileChange } from './changes.ts';
/** Inputs of opening and editing customers. */
export type { CorporateInput, CorporatePatch } from './corporates.ts';
/** Every refusal of the customers module and its problem+json. */
export { CUSTOMERS_PROBLEMS, type CustomersError } from './errors.ts';
export {
  isValidResidentId,
  isValidUscc,
  parseResidentId,
  type ResidentIdFacts,
  residentIdCheckDigit,
  usccCheckDigit,
} from './id-numbers.ts';
export type { IndividualInput, IndividualPatch } from './individuals.ts';
/** KYC records. */
export type { KycDocument, KycDocumentKind, Verification } from './kyc-actions.ts';
/** The customers module's migrations (owner `customers`). */
export { customersMigrations } from './migrations/index.ts';
/** Domain types, settings and the suitability facts products consume. */
export {
  type Actor,
  CHANNELS,
  type Channel,
  type CorporateDetails,
  CUSTOMER_STATUSES,
  type Customer,
  type CustomerStatus,
  type CustomersDeps,
  type CustomersSettings,
  type CustomerType,
  DEFAULT_CUSTOMERS_SETTINGS,
  type IndividualDetails,
  KYC_STATUSES,
  type KycStatus,
  type Page,
  RISK_LEVELS,
  type RiskLevel,
  type SuitabilityProfile,
} from './model.ts';
/** The staff view of one customer. */
export type { CustomerProfile } from './profile.ts';
/** Questionnaires as data, their scoring, and the two in use. */
export {
  type Answer,
  answersForLevel,
  checkQuestionnaire,
  type Questionnaire,
  type QuestionnaireOption,
  type QuestionnaireQuestion,
  type ScoreBand,
  scoreAnswers,
  scoreRange,
} from './questionnaire.ts';
export { CORPORATE_QUESTIONNAIRE_V1 } from './questionnaires/corporate-v1.ts';
export { INDIVIDUAL_QUESTIONNAIRE_V1 } from './questionnaires/individual-v1.ts';
/** Code lists: provinces, occupations, income bands, industries, enterprise sizes. */
export {
  ENTERPRISE_SIZES,
  type EnterpriseSize,
  INCOME_BANDS,
  INDUSTRIES,
  type IncomeBand,
  type Industry,
  type Label,
  OCCUPATIONS,
  type Occupation,
  PROVINCES,
  type ProvinceCode,
} from './reference.ts';
/** Ties between customers. */
export type { CorporateContact, Household, Relationship, RelationshipKind } from './relationships.ts';
/** Staff routes (Fastify plugin). */
export { type ConsoleCustomersOptions, customersConsoleRoutes } from './routes.console.ts';
/** Customer routes: own profile, real-name verification, risk questionnaire (Fastify plugin). */
export { customersPortalRoutes, type PortalCustomersOptions } from './routes.portal.ts';
/** Watch-list screening. */
export type { NewWatchlistEntry, Screening, ScreeningHit, WatchlistEntry } from './screening.ts';
/** Staff search results. */
export { type CustomerQuery, type CustomerSummary, searchKey } from './search.ts';
/** The service factory and its interface. */
export { type CustomersService, createCustomersService } from './service.ts';
/** The real-name verification adapter and its deterministic simulator. */
export {
  createSimulatedVerifier,
  type RealNameVerifier,
  VERIFIER_RULES,
  type VerificationAnswer,
  type VerificationOutcome,
} from './verification.ts';
