import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CsvProblem,
  describeProblems,
  evaluateModelFile,
  type ModelArtifact,
  type ModelSet,
  parseArtifact,
  scorecardCsv,
  scoreModelFile,
  trainModelFile,
  writeArtifact,
} from '@onefin/ml';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_SEED = '20261125';

/** Training data ships in the repo (data/<set>/train.csv), so a fresh clone can train and score. */
const trainingFile = (set: ModelSet) => resolve(REPO, 'data', set, 'train.csv');
/** Until the model registry exists (issue 8), the trained artifact lives in the data directory. */
const defaultArtifact = (set: ModelSet) => resolve(REPO, '.data', 'models', `${set}.json`);

function modelSet(program: Command, value: string): ModelSet {
  if (value !== 'credit' && value !== 'marketing')
    program.error(`unknown model "${value}": use credit or marketing`);
  return value as ModelSet;
}

function refuse(file: string, problems: readonly CsvProblem[]): never {
  console.error(`${file} was not accepted; nothing was written:\n${describeProblems(problems)}`);
  process.exit(1);
}

function readInput(path: string): string {
  if (!existsSync(path)) {
    console.error(`no such file: ${path}`);
    process.exit(1);
  }
  return readFileSync(path, 'utf8');
}

/** Trains with a stage bar on stderr (stdout stays the one JSON line). */
function train(
  set: ModelSet,
  dataFile: string,
  options: { seed: number; isCrossValidated: boolean },
): { artifact: ModelArtifact; figures: object } {
  const bar = new SingleBar({
    format: `training ${set} [{bar}] {stage}`,
    stream: process.stderr,
    clearOnComplete: true,
  });
  bar.start(2, 0, { stage: options.isCrossValidated ? 'cross-validating' : 'training' });
  const trained = trainModelFile(set, readInput(dataFile), options, (stage) => bar.increment({ stage }));
  bar.stop();
  if (!trained.ok) refuse(dataFile, trained.problems);
  return trained.value;
}

function saveArtifact(path: string, artifact: ModelArtifact): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, writeArtifact(artifact));
}

/** The artifact to score with: the given or default file, or (none yet) a fresh deterministic training. */
function loadOrTrain(set: ModelSet, modelPath: string | undefined): ModelArtifact {
  const path = modelPath ?? defaultArtifact(set);
  if (existsSync(path)) {
    const artifact = parseArtifact(readFileSync(path, 'utf8'));
    if (artifact.set !== set) {
      console.error(`${path} holds a ${artifact.set} model, not ${set}`);
      process.exit(1);
    }
    return artifact;
  }
  if (modelPath) {
    console.error(`no such model file: ${modelPath}`);
    process.exit(1);
  }
  console.error(`no trained ${set} model at ${path}: training one from ${trainingFile(set)}`);
  // scoring needs the model, not its figures: skip cross-validation (`onefin model train` does it)
  const { artifact } = train(set, trainingFile(set), { seed: Number(DEFAULT_SEED), isCrossValidated: false });
  saveArtifact(path, artifact);
  return artifact;
}

/** `onefin model train|score|eval credit|marketing`. */
export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('credit scorecard and marketing propensity models');
  model
    .command('train')
    .argument('<model>', 'credit or marketing')
    .option('--seed <S>', 'seed for folds and sampling', DEFAULT_SEED)
    .option('--data <F>', 'training file (default data/<model>/train.csv)')
    .option('--out <F>', 'artifact file (default .data/models/<model>.json)')
    .description('cross-validate, train on the whole file, print the figures as one JSON line')
    .action((name: string, flags: { seed: string; data?: string; out?: string }) => {
      const set = modelSet(program, name);
      const seed = Number(flags.seed);
      if (!Number.isInteger(seed)) program.error(`--seed must be an integer, got "${flags.seed}"`);
      const data = flags.data ? resolve(flags.data) : trainingFile(set);
      const { artifact, figures } = train(set, data, { seed, isCrossValidated: true });
      const out = flags.out ? resolve(flags.out) : defaultArtifact(set);
      saveArtifact(out, artifact);
      console.log(
        JSON.stringify({ model: set, seed, rows: artifact.trainedOn.rows, artifact: out, ...figures }),
      );
    });
  model
    .command('score')
    .argument('<model>', 'credit or marketing')
    .requiredOption('--in <F>', 'file in the training file’s format (target column optional)')
    .requiredOption('--out <F>', 'CSV to write: identifier, probability, score (and reasons for credit)')
    .option('--model <F>', 'artifact file (default .data/models/<model>.json, trained if missing)')
    .description('score every row of a file; a bad file is refused naming line and column')
    .action((name: string, flags: { in: string; out: string; model?: string }) => {
      const set = modelSet(program, name);
      const text = readInput(resolve(flags.in));
      const artifact = loadOrTrain(set, flags.model);
      const scored = scoreModelFile(artifact, text);
      if (!scored.ok) refuse(flags.in, scored.problems);
      writeFileSync(resolve(flags.out), scored.value);
    });
  model
    .command('eval')
    .argument('<model>', 'credit or marketing')
    .requiredOption('--in <F>', 'file with the target column')
    .option('--model <F>', 'artifact file (default .data/models/<model>.json, trained if missing)')
    .description('print AUC, Gini, KS, top-decile lift, Brier and calibration as one JSON line')
    .action((name: string, flags: { in: string; model?: string }) => {
      const set = modelSet(program, name);
      const text = readInput(resolve(flags.in));
      const evaluated = evaluateModelFile(loadOrTrain(set, flags.model), text);
      if (!evaluated.ok) refuse(flags.in, evaluated.problems);
      console.log(JSON.stringify({ model: set, ...evaluated.value }));
    });
  model
    .command('scorecard')
    .requiredOption('--out <F>', 'CSV to write: feature, bin, woe, points')
    .option('--model <F>', 'credit artifact (default .data/models/credit.json, trained if missing)')
    .description('export the credit scorecard table (one line per bin)')
    .action((flags: { out: string; model?: string }) => {
      const artifact = loadOrTrain('credit', flags.model);
      if (artifact.set === 'credit') writeFileSync(resolve(flags.out), scorecardCsv(artifact.model.card));
    });
}
