import type { Executor } from '@onefin/kernel';

/** The models module's own tables; no other module reads or writes them. */
export type ModelsTables = {
  models_versions: {
    id: string;
    model: 'credit' | 'marketing';
    version: number;
    status: 'trained' | 'validated' | 'active' | 'retired';
    training_sha256: string;
    training_rows: number;
    seed: number;
    features: string[];
    hyper_params: unknown;
    /** Mean ± sd over the cross-validation folds, per metric (JSON). */
    metrics: unknown;
    folds: unknown;
    /** Everything else training reported (sensitive-attribute comparison, time-ordered folds). */
    figures: unknown;
    report: unknown;
    /** The artifact as `writeArtifact` writes it (infinities as strings). */
    artifact: unknown;
    trained_by: string;
    created_at: Date;
    validated_by: string | null;
    validated_at: Date | null;
    activation_approval_id: string | null;
    activated_at: Date | null;
    retired_at: Date | null;
  };
  models_customer_features: {
    customer_id: string;
    credit: unknown;
    marketing: unknown;
    updated_at: Date;
  };
  models_customer_scores: {
    customer_id: string;
    model: 'credit' | 'marketing';
    version_id: string;
    probability: number;
    score: number;
    reasons: unknown;
    scored_at: Date;
  };
  models_decisions: {
    id: string;
    model: 'credit' | 'marketing';
    version_id: string;
    subject_type: 'applicant' | 'customer';
    subject_id: string | null;
    purpose: string;
    input: unknown;
    probability: number;
    score: number;
    reasons: unknown;
    decided_by: string;
    decided_at: Date;
  };
};

export function modelsDb(db: Executor) {
  return db.withTables<ModelsTables>();
}
