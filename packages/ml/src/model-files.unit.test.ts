import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluateModelFile,
  parseArtifact,
  scoreModelFile,
  trainModelFile,
  writeArtifact,
} from './model-files.ts';

const creditLines = readFileSync(new URL('../../../data/credit/train.csv', import.meta.url), 'utf8').split(
  '\n',
);
const sample = (from: number, to: number) => [creditLines[0], ...creditLines.slice(from, to)].join('\n');
const trained = trainModelFile('credit', sample(1, 2001), { seed: 7, isCrossValidated: true });
if (!trained.ok) throw new Error('the credit sample does not train');
const { artifact } = trained.value;

describe('credit model files', () => {
  it('records the training data’s sha256, rows and seed, and the cross-validated AUC', () => {
    expect(artifact.trainedOn).toMatchObject({ rows: 2000, seed: 7 });
    expect(artifact.trainedOn.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(artifact.crossValidatedAuc?.mean).toBeGreaterThan(0.65);
  });

  it('scores one output line per input row, with or without the target column, the same after a JSON round trip', () => {
    const withTarget = sample(2001, 2101);
    const withoutTarget = withTarget
      .split('\n')
      .map((line) => line.split(',').slice(0, 24).join(','))
      .join('\n');
    const scored = scoreModelFile(artifact, withTarget);
    const again = scoreModelFile(parseArtifact(writeArtifact(artifact)), withoutTarget);
    expect(scored.ok && scored.value.trim().split('\n')).toHaveLength(101);
    expect(again).toEqual(scored);
    expect(scored.ok && scored.value.split('\n')[0]).toBe('ID,probability,score,reasons');
  });

  it('refuses a file with a non-numeric value, naming the line and the column', () => {
    const lines = sample(2001, 2011).split('\n');
    lines[4] = (lines[4] as string).replace(/^(\d+),(\d+),/, '$1,lots,');
    expect(scoreModelFile(artifact, lines.join('\n'))).toEqual({
      ok: false,
      problems: [{ line: 5, column: 'LIMIT_BAL', message: 'not a number: "lots"' }],
    });
  });

  it('refuses a file with the other model’s columns, and an empty file', () => {
    const marketingHeader = '"row_id";"age";"job"\n1;30;"admin."\n';
    const wrong = scoreModelFile(artifact, marketingHeader);
    expect(wrong.ok).toBe(false);
    expect(scoreModelFile(artifact, '')).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'the file is empty: no header row' }],
    });
  });

  it('evaluates only a file that has the target', () => {
    const evaluated = evaluateModelFile(artifact, sample(2001, 3001));
    expect(evaluated.ok && 'auc' in evaluated.value).toBe(true);
    const unlabelled = sample(2001, 2011)
      .split('\n')
      .map((line) => line.split(',').slice(0, 24).join(','))
      .join('\n');
    expect(evaluateModelFile(artifact, unlabelled)).toMatchObject({
      ok: false,
      problems: [{ line: 1, column: 'default payment next month' }],
    });
  });
});
