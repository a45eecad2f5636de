import { api } from '../api.ts';
import type { InvestorLevel } from '../products/risk.tsx';

/** The questionnaire as the customer sees it: no scores. */
export interface Questionnaire {
  id: string;
  customerType: 'individual' | 'corporate';
  version: number;
  titleZh: string;
  titleEn: string;
  questions: {
    id: string;
    textZh: string;
    textEn: string;
    options: { id: string; textZh: string; textEn: string }[];
  }[];
  bands: {
    level: InvestorLevel;
    minScore: number;
    maxScore: number;
    labelZh: string;
    labelEn: string;
    descriptionZh: string;
    descriptionEn: string;
  }[];
}

/** One answered questionnaire and the category it gave, valid until `expiresAt`. */
export interface Assessment {
  id: string;
  questionnaireId: string;
  score: number;
  riskLevel: InvestorLevel;
  riskLabelZh: string;
  riskLabelEn: string;
  descriptionZh: string;
  descriptionEn: string;
  cappedBy: string | null;
  channel: string;
  answeredByType: 'customer' | 'staff' | 'system';
  assessedAt: string;
  expiresAt: string;
  isExpired: boolean;
}

export const QUESTIONNAIRE_KEY = ['risk-questionnaire'] as const;
export const ASSESSMENTS_KEY = ['risk-assessments'] as const;

export function fetchQuestionnaire(): Promise<Questionnaire> {
  return api.get<Questionnaire>('/risk-questionnaire');
}

/** The latest assessment (expired or not) and all of them, newest first. */
export function fetchAssessments(): Promise<{ current: Assessment | null; items: Assessment[] }> {
  return api.get<{ current: Assessment | null; items: Assessment[] }>('/risk-assessments');
}

export function submitAssessment(input: {
  questionnaireId: string;
  answers: { questionId: string; optionId: string }[];
}): Promise<Assessment> {
  return api.post<Assessment>('/risk-assessments', { ...input, channel: 'web' });
}
