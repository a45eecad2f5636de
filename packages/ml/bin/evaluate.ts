/**
 * Cross-validates a model on its training file and prints the figures as one JSON line.
 *   node --import tsx packages/ml/bin/evaluate.ts credit|marketing [--seed S] [--data F]
 * The figures in docs/models.md come from this command with the default seed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CREDIT_SCHEMA } from '../src/credit/columns.ts';
import { evaluateCredit } from '../src/credit/evaluate.ts';
import { describeProblems, readTable } from '../src/csv.ts';
import type { CrossValidation } from '../src/evaluation.ts';
import { MARKETING_SCHEMA } from '../src/marketing/columns.ts';
import { evaluateMarketing } from '../src/marketing/evaluate.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: '20261125' }, data: { type: 'string' } },
});
const set = positionals[0];
if (set !== 'credit' && set !== 'marketing') {
  console.error('usage: evaluate.ts credit|marketing [--seed S] [--data F]');
  process.exit(2);
}
const seed = Number(values.seed);
const file = values.data ?? `data/${set}/train.csv`;
const read = readTable(readFileSync(file, 'utf8'), set === 'credit' ? CREDIT_SCHEMA : MARKETING_SCHEMA);
if (!read.ok) {
  console.error(describeProblems(read.problems));
  process.exit(1);
}

/** mean ± sd of each metric, rounded for reading, plus the per-fold AUCs. */
const brief = (cv: CrossValidation) => ({
  ...Object.fromEntries(
    Object.entries(cv.summary).map(([k, s]) => [k, { mean: round(s.mean), sd: round(s.sd) }]),
  ),
  foldAuc: cv.folds.map((f) => round(f.auc)),
});
const round = (v: number) => Math.round(v * 10000) / 10000;

const started = performance.now();
const figures =
  set === 'credit'
    ? (() => {
        const e = evaluateCredit(read.table, { folds: 5, seed, withChallenger: true });
        return {
          scorecard: brief(e.scorecard),
          scorecardWithSexMarriage: brief(e.scorecardWithSensitive),
          challenger: e.challenger ? brief(e.challenger) : undefined,
        };
      })()
    : (() => {
        const e = evaluateMarketing(read.table, { folds: 5, timeBlocks: 5, seed });
        return { randomFolds: brief(e.randomFolds), timeOrdered: brief(e.timeOrdered) };
      })();
const seconds = round((performance.now() - started) / 1000);
console.log(JSON.stringify({ model: set, seed, file, folds: 5, ...figures, seconds }));
