import type { AuditService } from '@onefin/audit';
import { strictBody } from '@onefin/http';
import { type IdentityService, requireStaff } from '@onefin/identity';
import { type Clock, HttpProblem, notFound } from '@onefin/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CorporatePatch } from './corporates.ts';
import {
  address,
  city,
  corporateName,
  customerDto,
  customerId,
  customersProblem,
  email,
  enterpriseSize,
  idNumber,
  incomeBand,
  industry,
  mobile,
  occupation,
  personName,
  provinceCode,
  staffActor,
  staffChannel,
  toCustomerDto,
  uscc,
  version,
} from './http-schemas.ts';
import type { IndividualPatch } from './individuals.ts';
import { CUSTOMER_STATUSES, KYC_STATUSES } from './model.ts';
import {
  changeDto,
  contactDto,
  profileDto,
  relationshipDto,
  summaryDto,
  toContactDto,
  toProfileDto,
  toRelationshipDto,
} from './profile-dto.ts';
import { RELATIONSHIP_KINDS } from './relationships.ts';
import { registerConsoleKycRoutes } from './routes.console-kyc.ts';
import type { CustomersService } from './service.ts';

export interface ConsoleCustomersOptions {
  identity: IdentityService;
  audit: AuditService;
  customers: CustomersService;
  clock: Clock;
}

const individualFields = {
  name: personName,
  idNumber,
  mobile,
  email: email.nullable().optional(),
  provinceCode: provinceCode.nullable().optional(),
  city: city.nullable().optional(),
  address: address.nullable().optional(),
  occupation: occupation.nullable().optional(),
  incomeBand: incomeBand.nullable().optional(),
};
const corporateFields = {
  name: corporateName,
  uscc,
  industry,
  size: enterpriseSize,
  legalRepresentative: personName,
  provinceCode: provinceCode.nullable().optional(),
  city: city.nullable().optional(),
  address: address.nullable().optional(),
};
/** The fields an edit may change, by kind of customer: anything else is a field error. */
const partialOf = (fields: Record<string, z.ZodType>) =>
  z.strictObject(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])));
const individualPatch = partialOf(individualFields);
const corporatePatch = partialOf(corporateFields);

function fieldProblem(error: z.ZodError): HttpProblem {
  const errors = error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.')];
    return keys.map((k) => ({ field: k ? `body.${k}` : 'body', message: issue.message }));
  });
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new HttpProblem(400, 'validation_failed', 'Invalid request', detail, errors);
}

/** An edit names the version it was made on, and any fields of either kind (checked against the customer). */
const editBody = strictBody({
  version,
  ...individualPatch.shape,
  ...corporatePatch.shape,
  name: z.union([personName, corporateName]).optional(),
}).refine((b) => Object.keys(b).some((k) => k !== 'version'), 'change at least one field');

const idParams = z.strictObject({ id: customerId });

/** Staff: customer search, the 360° profile, opening and editing customers, ties and contacts. */
export async function customersConsoleRoutes(
  root: FastifyInstance,
  opts: ConsoleCustomersOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { customers } = opts;
  const canRead = requireStaff(opts.identity, opts.audit, 'customers.read');
  const canWrite = requireStaff(opts.identity, opts.audit, 'customers.write');
  const tags = ['customers'];

  app.get(
    '/api/v1/customers',
    {
      preHandler: canRead,
      schema: {
        tags,
        querystring: z.strictObject({
          q: z.string().trim().min(1).max(100).optional(),
          type: z.enum(['individual', 'corporate']).optional(),
          status: z.enum(CUSTOMER_STATUSES as [string, ...string[]]).optional(),
          kycStatus: z.enum(KYC_STATUSES as [string, ...string[]]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: customerId.optional(),
        }),
        response: { 200: z.object({ items: z.array(summaryDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const { before, ...query } = request.query;
      const page = await customers.search({
        ...(query as Parameters<CustomersService['search']>[0]),
        after: before,
      });
      return {
        items: page.items.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
        ...(page.next ? { next: page.next } : {}),
      };
    },
  );

  app.get(
    '/api/v1/customers/:id',
    { preHandler: canRead, schema: { tags, params: idParams, response: { 200: profileDto } } },
    async (request) => {
      const profile = await customers.getProfile(request.params.id);
      if (!profile) throw notFound('customer');
      return toProfileDto(profile, opts.clock.now());
    },
  );

  app.post(
    '/api/v1/customers/individuals',
    {
      preHandler: canWrite,
      schema: {
        tags,
        body: strictBody({ ...individualFields, channel: staffChannel.default('branch') }),
        response: { 201: customerDto },
      },
    },
    async (request, reply) => {
      const { channel, ...input } = request.body;
      const created = await customers.createIndividual(input, staffActor(request, channel));
      if (!created.ok) throw customersProblem(created.error, created.detail);
      return reply.code(201).send(toCustomerDto(created.value));
    },
  );

  app.post(
    '/api/v1/customers/corporates',
    {
      preHandler: canWrite,
      schema: {
        tags,
        body: strictBody({ ...corporateFields, channel: staffChannel.default('corporate') }),
        response: { 201: customerDto },
      },
    },
    async (request, reply) => {
      const { channel, ...input } = request.body;
      const created = await customers.createCorporate(input, staffActor(request, channel));
      if (!created.ok) throw customersProblem(created.error, created.detail);
      return reply.code(201).send(toCustomerDto(created.value));
    },
  );

  app.patch(
    '/api/v1/customers/:id',
    {
      preHandler: canWrite,
      schema: { tags, params: idParams, body: editBody, response: { 200: customerDto } },
    },
    async (request) => {
      const { version: expected, ...patch } = request.body as z.infer<typeof editBody> &
        Record<string, unknown>;
      const found = await customers.getCustomer(request.params.id);
      if (!found) throw customersProblem('customer_not_found');
      const checked = (found.type === 'individual' ? individualPatch : corporatePatch).safeParse(patch);
      if (!checked.success) throw fieldProblem(checked.error);
      const actor = staffActor(request);
      const updated =
        found.type === 'individual'
          ? await customers.updateIndividual(found.id, checked.data as IndividualPatch, actor, expected)
          : await customers.updateCorporate(found.id, checked.data as CorporatePatch, actor, expected);
      if (!updated.ok) throw customersProblem(updated.error, updated.detail);
      return toCustomerDto(updated.value);
    },
  );

  app.post(
    '/api/v1/customers/:id/status',
    {
      preHandler: canWrite,
      schema: {
        tags,
        params: idParams,
        body: strictBody({
          status: z.enum(['active', 'dormant', 'closed']),
          reason: z.string().trim().min(2).max(200),
          version,
        }),
        response: { 200: customerDto },
      },
    },
    async (request) => {
      const { version: expected, ...input } = request.body;
      const changed = await customers.changeStatus(request.params.id, input, staffActor(request), expected);
      if (!changed.ok) throw customersProblem(changed.error, changed.detail);
      return toCustomerDto(changed.value);
    },
  );

  app.get(
    '/api/v1/customers/:id/changes',
    {
      preHandler: canRead,
      schema: {
        tags,
        params: idParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z
            .string()
            .regex(/^\d{1,19}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(changeDto), next: z.string().optional() }) },
      },
    },
    async (request) => {
      if (!(await customers.getCustomer(request.params.id))) throw notFound('customer');
      const page = await customers.listChanges(request.params.id, request.query);
      return {
        items: page.items.map((c) => ({ ...c, changedAt: c.changedAt.toISOString() })),
        ...(page.next ? { next: page.next } : {}),
      };
    },
  );

  app.post(
    '/api/v1/customers/:id/relationships',
    {
      preHandler: canWrite,
      schema: {
        tags,
        params: idParams,
        body: strictBody({
          relatedId: customerId,
          kind: z.enum(RELATIONSHIP_KINDS as [string, ...string[]]),
        }),
        response: { 201: z.object({ items: z.array(relationshipDto) }) },
      },
    },
    async (request, reply) => {
      const input = request.body as { relatedId: string; kind: (typeof RELATIONSHIP_KINDS)[number] };
      const added = await customers.addRelationship(request.params.id, input, staffActor(request));
      if (!added.ok) throw customersProblem(added.error, added.detail);
      return reply.code(201).send({ items: added.value.map(toRelationshipDto) });
    },
  );

  app.post(
    '/api/v1/customers/:id/contacts',
    {
      preHandler: canWrite,
      schema: {
        tags,
        params: idParams,
        body: strictBody({ individualId: customerId, role: z.string().trim().min(1).max(40) }),
        response: { 201: z.object({ items: z.array(contactDto) }) },
      },
    },
    async (request, reply) => {
      const added = await customers.addCorporateContact(request.params.id, request.body, staffActor(request));
      if (!added.ok) throw customersProblem(added.error, added.detail);
      return reply.code(201).send({ items: added.value.map(toContactDto) });
    },
  );

  await registerConsoleKycRoutes(app, {
    ...opts,
    canRead,
    canWrite,
    canReview: requireStaff(opts.identity, opts.audit, 'risk.review'),
  });
}
