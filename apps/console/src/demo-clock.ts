import type { AuditService } from '@onefin/audit';
import { strictBody } from '@onefin/http';
import { currentStaff, type IdentityService, requireStaff } from '@onefin/identity';
import { businessDateOf, HttpProblem, type MovableClock, parseDuration } from '@onefin/kernel';
import {
  isCovered,
  isTradingDay,
  nextTradingDay,
  type ProductsService,
  type TradingCalendar,
} from '@onefin/products';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface DemoClockOptions {
  identity: IdentityService;
  audit: AuditService;
  clock: MovableClock;
  /** The exchanges' calendar (weekends and the holiday table), for the business date's trading facts. */
  products: Pick<ProductsService, 'tradingCalendar'>;
}

const clockDto = z.object({
  now: z.iso.datetime(),
  businessDate: z.string(),
  /** Null when the calendar does not cover the date (its year's closures are not in the table). */
  isTradingDay: z.boolean().nullable(),
  /** The first trading day after the business date; null when the calendar does not cover it. */
  nextTradingDay: z.string().nullable(),
});

/**
 * The clock and its business date's trading facts. Past the years the holiday table covers the
 * calendar cannot say (it throws rather than guess), and the page that moves the clock must still
 * answer then — the clock never goes back — so those facts are null instead of a 500.
 */
function toClockDto(now: Date, cal: TradingCalendar): z.infer<typeof clockDto> {
  const businessDate = businessDateOf(now);
  const covered = isCovered(businessDate, cal);
  return {
    now: now.toISOString(),
    businessDate,
    isTradingDay: covered ? isTradingDay(businessDate, cal) : null,
    nextTradingDay: covered ? nextTradingDayIfCovered(businessDate, cal) : null,
  };
}

/** The next trading day, or null when it would fall past the calendar's last year (e.g. from 31 Dec). */
function nextTradingDayIfCovered(date: string, cal: TradingCalendar): string | null {
  try {
    return nextTradingDay(date, cal);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

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
 * The movable demo clock (`onefin start --clock`): read it (with whether its business date is a
 * trading day, and the next one, from the products' calendar), and move it forward to show T+1
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
    async () => {
      const cal = await opts.products.tradingCalendar();
      return toClockDto(opts.clock.now(), cal);
    },
  );

  app.post(
    '/api/v1/demo/clock',
    {
      preHandler: requireStaff(opts.identity, opts.audit, 'demo.clock'),
      schema: { tags, body: moveBody, response: { 200: clockDto } },
    },
    async (request) => {
      // Read before moving: a move is never left unanswered by a failing calendar read.
      const cal = await opts.products.tradingCalendar();
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
      return toClockDto(moved.value, cal);
    },
  );
}
