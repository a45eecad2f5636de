export { type App, createHttpApp, type HttpAppOptions } from './src/app.ts';
export {
  createIdempotencyKeys,
  type IdempotencyDeps,
  type IdempotencyKeys,
  type IdempotentResponse,
  requestFingerprint,
} from './src/idempotency.ts';
export { maskPiiInText } from './src/observability.ts';
export { sendProblem, toProblem } from './src/problems.ts';
export { calendarDate, pageQuery, positiveMoney, problemSchema, strictBody } from './src/zod.ts';
