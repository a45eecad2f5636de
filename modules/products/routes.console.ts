import type { AuditService } from '@onefin/audit';
import { problemSchema } from '@onefin/http';
import { currentStaff, type IdentityService, type RequestContext, requireStaff } from '@onefin/identity';
import {
  businessDateOf,
  type Clock,
  notFound,
  PROBLEM_CONTENT_TYPE,
  problemFor,
  problemType,
} from '@onefin/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PRODUCTS_PROBLEMS } from './errors.ts';
import {
  consoleListQuery,
  consoleProductDto,
  navPointDto,
  navRange,
  navRangeQuery,
  navReportDto,
  navRowsBody,
  productEventDto,
  reasonBody,
  repriceBody,
  toConsoleDto,
  toEventDto,
  versionBody,
} from './http-schemas.ts';
import type { NavImportReport } from './navs.ts';
import { productEdit, productInput } from './product-input.ts';
import type { ProductsService } from './service.ts';

export interface ConsoleProductsOptions {
  identity: IdentityService;
  audit: AuditService;
  products: ProductsService;
  clock: Clock;
}

/** Where a request came from, for the approval's audit trail. */
function requestContext(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, requestId: request.id, ...(typeof ua === 'string' ? { userAgent: ua } : {}) };
}

const idParam = z.strictObject({ id: z.string().min(1).max(64) });
/** A NAV file of a few years for every fund fits; one import is one transaction. */
const NAV_BODY_LIMIT = 16 * 1024 * 1024;
const dryRunQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
const rejectedImport = problemSchema.extend({ report: navReportDto });

/** Staff: the product factory (create, edit, review, suspend, close, reprice) and the NAV feed. */
export async function productsConsoleRoutes(
  root: FastifyInstance,
  opts: ConsoleProductsOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { products } = opts;
  const can = (permission: 'products.read' | 'products.manage' | 'products.nav') =>
    requireStaff(opts.identity, opts.audit, permission);
  // NAV files arrive as CSV text; this parser is scoped to this plugin's routes.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: NAV_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/products',
    {
      preHandler: can('products.read'),
      schema: {
        tags: ['products'],
        querystring: consoleListQuery,
        response: { 200: z.object({ items: z.array(consoleProductDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await products.listProducts(request.query);
      return { items: page.items.map(toConsoleDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  app.get(
    '/api/v1/products/:id',
    {
      preHandler: can('products.read'),
      schema: {
        tags: ['products'],
        params: idParam,
        response: { 200: consoleProductDto.extend({ history: z.array(productEventDto) }) },
      },
    },
    async (request) => {
      const product = await products.getProduct(request.params.id);
      if (!product) throw notFound('product');
      return { ...toConsoleDto(product), history: product.history.map(toEventDto) };
    },
  );

  app.post(
    '/api/v1/products',
    {
      preHandler: can('products.manage'),
      schema: { tags: ['products'], body: productInput, response: { 201: consoleProductDto } },
    },
    async (request, reply) => {
      const created = await products.createProduct(request.body, currentStaff(request).id);
      if (!created.ok) throw problemFor(PRODUCTS_PROBLEMS, created.error, created.detail);
      return reply.code(201).send(toConsoleDto(created.value));
    },
  );

  app.put(
    '/api/v1/products/:id',
    {
      preHandler: can('products.manage'),
      schema: {
        tags: ['products'],
        params: idParam,
        body: productEdit,
        response: { 200: consoleProductDto },
      },
    },
    async (request) => {
      const edited = await products.editProduct(request.params.id, request.body, currentStaff(request).id);
      if (!edited.ok) throw problemFor(PRODUCTS_PROBLEMS, edited.error, edited.detail);
      return toConsoleDto(edited.value);
    },
  );

  app.post(
    '/api/v1/products/:id/submit',
    {
      preHandler: can('products.manage'),
      schema: {
        tags: ['products'],
        params: idParam,
        body: versionBody,
        response: { 202: z.object({ product: consoleProductDto, approvalId: z.string() }) },
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      const submitted = await products.submitForReview(
        request.params.id,
        request.body,
        staff,
        requestContext(request),
      );
      if (!submitted.ok) throw problemFor(PRODUCTS_PROBLEMS, submitted.error, submitted.detail);
      return reply
        .code(202)
        .send({ product: toConsoleDto(submitted.value.product), approvalId: submitted.value.approvalId });
    },
  );

  const staffAction = (
    path: string,
    body: typeof versionBody | typeof reasonBody,
    run: (
      id: string,
      input: { version: number; reason: string },
      staffId: string,
    ) => ReturnType<ProductsService['resume']>,
  ) =>
    app.post(
      `/api/v1/products/:id/${path}`,
      {
        preHandler: can('products.manage'),
        schema: { tags: ['products'], params: idParam, body, response: { 200: consoleProductDto } },
      },
      async (request) => {
        const input = request.body as { version: number; reason?: string };
        const done = await run(request.params.id, { reason: '', ...input }, currentStaff(request).id);
        if (!done.ok) throw problemFor(PRODUCTS_PROBLEMS, done.error, done.detail);
        return toConsoleDto(done.value);
      },
    );
  staffAction('withdraw', versionBody, products.withdrawSubmission);
  staffAction('suspend', reasonBody, products.suspend);
  staffAction('resume', versionBody, products.resume);
  staffAction('close', reasonBody, products.close);

  app.post(
    '/api/v1/products/:id/reprice',
    {
      preHandler: can('products.manage'),
      schema: {
        tags: ['products'],
        params: idParam,
        body: repriceBody,
        response: { 202: z.object({ approvalId: z.string() }) },
      },
    },
    async (request, reply) => {
      const proposed = await products.proposeReprice(
        request.params.id,
        request.body,
        currentStaff(request),
        requestContext(request),
      );
      if (!proposed.ok) throw problemFor(PRODUCTS_PROBLEMS, proposed.error, proposed.detail);
      return reply.code(202).send(proposed.value);
    },
  );

  app.get(
    '/api/v1/products/:id/navs',
    {
      preHandler: can('products.read'),
      schema: {
        tags: ['products'],
        params: idParam,
        querystring: navRangeQuery,
        response: { 200: z.object({ items: z.array(navPointDto) }) },
      },
    },
    async (request) => {
      const range = navRange(request.query, businessDateOf(opts.clock.now()));
      const navs = await products.navHistory(request.params.id, range, 'replica');
      if (!navs.ok) throw problemFor(PRODUCTS_PROBLEMS, navs.error, navs.detail);
      return { items: navs.value };
    },
  );

  /** 200 with the report when imported (or, on a dry run, when it would be); 422 with it when rejected. */
  const answer = (report: NavImportReport, url: string) =>
    report.accepted
      ? { status: 200 as const, body: report }
      : {
          status: 422 as const,
          body: {
            type: problemType('nav_import_rejected'),
            title: PRODUCTS_PROBLEMS.nav_import_rejected.title,
            status: 422,
            code: 'nav_import_rejected',
            detail: `${report.errors.length} error(s); nothing was imported`,
            instance: url,
            errors: report.errors.map((e) => ({
              field: `line ${e.line}${e.field ? ` ${e.field}` : ''}`,
              message: e.message,
            })),
            report,
          },
        };

  app.post(
    '/api/v1/navs/import',
    {
      preHandler: can('products.nav'),
      bodyLimit: NAV_BODY_LIMIT,
      schema: {
        tags: ['navs'],
        description: 'A NAV CSV file as the body (content-type text/csv or text/plain).',
        querystring: dryRunQuery,
        body: z.string().min(1, 'send the CSV file as the body'),
        response: { 200: navReportDto, 422: rejectedImport },
      },
    },
    async (request, reply) => {
      const report = await products.importNavCsv(request.body, currentStaff(request).id, {
        dryRun: request.query.dryRun === 'true',
      });
      const { status, body } = answer(report, request.url);
      return reply
        .code(status)
        .type(status === 200 ? 'application/json' : PROBLEM_CONTENT_TYPE)
        .send(body);
    },
  );

  app.post(
    '/api/v1/navs',
    {
      preHandler: can('products.nav'),
      bodyLimit: NAV_BODY_LIMIT,
      schema: {
        tags: ['navs'],
        querystring: dryRunQuery,
        body: navRowsBody,
        response: { 200: navReportDto, 422: rejectedImport },
      },
    },
    async (request, reply) => {
      const report = await products.importNavRows(request.body.rows, currentStaff(request).id, {
        dryRun: request.query.dryRun === 'true',
      });
      const { status, body } = answer(report, request.url);
      return reply
        .code(status)
        .type(status === 200 ? 'application/json' : PROBLEM_CONTENT_TYPE)
        .send(body);
    },
  );
}
