/** The outcome of an operation a user can make fail: a value, or a typed error code. */
export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E; detail?: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E extends string>(error: E, detail?: string): { ok: false; error: E; detail?: string } {
  return detail === undefined ? { ok: false, error } : { ok: false, error, detail };
}

/** Makes a switch exhaustive: adding a union member without handling it fails typecheck. */
export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
