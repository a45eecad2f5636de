import { type IdempotencyKeys, pageQuery, positiveMoney, strictBody } from '@onefin/http';
import { currentCustomer, type IdentityService, requireCustomer } from '@onefin/identity';
import { fromMoneyDto, problemFor } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVESTING_PROBLEMS } from './errors.ts';
import {
  assetsDto,
  orderDetailDto,
  orderDto,
  parseShares,
  previewDto,
  SHARES,
  toAssetsDto,
  toOrderDetailDto,
  toOrderDto,
  toPreviewDto,
} from './http-schemas.ts';
import { ORDER_STATUSES } from './schema.ts';
import type { InvestingService } from './service.ts';

export interface PortalInvestingOptions {
  identity: IdentityService;
  investing: InvestingService;
  idempotency: IdempotencyKeys;
}

const id = z.string().min(1).max(64);
const shares = z
  .string()
  .regex(SHARES, 'shares as a decimal string with at most 2 decimals, e.g. "1000.50"')
  .refine((s) => parseShares(s) > 0n, 'must be greater than zero');
/** Self-service comes through the web or the app; assisted channels are the console's. */
const channel = z.enum(['web', 'app']).default('web');
const orderBody = z.discriminatedUnion('type', [
  strictBody({ type: z.literal('subscribe'), productId: id, amount: positiveMoney, channel }),
  strictBody({ type: z.literal('wealth_buy'), productId: id, amount: positiveMoney, channel }),
  strictBody({ type: z.literal('redeem'), productId: id, shares, channel }),
]);
const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().describe('required: a unique key per order'),
});

type OrderBody = z.infer<typeof orderBody>;
const orderOf = (body: OrderBody) =>
  body.type === 'redeem'
    ? { type: body.type, shares: parseShares(body.shares) }
    : { type: body.type, amount: fromMoneyDto(body.amount) };

/** Customers: orders for funds and wealth products, their preview and cancellation, "my assets". */
export async function investingPortalRoutes(
  root: FastifyInstance,
  opts: PortalInvestingOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { investing, idempotency } = opts;
  const auth = requireCustomer(opts.identity);
  const tags = ['investing'];

  app.post(
    '/api/v1/orders/preview',
    { preHandler: auth, schema: { tags, body: orderBody, response: { 200: previewDto } } },
    async (request) => {
      const customerId = currentCustomer(request).id;
      const { productId, channel: via } = request.body;
      const preview = await investing.preview({
        customerId,
        productId,
        channel: via,
        ...orderOf(request.body),
      });
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
        const base = {
          customerId,
          productId: request.body.productId,
          channel: request.body.channel,
          idempotencyKey: String(request.headers['idempotency-key']),
        };
        const order = orderOf(request.body);
        const placed =
          order.type === 'redeem'
            ? await investing.redeem({ ...base, shares: order.shares })
            : order.type === 'subscribe'
              ? await investing.subscribe({ ...base, amount: order.amount })
              : await investing.buyWealth({ ...base, amount: order.amount });
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

  app.post(
    '/api/v1/orders/:id/cancel',
    { preHandler: auth, schema: { tags, params: z.strictObject({ id }), response: { 200: orderDto } } },
    async (request) => {
      const cancelled = await investing.cancel(currentCustomer(request).id, request.params.id);
      if (!cancelled.ok) throw problemFor(INVESTING_PROBLEMS, cancelled.error, cancelled.detail);
      return toOrderDto(cancelled.value);
    },
  );

  app.get(
    '/api/v1/assets',
    { preHandler: auth, schema: { tags, response: { 200: assetsDto } } },
    async (request) => toAssetsDto(await investing.assets(currentCustomer(request).id)),
  );
}
