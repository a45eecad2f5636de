import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskLevel } from './model.ts';
import { RISK_LEVELS } from './model.ts';
import {
  type Answer,
  answersForLevel,
  checkQuestionnaire,
  levelForScore,
  type Questionnaire,
  scoreAnswers,
  scoreRange,
  withoutScores,
} from './questionnaire.ts';
import { CORPORATE_QUESTIONNAIRE_V1 } from './questionnaires/corporate-v1.ts';
import { INDIVIDUAL_QUESTIONNAIRE_V1 } from './questionnaires/individual-v1.ts';
import { answersPicking } from './testing.ts';

const Q = INDIVIDUAL_QUESTIONNAIRE_V1;
/** Answers whose scores are known: option index per question id. */
const by = (picks: Record<string, number>) => answersPicking(Q, (id) => picks[id] ?? 0);
/** For each question the option with the lowest (Math.min) or highest (Math.max) score. */
const extreme = (pick: (...scores: number[]) => number): Answer[] =>
  Q.questions.map((q) => {
    const target = pick(...q.options.map((o) => o.score));
    return { questionId: q.id, optionId: q.options.find((o) => o.score === target)?.id ?? '' };
  });

describe('the questionnaires in use', () => {
  it('are publishable: ten and seven questions in Chinese and English, bands C1–C5 covering every score', () => {
    for (const q of [Q, CORPORATE_QUESTIONNAIRE_V1]) {
      expect(checkQuestionnaire(q)).toEqual([]);
      for (const question of q.questions) {
        expect(question.textZh).toMatch(/[\u4e00-\u9fff]/);
        expect(question.textEn).toMatch(/[a-z]/i);
      }
    }
    expect(Q.questions).toHaveLength(10);
    expect(scoreRange(Q)).toEqual({ min: 12, max: 100 });
    expect(scoreRange(CORPORATE_QUESTIONNAIRE_V1)).toEqual({ min: 9, max: 70 });
  });

  it('hides scores and caps from customers', () => {
    const shown = JSON.stringify(withoutScores(Q));
    expect(shown).not.toContain('"score"');
    expect(shown).not.toContain('capLevel');
  });
});

describe('scoring (individual v1: C1 ≤ 20 < C2 ≤ 40 < C3 ≤ 60 < C4 ≤ 80 < C5)', () => {
  it('puts each band edge in the right level', () => {
    const edges: [number, RiskLevel][] = [
      [20, 'C1'],
      [21, 'C2'],
      [40, 'C2'],
      [41, 'C3'],
      [60, 'C3'],
      [61, 'C4'],
      [80, 'C4'],
      [81, 'C5'],
      [100, 'C5'],
    ];
    for (const [score, level] of edges) expect(levelForScore(Q, score), String(score)).toBe(level);
  });

  it('adds the option scores: the lowest answers give 12 points (C1), the highest 100 (C5)', () => {
    expect(scoreAnswers(Q, extreme(Math.min))).toEqual({
      ok: true,
      value: { score: 12, level: 'C1', cappedBy: null },
    });
    expect(scoreAnswers(Q, extreme(Math.max))).toEqual({
      ok: true,
      value: { score: 100, level: 'C5', cappedBy: null },
    });
  });

  it('scores a worked example: a 35-year-old with funds experience and a 3–5 year horizon is C3', () => {
    // age 31–40 (10), income 10–30万 (4), 30–50% of assets (6), funds (6), 2–5 years (6),
    // knows the basics (4), 3–5 years (8), steady returns (5), up to 10% loss (3), sells part (4) = 56
    const answers = by({
      age: 1,
      income: 1,
      asset_share: 2,
      experience: 2,
      experience_years: 2,
      knowledge: 1,
      horizon: 2,
      purpose: 1,
      loss_tolerance: 1,
      drawdown_reaction: 1,
    });
    expect(scoreAnswers(Q, answers)).toEqual({ ok: true, value: { score: 56, level: 'C3', cappedBy: null } });
  });

  it('caps at C1 whoever cannot bear any loss, however high the rest scores', () => {
    const answers = extreme(Math.max).map((a) =>
      a.questionId === 'loss_tolerance' ? { ...a, optionId: 'a' } : a,
    );
    expect(scoreAnswers(Q, answers)).toEqual({
      ok: true,
      value: { score: 90, level: 'C1', cappedBy: 'loss_tolerance' },
    });
  });

  it('refuses a missing, repeated or unknown answer, naming the question', () => {
    const all = answersPicking(Q, () => 1);
    expect(scoreAnswers(Q, all.slice(1))).toMatchObject({
      ok: false,
      error: 'invalid_answers',
      detail: 'age: not answered',
    });
    expect(scoreAnswers(Q, [...all, all[0] as Answer])).toMatchObject({ detail: 'age: answered twice' });
    expect(scoreAnswers(Q, [...all.slice(1), { questionId: 'age', optionId: 'z' }])).toMatchObject({
      detail: 'age: no option z',
    });
    expect(scoreAnswers(Q, [...all, { questionId: 'pets', optionId: 'a' }])).toMatchObject({
      detail: `pets: not a question of ${Q.id}`,
    });
  });

  it('never gives a level above the band of the score, and only a cap gives one below (property)', () => {
    const answerSets = fc.tuple(...Q.questions.map((q) => fc.integer({ min: 0, max: q.options.length - 1 })));
    fc.assert(
      fc.property(answerSets, (picks) => {
        const answers = Q.questions.map((q, i) => ({
          questionId: q.id,
          optionId: q.options[picks[i] ?? 0]?.id ?? '',
        }));
        const scored = scoreAnswers(Q, answers);
        if (!scored.ok) return false;
        const byScore = levelForScore(Q, scored.value.score);
        return scored.value.cappedBy === null
          ? scored.value.level === byScore
          : RISK_LEVELS.indexOf(scored.value.level) < RISK_LEVELS.indexOf(byScore);
      }),
    );
  });

  it('answersForLevel produces answers scoring into the asked level, whatever is picked (property)', () => {
    for (const q of [Q, CORPORATE_QUESTIONNAIRE_V1] as Questionnaire[]) {
      fc.assert(
        fc.property(fc.constantFrom(...RISK_LEVELS), fc.array(fc.nat(), { minLength: 1 }), (level, seq) => {
          let n = 0;
          const answers = answersForLevel(q, level, (count) => (seq[n++ % seq.length] ?? 0) % count);
          const scored = scoreAnswers(q, answers);
          return scored.ok && scored.value.level === level;
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('a definition that cannot be published', () => {
  it('names gaps between bands, bands not covering the scores, and thin questions', () => {
    const broken: Questionnaire = {
      ...Q,
      questions: [
        {
          id: 'only',
          textZh: '只有一题',
          textEn: 'One',
          options: [{ id: 'a', textZh: '是', textEn: 'Yes', score: 200 }],
        },
      ],
      bands: Q.bands.map((b) => (b.level === 'C3' ? { ...b, minScore: 45 } : b)),
    };
    expect(checkQuestionnaire(broken)).toEqual([
      'only: needs at least two options',
      'C3: not contiguous',
      'bands must cover scores 200..200',
    ]);
  });
});
