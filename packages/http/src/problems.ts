import { type FieldError, HttpProblem, PROBLEM_CONTENT_TYPE } from '@onefin/kernel';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export function sendProblem(reply: FastifyReply, problem: HttpProblem, instance?: string): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON(instance));
}

function validationProblem(
  error: FastifyError & {
    validation: { instancePath: string; message?: string; params?: Record<string, unknown> }[];
  },
): HttpProblem {
  const where = error.validationContext ?? 'body';
  const errors: FieldError[] = error.validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    const keys = Array.isArray(v.params?.keys) ? ` (${(v.params.keys as string[]).join(', ')})` : '';
    return { field: path ? `${where}.${path}` : where, message: `${v.message ?? 'invalid'}${keys}` };
  });
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new HttpProblem(400, 'validation_failed', 'Invalid request', detail, errors);
}

// Fastify's own client errors, by code: what the client did wrong, in words.
const FRAMEWORK_PROBLEMS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty_body', 'The body is empty but JSON was declared'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', 'The body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_content_length', 'Content-Length does not match the body'],
  FST_ERR_BAD_URL: [400, 'bad_url', 'The URL is malformed'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request', 'The request is malformed'],
  FST_ERR_INVALID_URL: [400, 'bad_url', 'The URL is malformed'],
};

/** Maps any error to problem+json: ours as they are, Fastify's client errors by code, the rest as 500. */
export function toProblem(error: unknown, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return validationProblem(error);
  const fe = error as Partial<FastifyError>;
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (error instanceof SyntaxError && fe.statusCode === 400)
  ) {
    return new HttpProblem(400, 'malformed_json', 'The body is not valid JSON', fe.message);
  }
  const known = fe.code ? FRAMEWORK_PROBLEMS[fe.code] : undefined;
  if (known) return new HttpProblem(known[0], known[1], known[2], fe.message);
  if (fe.statusCode === 429) return new HttpProblem(429, 'rate_limited', 'Too many requests', fe.message);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new HttpProblem(fe.statusCode, 'bad_request', 'Bad request', fe.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new HttpProblem(
    500,
    'internal_error',
    'Internal error',
    `Something went wrong; quote request id ${request.id}`,
  );
}

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, request), request.url));
}

/** Routing-level failures (bad percent-encoding, URL too long) bypass setErrorHandler: map them too. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, toProblem(error, request));
}
