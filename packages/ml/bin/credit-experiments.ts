/**
 * Screens scorecard variants by cross-validation on the credit training file and prints one JSON line per
 * variant (AUC mean ± sd over the folds). The attempts recorded in docs/models.md come from here.
 *   node --import tsx packages/ml/bin/credit-experiments.ts [--folds 3] [--seed S] [--only 'a|b*']
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CREDIT_SCHEMA, CREDIT_TARGET } from '../src/credit/columns.ts';
import {
  type CreditScorecardOptions,
  creditVariableColumns,
  DEFAULT_CREDIT_OPTIONS,
  predictCreditRows,
  trainCreditScorecard,
} from '../src/credit/scorecard.ts';
import { CREDIT_VARIABLES } from '../src/credit/variables.ts';
import { numberColumn, readTable } from '../src/csv.ts';
import { crossValidate } from '../src/evaluation.ts';
import { stratifiedKFold } from '../src/validation.ts';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261125' },
    only: { type: 'string' },
  },
});
const read = readTable(readFileSync('data/credit/train.csv', 'utf8'), CREDIT_SCHEMA);
if (!read.ok) throw new Error('data/credit/train.csv does not read');
const table = read.table;
const labels = numberColumn(table, CREDIT_TARGET);
const folds = stratifiedKFold(labels, Number(values.folds), Number(values.seed));
const columns = creditVariableColumns(table);

const ORIGINAL = [
  'LIMIT_BAL',
  'AGE',
  'EDUCATION',
  'PAY_0',
  'PAY_2',
  'PAY_3',
  'PAY_4',
  'PAY_5',
  'PAY_6',
  'PAY_AMT1',
  'PAY_AMT2',
  'PAY_AMT3',
  'PAY_AMT4',
  'PAY_AMT5',
  'PAY_AMT6',
  'MAX_DELAY',
  'DELAYED_MONTHS',
  'INACTIVE_MONTHS',
  'LAST_PAYMENT_RATIO',
  'UTILISATION',
  'AVG_UTILISATION',
  'PAYMENT_RATIO',
  'PAID_TO_LIMIT',
];
const ALL = CREDIT_VARIABLES.filter((v) => !v.isSensitive).map((v) => v.name);
const NEW = ALL.filter((n) => !ORIGINAL.includes(n));

const variants: Record<string, Partial<CreditScorecardOptions>> = {
  // the delivered options (DEFAULT_CREDIT_OPTIONS: every candidate but AGE)
  delivered: {},
  original: { candidates: ORIGINAL },
  all: { candidates: ALL },
  ...Object.fromEntries(NEW.map((n) => [`original+${n}`, { candidates: [...ORIGINAL, n] }])),
  ...Object.fromEntries(ALL.map((n) => [`all-${n}`, { candidates: ALL.filter((m) => m !== n) }])),
  'all,l2=0.1': { candidates: ALL, l2: 0.1 },
  'all,l2=10': { candidates: ALL, l2: 10 },
  'all,l2=100': { candidates: ALL, l2: 100 },
  'all,maxBins=12,minShare=0.02,fine=50': { candidates: ALL, maxBins: 12, minBinShare: 0.02, fineBins: 50 },
  'all,maxBins=10,minShare=0.03,fine=30': { candidates: ALL, maxBins: 10, minBinShare: 0.03, fineBins: 30 },
  'all,maxBins=20,minShare=0.01,fine=50': { candidates: ALL, maxBins: 20, minBinShare: 0.01, fineBins: 50 },
  'all,maxBins=20,minShare=0.01,fine=50,free': {
    candidates: ALL,
    maxBins: 20,
    minBinShare: 0.01,
    fineBins: 50,
    isMonotone: false,
  },
  'all,free': { candidates: ALL, isMonotone: false },
  'all,maxBins=12,minShare=0.03,fine=40,l2=30': {
    candidates: ALL,
    maxBins: 12,
    minBinShare: 0.03,
    fineBins: 40,
    l2: 30,
  },
  'all,minIv=0': { candidates: ALL, minIv: 0 },
  'all,minIv=0.05': { candidates: ALL, minIv: 0.05 },
};

const only = values.only?.split('|');
for (const [name, patch] of Object.entries(variants)) {
  if (only && !only.some((o) => name === o || (o.endsWith('*') && name.startsWith(o.slice(0, -1))))) continue;
  const options = { ...DEFAULT_CREDIT_OPTIONS, ...patch };
  const started = performance.now();
  let kept = 0;
  const cv = crossValidate(folds, labels, (train, test) => {
    const model = trainCreditScorecard(table, train, options, columns);
    kept = model.variables.length;
    return predictCreditRows(model, columns, test);
  });
  const r = (v: number) => Math.round(v * 10000) / 10000;
  console.log(
    JSON.stringify({
      variant: name,
      auc: r(cv.summary.auc.mean),
      sd: r(cv.summary.auc.sd),
      ks: r(cv.summary.ks.mean),
      kept,
      s: r((performance.now() - started) / 1000),
    }),
  );
}
