import type { AuditService } from '@onefin/audit';
import { pageQuery, strictBody } from '@onefin/http';
import { currentStaff, type IdentityService, requireStaff } from '@onefin/identity';
import { problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAYMENTS_PROBLEMS } from './errors.ts';
import { breakDto, runDto, toBreakDto, toRunDto } from './http-schemas.ts';
import type { RunWithBreaks } from './reconciliation.ts';
import type { PaymentsService } from './service.ts';

export interface ConsolePaymentsOptions {
  identity: IdentityService;
  audit: AuditService;
  payments: PaymentsService;
}

/** A real calendar date, YYYY-MM-DD. */
const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date');

const runWithBreaks = runDto.extend({ breaks: z.array(breakDto) });
const toRunWithBreaksDto = (r: RunWithBreaks) => ({ ...toRunDto(r), breaks: r.breaks.map(toBreakDto) });

/** Operations: the payment channel's daily reconciliation and its breaks. */
export async function paymentsConsoleRoutes(
  root: FastifyInstance,
  opts: ConsolePaymentsOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { payments } = opts;
  const guard = requireStaff(opts.identity, opts.audit, 'payments.reconcile');

  app.post(
    '/api/v1/reconciliation/runs',
    {
      preHandler: guard,
      schema: {
        tags: ['reconciliation'],
        body: strictBody({ date: businessDate }),
        response: { 201: runWithBreaks },
      },
    },
    async (request, reply) => {
      const run = await payments.reconcile(request.body.date, currentStaff(request).id);
      if (!run.ok) throw problemFor(PAYMENTS_PROBLEMS, run.error, run.detail);
      return reply.code(201).send(toRunWithBreaksDto(run.value));
    },
  );

  app.get(
    '/api/v1/reconciliation/runs',
    {
      preHandler: guard,
      schema: {
        tags: ['reconciliation'],
        querystring: z.strictObject(pageQuery),
        response: { 200: z.object({ items: z.array(runDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await payments.listRuns(request.query);
      return { items: page.items.map(toRunDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  app.get(
    '/api/v1/reconciliation/runs/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['reconciliation'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: runWithBreaks },
      },
    },
    async (request) => {
      const run = await payments.getRun(request.params.id);
      if (!run.ok) throw problemFor(PAYMENTS_PROBLEMS, run.error, run.detail);
      return toRunWithBreaksDto(run.value);
    },
  );
}
