import { fail, ok, type Result } from '@onefin/kernel';
import { z } from 'zod';

/** The most customers one `onefin seed` generates (the world is built in memory first). */
export const MAX_SEED_CUSTOMERS = 1_000_000;

const seedFlags = z.object({
  customers: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(MAX_SEED_CUSTOMERS, `must be at most ${MAX_SEED_CUSTOMERS.toLocaleString('en')}`)),
  seed: z.string().trim().min(1, 'must not be empty'),
});

/** `onefin seed --customers N --seed S` as given on the command line (commander hands over strings). */
export function parseSeedFlags(flags: {
  customers: string;
  seed: string;
}): Result<{ customers: number; seed: string }, 'invalid_flags'> {
  const parsed = seedFlags.safeParse(flags);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map(
    (i) => `--${String(i.path[0])} ${JSON.stringify(flags[i.path[0] as keyof typeof flags])}: ${i.message}`,
  );
  return fail('invalid_flags', problems.join('; '));
}
