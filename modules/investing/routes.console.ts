import type { AuditService } from '@onefin/audit';
import { calendarDate, type IdempotencyKeys, pageQuery, strictBody } from '@onefin/http';
import { currentStaff, type IdentityService, requireStaff } from '@onefin/identity';
import { problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVESTING_PROBLEMS } from './errors.ts';
import { orderBodyFor, placeFromBody, previewFromBody } from './http-orders.ts';
import {
  holdingDto,
  orderDetailDto,
  orderDto,
  previewDto,
  salesLineDto,
  salesTotalDto,
  toHoldingDto,
  toOrderDetailDto,
  toOrderDto,
  toPreviewDto,
  toSalesLineDto,
  toSalesTotalDto,
} from './http-schemas.ts';
import { renderReceipt } from './receipt.ts';
import { ORDER_STATUSES } from './schema.ts';
import type { InvestingService } from './service.ts';

export interface ConsoleInvestingOptions {
  identity: IdentityService;
  audit: AuditService;
  investing: InvestingService;
  idempotency: IdempotencyKeys;
}

const id = z.string().min(1).max(64);
/** Every channel staff sell through; self-service channels stay with the portal. */
const orderBody = orderBodyFor(z.enum(['phone', 'agent', 'corporate', 'branch']));
const runDto = z.object({
  tradeDate: z.string(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  report: z.record(z.string(), z.unknown()),
});
const toRunDto = (r: Awaited<ReturnType<InvestingService['runEndOfDay']>>) => ({
  tradeDate: r.tradeDate,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  report: r.report as Record<string, unknown>,
});

/** Staff: order search, assisted orders on a customer's behalf, holdings, the end-of-day runs. */
export async function investingConsoleRoutes(
  root: FastifyInstance,
  opts: ConsoleInvestingOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { investing, idempotency } = opts;
  const staff = (permission: Parameters<typeof requireStaff>[2]) =>
    requireStaff(opts.identity, opts.audit, permission);
  const tags = ['investing'];

  app.get(
    '/api/v1/investing/orders',
    {
      preHandler: staff('orders.read'),
      schema: {
        tags,
        querystring: z.strictObject({
          ...pageQuery,
          customerId: id.optional(),
          staffId: id.optional(),
          channel: z.enum(['web', 'app', 'phone', 'agent', 'corporate', 'branch', 'system']).optional(),
          productId: id.optional(),
          status: z.enum(ORDER_STATUSES).optional(),
        }),
        response: { 200: z.object({ items: z.array(orderDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await investing.listOrders(request.query, 'replica');
      return { items: page.items.map(toOrderDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  app.get(
    '/api/v1/investing/orders/:id',
    {
      preHandler: staff('orders.read'),
      schema: { tags, params: z.strictObject({ id }), response: { 200: orderDetailDto } },
    },
    async (request) => {
      const found = await investing.getOrder(request.params.id);
      if (!found.ok) throw problemFor(INVESTING_PROBLEMS, found.error);
      return toOrderDetailDto(found.value);
    },
  );

  app.get(
    '/api/v1/investing/orders/:id/receipt',
    {
      preHandler: staff('orders.read'),
      schema: {
        tags,
        description: 'The electronic confirmation of an order, as the customer gets it.',
        params: z.strictObject({ id }),
        querystring: z.strictObject({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
      },
    },
    async (request, reply) => {
      const found = await investing.getOrder(request.params.id);
      if (!found.ok) throw problemFor(INVESTING_PROBLEMS, found.error);
      const o = found.value;
      const customer = await opts.identity.getCustomer(o.customerId);
      const staffMember = o.staffId ? await opts.identity.getStaff(o.staffId) : undefined;
      const html = renderReceipt(o, o.history, {
        lang: request.query.lang,
        customerName: customer?.displayName ?? o.customerId,
        staffName: staffMember?.displayName ?? null,
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.post(
    '/api/v1/investing/customers/:customerId/orders/preview',
    {
      preHandler: staff('orders.assist'),
      // Only reads, as a GET would: the drawer asks again as staff type, and the order itself is audited.
      config: { isReadOnly: true },
      schema: {
        tags,
        description:
          'What the order would be for this customer through this channel (suitability, fee, dates, ' +
          'estimates, the instant redemption limit left): nothing is held or recorded.',
        params: z.strictObject({ customerId: id }),
        body: orderBody,
        response: { 200: previewDto },
      },
    },
    async (request) => {
      const preview = await investing.preview(
        previewFromBody(
          {
            customerId: request.params.customerId,
            channel: request.body.channel,
            staffId: currentStaff(request).id,
          },
          request.body,
        ),
      );
      if (!preview.ok) throw problemFor(INVESTING_PROBLEMS, preview.error, preview.detail);
      return toPreviewDto(preview.value);
    },
  );

  app.post(
    '/api/v1/investing/customers/:customerId/orders',
    {
      preHandler: staff('orders.assist'),
      schema: {
        tags,
        params: z.strictObject({ customerId: id }),
        headers: z.object({ 'idempotency-key': z.string().min(1).max(255).optional() }),
        body: orderBody,
        response: { 201: orderDto },
      },
    },
    async (request, reply) => {
      const staffId = currentStaff(request).id;
      return idempotency.run(request, reply, `console:${staffId}`, async () => {
        const placed = await placeFromBody(
          investing,
          {
            customerId: request.params.customerId,
            channel: request.body.channel,
            staffId,
            // Scoped by staff member: two advisors' keys never collide.
            idempotencyKey: `staff:${staffId}:${String(request.headers['idempotency-key'])}`,
          },
          request.body,
        );
        if (!placed.ok) throw problemFor(INVESTING_PROBLEMS, placed.error, placed.detail);
        return { status: 201, body: toOrderDto(placed.value) };
      });
    },
  );

  app.post(
    '/api/v1/investing/orders/:id/confirmation',
    {
      preHandler: staff('orders.assist'),
      schema: {
        tags,
        params: z.strictObject({ id }),
        body: strictBody({ code: z.string().regex(/^\d{6}$/, 'the six digits the customer received') }),
        response: { 200: orderDto },
      },
    },
    async (request) => {
      const done = await investing.confirmWithCode(request.params.id, request.body.code);
      if (!done.ok) throw problemFor(INVESTING_PROBLEMS, done.error, done.detail);
      return toOrderDto(done.value);
    },
  );

  app.get(
    '/api/v1/investing/customers/:customerId/holdings',
    {
      preHandler: staff('customers.read'),
      schema: {
        tags,
        params: z.strictObject({ customerId: id }),
        response: { 200: z.object({ items: z.array(holdingDto) }) },
      },
    },
    async (request) => ({
      items: (await investing.holdings(request.params.customerId)).map(toHoldingDto),
    }),
  );

  app.get(
    '/api/v1/investing/sales',
    {
      preHandler: staff('orders.read'),
      schema: {
        tags,
        description: 'Sales per channel and staff member over business days (Shanghai), from the orders.',
        querystring: z
          .strictObject({
            from: calendarDate.optional().describe('first business day; default the 1st of this month'),
            to: calendarDate.optional().describe('last business day; default today'),
            channel: z.enum(['web', 'app', 'phone', 'agent', 'corporate', 'branch']).optional(),
            staffId: id.optional(),
          })
          .refine((q) => !q.from || !q.to || q.from <= q.to, {
            message: 'from must not be after to',
            path: ['from'],
          }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            items: z.array(salesLineDto),
            totals: z.array(salesTotalDto),
          }),
        },
      },
    },
    async (request) => {
      const { from, to, lines, totals } = await investing.salesLedger(request.query, 'replica');
      const names = new Map((await opts.identity.listStaff()).map((s) => [s.id, s.displayName]));
      return {
        from,
        to,
        items: lines.map((l) => ({
          ...toSalesLineDto(l),
          staffName: l.staffId ? (names.get(l.staffId) ?? null) : null,
        })),
        totals: totals.map(toSalesTotalDto),
      };
    },
  );

  app.get(
    '/api/v1/investing/eod-runs',
    {
      preHandler: staff('operations.run'),
      schema: {
        tags,
        querystring: z.strictObject({ limit: pageQuery.limit, before: calendarDate.optional() }),
        response: { 200: z.object({ items: z.array(runDto) }) },
      },
    },
    async (request) => ({ items: (await investing.endOfDayRuns(request.query)).map(toRunDto) }),
  );

  app.post(
    '/api/v1/investing/eod-runs',
    {
      preHandler: staff('operations.run'),
      schema: {
        tags,
        body: strictBody({ tradeDate: calendarDate.optional() }),
        response: { 200: runDto },
      },
    },
    async (request) => {
      const tradeDate = request.body.tradeDate ?? (await investing.settleableTradeDate());
      return toRunDto(await investing.runEndOfDay(tradeDate));
    },
  );
}
