import { type IdempotencyKeys, pageQuery, strictBody } from '@onefin/http';
import { currentCustomer, type IdentityService, requireCustomer } from '@onefin/identity';
import { problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVESTING_PROBLEMS } from './errors.ts';
import { orderBodyFor, placeFromBody, previewFromBody } from './http-orders.ts';
import { planPortalRoutes } from './http-plans.ts';
import { portfolioPortalRoutes } from './http-portfolio.ts';
import {
  assetsDto,
  holdingLotDto,
  orderDetailDto,
  orderDto,
  previewDto,
  toAssetsDto,
  toHoldingLotDto,
  toOrderDetailDto,
  toOrderDto,
  toPreviewDto,
} from './http-schemas.ts';
import { renderReceipt } from './receipt.ts';
import { ORDER_STATUSES } from './schema.ts';
import type { InvestingService } from './service.ts';

export interface PortalInvestingOptions {
  identity: IdentityService;
  investing: InvestingService;
  idempotency: IdempotencyKeys;
}

const id = z.string().min(1).max(64);
/** Self-service comes through the web or the app; assisted channels are the console's. */
const orderBody = orderBodyFor(z.enum(['web', 'app']).default('web'));
const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().describe('required: a unique key per order'),
});

/** Customers: orders for funds and wealth products, their preview and cancellation, "my assets". */
export async function investingPortalRoutes(
  root: FastifyInstance,
  opts: PortalInvestingOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { investing, idempotency } = opts;
  const auth = requireCustomer(opts.identity);
  const tags = ['investing'];
  await planPortalRoutes(root, opts);
  await portfolioPortalRoutes(root, opts);

  app.post(
    '/api/v1/orders/preview',
    { preHandler: auth, schema: { tags, body: orderBody, response: { 200: previewDto } } },
    async (request) => {
      const customerId = currentCustomer(request).id;
      const preview = await investing.preview(
        previewFromBody({ customerId, channel: request.body.channel }, request.body),
      );
      if (!preview.ok) throw problemFor(INVESTING_PROBLEMS, preview.error, preview.detail);
      return toPreviewDto(preview.value);
    },
  );

  app.post(
    '/api/v1/orders',
    {
      preHandler: auth,
      schema: { tags, headers: idempotencyHeader, body: orderBody, response: { 201: orderDto } },
    },
    async (request, reply) => {
      const customerId = currentCustomer(request).id;
      return idempotency.run(request, reply, `portal:${customerId}`, async () => {
        const placed = await placeFromBody(
          investing,
          {
            customerId,
            channel: request.body.channel,
            idempotencyKey: String(request.headers['idempotency-key']),
          },
          request.body,
        );
        if (!placed.ok) throw problemFor(INVESTING_PROBLEMS, placed.error, placed.detail);
        return { status: 201, body: toOrderDto(placed.value) };
      });
    },
  );

  app.get(
    '/api/v1/orders',
    {
      preHandler: auth,
      schema: {
        tags,
        querystring: z.strictObject({ ...pageQuery, status: z.enum(ORDER_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(orderDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await investing.listOrders({ ...request.query, customerId: currentCustomer(request).id });
      return { items: page.items.map(toOrderDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  app.get(
    '/api/v1/orders/:id',
    { preHandler: auth, schema: { tags, params: z.strictObject({ id }), response: { 200: orderDetailDto } } },
    async (request) => {
      const found = await investing.getOrder(request.params.id, currentCustomer(request).id);
      if (!found.ok) throw problemFor(INVESTING_PROBLEMS, found.error);
      return toOrderDetailDto(found.value);
    },
  );

  app.get(
    '/api/v1/orders/:id/receipt',
    {
      preHandler: auth,
      schema: {
        tags,
        description: 'The electronic confirmation (交易确认书) of an order: a printable HTML page.',
        params: z.strictObject({ id }),
        querystring: z.strictObject({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
      },
    },
    async (request, reply) => {
      const customerId = currentCustomer(request).id;
      const found = await investing.getOrder(request.params.id, customerId);
      if (!found.ok) throw problemFor(INVESTING_PROBLEMS, found.error);
      const o = found.value;
      const customer = await opts.identity.getCustomer(customerId);
      const staffMember = o.staffId ? await opts.identity.getStaff(o.staffId) : undefined;
      const html = renderReceipt(o, o.history, {
        lang: request.query.lang,
        customerName: customer?.displayName ?? customerId,
        staffName: staffMember?.displayName ?? null,
      });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  for (const [action, run] of [
    ['confirm', investing.confirmOrder],
    ['decline', investing.declineOrder],
  ] as const)
    app.post(
      `/api/v1/orders/:id/${action}`,
      { preHandler: auth, schema: { tags, params: z.strictObject({ id }), response: { 200: orderDto } } },
      async (request) => {
        const done = await run(currentCustomer(request).id, request.params.id);
        if (!done.ok) throw problemFor(INVESTING_PROBLEMS, done.error, done.detail);
        return toOrderDto(done.value);
      },
    );

  app.post(
    '/api/v1/orders/:id/cancel',
    { preHandler: auth, schema: { tags, params: z.strictObject({ id }), response: { 200: orderDto } } },
    async (request) => {
      const cancelled = await investing.cancel(currentCustomer(request).id, request.params.id);
      if (!cancelled.ok) throw problemFor(INVESTING_PROBLEMS, cancelled.error, cancelled.detail);
      return toOrderDto(cancelled.value);
    },
  );

  app.post(
    '/api/v1/deposits/:lotId/withdraw',
    {
      preHandler: auth,
      schema: {
        tags,
        headers: idempotencyHeader,
        params: z.strictObject({ lotId: id }),
        body: strictBody({ channel: z.enum(['web', 'app']).default('web') }),
        response: { 201: orderDto },
      },
    },
    async (request, reply) => {
      const customerId = currentCustomer(request).id;
      return idempotency.run(request, reply, `portal:${customerId}`, async () => {
        const done = await investing.withdrawDeposit({
          customerId,
          lotId: request.params.lotId,
          channel: request.body.channel,
          idempotencyKey: String(request.headers['idempotency-key']),
        });
        if (!done.ok) throw problemFor(INVESTING_PROBLEMS, done.error, done.detail);
        return { status: 201, body: toOrderDto(done.value) };
      });
    },
  );

  app.get(
    '/api/v1/holdings/:productId/lots',
    {
      preHandler: auth,
      schema: {
        tags,
        params: z.strictObject({ productId: id }),
        response: { 200: z.object({ items: z.array(holdingLotDto) }) },
      },
    },
    async (request) => ({
      items: (await investing.lots(currentCustomer(request).id, request.params.productId)).map(
        toHoldingLotDto,
      ),
    }),
  );

  app.get(
    '/api/v1/assets',
    { preHandler: auth, schema: { tags, response: { 200: assetsDto } } },
    async (request) => toAssetsDto(await investing.assets(currentCustomer(request).id)),
  );
}
