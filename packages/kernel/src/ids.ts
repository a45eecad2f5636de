import { uuidv7 } from 'uuidv7';

/**
 * Ids are prefixed UUIDv7 strings (`cus_0190…`): time-ordered for index locality, readable in logs,
 * and branded so a customer id cannot be passed where a staff id belongs.
 */
export type Id<P extends string> = `${P}_${string}` & { readonly __idPrefix: P };

export function newId<P extends string>(prefix: P): Id<P> {
  return `${prefix}_${uuidv7()}` as Id<P>;
}

const ID_PATTERN = /^[a-z]{2,5}_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** True when `value` is a well-formed id with the given prefix. */
export function isId<P extends string>(prefix: P, value: string): value is Id<P> {
  return value.startsWith(`${prefix}_`) && ID_PATTERN.test(value);
}
