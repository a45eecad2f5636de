/**
 * `npm run bench -- models`: training time of each model on its whole training file (no
 * cross-validation), batch scoring throughput, and the latency of scoring one applicant in process
 * (the console API that will serve it comes with the model registry, issue 8).
 */
import { readFileSync } from 'node:fs';
import {
  CREDIT_SCHEMA,
  MARKETING_SCHEMA,
  readTable,
  scoreCreditTable,
  scorePropensityTable,
  type Table,
  trainCreditScorecard,
  trainPropensity,
} from '@onefin/ml';

function load(set: 'credit' | 'marketing'): Table {
  const text = readFileSync(new URL(`../data/${set}/train.csv`, import.meta.url), 'utf8');
  const read = readTable(text, set === 'credit' ? CREDIT_SCHEMA : MARKETING_SCHEMA);
  if (!read.ok) throw new Error(`data/${set}/train.csv does not read`);
  return read.table;
}

/** The first `n` rows of a table, as a table of its own (a one-applicant "file"). */
function head(table: Table, n: number): Table {
  const numbers = new Map([...table.numbers].map(([k, v]) => [k, v.slice(0, n)]));
  const texts = new Map([...table.texts].map(([k, v]) => [k, v.slice(0, n)]));
  return { ...table, rowCount: n, numbers, texts };
}

const seconds = (from: number) => Math.round(performance.now() - from) / 1000;

export async function runModelsBench() {
  const credit = load('credit');
  const marketing = load('marketing');
  const allRows = (t: Table) => Array.from({ length: t.rowCount }, (_, i) => i);

  let started = performance.now();
  const scorecard = trainCreditScorecard(credit, allRows(credit));
  const creditTrain = seconds(started);
  started = performance.now();
  const propensity = trainPropensity(marketing, allRows(marketing));
  const marketingTrain = seconds(started);
  if (!propensity.ok) throw new Error(propensity.detail);

  started = performance.now();
  scoreCreditTable(scorecard, credit);
  const creditRowsPerS = Math.round(credit.rowCount / seconds(started));
  started = performance.now();
  scorePropensityTable(propensity.model, marketing);
  const marketingRowsPerS = Math.round(marketing.rowCount / seconds(started));

  const one = head(credit, 1);
  const latencies: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    scoreCreditTable(scorecard, one);
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  return {
    bench: 'models',
    credit_train_s: creditTrain,
    marketing_train_s: marketingTrain,
    batch_rows_per_s: creditRowsPerS,
    marketing_batch_rows_per_s: marketingRowsPerS,
    single_p99_ms: Math.round((latencies[Math.floor(latencies.length * 0.99)] as number) * 1000) / 1000,
    single_scope: 'in-process scoreCreditTable of one row (no HTTP yet)',
  };
}
