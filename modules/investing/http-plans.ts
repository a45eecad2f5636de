import { type IdempotencyKeys, positiveMoney, strictBody } from '@onefin/http';
import { currentCustomer, type IdentityService, requireCustomer } from '@onefin/identity';
import { fromMoneyDto, problemFor, toMoneyDto } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVESTING_PROBLEMS } from './errors.ts';
import { moneyDto } from './http-schemas.ts';
import type { Plan, PlanRun } from './plans.ts';
import { PLAN_FREQUENCIES, PLAN_STATUSES } from './schema.ts';
import type { InvestingService } from './service.ts';

export const planDto = z.object({
  id: z.string(),
  productId: z.string(),
  productCode: z.string(),
  productNameZh: z.string(),
  productNameEn: z.string(),
  amount: moneyDto,
  frequency: z.enum(PLAN_FREQUENCIES),
  runDay: z.number(),
  channel: z.string(),
  status: z.enum(PLAN_STATUSES),
  nextRunOn: z.string(),
  createdAt: z.string(),
});

const planRunDto = z.object({
  dueOn: z.string(),
  status: z.enum(['placed', 'skipped']),
  orderId: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

const toPlanDto = (p: Plan): z.infer<typeof planDto> => ({
  id: p.id,
  productId: p.productId,
  productCode: p.productCode,
  productNameZh: p.productNameZh,
  productNameEn: p.productNameEn,
  amount: toMoneyDto(p.amount),
  frequency: p.frequency,
  runDay: p.runDay,
  channel: p.channel,
  status: p.status,
  nextRunOn: p.nextRunOn,
  createdAt: p.createdAt.toISOString(),
});
const toRunDto = (r: PlanRun) => ({ ...r, at: r.at.toISOString() });

const planBody = strictBody({
  productId: z.string().min(1).max(64),
  amount: positiveMoney,
  frequency: z.enum(PLAN_FREQUENCIES),
  runDay: z.number().int().min(1).max(28).describe('weekly/biweekly: ISO weekday 1–5; monthly: day 1–28'),
  channel: z.enum(['web', 'app']).default('web'),
}).refine((b) => b.frequency === 'monthly' || b.runDay <= 5, {
  message: 'weekly and biweekly plans run on a weekday, 1 (Monday) to 5 (Friday)',
  path: ['runDay'],
});

/** Customers: regular investment plans (定投), their runs, pause, resume and stop. */
export async function planPortalRoutes(
  root: FastifyInstance,
  opts: { identity: IdentityService; investing: InvestingService; idempotency: IdempotencyKeys },
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { investing } = opts;
  const auth = requireCustomer(opts.identity);
  const tags = ['investing'];
  const params = z.strictObject({ id: z.string().min(1).max(64) });

  app.get(
    '/api/v1/plans',
    { preHandler: auth, schema: { tags, response: { 200: z.object({ items: z.array(planDto) }) } } },
    async (request) => ({ items: (await investing.plans(currentCustomer(request).id)).map(toPlanDto) }),
  );

  app.post(
    '/api/v1/plans',
    {
      preHandler: auth,
      schema: {
        tags,
        headers: z.object({ 'idempotency-key': z.string().min(1).max(255).optional() }),
        body: planBody,
        response: { 201: planDto },
      },
    },
    async (request, reply) => {
      const customerId = currentCustomer(request).id;
      return opts.idempotency.run(request, reply, `portal:${customerId}`, async () => {
        const created = await investing.createPlan({
          ...request.body,
          customerId,
          amount: fromMoneyDto(request.body.amount),
          idempotencyKey: String(request.headers['idempotency-key']),
        });
        if (!created.ok) throw problemFor(INVESTING_PROBLEMS, created.error, created.detail);
        return { status: 201, body: toPlanDto(created.value) };
      });
    },
  );

  app.get(
    '/api/v1/plans/:id',
    {
      preHandler: auth,
      schema: { tags, params, response: { 200: planDto.extend({ runs: z.array(planRunDto) }) } },
    },
    async (request) => {
      const found = await investing.plan(request.params.id, currentCustomer(request).id);
      if (!found.ok) throw problemFor(INVESTING_PROBLEMS, found.error);
      return { ...toPlanDto(found.value), runs: found.value.runs.map(toRunDto) };
    },
  );

  app.patch(
    '/api/v1/plans/:id',
    {
      preHandler: auth,
      schema: {
        tags,
        params,
        body: strictBody({ status: z.enum(PLAN_STATUSES) }),
        response: { 200: planDto },
      },
    },
    async (request) => {
      const customerId = currentCustomer(request).id;
      const done = await investing.setPlanStatus(customerId, request.params.id, request.body.status);
      if (!done.ok) throw problemFor(INVESTING_PROBLEMS, done.error, done.detail);
      return toPlanDto(done.value);
    },
  );
}
