import type { AuditService } from '@onefin/audit';
import type { IdentityService } from '@onefin/identity';
import type { Clock, Executor } from '@onefin/kernel';
import type { FoldMetrics, MetricSummary, ModelArtifact, ModelReport } from '@onefin/ml';

import type { ModelName, ModelStatus } from './reference.ts';

export { MODEL_NAMES, MODEL_STATUSES, type ModelName, type ModelStatus } from './reference.ts';

export type Metrics = Record<keyof FoldMetrics, MetricSummary>;

/** A version as lists show it. */
export interface ModelVersionSummary {
  id: string;
  model: ModelName;
  version: number;
  status: ModelStatus;
  trainingSha256: string;
  trainingRows: number;
  seed: number;
  /** Cross-validated mean ± sd; null for a version trained without cross-validation. */
  metrics: Metrics | null;
  trainedBy: string;
  createdAt: Date;
  validatedBy: string | null;
  validatedAt: Date | null;
  activationApprovalId: string | null;
  activatedAt: Date | null;
  retiredAt: Date | null;
}

/** A version with everything the model page shows. */
export interface ModelVersion extends ModelVersionSummary {
  features: string[];
  hyperParams: Record<string, unknown>;
  folds: FoldMetrics[] | null;
  figures: Record<string, unknown>;
  report: ModelReport | null;
  artifact: ModelArtifact;
}

export interface ModelsSettings {
  /** How long another process's activation may take to show here (this process's shows at once). */
  activeCacheMs: number;
}

export const DEFAULT_MODELS_SETTINGS: ModelsSettings = { activeCacheMs: 5_000 };

/** The customers module's search, for the names and masked mobiles on a campaign list. */
export interface CustomerNames {
  search(query: { ids: readonly string[]; limit: number }): Promise<{
    items: { id: string; customerNo: string; name: string; mobileMasked: string | null }[];
  }>;
}

export interface ModelsDeps {
  db: Executor;
  reads: Executor;
  clock: Clock;
  /** A decision's audit row is written in the decision's own transaction. */
  audit: Pick<AuditService, 'record'>;
  approvals: Pick<IdentityService, 'propose'>;
  customers: CustomerNames;
  settings?: Partial<ModelsSettings>;
}

/** The maker–checker action that makes a version the one that decides. */
export const MODEL_ACTIONS = { activate: 'model.activate' } as const;
