import type { ApprovalHandler, RequestContext, StaffUser } from '@onefin/identity';
import { fail, newId, ok, type Result } from '@onefin/kernel';
import { populationStability, type TrainedModelFile } from '@onefin/ml';
import { type ActivatePayload, activationHandler } from './approvals.ts';
import { type CampaignList, type CampaignQuery, campaignTargets, MAX_EXPORT_ROWS } from './campaign.ts';
import {
  type CustomerFeatures,
  featuresOf,
  putFeatures,
  rescore,
  type StoredScore,
  scoresOf,
  storedScore,
} from './customer-scores.ts';
import type { ModelsError } from './errors.ts';
import { campaignWorkbook, type Lang, scorecardRows, scorecardWorkbook } from './exports.ts';
import type { CreditApplicant, MarketingContact } from './inputs.ts';
import {
  DEFAULT_MODELS_SETTINGS,
  MODEL_ACTIONS,
  MODEL_NAMES,
  type ModelName,
  type ModelsDeps,
  type ModelVersion,
  type ModelVersionSummary,
} from './model.ts';
import {
  activeVersion,
  getVersion,
  latestVersion,
  listVersions,
  registerVersion,
  retireVersion,
  validateVersion,
} from './registry.ts';
import { modelsDb } from './schema.ts';
import {
  type CreditResult,
  type PropensityResult,
  scoreCreditApplicants,
  scoreMarketingContacts,
} from './scoring.ts';

/** Who asked for a decision and why, recorded with it. */
export type DecisionContext = {
  decidedBy: string;
  purpose: string;
  subjectId?: string;
  /** Where the request came from, for the audit row. */
  ip?: string;
  requestId?: string;
};

/** A decision: the result, and the version (id and number) that took it. */
export type Decision<R> = R & { decisionId: string; versionId: string; version: number };

/** How today's customers score against the sample the active version was developed on. */
export type Stability = {
  version: number;
  customers: number;
  psi: number;
  /** Score cuts between the sample's deciles, and each group's share in the sample and today. */
  cuts: number[];
  expected: number[];
  actual: number[];
};

export type CustomerCreditScore = CreditResult & { versionId: string; version: number; scoredAt: Date };

export interface ModelsService {
  /** Registers a training run as the model's next version (status trained). */
  registerVersion(trained: TrainedModelFile, trainedBy: string): Promise<ModelVersionSummary>;
  /** Each model with its active and newest versions. */
  overview(): Promise<
    { model: ModelName; active: ModelVersionSummary | null; latest: ModelVersionSummary | null }[]
  >;
  listVersions(model: ModelName): Promise<ModelVersionSummary[]>;
  getVersion(model: ModelName, version: number): Promise<ModelVersion | undefined>;
  activeVersion(model: ModelName): Promise<ModelVersion | undefined>;
  latestVersion(model: ModelName): Promise<ModelVersion | undefined>;
  validate(
    model: ModelName,
    version: number,
    staffId: string,
  ): Promise<Result<ModelVersionSummary, ModelsError>>;
  proposeActivation(
    maker: StaffUser,
    model: ModelName,
    version: number,
    ctx: RequestContext,
  ): Promise<Result<{ approvalId: string }, ModelsError | string>>;
  retire(model: ModelName, version: number): Promise<Result<ModelVersionSummary, ModelsError>>;
  /** Identity runs activation after a second person approves. */
  approvalHandlers(): [ApprovalHandler<ActivatePayload>];

  /** Scores an applicant with the active credit version and records the decision. */
  scoreCredit(
    applicant: CreditApplicant,
    ctx: DecisionContext,
  ): Promise<Result<Decision<CreditResult>, ModelsError>>;
  /** Scores a contact with the active marketing version and records the decision. */
  scorePropensity(
    contact: MarketingContact,
    ctx: DecisionContext,
  ): Promise<Result<Decision<PropensityResult>, ModelsError>>;

  /** Writes customers' features and scores them at once with the active versions. */
  putCustomerFeatures(rows: readonly CustomerFeatures[]): Promise<void>;
  customerFeatures(customerId: string): Promise<CustomerFeatures | undefined>;
  /** The customer's stored credit score with every variable's points (rescored if stale). */
  customerCreditScore(customerId: string): Promise<Result<CustomerCreditScore, ModelsError>>;

  /** PSI of the customers' stored scores against the active version's development sample. */
  stability(model: ModelName): Promise<Result<Stability, ModelsError>>;

  campaignTargets(query: CampaignQuery): Promise<Result<CampaignList & { version: number }, ModelsError>>;
  campaignWorkbook(query: CampaignQuery, lang: Lang): Promise<Result<Buffer, ModelsError>>;
  scorecardWorkbook(version: number, lang: Lang): Promise<Result<Buffer, ModelsError>>;
}

export function createModelsService(deps: ModelsDeps): ModelsService {
  const settings = { ...DEFAULT_MODELS_SETTINGS, ...deps.settings };
  const { db, reads, clock } = deps;
  // The active version of each model, kept in memory: scoring must not read a multi-megabyte
  // artifact per request. This process's activations clear it at once.
  const active = new Map<ModelName, { version: ModelVersion | undefined; until: number }>();
  const cachedActive = async (model: ModelName) => {
    const hit = active.get(model);
    const now = Date.now();
    if (hit && hit.until > now) return hit.version;
    const version = await activeVersion(db, model);
    active.set(model, { version, until: now + settings.activeCacheMs });
    return version;
  };
  const handler = activationHandler({ clock, onActivated: (model) => active.delete(model) });

  async function decide<R extends { probability: number; score: number }>(
    model: ModelName,
    input: unknown,
    ctx: DecisionContext,
    score: (v: ModelVersion) => R,
  ): Promise<Result<Decision<R>, ModelsError>> {
    const version = await cachedActive(model);
    if (!version) return fail('no_active_version', `no ${model} model version is active`);
    const result = score(version);
    const id = newId('mdd');
    const at = clock.now();
    // The decision and its audit row commit together: one commit on the scoring path.
    await db.transaction().execute(async (trx) => {
      await modelsDb(trx)
        .insertInto('models_decisions')
        .values({
          id,
          model,
          version_id: version.id,
          subject_type: ctx.subjectId ? 'customer' : 'applicant',
          subject_id: ctx.subjectId ?? null,
          purpose: ctx.purpose,
          input: JSON.stringify(input),
          probability: result.probability,
          score: result.score,
          reasons: JSON.stringify('reasons' in result ? result.reasons : []),
          decided_by: ctx.decidedBy,
          decided_at: at,
        })
        .execute();
      await deps.audit.record(
        {
          actorType: 'staff',
          actorId: ctx.decidedBy,
          action: 'model.decision',
          targetType: 'model_decision',
          targetId: id,
          outcome: 'success',
          detail: {
            model,
            version: version.version,
            versionId: version.id,
            purpose: ctx.purpose,
            score: result.score,
          },
          ...(ctx.ip ? { ip: ctx.ip } : {}),
          ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
        },
        trx,
      );
    });
    return ok({ ...result, decisionId: id, versionId: version.id, version: version.version });
  }

  const service: ModelsService = {
    registerVersion: (trained, trainedBy) => registerVersion(db, { trained, trainedBy, at: clock.now() }),
    async overview() {
      return Promise.all(
        MODEL_NAMES.map(async (model) => {
          const versions = await listVersions(reads, model);
          return {
            model,
            active: versions.find((v) => v.status === 'active') ?? null,
            latest: versions[0] ?? null,
          };
        }),
      );
    },
    listVersions: (model) => listVersions(reads, model),
    getVersion: (model, version) => getVersion(reads, model, version),
    activeVersion: (model) => cachedActive(model),
    latestVersion: (model) => latestVersion(db, model),
    validate: (model, version, staffId) => validateVersion(db, { model, version, staffId, at: clock.now() }),
    async proposeActivation(maker, model, version, ctx) {
      const proposed = await deps.approvals.propose(
        maker,
        { action: MODEL_ACTIONS.activate, payload: { model, version } },
        ctx,
      );
      if (!proposed.ok) return fail(proposed.error, proposed.detail);
      return ok({ approvalId: proposed.value.id });
    },
    retire: (model, version) => retireVersion(db, { model, version, at: clock.now() }),
    approvalHandlers: () => [handler],

    scoreCredit: (applicant, ctx) =>
      decide('credit', applicant, ctx, (v) => {
        if (v.artifact.set !== 'credit') throw new Error('the credit registry holds a non-credit artifact');
        return scoreCreditApplicants(v.artifact.model, [applicant])[0] as CreditResult;
      }),
    scorePropensity: (contact, ctx) =>
      decide('marketing', contact, ctx, (v) => {
        if (v.artifact.set !== 'marketing')
          throw new Error('the marketing registry holds a non-marketing artifact');
        return scoreMarketingContacts(v.artifact.model, [contact])[0] as PropensityResult;
      }),

    async putCustomerFeatures(rows) {
      const at = clock.now();
      const versions = await Promise.all(MODEL_NAMES.map((m) => cachedActive(m)));
      await db.transaction().execute(async (trx) => {
        await putFeatures(trx, rows, at);
        const ids = rows.map((r) => r.customerId);
        for (const v of versions) if (v) await rescore(trx, v, at, ids);
      });
    },
    customerFeatures: (customerId) => featuresOf(reads, customerId),
    async customerCreditScore(customerId) {
      const version = await cachedActive('credit');
      if (version?.artifact.set !== 'credit')
        return fail('no_active_version', 'no credit model version is active');
      const features = await featuresOf(reads, customerId);
      if (!features?.credit) return fail('no_features', `no credit data for customer ${customerId}`);
      const stored: StoredScore | undefined = await storedScore(reads, 'credit', customerId);
      // The breakdown is worked out again (microseconds); the stored row says when and by which version.
      const result = scoreCreditApplicants(version.artifact.model, [features.credit])[0] as CreditResult;
      const isCurrent = stored?.versionId === version.id;
      return ok({
        ...result,
        versionId: version.id,
        version: version.version,
        scoredAt: isCurrent && stored ? stored.scoredAt : clock.now(),
      });
    },

    async stability(model) {
      const version = await cachedActive(model);
      if (!version) return fail('no_active_version', `no ${model} model version is active`);
      const baseline = version.report?.stability;
      if (!baseline) return fail('no_baseline', `${model} version ${version.version} has no score deciles`);
      const scores = await scoresOf(reads, model, version.id);
      const { psi, shares } = populationStability(baseline, scores);
      return ok({
        version: version.version,
        customers: scores.length,
        psi,
        cuts: baseline.cuts,
        expected: baseline.shares,
        actual: shares,
      });
    },

    async campaignTargets(query) {
      const version = await cachedActive('marketing');
      if (!version) return fail('no_active_version', 'no marketing model version is active');
      const list = await campaignTargets(reads, deps.customers, query);
      return ok({ ...list, version: version.version });
    },
    async campaignWorkbook(query, lang) {
      const version = await cachedActive('marketing');
      if (!version) return fail('no_active_version', 'no marketing model version is active');
      const list = await campaignTargets(reads, deps.customers, {
        ...query,
        limit: MAX_EXPORT_ROWS,
        offset: 0,
      });
      const { limit: _l, offset: _o, ...filters } = query;
      const described = Object.entries(filters)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : v}`)
        .join(', ');
      return ok(await campaignWorkbook(list.items, { version: version.version, filters: described }, lang));
    },
    async scorecardWorkbook(version, lang) {
      const v = await getVersion(reads, 'credit', version);
      if (!v) return fail('version_not_found', `no credit version ${version}`);
      return ok(await scorecardWorkbook(v, scorecardRows(v), lang));
    },
  };
  return service;
}
