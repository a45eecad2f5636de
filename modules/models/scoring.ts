import {
  bestPointsOf,
  binIndex,
  binWords,
  CREDIT_VARIABLES,
  type CreditScorecard,
  creditVariableColumns,
  type PropensityModel,
  predictPropensity,
  propensityPoints,
  reasonCodes,
  scoreWithCard,
  type Words,
} from '@onefin/ml';
import { type CreditApplicant, creditTable, type MarketingContact, marketingTable } from './inputs.ts';

/** What one scorecard variable gave the applicant: the bin they fell in and its points. */
export type VariablePoints = {
  variable: string;
  words: Words;
  /** The bin's exact label (`(0.5, 0.9]`, `1|2`), and in words (`2 months late`, `≤ 3,000`). */
  bin: string;
  binWords: Words;
  points: number;
  /** Points the applicant would gain in the variable's best bin. */
  pointsBelowBest: number;
};

/** A credit score: the points of the applicant's bins add up to `score`. */
export type CreditResult = {
  probability: number;
  score: number;
  points: VariablePoints[];
  /** The variables that cost the most points against their best bin, worst first (at most four). */
  reasons: VariablePoints[];
};

export type PropensityResult = { probability: number; score: number };

const REASON_COUNT = 4;
const wordsOf = new Map(CREDIT_VARIABLES.map((v) => [v.name, v.words]));

/** Scores applicants with a scorecard, with every variable's points and the reason codes. */
export function scoreCreditApplicants(
  model: CreditScorecard,
  applicants: readonly CreditApplicant[],
): CreditResult[] {
  const columns = creditVariableColumns(creditTable(applicants), model.variables);
  const used = model.variables.map((name) => columns.get(name) as Float64Array);
  const best = bestPointsOf(model.card);
  const values = new Float64Array(used.length);
  return applicants.map((_, i) => {
    for (let j = 0; j < used.length; j++) values[j] = (used[j] as Float64Array)[i] as number;
    const scored = scoreWithCard(model.card, values, best);
    const explain = (p: (typeof scored.points)[number]): VariablePoints => {
      const j = model.variables.indexOf(p.column);
      const feature = model.card.features[j];
      const at = feature ? binIndex(feature.woe, values[j] as number) : undefined;
      const bin = at === undefined ? undefined : feature?.woe.bins[at];
      return {
        variable: p.column,
        words: wordsOf.get(p.column) ?? { en: p.column, zh: p.column },
        bin: p.bin,
        binWords: bin ? binWords(p.column, bin) : { en: 'not seen in training', zh: '训练中未出现' },
        points: p.points,
        pointsBelowBest: p.pointsBelowBest,
      };
    };
    return {
      probability: scored.probability,
      score: scored.score,
      points: scored.points.map(explain),
      reasons: reasonCodes(scored, REASON_COUNT).map(explain),
    };
  });
}

/** Subscription probabilities; the score staff read is probability × 1000. */
export function scoreMarketingContacts(
  model: PropensityModel,
  contacts: readonly MarketingContact[],
): PropensityResult[] {
  if (contacts.length === 0) return [];
  const probabilities = predictPropensity(model, marketingTable(contacts));
  return Array.from(probabilities, (probability) => ({ probability, score: propensityPoints(probability) }));
}
