export { type App, createHttpApp, type HttpAppOptions } from './src/app.ts';
export { maskPiiInText } from './src/observability.ts';
export { sendProblem, toProblem } from './src/problems.ts';
export { pageQuery, problemSchema, strictBody } from './src/zod.ts';
