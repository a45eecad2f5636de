import { type Executor, fail, newId, ok, type Result } from '@onefin/kernel';
import {
  DEFAULT_CREDIT_OPTIONS,
  MARKETING_BOOSTING,
  type ModelArtifact,
  parseArtifact,
  type TrainedModelFile,
  writeArtifact,
} from '@onefin/ml';
import { type Selectable, sql } from 'kysely';
import type { ModelsError } from './errors.ts';
import type { Metrics, ModelName, ModelStatus, ModelVersion, ModelVersionSummary } from './model.ts';
import { type ModelsTables, modelsDb } from './schema.ts';

type VersionRow = Selectable<ModelsTables['models_versions']>;

const SUMMARY_COLUMNS = [
  'id',
  'model',
  'version',
  'status',
  'training_sha256',
  'training_rows',
  'seed',
  'metrics',
  'trained_by',
  'created_at',
  'validated_by',
  'validated_at',
  'activation_approval_id',
  'activated_at',
  'retired_at',
] as const;

function toSummary(r: Pick<VersionRow, (typeof SUMMARY_COLUMNS)[number]>): ModelVersionSummary {
  return {
    id: r.id,
    model: r.model,
    version: r.version,
    status: r.status,
    trainingSha256: r.training_sha256,
    trainingRows: r.training_rows,
    seed: r.seed,
    metrics: (r.metrics as Metrics | null) ?? null,
    trainedBy: r.trained_by,
    createdAt: new Date(r.created_at),
    validatedBy: r.validated_by,
    validatedAt: r.validated_at ? new Date(r.validated_at) : null,
    activationApprovalId: r.activation_approval_id,
    activatedAt: r.activated_at ? new Date(r.activated_at) : null,
    retiredAt: r.retired_at ? new Date(r.retired_at) : null,
  };
}

/** jsonb hands the artifact back parsed; its infinities are still the strings `writeArtifact` made. */
const reviveArtifact = (stored: unknown) => parseArtifact(JSON.stringify(stored));

function toVersion(r: VersionRow): ModelVersion {
  return {
    ...toSummary(r),
    features: r.features,
    hyperParams: r.hyper_params as Record<string, unknown>,
    folds: (r.folds as ModelVersion['folds']) ?? null,
    figures: r.figures as Record<string, unknown>,
    report: (r.report as ModelVersion['report']) ?? null,
    artifact: reviveArtifact(r.artifact),
  };
}

/** The variables a model reads, as the registry lists them. */
function featuresOf(artifact: ModelArtifact): string[] {
  return artifact.set === 'credit' ? artifact.model.variables : artifact.model.pipeline.names;
}

/** The settings training used: the library's defaults, with the seed. */
function hyperParamsOf(artifact: ModelArtifact): Record<string, unknown> {
  return artifact.set === 'credit'
    ? { ...DEFAULT_CREDIT_OPTIONS, scaling: artifact.model.card.scaling }
    : { learner: artifact.model.kind, ...MARKETING_BOOSTING, seed: artifact.trainedOn.seed };
}

/** Registers a training run as the model's next version, `trained`. */
export async function registerVersion(
  db: Executor,
  input: { trained: TrainedModelFile; trainedBy: string; at: Date },
): Promise<ModelVersionSummary> {
  const { artifact, crossValidation, figures, report } = input.trained;
  return db.transaction().execute(async (trx) => {
    const t = modelsDb(trx);
    // The unique (model, version) backs the lock up.
    await lockModel(trx, artifact.set);
    const last = await t
      .selectFrom('models_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('model', '=', artifact.set)
      .executeTakeFirst();
    const row = await t
      .insertInto('models_versions')
      .values({
        id: newId('mdv'),
        model: artifact.set,
        version: Number(last?.v ?? 0) + 1,
        status: 'trained',
        training_sha256: artifact.trainedOn.sha256,
        training_rows: artifact.trainedOn.rows,
        seed: artifact.trainedOn.seed,
        features: featuresOf(artifact),
        hyper_params: JSON.stringify(hyperParamsOf(artifact)),
        metrics: crossValidation ? JSON.stringify(crossValidation.summary) : null,
        folds: crossValidation ? JSON.stringify(crossValidation.folds) : null,
        figures: JSON.stringify(figures),
        report: report ? JSON.stringify(report) : null,
        artifact: writeArtifact(artifact),
        trained_by: input.trainedBy,
        created_at: input.at,
      })
      .returning(SUMMARY_COLUMNS)
      .executeTakeFirstOrThrow();
    return toSummary(row);
  });
}

/** One writer at a time per model (numbering, activation), until the transaction ends. */
async function lockModel(trx: Executor, model: ModelName): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`models_versions:${model}`}))`.execute(trx);
}

export async function listVersions(db: Executor, model: ModelName): Promise<ModelVersionSummary[]> {
  const rows = await modelsDb(db)
    .selectFrom('models_versions')
    .select(SUMMARY_COLUMNS)
    .where('model', '=', model)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toSummary);
}

export async function getVersion(
  db: Executor,
  model: ModelName,
  version: number,
  options: { forUpdate?: boolean } = {},
): Promise<ModelVersion | undefined> {
  let q = modelsDb(db)
    .selectFrom('models_versions')
    .selectAll()
    .where('model', '=', model)
    .where('version', '=', version);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The version that decides for the model now, if any. */
export async function activeVersion(db: Executor, model: ModelName): Promise<ModelVersion | undefined> {
  const row = await modelsDb(db)
    .selectFrom('models_versions')
    .selectAll()
    .where('model', '=', model)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** The newest version, whatever its status. */
export async function latestVersion(db: Executor, model: ModelName): Promise<ModelVersion | undefined> {
  const row = await modelsDb(db)
    .selectFrom('models_versions')
    .selectAll()
    .where('model', '=', model)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** trained → validated: someone read the cross-validated figures and vouches for them. */
export async function validateVersion(
  db: Executor,
  input: { model: ModelName; version: number; staffId: string; at: Date },
): Promise<Result<ModelVersionSummary, ModelsError>> {
  const current = await getVersion(db, input.model, input.version);
  if (!current) return fail('version_not_found', `no ${input.model} version ${input.version}`);
  if (current.status !== 'trained')
    return fail('invalid_transition', `version ${input.version} is ${current.status}, not trained`);
  if (!current.metrics)
    return fail('invalid_transition', 'this version was trained without cross-validation; train it again');
  const row = await modelsDb(db)
    .updateTable('models_versions')
    .set({ status: 'validated', validated_by: input.staffId, validated_at: input.at })
    .where('id', '=', current.id)
    .where('status', '=', 'trained')
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirst();
  return row ? ok(toSummary(row)) : fail('invalid_transition', 'the version changed meanwhile');
}

/** Statuses a version may be activated from: a validated one, or a retired one brought back. */
export const ACTIVATABLE: readonly ModelStatus[] = ['validated', 'retired'];

/**
 * Makes the version active and retires the one it replaces, in the caller's transaction (the approving
 * one). Returns the version it replaced.
 */
export async function activateVersion(
  trx: Executor,
  input: { model: ModelName; version: number; approvalId: string; at: Date },
): Promise<Result<{ activated: ModelVersionSummary; replaced: number | null }, ModelsError>> {
  await lockModel(trx, input.model);
  const target = await getVersion(trx, input.model, input.version, { forUpdate: true });
  if (!target) return fail('version_not_found', `no ${input.model} version ${input.version}`);
  if (!ACTIVATABLE.includes(target.status))
    return fail('invalid_transition', `version ${input.version} is ${target.status}`);
  const t = modelsDb(trx);
  const replaced = await t
    .updateTable('models_versions')
    .set({ status: 'retired', retired_at: input.at })
    .where('model', '=', input.model)
    .where('status', '=', 'active')
    .returning('version')
    .executeTakeFirst();
  const row = await t
    .updateTable('models_versions')
    .set({
      status: 'active',
      activation_approval_id: input.approvalId,
      activated_at: input.at,
      retired_at: null,
    })
    .where('id', '=', target.id)
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
  return ok({ activated: toSummary(row), replaced: replaced?.version ?? null });
}

/** trained or validated → retired: a version nobody will activate. The active one is replaced, not retired. */
export async function retireVersion(
  db: Executor,
  input: { model: ModelName; version: number; at: Date },
): Promise<Result<ModelVersionSummary, ModelsError>> {
  const row = await modelsDb(db)
    .updateTable('models_versions')
    .set({ status: 'retired', retired_at: input.at })
    .where('model', '=', input.model)
    .where('version', '=', input.version)
    .where('status', 'in', ['trained', 'validated'])
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirst();
  if (row) return ok(toSummary(row));
  const current = await getVersion(db, input.model, input.version);
  return current
    ? fail(
        'invalid_transition',
        current.status === 'active'
          ? 'the active version is retired by activating another'
          : `version ${input.version} is already ${current.status}`,
      )
    : fail('version_not_found', `no ${input.model} version ${input.version}`);
}
