/**
 * `npm run bench -- models`: training time of each model on its whole training file (no
 * cross-validation), batch scoring throughput, and the latency of scoring one applicant through the
 * console API (`models-api.ts`; in process beside it). Throughput is the
 * median of three passes over the training file: in memory (`*_batch_rows_per_s`, and
 * `batch_rows_per_s` = the slower model) and file to file as `onefin model score` does it (read and
 * validate the CSV, score, write the output CSV: `*_file_rows_per_s`).
 */
import { readFileSync } from 'node:fs';
import {
  CREDIT_SCHEMA,
  MARKETING_SCHEMA,
  readTable,
  scoreCreditTable,
  scoreModelFile,
  scorePropensityTable,
  type Table,
  trainCreditScorecard,
  trainModelFile,
  trainPropensity,
} from '@onefin/ml';
import { consoleScoreLatency } from './models-api.ts';

const text = (set: 'credit' | 'marketing') =>
  readFileSync(new URL(`../data/${set}/train.csv`, import.meta.url), 'utf8');

function load(set: 'credit' | 'marketing'): Table {
  const read = readTable(text(set), set === 'credit' ? CREDIT_SCHEMA : MARKETING_SCHEMA);
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

/** Rows per second of `run` over `rows` rows: the median of three passes. */
function rowsPerSecond(rows: number, run: () => unknown): number {
  const rates = [0, 1, 2].map(() => {
    const started = performance.now();
    run();
    return rows / ((performance.now() - started) / 1000);
  });
  return Math.round(rates.sort((a, b) => a - b)[1] as number);
}

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

  const creditRowsPerS = rowsPerSecond(credit.rowCount, () => scoreCreditTable(scorecard, credit));
  const marketingRowsPerS = rowsPerSecond(marketing.rowCount, () =>
    scorePropensityTable(propensity.model, marketing),
  );
  const fileRate = (set: 'credit' | 'marketing', rows: number) => {
    const input = text(set);
    const trained = trainModelFile(set, input, { seed: 20261125, isCrossValidated: false }, () => {});
    if (!trained.ok) throw new Error(`data/${set}/train.csv does not train`);
    return rowsPerSecond(rows, () => scoreModelFile(trained.value.artifact, input));
  };
  const creditFileRowsPerS = fileRate('credit', credit.rowCount);
  const marketingFileRowsPerS = fileRate('marketing', marketing.rowCount);

  const one = head(credit, 1);
  // a serving process is warm: the first calls (compilation of the scoring code) are not measured
  for (let i = 0; i < 500; i++) scoreCreditTable(scorecard, one);
  const latencies: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    scoreCreditTable(scorecard, one);
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const api = await consoleScoreLatency();
  return {
    bench: 'models',
    credit_train_s: creditTrain,
    marketing_train_s: marketingTrain,
    batch_rows_per_s: Math.min(creditRowsPerS, marketingRowsPerS),
    credit_batch_rows_per_s: creditRowsPerS,
    marketing_batch_rows_per_s: marketingRowsPerS,
    credit_file_rows_per_s: creditFileRowsPerS,
    marketing_file_rows_per_s: marketingFileRowsPerS,
    // One applicant through the console API (HTTP, session, validation, decision and audit rows).
    single_p50_ms: api.p50_ms,
    single_p99_ms: api.p99_ms,
    single_engine: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    in_process_p99_ms: Math.round((latencies[Math.floor(latencies.length * 0.99)] as number) * 1000) / 1000,
  };
}
