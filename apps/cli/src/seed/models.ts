import { readFileSync } from 'node:fs';
import { trainModelFile } from '@onefin/ml';
import type { ModelName } from '@onefin/models';
import type { Services } from '@onefin/platform';
import { staffNamed } from './books.ts';

/** The demo's model seed: the CLI's default, so `onefin model train` reproduces the seeded versions. */
export const DEMO_MODEL_SEED = 20261125;

/** Who trains and who approves in the demo: an analyst proposes, a risk officer approves. */
export const DEMO_MODEL_STAFF = { maker: 'analyst', checker: 'risk_officer' } as const;

const trainingFile = (set: ModelName) => new URL(`../../../../data/${set}/train.csv`, import.meta.url);

/**
 * Gives the demo an active version of each model the way staff would: trained and cross-validated on
 * the shipped file, validated and proposed by the analyst, approved by the risk officer. A model that
 * already has an active version is left alone. `rows` trains on the first rows only (tests, benches).
 */
export async function seedModelVersions(
  services: Services,
  options: { rows?: number; models?: readonly ModelName[]; onModel?: (model: ModelName) => void } = {},
): Promise<{ model: ModelName; version: number; auc: number | null }[]> {
  const maker = await staffNamed(services, DEMO_MODEL_STAFF.maker);
  const checker = await staffNamed(services, DEMO_MODEL_STAFF.checker);
  const ctx = { requestId: 'seed' };
  const seeded: { model: ModelName; version: number; auc: number | null }[] = [];
  for (const model of options.models ?? (['credit', 'marketing'] as const)) {
    if (await services.models.activeVersion(model)) continue;
    options.onModel?.(model);
    let text = readFileSync(trainingFile(model), 'utf8');
    if (options.rows)
      text = `${text
        .split('\n')
        .slice(0, options.rows + 1)
        .join('\n')}\n`;
    const trained = trainModelFile(model, text, { seed: DEMO_MODEL_SEED, isCrossValidated: true });
    if (!trained.ok)
      throw new Error(`seed: ${model} training data refused: ${JSON.stringify(trained.problems)}`);
    const v = await services.models.registerVersion(trained.value, maker.id);
    const validated = await services.models.validate(model, v.version, maker.id);
    if (!validated.ok) throw new Error(`seed: ${model} v${v.version} not validated: ${validated.detail}`);
    const proposed = await services.models.proposeActivation(maker, model, v.version, ctx);
    if (!proposed.ok) throw new Error(`seed: ${model} activation not proposed: ${proposed.error}`);
    const decided = await services.identity.decide(
      checker,
      { approvalId: proposed.value.approvalId, decision: 'approve', note: '交叉验证结果已复核' },
      ctx,
    );
    if (!decided.ok || decided.value.status !== 'approved')
      throw new Error(
        `seed: ${model} activation not approved: ${decided.ok ? decided.value.status : decided.error}`,
      );
    seeded.push({ model, version: v.version, auc: v.metrics?.auc.mean ?? null });
  }
  return seeded;
}
