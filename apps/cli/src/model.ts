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
  type TrainedModelFile,
  trainModelFile,
  writeArtifact,
} from '@onefin/ml';
import type { ModelsService } from '@onefin/models';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_SEED = '20261125';

/** Training data ships in the repo (data/<set>/train.csv), so a fresh clone can train and score. */
const trainingFile = (set: ModelSet) => resolve(REPO, 'data', set, 'train.csv');

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
): TrainedModelFile {
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

/** The registry of the configured database (embedded PGlite under the data dir by default). */
export type OpenRegistry = () => Promise<{ models: ModelsService; close(): Promise<void> }>;

function readArtifactFile(set: ModelSet, path: string): ModelArtifact {
  if (!existsSync(path)) {
    console.error(`no such model file: ${path}`);
    process.exit(1);
  }
  const artifact = parseArtifact(readFileSync(path, 'utf8'));
  if (artifact.set !== set) {
    console.error(`${path} holds a ${artifact.set} model, not ${set}`);
    process.exit(1);
  }
  return artifact;
}

/**
 * The artifact to score with: a file given with --model; else the registry's version V, or its active
 * version, or its newest; and on an empty registry (a fresh clone) a deterministic training of the
 * shipped file, registered as version 1 (without cross-validation: `onefin model train` does that).
 */
async function resolveArtifact(
  open: OpenRegistry,
  set: ModelSet,
  flags: { model?: string; version?: string },
): Promise<ModelArtifact> {
  if (flags.model) return readArtifactFile(set, resolve(flags.model));
  const registry = await open();
  try {
    const { models } = registry;
    if (flags.version !== undefined) {
      const number = Number(flags.version);
      const v = Number.isInteger(number) && number > 0 ? await models.getVersion(set, number) : undefined;
      if (!v) {
        console.error(`no ${set} model version ${flags.version} in the registry`);
        process.exit(1);
      }
      return v.artifact;
    }
    const chosen = (await models.activeVersion(set)) ?? (await models.latestVersion(set));
    if (chosen) {
      console.error(`scoring with ${set} model version ${chosen.version} (${chosen.status})`);
      return chosen.artifact;
    }
    console.error(`no ${set} model in the registry yet: training one from ${trainingFile(set)}`);
    const trained = train(set, trainingFile(set), { seed: Number(DEFAULT_SEED), isCrossValidated: false });
    const registered = await models.registerVersion(trained, 'cli');
    console.error(`registered ${set} model version ${registered.version}`);
    return trained.artifact;
  } finally {
    await registry.close();
  }
}

/** `onefin model train|score|eval|scorecard credit|marketing`. */
export function registerModelCommands(program: Command, open: OpenRegistry): void {
  const model = program.command('model').description('credit scorecard and marketing propensity models');
  model
    .command('train')
    .argument('<model>', 'credit or marketing')
    .option('--seed <S>', 'seed for folds and sampling', DEFAULT_SEED)
    .option('--data <F>', 'training file (default data/<model>/train.csv)')
    .option('--out <F>', 'also write the artifact to this file')
    .description(
      'cross-validate, train on the whole file, register the version, print the figures as one JSON line',
    )
    .action(async (name: string, flags: { seed: string; data?: string; out?: string }) => {
      const set = modelSet(program, name);
      const seed = Number(flags.seed);
      if (!Number.isInteger(seed)) program.error(`--seed must be an integer, got "${flags.seed}"`);
      const data = flags.data ? resolve(flags.data) : trainingFile(set);
      const trained = train(set, data, { seed, isCrossValidated: true });
      if (flags.out) saveArtifact(resolve(flags.out), trained.artifact);
      const registry = await open();
      try {
        const v = await registry.models.registerVersion(trained, 'cli');
        console.log(
          JSON.stringify({
            model: set,
            version: v.version,
            versionId: v.id,
            status: v.status,
            seed,
            rows: trained.artifact.trainedOn.rows,
            sha256: trained.artifact.trainedOn.sha256,
            ...(flags.out ? { artifact: resolve(flags.out) } : {}),
            ...trained.figures,
          }),
        );
      } finally {
        await registry.close();
      }
    });
  model
    .command('score')
    .argument('<model>', 'credit or marketing')
    .requiredOption('--in <F>', 'file in the training file’s format (target column optional)')
    .requiredOption('--out <F>', 'CSV to write: identifier, probability, score (and reasons for credit)')
    .option('--version <V>', 'registry version (default: the active one, else the newest)')
    .option('--model <F>', 'score with an artifact file instead of the registry')
    .description('score every row of a file; a bad file is refused naming line and column')
    .action(async (name: string, flags: { in: string; out: string; model?: string; version?: string }) => {
      const set = modelSet(program, name);
      const text = readInput(resolve(flags.in));
      const artifact = await resolveArtifact(open, set, flags);
      const scored = scoreModelFile(artifact, text);
      if (!scored.ok) refuse(flags.in, scored.problems);
      writeFileSync(resolve(flags.out), scored.value);
    });
  model
    .command('eval')
    .argument('<model>', 'credit or marketing')
    .requiredOption('--in <F>', 'file with the target column')
    .option('--version <V>', 'registry version (default: the active one, else the newest)')
    .option('--model <F>', 'evaluate an artifact file instead of the registry')
    .description('print AUC, Gini, KS, top-decile lift, Brier and calibration as one JSON line')
    .action(async (name: string, flags: { in: string; model?: string; version?: string }) => {
      const set = modelSet(program, name);
      const text = readInput(resolve(flags.in));
      const evaluated = evaluateModelFile(await resolveArtifact(open, set, flags), text);
      if (!evaluated.ok) refuse(flags.in, evaluated.problems);
      console.log(JSON.stringify({ model: set, ...evaluated.value }));
    });
  model
    .command('scorecard')
    .requiredOption('--out <F>', 'CSV to write: feature, bin, woe, points')
    .option('--version <V>', 'registry version (default: the active one, else the newest)')
    .option('--model <F>', 'a credit artifact file instead of the registry')
    .description('export the credit scorecard table (one line per bin)')
    .action(async (flags: { out: string; model?: string; version?: string }) => {
      const artifact = await resolveArtifact(open, 'credit', flags);
      if (artifact.set === 'credit') writeFileSync(resolve(flags.out), scorecardCsv(artifact.model.card));
    });
}
