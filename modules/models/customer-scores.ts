import type { Executor } from '@onefin/kernel';
import { sql } from 'kysely';
import type { CreditApplicant, MarketingContact } from './inputs.ts';
import type { ModelName, ModelVersion } from './model.ts';
import { modelsDb } from './schema.ts';
import { scoreCreditApplicants, scoreMarketingContacts } from './scoring.ts';

/** What the feature store holds about one customer; either part may be unknown. */
export type CustomerFeatures = {
  customerId: string;
  credit: CreditApplicant | null;
  marketing: MarketingContact | null;
};

/** Rows per statement: well under PostgreSQL's 65,535 parameters at 7 columns a row. */
const CHUNK = 2000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes (replaces) customers' features. */
export async function putFeatures(trx: Executor, rows: readonly CustomerFeatures[], at: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await modelsDb(trx)
      .insertInto('models_customer_features')
      .values(
        part.map((r) => ({
          customer_id: r.customerId,
          credit: r.credit ? JSON.stringify(r.credit) : null,
          marketing: r.marketing ? JSON.stringify(r.marketing) : null,
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          credit: eb.ref('excluded.credit'),
          marketing: eb.ref('excluded.marketing'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export async function featuresOf(db: Executor, customerId: string): Promise<CustomerFeatures | undefined> {
  const row = await modelsDb(db)
    .selectFrom('models_customer_features')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row
    ? {
        customerId,
        credit: (row.credit as CreditApplicant | null) ?? null,
        marketing: (row.marketing as MarketingContact | null) ?? null,
      }
    : undefined;
}

type ScoreRow = { customer_id: string; probability: number; score: number; reasons: unknown };

/** Scores the given customers' features with one version (the caller passes the active one). */
function scoreRows(version: ModelVersion, rows: readonly { customerId: string; features: unknown }[]) {
  const a = version.artifact;
  if (a.set === 'credit') {
    const results = scoreCreditApplicants(
      a.model,
      rows.map((r) => r.features as CreditApplicant),
    );
    return results.map(
      (s, i): ScoreRow => ({
        customer_id: (rows[i] as { customerId: string }).customerId,
        probability: s.probability,
        score: s.score,
        reasons: s.reasons,
      }),
    );
  }
  const results = scoreMarketingContacts(
    a.model,
    rows.map((r) => r.features as MarketingContact),
  );
  return results.map(
    (s, i): ScoreRow => ({
      customer_id: (rows[i] as { customerId: string }).customerId,
      probability: s.probability,
      score: s.score,
      reasons: [],
    }),
  );
}

async function writeScores(trx: Executor, version: ModelVersion, scored: ScoreRow[], at: Date) {
  for (const part of chunks(scored)) {
    await modelsDb(trx)
      .insertInto('models_customer_scores')
      .values(
        part.map((s) => ({
          ...s,
          reasons: JSON.stringify(s.reasons),
          model: version.model,
          version_id: version.id,
          scored_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['model', 'customer_id']).doUpdateSet((eb) => ({
          version_id: eb.ref('excluded.version_id'),
          probability: eb.ref('excluded.probability'),
          score: eb.ref('excluded.score'),
          reasons: eb.ref('excluded.reasons'),
          scored_at: eb.ref('excluded.scored_at'),
        })),
      )
      .execute();
  }
}

/**
 * Scores customers with a version and stores the scores: every customer with features when `ids` is
 * not given (a version was just activated), else only those. Returns how many were scored.
 */
export async function rescore(
  trx: Executor,
  version: ModelVersion,
  at: Date,
  ids?: readonly string[],
): Promise<number> {
  const column = version.model satisfies ModelName;
  let q = modelsDb(trx)
    .selectFrom('models_customer_features')
    .select(['customer_id', column])
    .where(column, 'is not', null)
    .orderBy('customer_id');
  if (ids) q = q.where('customer_id', 'in', ids.length > 0 ? [...ids] : ['']);
  const rows = await q.execute();
  if (!ids) await sql`DELETE FROM models_customer_scores WHERE model = ${version.model}`.execute(trx);
  let scored = 0;
  for (const part of chunks(rows, 5000)) {
    const results = scoreRows(
      version,
      part.map((r) => ({ customerId: r.customer_id, features: r[column] })),
    );
    await writeScores(trx, version, results, at);
    scored += results.length;
  }
  return scored;
}

export type StoredScore = {
  versionId: string;
  probability: number;
  score: number;
  reasons: unknown;
  scoredAt: Date;
};

export async function storedScore(
  db: Executor,
  model: ModelName,
  customerId: string,
): Promise<StoredScore | undefined> {
  const row = await modelsDb(db)
    .selectFrom('models_customer_scores')
    .selectAll()
    .where('model', '=', model)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row
    ? {
        versionId: row.version_id,
        probability: row.probability,
        score: row.score,
        reasons: row.reasons,
        scoredAt: new Date(row.scored_at),
      }
    : undefined;
}

/** Every stored score of a model by one version (the active one: a stability check's population). */
export async function scoresOf(db: Executor, model: ModelName, versionId: string): Promise<Float64Array> {
  const rows = await modelsDb(db)
    .selectFrom('models_customer_scores')
    .select('score')
    .where('model', '=', model)
    .where('version_id', '=', versionId)
    .execute();
  return Float64Array.from(rows, (r) => r.score);
}
