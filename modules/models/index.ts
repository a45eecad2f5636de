/** The model registry and the scoring services other modules use (credit scorecard, marketing propensity). */

export type { ActivatePayload } from './approvals.ts';
export { type CampaignList, type CampaignQuery, type CampaignTarget, campaignQuery } from './campaign.ts';
export type { CustomerFeatures } from './customer-scores.ts';
export { MODELS_PROBLEMS, type ModelsError } from './errors.ts';
export {
  type CreditApplicant,
  creditApplicant,
  MARKETING_LEVELS,
  type MarketingContact,
  marketingContact,
} from './inputs.ts';
export { modelsMigrations } from './migrations/index.ts';
export {
  DEFAULT_MODELS_SETTINGS,
  MODEL_ACTIONS,
  MODEL_NAMES,
  MODEL_STATUSES,
  type ModelName,
  type ModelStatus,
  type ModelsDeps,
  type ModelsSettings,
  type ModelVersion,
  type ModelVersionSummary,
} from './model.ts';
/** Staff routes: the registry, scoring and the campaign list (Fastify plugin). */
export { type ConsoleModelsOptions, modelsConsoleRoutes } from './routes.console.ts';
export type { CreditResult, PropensityResult, VariablePoints } from './scoring.ts';
export {
  type CustomerCreditScore,
  createModelsService,
  type Decision,
  type DecisionContext,
  type ModelsService,
  type Stability,
} from './service.ts';
