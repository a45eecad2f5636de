import { fail, ok, type Result } from '@onefin/kernel';
import type { CustomerType, RiskLevel } from './model.ts';
import { RISK_LEVELS } from './model.ts';

/**
 * A risk-tolerance questionnaire as stored data (customers_questionnaires.definition): single-choice
 * questions whose option scores add up, score bands that map the total to C1–C5, and options that cap
 * the level whatever the score (CSRC 适当性管理办法: an investor who cannot bear any loss is in the
 * lowest category).
 */
export interface QuestionnaireOption {
  id: string;
  textZh: string;
  textEn: string;
  score: number;
  /** The highest level a customer choosing this can be assessed at. */
  capLevel?: RiskLevel;
}

export interface QuestionnaireQuestion {
  id: string;
  textZh: string;
  textEn: string;
  options: QuestionnaireOption[];
}

export interface ScoreBand {
  level: RiskLevel;
  minScore: number;
  maxScore: number;
  labelZh: string;
  labelEn: string;
  descriptionZh: string;
  descriptionEn: string;
}

export interface Questionnaire {
  id: string;
  customerType: CustomerType;
  version: number;
  titleZh: string;
  titleEn: string;
  questions: QuestionnaireQuestion[];
  bands: ScoreBand[];
}

/** One answer: the option chosen for a question. */
export interface Answer {
  questionId: string;
  optionId: string;
}

export interface Scored {
  score: number;
  level: RiskLevel;
  /** Set when an answer capped the level below the band of the score. */
  cappedBy: string | null;
}

const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

/** The band a total score falls in; bands are contiguous, so every reachable score has one. */
export function levelForScore(q: Questionnaire, score: number): RiskLevel {
  const band = q.bands.find((b) => score >= b.minScore && score <= b.maxScore);
  if (!band) throw new RangeError(`score ${score} is outside every band of ${q.id}`);
  return band.level;
}

/**
 * Scores a complete set of answers: every question answered exactly once with one of its options.
 * The detail of a refusal names the question, for the field error.
 */
export function scoreAnswers(
  q: Questionnaire,
  answers: readonly Answer[],
): Result<Scored, 'invalid_answers'> {
  const byQuestion = new Map<string, string>();
  for (const a of answers) {
    if (byQuestion.has(a.questionId)) return fail('invalid_answers', `${a.questionId}: answered twice`);
    byQuestion.set(a.questionId, a.optionId);
  }
  let score = 0;
  let cap: { level: RiskLevel; questionId: string } | undefined;
  for (const question of q.questions) {
    const chosen = byQuestion.get(question.id);
    if (chosen === undefined) return fail('invalid_answers', `${question.id}: not answered`);
    const option = question.options.find((o) => o.id === chosen);
    if (!option) return fail('invalid_answers', `${question.id}: no option ${chosen}`);
    byQuestion.delete(question.id);
    score += option.score;
    if (option.capLevel && (!cap || rank(option.capLevel) < rank(cap.level))) {
      cap = { level: option.capLevel, questionId: question.id };
    }
  }
  const [unknown] = byQuestion.keys();
  if (unknown !== undefined) return fail('invalid_answers', `${unknown}: not a question of ${q.id}`);
  const byScore = levelForScore(q, score);
  if (cap && rank(cap.level) < rank(byScore))
    return ok({ score, level: cap.level, cappedBy: cap.questionId });
  return ok({ score, level: byScore, cappedBy: null });
}

/** Lowest and highest total a questionnaire can give. */
export function scoreRange(q: Questionnaire): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const question of q.questions) {
    const scores = question.options.map((o) => o.score);
    min += Math.min(...scores);
    max += Math.max(...scores);
  }
  return { min, max };
}

/**
 * What makes a definition publishable: unique ids, at least two options per question, and the five
 * bands C1–C5 in order, contiguous, covering every reachable score.
 */
export function checkQuestionnaire(q: Questionnaire): string[] {
  const problems: string[] = [];
  const questionIds = new Set(q.questions.map((x) => x.id));
  if (questionIds.size !== q.questions.length) problems.push('question ids repeat');
  for (const question of q.questions) {
    if (question.options.length < 2) problems.push(`${question.id}: needs at least two options`);
    if (new Set(question.options.map((o) => o.id)).size !== question.options.length)
      problems.push(`${question.id}: option ids repeat`);
  }
  if (q.bands.map((b) => b.level).join() !== RISK_LEVELS.join())
    problems.push('bands must be C1..C5 in order');
  for (let i = 1; i < q.bands.length; i++) {
    const prev = q.bands[i - 1];
    const band = q.bands[i];
    if (prev && band && band.minScore !== prev.maxScore + 1) problems.push(`${band.level}: not contiguous`);
  }
  const { min, max } = scoreRange(q);
  const first = q.bands[0];
  const last = q.bands[q.bands.length - 1];
  if (!first || first.minScore > min || !last || last.maxScore < max)
    problems.push(`bands must cover scores ${min}..${max}`);
  return problems;
}

/** The questionnaire as the customer sees it: no scores, so the answers stay honest. */
export function withoutScores(q: Questionnaire) {
  return {
    id: q.id,
    customerType: q.customerType,
    version: q.version,
    titleZh: q.titleZh,
    titleEn: q.titleEn,
    questions: q.questions.map((question) => ({
      id: question.id,
      textZh: question.textZh,
      textEn: question.textEn,
      options: question.options.map(({ id, textZh, textEn }) => ({ id, textZh, textEn })),
    })),
    bands: q.bands,
  };
}

/**
 * A plausible set of answers that scores into `level`'s band (seed and tests): start from the lowest
 * answer to each question that does not cap below `level`, then raise answers picked by `pick(n)`
 * (an index below n; pass a seeded random) until the score reaches the band.
 */
export function answersForLevel(q: Questionnaire, level: RiskLevel, pick: (n: number) => number): Answer[] {
  const band = q.bands.find((b) => b.level === level);
  if (!band) throw new RangeError(`${q.id} has no band ${level}`);
  const ladders = q.questions.map((question) =>
    question.options
      .filter((o) => !o.capLevel || rank(o.capLevel) >= rank(level))
      .sort((a, b) => a.score - b.score),
  );
  const at = ladders.map(() => 0);
  const scoreOf = () => ladders.reduce((sum, ladder, i) => sum + (ladder[at[i] ?? 0]?.score ?? 0), 0);
  let score = scoreOf();
  while (score < band.minScore) {
    const raisable = ladders.flatMap((ladder, i) => {
      const next = ladder[(at[i] ?? 0) + 1];
      const current = ladder[at[i] ?? 0];
      return next && current && score - current.score + next.score <= band.maxScore ? [i] : [];
    });
    const chosen = raisable[pick(raisable.length)];
    if (chosen === undefined) throw new RangeError(`cannot reach ${level} on ${q.id}`);
    at[chosen] = (at[chosen] ?? 0) + 1;
    score = scoreOf();
  }
  return q.questions.map((question, i) => ({
    questionId: question.id,
    optionId: ladders[i]?.[at[i] ?? 0]?.id ?? '',
  }));
}
