/** RFC 9457 problem details, the only shape in which OneFin's APIs report errors. */
export interface FieldError {
  /** Dotted path of the offending input, e.g. `body.mobile`. */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `insufficient_funds`. */
  code: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `https://onefin.dev/problems/${code.replaceAll('_', '-')}`;
}

/** An error that leaves the API as exactly this problem+json response. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;

  constructor(status: number, code: string, title: string, detail?: string, errors?: FieldError[]) {
    super(detail ?? title);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  toJSON(instance?: string): ProblemDetails {
    return {
      type: problemType(this.code),
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

/** Every error code of a module mapped to its HTTP status and title; a missing code fails typecheck. */
export type ProblemTable<E extends string> = Readonly<Record<E, { status: number; title: string }>>;

/** Turns a module's error code into the problem it leaves the API as. */
export function problemFor<E extends string>(table: ProblemTable<E>, error: E, detail?: string): HttpProblem {
  const { status, title } = table[error];
  return new HttpProblem(status, error, title, detail);
}

export const notFound = (what: string): HttpProblem =>
  new HttpProblem(404, 'not_found', 'Not found', `${what} not found`);
export const forbidden = (detail: string): HttpProblem =>
  new HttpProblem(403, 'forbidden', 'Forbidden', detail);
export const unauthorized = (detail = 'Log in first'): HttpProblem =>
  new HttpProblem(401, 'unauthorized', 'Unauthorized', detail);
export const conflict = (code: string, detail: string): HttpProblem =>
  new HttpProblem(409, code, 'Conflict', detail);
