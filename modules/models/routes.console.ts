import type { AuditService } from '@onefin/audit';
import { type IdentityService, requestContext, requireStaff } from '@onefin/identity';
import { problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignQuery } from './campaign.ts';
import { MODELS_PROBLEMS } from './errors.ts';
import { scorecardRows } from './exports.ts';
import { creditApplicant, marketingContact } from './inputs.ts';
import { MODEL_NAMES, type ModelVersion } from './model.ts';
import type { ModelsService } from './service.ts';

export interface ConsoleModelsOptions {
  identity: IdentityService;
  audit: AuditService;
  models: ModelsService;
}

const modelParam = z.strictObject({ model: z.enum(MODEL_NAMES) });
const versionParams = z.strictObject({ model: z.enum(MODEL_NAMES), version: z.coerce.number().int().min(1) });
const creditVersionParams = z.strictObject({ version: z.coerce.number().int().min(1) });
const customerParam = z.strictObject({ id: z.string().min(1).max(64) });
const langQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The page of one version: everything but the artifact, plus the scorecard and WoE tables of a credit model. */
function versionDto(v: ModelVersion) {
  const { artifact, ...rest } = v;
  const card = artifact.set === 'credit' ? artifact.model.card : undefined;
  return {
    ...rest,
    scaling: card?.scaling ?? null,
    scorecard: scorecardRows(v),
    woe:
      card?.features.map((f) => ({
        variable: f.column,
        iv: f.woe.iv,
        coefficient: f.coefficient,
        bins: f.bins.map((b, i) => {
          const counts = f.woe.bins[i];
          return {
            label: b.label,
            woe: b.woe,
            points: b.points,
            goods: counts?.goods ?? 0,
            bads: counts?.bads ?? 0,
          };
        }),
      })) ?? [],
  };
}

/** Staff: the model registry, scoring applicants, the customer's credit score and the campaign list. */
export async function modelsConsoleRoutes(root: FastifyInstance, opts: ConsoleModelsOptions): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { models } = opts;
  const can = (permission: 'models.read' | 'models.score' | 'models.manage' | 'campaigns.read') =>
    requireStaff(opts.identity, opts.audit, permission);
  const orFail = <T>(r: { ok: true; value: T } | { ok: false; error: string; detail?: string }): T => {
    if (r.ok) return r.value;
    const known = r.error in MODELS_PROBLEMS;
    throw problemFor(
      MODELS_PROBLEMS,
      known ? (r.error as keyof typeof MODELS_PROBLEMS) : 'approval_refused',
      known ? r.detail : `${r.error}${r.detail ? `: ${r.detail}` : ''}`,
    );
  };

  app.get('/api/v1/models', { preHandler: can('models.read'), schema: { tags: ['models'] } }, async () => ({
    items: await models.overview(),
  }));

  app.get(
    '/api/v1/models/:model/stability',
    { preHandler: can('models.read'), schema: { tags: ['models'], params: modelParam } },
    async (request) => orFail(await models.stability(request.params.model)),
  );

  app.get(
    '/api/v1/models/:model/versions',
    { preHandler: can('models.read'), schema: { tags: ['models'], params: modelParam } },
    async (request) => ({ items: await models.listVersions(request.params.model) }),
  );

  app.get(
    '/api/v1/models/:model/versions/:version',
    { preHandler: can('models.read'), schema: { tags: ['models'], params: versionParams } },
    async (request) => {
      const v = await models.getVersion(request.params.model, request.params.version);
      if (!v) throw problemFor(MODELS_PROBLEMS, 'version_not_found');
      return versionDto(v);
    },
  );

  app.get(
    '/api/v1/models/credit/versions/:version/scorecard.xlsx',
    {
      preHandler: can('models.read'),
      schema: { tags: ['models'], params: creditVersionParams, querystring: langQuery },
    },
    async (request, reply) => {
      const book = orFail(await models.scorecardWorkbook(request.params.version, request.query.lang));
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="credit-scorecard-v${request.params.version}.xlsx"`,
        )
        .send(book);
    },
  );

  for (const action of ['validate', 'retire'] as const)
    app.post(
      `/api/v1/models/:model/versions/:version/${action}`,
      { preHandler: can('models.manage'), schema: { tags: ['models'], params: versionParams } },
      async (request) => {
        const { model, version } = request.params;
        const staffId = request.staff?.id as string;
        return orFail(
          action === 'validate'
            ? await models.validate(model, version, staffId)
            : await models.retire(model, version),
        );
      },
    );

  app.post(
    '/api/v1/models/:model/versions/:version/activate',
    { preHandler: can('models.manage'), schema: { tags: ['models'], params: versionParams } },
    async (request, reply) => {
      const { model, version } = request.params;
      const staff = request.staff as NonNullable<typeof request.staff>;
      const proposed = orFail(await models.proposeActivation(staff, model, version, requestContext(request)));
      return reply.code(202).send(proposed);
    },
  );

  app.post(
    '/api/v1/models/credit/score',
    {
      preHandler: can('models.score'),
      config: { auditedInline: true },
      schema: { tags: ['models'], body: creditApplicant },
    },
    async (request) =>
      orFail(
        await models.scoreCredit(request.body, {
          decidedBy: request.staff?.id as string,
          purpose: 'console.applicant',
          ip: request.ip,
          requestId: request.id,
        }),
      ),
  );

  app.post(
    '/api/v1/models/marketing/score',
    {
      preHandler: can('models.score'),
      config: { auditedInline: true },
      schema: { tags: ['models'], body: marketingContact },
    },
    async (request) =>
      orFail(
        await models.scorePropensity(request.body, {
          decidedBy: request.staff?.id as string,
          purpose: 'console.contact',
          ip: request.ip,
          requestId: request.id,
        }),
      ),
  );

  app.get(
    '/api/v1/customers/:id/credit-score',
    { preHandler: can('models.score'), schema: { tags: ['models'], params: customerParam } },
    async (request) => orFail(await models.customerCreditScore(request.params.id)),
  );

  app.get(
    '/api/v1/campaigns/deposit/targets',
    { preHandler: can('campaigns.read'), schema: { tags: ['campaigns'], querystring: campaignQuery } },
    async (request) => orFail(await models.campaignTargets(request.query)),
  );

  app.get(
    '/api/v1/campaigns/deposit/targets.xlsx',
    {
      preHandler: can('campaigns.read'),
      schema: { tags: ['campaigns'], querystring: campaignQuery.extend({ lang: langQuery.shape.lang }) },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const book = orFail(await models.campaignWorkbook(query, lang));
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="deposit-campaign.xlsx"')
        .send(book);
    },
  );
}
