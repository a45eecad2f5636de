import { type IdentityService, SESSION_COOKIE } from '@onefin/identity';
import { businessDateOf, type Clock, notFound, parseMoney, problemFor, unauthorized } from '@onefin/kernel';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PRODUCTS_PROBLEMS } from './errors.ts';
import {
  catalogueQuery,
  compareQuery,
  navPointDto,
  navRange,
  navRangeQuery,
  productDetailDto,
  productSummaryDto,
  suitabilityDto,
  toDetailDto,
  toSuitabilityDto,
  toSummaryDto,
} from './http-schemas.ts';
import type { ProductSummary } from './model.ts';
import type { ProductsService } from './service.ts';
import type { SuitabilityDecision } from './suitability.ts';

export interface PortalProductsOptions {
  identity: IdentityService;
  products: ProductsService;
  clock: Clock;
}

/** The catalogue is public; a signed-in customer also gets "suitable for me" on every product. */
function optionalCustomer(identity: IdentityService): preHandlerAsyncHookHandler {
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE.customer];
    const session = token ? await identity.resolveSession('customer', token) : undefined;
    if (session) request.customer = { id: session.principalId, sessionId: session.id };
  };
}

const idParam = z.strictObject({ id: z.string().min(1).max(64) });
const catalogueListDto = z.object({ items: z.array(productSummaryDto), next: z.string().optional() });

/**
 * The list's JSON, built from each summary's JSON, serialized once and checked by its zod schema
 * when first seen: the catalogue cache hands out the same summary objects until it refills, so a
 * busy list costs a join, not a validation of every item on every request. A signed-in customer's
 * suitability (checked per request) is spliced into each item.
 */
function catalogueJson() {
  const itemJson = new WeakMap<ProductSummary, string>();
  const jsonOf = (p: ProductSummary) => {
    let json = itemJson.get(p);
    if (!json) {
      json = JSON.stringify(productSummaryDto.parse(toSummaryDto(p)));
      itemJson.set(p, json);
    }
    return json;
  };
  return (
    items: readonly ProductSummary[],
    fit: Map<string, SuitabilityDecision> | undefined,
    next?: string,
  ) => {
    const parts = items.map((p) => {
      const decision = fit?.get(p.id);
      if (!decision) return jsonOf(p);
      const suitability = JSON.stringify(suitabilityDto.parse(toSuitabilityDto(decision)));
      return `${jsonOf(p).slice(0, -1)},"suitability":${suitability}}`;
    });
    return `{"items":[${parts.join(',')}]${next === undefined ? '' : `,"next":${JSON.stringify(next)}`}}`;
  };
}

/** Customers: the financial supermarket (list, search, compare, detail, NAV chart) and suitability. */
export async function productsPortalRoutes(
  root: FastifyInstance,
  opts: PortalProductsOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { products, identity } = opts;
  const maybeCustomer = optionalCustomer(identity);
  const signedIn = (request: FastifyRequest) => request.customer?.id;
  const listJson = catalogueJson();

  app.get(
    '/api/v1/products',
    {
      preHandler: maybeCustomer,
      schema: {
        tags: ['products'],
        querystring: catalogueQuery,
        response: { 200: catalogueListDto },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const page = await products.browse({
        kinds: q.kind,
        categories: q.category,
        maxRisk: q.maxRisk,
        termMin: q.termMin,
        termMax: q.termMax,
        minYield: q.minYield,
        maxMinimumAmount: q.maxMinAmount === undefined ? undefined : parseMoney(q.maxMinAmount, q.currency),
        customerType: q.customerType,
        q: q.q,
        sort: q.sort,
        limit: q.limit,
        cursor: q.cursor,
      });
      if (!page.ok) throw problemFor(PRODUCTS_PROBLEMS, page.error, page.detail);
      const customerId = signedIn(request);
      const fit = customerId
        ? await products.suitabilityOf(customerId, page.value.items, q.channel)
        : undefined;
      // Already-serialized JSON: Fastify sends a string as it is (the cast only tells the type provider).
      const json = listJson(page.value.items, fit, page.value.next);
      return reply
        .type('application/json; charset=utf-8')
        .send(json as unknown as z.infer<typeof catalogueListDto>);
    },
  );

  app.get(
    '/api/v1/products/compare',
    {
      preHandler: maybeCustomer,
      schema: {
        tags: ['products'],
        querystring: compareQuery,
        response: { 200: z.object({ items: z.array(productDetailDto) }) },
      },
    },
    async (request) => {
      const found = await products.compare(request.query.ids);
      if (!found.ok) throw problemFor(PRODUCTS_PROBLEMS, found.error, found.detail);
      const customerId = signedIn(request);
      const fit = customerId
        ? await products.suitabilityOf(customerId, found.value, request.query.channel)
        : undefined;
      return { items: found.value.map((p) => toDetailDto(p, fit?.get(p.id))) };
    },
  );

  app.get(
    '/api/v1/products/:id',
    {
      preHandler: maybeCustomer,
      schema: {
        tags: ['products'],
        params: idParam,
        querystring: z.strictObject({ channel: z.enum(['web', 'app']).default('web') }),
        response: { 200: productDetailDto },
      },
    },
    async (request) => {
      const product = await products.catalogueProduct(request.params.id);
      if (!product) throw notFound('product');
      const customerId = signedIn(request);
      const fit = customerId
        ? await products.suitabilityOf(customerId, [product], request.query.channel)
        : undefined;
      return toDetailDto(product, fit?.get(product.id));
    },
  );

  app.get(
    '/api/v1/products/:id/navs',
    {
      schema: {
        tags: ['products'],
        params: idParam,
        querystring: navRangeQuery,
        response: { 200: z.object({ items: z.array(navPointDto) }) },
      },
    },
    async (request) => {
      const product = await products.catalogueProduct(request.params.id);
      if (!product) throw notFound('product');
      const range = navRange(request.query, businessDateOf(opts.clock.now()));
      const navs = await products.navHistory(product.id, range);
      if (!navs.ok) throw problemFor(PRODUCTS_PROBLEMS, navs.error, navs.detail);
      return { items: navs.value };
    },
  );

  app.get(
    '/api/v1/products/:id/suitability',
    {
      preHandler: maybeCustomer,
      schema: {
        tags: ['products'],
        params: idParam,
        querystring: z.strictObject({ channel: z.enum(['web', 'app']).default('web') }),
        response: { 200: suitabilityDto },
      },
    },
    async (request) => {
      const customerId = signedIn(request);
      if (!customerId) throw unauthorized();
      const product = await products.catalogueProduct(request.params.id);
      if (!product) throw notFound('product');
      const decision = await products.suitability({
        customerId,
        productId: product.id,
        channel: request.query.channel,
      });
      if (!decision.ok) throw problemFor(PRODUCTS_PROBLEMS, decision.error, decision.detail);
      return toSuitabilityDto(decision.value);
    },
  );
}
