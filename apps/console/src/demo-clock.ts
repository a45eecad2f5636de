import type { AuditService } from '@onefin/audit';
import { strictBody } from '@onefin/http';
import { currentStaff, type IdentityService, requireStaff } from '@onefin/identity';
import { businessDateOf, HttpProblem, type MovableClock, parseDuration } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface DemoClockOptions {
  identity: IdentityService;
  audit: AuditService;
  clock: MovableClock;
}

const clockDto = z.object({
  now: z.iso.datetime(),
  businessDate: z.string(),
});

const toClockDto = (now: Date) => ({ now: now.toISOString(), businessDate: businessDateOf(now) });

const duration = z
  .string()
  .refine(
    (s) => parseDuration(s) !== undefined,
    'must be an ISO 8601 duration of weeks, days, hours, minutes or seconds, e.g. P1D or PT2H',
  );

const moveBody = z.union([
  strictBody({ advance: duration }),
  strictBody({ to: z.iso.datetime({ offset: true }) }),
]);

/**
 * The movable demo clock (`onefin start --clock`): read it, and move it forward to show T+1
 * confirmations, cooling-off ends or maturities without waiting. Registered only when the demo
 * clock runs, never in production. Moving it needs `demo.clock` and is audited with both instants.
 */
export async function demoClockRoutes(root: FastifyInstance, opts: DemoClockOptions): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['demo'];

  app.get(
    '/api/v1/demo/clock',
    {
      preHandler: requireStaff(opts.identity, opts.audit),
      schema: { tags, response: { 200: clockDto } },
    },
    async () => toClockDto(opts.clock.now()),
  );

  app.post(
    '/api/v1/demo/clock',
    {
      preHandler: requireStaff(opts.identity, opts.audit, 'demo.clock'),
      schema: { tags, body: moveBody, response: { 200: clockDto } },
    },
    async (request) => {
      const from = opts.clock.now();
      const body = request.body;
      const moved =
        'advance' in body
          ? opts.clock.advance(parseDuration(body.advance) ?? 0)
          : opts.clock.moveTo(new Date(body.to));
      if (!moved.ok)
        throw new HttpProblem(422, 'clock_backwards', 'The clock only moves forward', moved.detail);
      await opts.audit.record({
        actorType: 'staff',
        actorId: currentStaff(request).id,
        action: 'demo.clock.move',
        targetType: 'clock',
        targetId: 'demo',
        outcome: 'success',
        detail: { from: from.toISOString(), to: moved.value.toISOString(), ...body },
        ip: request.ip,
        requestId: request.id,
      });
      return toClockDto(moved.value);
    },
  );
}
