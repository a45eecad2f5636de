import {
  BILL_AMOUNTS,
  type CampaignTarget,
  type CreditApplicant,
  MARKETING_LEVELS,
  MODEL_NAMES,
  type ModelName,
  type ModelStatus,
  PAY_AMOUNTS,
  PAY_STATUS,
} from '@onefin/models/reference';

export {
  BILL_AMOUNTS,
  type CampaignTarget,
  type CreditApplicant,
  MODEL_NAMES,
  type ModelName,
  type ModelStatus,
  PAY_AMOUNTS,
  PAY_STATUS,
};

import { api } from '../api.ts';

/**
 * The models module's console API (modules/models/routes.console.ts, inputs.ts, campaign.ts); the
 * zod schemas there are the contract. Scores: credit points (higher is safer), marketing
 * probability × 1000.
 */

export interface MeanSd {
  mean: number;
  sd: number;
}
export interface FoldMetrics {
  auc: number;
  gini: number;
  ks: number;
  topDecileLift: number;
  brier: number;
}
export const METRICS = ['auc', 'gini', 'ks', 'topDecileLift', 'brier'] as const;

export interface VersionSummary {
  id: string;
  model: ModelName;
  version: number;
  status: ModelStatus;
  trainingSha256: string;
  trainingRows: number;
  seed: number;
  metrics: Record<(typeof METRICS)[number], MeanSd> | null;
  trainedBy: string;
  createdAt: string;
  validatedBy: string | null;
  validatedAt: string | null;
  activationApprovalId: string | null;
  activatedAt: string | null;
  retiredAt: string | null;
}

export interface ModelReport {
  rows: number;
  positives: number;
  roc: { fpr: number; tpr: number }[];
  ksCurve: { score: number; positives: number; negatives: number }[];
  ks: number;
  ksAt: number;
  gains: {
    group: number;
    rows: number;
    positives: number;
    rate: number;
    lift: number;
    cumulativeGain: number;
    cumulativeLift: number;
  }[];
  distribution: { from: number; to: number; positives: number; negatives: number }[];
  calibration: { group: number; rows: number; meanPredicted: number; observedRate: number }[];
}

export interface WoeVariable {
  variable: string;
  iv: number;
  coefficient: number;
  bins: { label: string; woe: number; points: number; goods: number; bads: number }[];
}

export interface ScorecardRow {
  variable: string;
  zh: string;
  en: string;
  /** The bin's exact label, and in words (`逾期 2 个月以上`, `≤ 3,000`). */
  bin: string;
  binZh: string;
  binEn: string;
  woe: number;
  points: number;
}

/** The figures kept with a version beside the per-fold ones (modules/ml model-files.ts). */
export interface VersionFigures {
  /** Credit: the same scorecard with SEX and MARRIAGE (the fair-lending comparison). */
  withSensitive?: { auc: MeanSd };
  /** Credit: the boosted-trees challenger. */
  challenger?: { auc: MeanSd };
  /** Marketing: validated on time-ordered blocks (train on earlier contacts, test on later ones). */
  timeOrdered?: Partial<Record<(typeof METRICS)[number], MeanSd>>;
}

export interface VersionDetail extends VersionSummary {
  features: string[];
  hyperParams: Record<string, unknown>;
  folds: FoldMetrics[];
  report: ModelReport | null;
  scaling: { baseScore: number; baseOdds: number; pdo: number } | null;
  scorecard: ScorecardRow[];
  woe: WoeVariable[];
  figures: VersionFigures | null;
}

/** Today's customers' stored scores against the active version's development-sample deciles. */
export interface Stability {
  version: number;
  customers: number;
  psi: number;
  cuts: number[];
  expected: number[];
  actual: number[];
}

export interface ModelOverview {
  model: ModelName;
  active: VersionSummary | null;
  latest: VersionSummary | null;
}

export interface VariablePoints {
  variable: string;
  words: { zh: string; en: string };
  /** The bin's exact label (`(0.5, 0.9]`), and in words. */
  bin: string;
  binWords: { zh: string; en: string };
  points: number;
  pointsBelowBest: number;
}

export interface CreditScore {
  versionId: string;
  version: number;
  probability: number;
  score: number;
  points: VariablePoints[];
  reasons: VariablePoints[];
}

export type CreditDecision = CreditScore & { decisionId: string };
export type CustomerCreditScore = CreditScore & { scoredAt: string };

export const modelKeys = {
  all: ['models'] as const,
  versions: (model: ModelName) => ['models', model, 'versions'] as const,
  version: (model: ModelName, version: number) => ['models', model, 'versions', version] as const,
  customerScore: (id: string) => ['models', 'customer', id] as const,
  stability: (model: ModelName) => ['models', model, 'stability'] as const,
};

export async function fetchModels(): Promise<ModelOverview[]> {
  return (await api.get<{ items: ModelOverview[] }>('/models')).items;
}

export async function fetchVersions(model: ModelName): Promise<VersionSummary[]> {
  return (await api.get<{ items: VersionSummary[] }>(`/models/${model}/versions`)).items;
}

export function fetchVersion(model: ModelName, version: number): Promise<VersionDetail> {
  return api.get<VersionDetail>(`/models/${model}/versions/${version}`);
}

export function fetchStability(model: ModelName): Promise<Stability> {
  return api.get<Stability>(`/models/${model}/stability`);
}

export function validateVersion(model: ModelName, version: number): Promise<VersionSummary> {
  return api.post<VersionSummary>(`/models/${model}/versions/${version}/validate`);
}

export function proposeActivation(model: ModelName, version: number): Promise<{ approvalId: string }> {
  return api.post<{ approvalId: string }>(`/models/${model}/versions/${version}/activate`);
}

export function scoreApplicant(applicant: CreditApplicant): Promise<CreditDecision> {
  return api.post<CreditDecision>('/models/credit/score', applicant);
}

export function fetchCustomerCreditScore(customerId: string): Promise<CustomerCreditScore> {
  return api.get<CustomerCreditScore>(`/customers/${encodeURIComponent(customerId)}/credit-score`);
}

/** Where the scorecard's Excel file is downloaded (the session cookie goes with the link). */
export const scorecardXlsxUrl = (version: number, lang: string) =>
  `/api/v1/models/credit/versions/${version}/scorecard.xlsx?lang=${encodeURIComponent(lang)}`;

/**
 * The form's example: a revolving card holder who fell two months behind in the latest two months
 * (row 2 of the training file's shape), so the reason codes have something to say.
 */
export const EXAMPLE_APPLICANT: CreditApplicant = {
  LIMIT_BAL: 120000,
  SEX: 2,
  EDUCATION: 2,
  MARRIAGE: 2,
  AGE: 26,
  PAY_0: 2,
  PAY_2: 2,
  PAY_3: 0,
  PAY_4: 0,
  PAY_5: 0,
  PAY_6: 0,
  BILL_AMT1: 102682,
  BILL_AMT2: 98725,
  BILL_AMT3: 96682,
  BILL_AMT4: 93272,
  BILL_AMT5: 90455,
  BILL_AMT6: 88261,
  PAY_AMT1: 0,
  PAY_AMT2: 0,
  PAY_AMT3: 3000,
  PAY_AMT4: 3000,
  PAY_AMT5: 3000,
  PAY_AMT6: 3000,
};

export const JOBS = MARKETING_LEVELS.job;
export const POUTCOMES = MARKETING_LEVELS.poutcome;

export interface CampaignFilter {
  minScore?: number | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  jobs?: string[] | undefined;
  maxContacts?: number | undefined;
  previousOutcome?: (typeof POUTCOMES)[number] | undefined;
}

export interface CampaignList {
  version: number;
  total: number;
  expectedSubscriptions: number;
  items: CampaignTarget[];
}

function campaignParams(filter: CampaignFilter) {
  return {
    minScore: filter.minScore,
    ageMin: filter.ageMin,
    ageMax: filter.ageMax,
    jobs: filter.jobs && filter.jobs.length > 0 ? filter.jobs.join(',') : undefined,
    maxContacts: filter.maxContacts,
    previousOutcome: filter.previousOutcome,
  };
}

export function fetchCampaignTargets(
  filter: CampaignFilter,
  page: number,
  pageSize: number,
): Promise<CampaignList> {
  return api.get<CampaignList>('/campaigns/deposit/targets', {
    ...campaignParams(filter),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
}

/** The Excel export of the whole filtered list. */
export function campaignXlsxUrl(filter: CampaignFilter, lang: string): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...campaignParams(filter), lang }))
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  return `/api/v1/campaigns/deposit/targets.xlsx?${query.toString()}`;
}
