import type { ApprovalHandler } from '@onefin/identity';
import { fail, ok } from '@onefin/kernel';
import { z } from 'zod';
import { rescore } from './customer-scores.ts';
import { MODELS_PROBLEMS } from './errors.ts';
import { MODEL_ACTIONS, MODEL_NAMES, type ModelName } from './model.ts';
import { ACTIVATABLE, activateVersion, getVersion } from './registry.ts';

/**
 * Activating a version changes every credit decision and campaign list that follows, so it runs only
 * after a second person approves (maker–checker): an analyst proposes, a risk officer approves.
 */
export const activatePayload = z.strictObject({
  model: z.enum(MODEL_NAMES),
  version: z.number().int().min(1),
  /** Filled by `prepare` from the registry, never by the maker: what the checker is approving. */
  version_summary: z
    .object({
      status: z.string(),
      auc: z.number().nullable(),
      trainingSha256: z.string(),
      trainingRows: z.number(),
    })
    .optional(),
});
export type ActivatePayload = z.infer<typeof activatePayload>;

export function activationHandler(d: {
  clock: { now(): Date };
  onActivated(model: ModelName): void;
}): ApprovalHandler<ActivatePayload> {
  return {
    action: MODEL_ACTIONS.activate,
    proposePermission: 'models.manage',
    approvePermission: 'models.approve',
    schema: activatePayload,
    async prepare(p, db) {
      const v = await getVersion(db, p.model, p.version);
      if (!v) return fail('version_not_found', `no ${p.model} version ${p.version}`);
      if (!ACTIVATABLE.includes(v.status))
        return fail(
          'invalid_transition',
          `${MODELS_PROBLEMS.invalid_transition.title}: version ${p.version} is ${v.status}`,
        );
      return ok({
        model: p.model,
        version: p.version,
        version_summary: {
          status: v.status,
          auc: v.metrics?.auc.mean ?? null,
          trainingSha256: v.trainingSha256,
          trainingRows: v.trainingRows,
        },
      });
    },
    describe: (p) => ({
      summary: `Activate ${p.model} model version ${p.version}${
        p.version_summary?.auc ? ` (cross-validated AUC ${p.version_summary.auc.toFixed(4)})` : ''
      }`,
      targetType: 'model_version',
      targetId: `${p.model}:${p.version}`,
    }),
    display: (p) => ({ model: p.model, version: p.version, ...(p.version_summary ?? {}) }),
    async execute(p, ctx) {
      const at = d.clock.now();
      const activated = await activateVersion(ctx.trx, {
        model: p.model,
        version: p.version,
        approvalId: ctx.approvalId,
        at,
      });
      if (!activated.ok) return fail(activated.error, activated.detail);
      // Every stored customer score moves to the new version in the same transaction.
      const version = await getVersion(ctx.trx, p.model, p.version);
      const rescored = version ? await rescore(ctx.trx, version, at) : 0;
      d.onActivated(p.model);
      return ok({
        model: p.model,
        version: p.version,
        replaced: activated.value.replaced,
        rescoredCustomers: rescored,
      });
    },
  };
}
