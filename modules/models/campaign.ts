import type { Executor } from '@onefin/kernel';
import { sql } from 'kysely';
import { z } from 'zod';
import { MARKETING_LEVELS } from './inputs.ts';
import type { CampaignTarget } from './reference.ts';

export type { CampaignTarget } from './reference.ts';

import type { CustomerNames } from './model.ts';

/** Filters of the deposit campaign's target list; every one optional. */
export const campaignQuery = z.strictObject({
  /** Propensity score (probability × 1000) at least this. */
  minScore: z.coerce.number().int().min(0).max(1000).optional(),
  ageMin: z.coerce.number().int().min(16).max(110).optional(),
  ageMax: z.coerce.number().int().min(16).max(110).optional(),
  /** Comma-separated jobs, e.g. `retired,student`. */
  jobs: z
    .string()
    .max(300)
    .transform((s) => s.split(',').filter((j) => j !== ''))
    .pipe(z.array(z.enum(MARKETING_LEVELS.job)))
    .optional(),
  /** Leave out customers already contacted this many times or more in this campaign. */
  maxContacts: z.coerce.number().int().min(1).max(100).optional(),
  /** Only those who subscribed in the previous campaign (`success`), or who were never asked. */
  previousOutcome: z.enum(MARKETING_LEVELS.poutcome).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CampaignQuery = z.infer<typeof campaignQuery>;

export type CampaignList = {
  total: number;
  /** Expected subscriptions if every listed customer is called: the sum of their probabilities. */
  expectedSubscriptions: number;
  items: CampaignTarget[];
};

/** The most rows one export writes: a campaign bigger than this is split by its filters. */
export const MAX_EXPORT_ROWS = 50_000;

/** Customers ranked by the stored propensity score, best first, with the list's totals. */
export async function campaignTargets(
  reads: Executor,
  customers: CustomerNames,
  query: Omit<CampaignQuery, 'limit' | 'offset'> & { limit: number; offset: number },
): Promise<CampaignList> {
  const filters = [
    sql`s.model = 'marketing'`,
    query.minScore !== undefined ? sql`s.score >= ${query.minScore}` : undefined,
    query.ageMin !== undefined ? sql`(f.marketing->>'age')::int >= ${query.ageMin}` : undefined,
    query.ageMax !== undefined ? sql`(f.marketing->>'age')::int <= ${query.ageMax}` : undefined,
    query.jobs && query.jobs.length > 0 ? sql`f.marketing->>'job' = ANY(${query.jobs}::text[])` : undefined,
    query.maxContacts !== undefined ? sql`(f.marketing->>'campaign')::int < ${query.maxContacts}` : undefined,
    query.previousOutcome ? sql`f.marketing->>'poutcome' = ${query.previousOutcome}` : undefined,
  ].filter((f) => f !== undefined);
  const where = sql.join(filters, sql` AND `);
  const [page, totals] = await Promise.all([
    sql<{
      customer_id: string;
      probability: number;
      score: number;
      age: number;
      job: string;
      contacts: number;
      poutcome: string;
    }>`
      SELECT s.customer_id, s.probability, s.score, (f.marketing->>'age')::int AS age,
        f.marketing->>'job' AS job, (f.marketing->>'campaign')::int AS contacts,
        f.marketing->>'poutcome' AS poutcome
      FROM models_customer_scores s
      JOIN models_customer_features f ON f.customer_id = s.customer_id
      WHERE ${where}
      ORDER BY s.score DESC, s.probability DESC, s.customer_id
      LIMIT ${query.limit} OFFSET ${query.offset}`.execute(reads),
    sql<{ total: string; expected: number | null }>`
      SELECT count(*) AS total, sum(s.probability) AS expected
      FROM models_customer_scores s
      JOIN models_customer_features f ON f.customer_id = s.customer_id
      WHERE ${where}`.execute(reads),
  ]);
  const ids = page.rows.map((r) => r.customer_id);
  const names = ids.length > 0 ? (await customers.search({ ids, limit: ids.length })).items : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  const total = totals.rows[0];
  return {
    total: Number(total?.total ?? 0),
    expectedSubscriptions: Math.round((total?.expected ?? 0) * 10) / 10,
    items: page.rows.map((r, i) => ({
      rank: query.offset + i + 1,
      customerId: r.customer_id,
      customerNo: byId.get(r.customer_id)?.customerNo ?? '',
      name: byId.get(r.customer_id)?.name ?? '',
      mobileMasked: byId.get(r.customer_id)?.mobileMasked ?? null,
      age: r.age,
      job: r.job,
      contacts: r.contacts,
      previousOutcome: r.poutcome,
      probability: r.probability,
      score: r.score,
    })),
  };
}
