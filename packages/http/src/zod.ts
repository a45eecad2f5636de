import { z } from 'zod';

/** A request body: unknown fields are an error, never silently dropped. */
export const strictBody = z.strictObject;

/** Problem+json as documented in OpenAPI. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Cursor paging query: `limit` 1–200 (default 50) and an opaque `before` cursor. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).max(100).optional(),
};
