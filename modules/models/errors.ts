import type { ProblemTable } from '@onefin/kernel';

/** Everything staff can make the model registry or a scoring service refuse. */
export type ModelsError =
  | 'version_not_found'
  | 'invalid_transition'
  | 'no_active_version'
  | 'no_features'
  | 'approval_refused'
  | 'not_a_scorecard'
  | 'no_baseline';

export const MODELS_PROBLEMS: ProblemTable<ModelsError> = {
  version_not_found: { status: 404, title: 'No such model version' },
  invalid_transition: { status: 409, title: 'The model version is not in a state that allows this' },
  no_active_version: { status: 409, title: 'No version of this model is active; activate one first' },
  no_features: { status: 404, title: 'The models have no data about this customer' },
  approval_refused: { status: 409, title: 'The maker–checker proposal was refused' },
  not_a_scorecard: { status: 404, title: 'Only the credit model has a scorecard' },
  no_baseline: { status: 409, title: 'This version has no cross-validated score baseline to compare with' },
};
