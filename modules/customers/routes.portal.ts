import { strictBody } from '@onefin/http';
import { currentCustomer, type IdentityService, requireCustomer } from '@onefin/identity';
import { type Clock, notFound } from '@onefin/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  address,
  answers,
  assessmentDto,
  city,
  customerDto,
  customersProblem,
  email,
  idNumber,
  incomeBand,
  occupation,
  personName,
  provinceCode,
  questionnaireDto,
  riskDto,
  toAssessmentDto,
  toCustomerDto,
  version,
} from './http-schemas.ts';
import type { Actor } from './model.ts';
import { withoutScores } from './questionnaire.ts';
import type { CustomersService } from './service.ts';

export interface PortalCustomersOptions {
  identity: IdentityService;
  customers: CustomersService;
  clock: Clock;
}

/** The customer completes their own profile; mobile changes go through identity (it is the log-in). */
const profilePatch = strictBody({
  name: personName.optional(),
  idNumber: idNumber.optional(),
  email: email.nullable().optional(),
  provinceCode: provinceCode.nullable().optional(),
  city: city.nullable().optional(),
  address: address.nullable().optional(),
  occupation: occupation.nullable().optional(),
  incomeBand: incomeBand.nullable().optional(),
  version: version.optional(),
}).refine((b) => Object.keys(b).some((k) => k !== 'version'), 'change at least one field');

/** Customers: their own profile, real-name verification and risk questionnaire. No route takes a customer id. */
export async function customersPortalRoutes(
  root: FastifyInstance,
  opts: PortalCustomersOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { customers, clock } = opts;
  const auth = requireCustomer(opts.identity);
  const tags = ['profile'];
  const me = (request: FastifyRequest): Actor => ({
    type: 'customer',
    id: currentCustomer(request).id,
    channel: 'web',
  });

  app.get(
    '/api/v1/profile',
    { preHandler: auth, schema: { tags, response: { 200: customerDto } } },
    async (request) => {
      const found = await customers.getCustomer(currentCustomer(request).id);
      if (!found) throw notFound('customer profile');
      return toCustomerDto(found);
    },
  );

  app.patch(
    '/api/v1/profile',
    { preHandler: auth, schema: { tags, body: profilePatch, response: { 200: customerDto } } },
    async (request) => {
      const { version: expected, ...patch } = request.body;
      const updated = await customers.updateIndividual(
        currentCustomer(request).id,
        patch,
        me(request),
        expected,
      );
      if (!updated.ok) throw customersProblem(updated.error, updated.detail);
      return toCustomerDto(updated.value);
    },
  );

  app.post(
    '/api/v1/profile/real-name-verification',
    {
      preHandler: auth,
      schema: {
        tags,
        response: {
          200: z.object({
            outcome: z.enum(['match', 'mismatch', 'not_found']),
            at: z.iso.datetime(),
            customer: customerDto,
          }),
        },
      },
    },
    async (request) => {
      const done = await customers.verifyRealName(currentCustomer(request).id, me(request));
      if (!done.ok) throw customersProblem(done.error, done.detail);
      const { verification, customer } = done.value;
      return {
        outcome: verification.outcome,
        at: verification.at.toISOString(),
        customer: toCustomerDto(customer),
      };
    },
  );

  app.get(
    '/api/v1/risk-questionnaire',
    { preHandler: auth, schema: { tags: ['risk'], response: { 200: questionnaireDto } } },
    async (request) => {
      const found = await customers.getCustomer(currentCustomer(request).id);
      if (!found) throw notFound('customer profile');
      return withoutScores(await customers.currentQuestionnaire(found.type));
    },
  );

  app.post(
    '/api/v1/risk-assessments',
    {
      preHandler: auth,
      schema: {
        tags: ['risk'],
        body: strictBody({
          questionnaireId: z.string().min(1).max(60),
          answers,
          channel: z.enum(['web', 'app']).default('web'),
        }),
        response: { 201: assessmentDto },
      },
    },
    async (request, reply) => {
      const { channel, ...input } = request.body;
      const actor: Actor = { type: 'customer', id: currentCustomer(request).id, channel };
      const done = await customers.submitAssessment(actor.id, input, actor);
      if (!done.ok) throw customersProblem(done.error, done.detail);
      return reply.code(201).send(toAssessmentDto(done.value, clock.now()));
    },
  );

  app.get(
    '/api/v1/risk-assessments',
    { preHandler: auth, schema: { tags: ['risk'], response: { 200: riskDto } } },
    async (request) => {
      const { current, history } = await customers.riskAssessments(currentCustomer(request).id);
      const now = clock.now();
      return {
        current: current ? toAssessmentDto(current, now) : null,
        items: history.map((a) => toAssessmentDto(a, now)),
      };
    },
  );
}
