import { pageQuery } from '@onefin/http';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditService } from './service.ts';

const eventDto = z.object({
  seq: z.string(),
  occurredAt: z.iso.datetime(),
  actorType: z.string(),
  actorId: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});

/** The audit log viewer and chain verification; guards come from the console (identity's RBAC). */
export async function auditConsoleRoutes(
  root: FastifyInstance,
  opts: { audit: AuditService; canRead: preHandlerAsyncHookHandler; canVerify: preHandlerAsyncHookHandler },
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/audit',
    {
      preHandler: opts.canRead,
      schema: {
        tags: ['audit'],
        querystring: z.strictObject({
          ...pageQuery,
          before: z
            .string()
            .regex(/^\d{1,18}$/)
            .optional(),
          actorId: z.string().max(64).optional(),
          action: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(eventDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const { before, ...rest } = request.query;
      const page = await opts.audit.list({
        ...rest,
        before: before === undefined ? undefined : BigInt(before),
      });
      return {
        items: page.items.map((e) => ({
          seq: e.seq.toString(),
          occurredAt: e.occurredAt.toISOString(),
          actorType: e.actorType,
          actorId: e.actorId,
          action: e.action,
          targetType: e.targetType ?? null,
          targetId: e.targetId ?? null,
          outcome: e.outcome,
          detail: e.detail ?? {},
          ip: e.ip ?? null,
          requestId: e.requestId ?? null,
        })),
        ...(page.next === undefined ? {} : { next: page.next.toString() }),
      };
    },
  );

  app.post(
    '/api/v1/audit/verify',
    {
      preHandler: opts.canVerify,
      schema: {
        tags: ['audit'],
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            seq: z.string().optional(),
            problem: z.string().optional(),
          }),
        },
      },
    },
    async () => {
      const result = await opts.audit.verify();
      return result.ok ? result : { ...result, seq: result.seq.toString() };
    },
  );
}
