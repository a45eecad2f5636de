import { z } from 'zod';

/**
 * Reads configuration from the environment through a zod schema. A wrong setting stops start-up
 * with a message naming the variable; nothing falls back silently.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function readConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    return `  ${name}${value === undefined ? '' : `=${JSON.stringify(value)}`}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

/** An integer environment variable with bounds. */
export const envInt = (fallback: number, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback);

/** A boolean environment variable: true/false/1/0. */
export const envBool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true, false, 1 or 0' })
    .transform((v) => v === 'true' || v === '1')
    .default(fallback);

/** A PostgreSQL connection URL. */
export const envPostgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
  .optional();
