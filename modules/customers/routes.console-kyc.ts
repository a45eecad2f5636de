import { strictBody } from '@onefin/http';
import { type Clock, notFound } from '@onefin/kernel';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answers,
  assessmentDto,
  customerDto,
  customerId,
  customersProblem,
  personName,
  questionnaireDto,
  riskDto,
  staffActor,
  staffChannel,
  toAssessmentDto,
  toCustomerDto,
} from './http-schemas.ts';
import {
  documentDto,
  hitDto,
  screeningDto,
  toDocumentDto,
  toHitDto,
  toScreeningDto,
  toVerificationDto,
  toWatchlistEntryDto,
  verificationDto,
  watchlistEntryDto,
} from './profile-dto.ts';
import type { CustomersService } from './service.ts';

interface KycRouteOptions {
  customers: CustomersService;
  clock: Clock;
  canRead: preHandlerAsyncHookHandler;
  canWrite: preHandlerAsyncHookHandler;
  /** Compliance decisions (watch list, matches) are risk's, not sales'. */
  canReview: preHandlerAsyncHookHandler;
}

const DOCUMENT_KINDS = [
  'id_card_front',
  'id_card_back',
  'passport',
  'residence_permit',
  'business_licence',
  'authorisation_letter',
  'proof_of_address',
  'other',
] as const;

const idParams = z.strictObject({ id: customerId });
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date');

/** Staff: real-name verification, KYC documents, watch-list screening, risk questionnaires on the customer's behalf. */
export async function registerConsoleKycRoutes(app: FastifyInstance, opts: KycRouteOptions): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { customers, clock, canRead, canWrite, canReview } = opts;
  const tags = ['customers'];

  api.post(
    '/api/v1/customers/:id/real-name-verification',
    {
      preHandler: canWrite,
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ verification: verificationDto, customer: customerDto }) },
      },
    },
    async (request) => {
      const done = await customers.verifyRealName(request.params.id, staffActor(request));
      if (!done.ok) throw customersProblem(done.error, done.detail);
      return {
        verification: toVerificationDto(done.value.verification),
        customer: toCustomerDto(done.value.customer),
      };
    },
  );

  api.post(
    '/api/v1/customers/:id/kyc-documents',
    {
      preHandler: canWrite,
      schema: {
        tags,
        params: idParams,
        body: strictBody({
          kind: z.enum(DOCUMENT_KINDS),
          fileName: z.string().trim().min(1).max(200),
          contentType: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
          sizeBytes: z
            .number()
            .int()
            .min(1)
            .max(20 * 1024 * 1024),
          sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the lowercase hex SHA-256 of the file'),
        }),
        response: { 201: documentDto },
      },
    },
    async (request, reply) => {
      const added = await customers.addKycDocument(request.params.id, request.body, staffActor(request));
      if (!added.ok) throw customersProblem(added.error, added.detail);
      return reply.code(201).send(toDocumentDto(added.value));
    },
  );

  api.post(
    '/api/v1/customers/:id/screenings',
    {
      preHandler: canWrite,
      schema: {
        tags,
        params: idParams,
        response: { 201: z.object({ screening: screeningDto, hits: z.array(hitDto) }) },
      },
    },
    async (request, reply) => {
      const done = await customers.screen(request.params.id, staffActor(request));
      if (!done.ok) throw customersProblem(done.error, done.detail);
      return reply
        .code(201)
        .send({ screening: toScreeningDto(done.value.screening), hits: done.value.hits.map(toHitDto) });
    },
  );

  api.post(
    '/api/v1/customers/:id/screening-hits/:hitId/resolve',
    {
      preHandler: canReview,
      schema: {
        tags,
        params: z.strictObject({ id: customerId, hitId: z.string().min(1).max(64) }),
        body: strictBody({
          decision: z.enum(['dismiss', 'confirm']),
          note: z.string().trim().min(2).max(500),
        }),
        response: { 200: hitDto },
      },
    },
    async (request) => {
      const done = await customers.resolveScreeningHit(
        request.params.id,
        request.params.hitId,
        request.body,
        staffActor(request),
      );
      if (!done.ok) throw customersProblem(done.error, done.detail);
      return toHitDto(done.value);
    },
  );

  api.get(
    '/api/v1/watchlist',
    {
      preHandler: canRead,
      schema: {
        tags: ['watchlist'],
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100).optional(),
          listKind: z.enum(['pep', 'sanctions']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.string().min(1).max(64).optional(),
        }),
        response: { 200: z.object({ items: z.array(watchlistEntryDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await customers.listWatchlist(request.query);
      return { items: page.items.map(toWatchlistEntryDto), ...(page.next ? { next: page.next } : {}) };
    },
  );

  api.post(
    '/api/v1/watchlist',
    {
      preHandler: canReview,
      schema: {
        tags: ['watchlist'],
        body: strictBody({
          listKind: z.enum(['pep', 'sanctions']),
          entityType: z.enum(['person', 'organisation']),
          name: z.union([personName, z.string().trim().min(2).max(100)]),
          birthDate: date.nullable().optional(),
          nationality: z.string().trim().min(2).max(60).nullable().optional(),
          source: z.string().trim().min(2).max(100),
          note: z.string().trim().min(1).max(500).nullable().optional(),
        }),
        response: { 201: z.object({ entry: watchlistEntryDto, matchedCustomers: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const added = await customers.addWatchlistEntry(request.body, staffActor(request));
      return reply
        .code(201)
        .send({ entry: toWatchlistEntryDto(added.entry), matchedCustomers: added.matchedCustomers });
    },
  );

  api.get(
    '/api/v1/risk-questionnaires/:type',
    {
      preHandler: canRead,
      schema: {
        tags: ['risk'],
        params: z.strictObject({ type: z.enum(['individual', 'corporate']) }),
        response: { 200: questionnaireDto },
      },
    },
    async (request) => customers.currentQuestionnaire(request.params.type),
  );

  api.post(
    '/api/v1/customers/:id/risk-assessments',
    {
      preHandler: canWrite,
      schema: {
        tags: ['risk'],
        params: idParams,
        body: strictBody({ questionnaireId: z.string().min(1).max(60), answers, channel: staffChannel }),
        response: { 201: assessmentDto },
      },
    },
    async (request, reply) => {
      const { channel, ...input } = request.body;
      const done = await customers.submitAssessment(request.params.id, input, staffActor(request, channel));
      if (!done.ok) throw customersProblem(done.error, done.detail);
      return reply.code(201).send(toAssessmentDto(done.value, clock.now()));
    },
  );

  api.get(
    '/api/v1/customers/:id/risk-assessments',
    { preHandler: canRead, schema: { tags: ['risk'], params: idParams, response: { 200: riskDto } } },
    async (request) => {
      if (!(await customers.getCustomer(request.params.id))) throw notFound('customer');
      const { current, history } = await customers.riskAssessments(request.params.id);
      const now = clock.now();
      return {
        current: current ? toAssessmentDto(current, now) : null,
        items: history.map((a) => toAssessmentDto(a, now)),
      };
    },
  );
}
