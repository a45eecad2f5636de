import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const onefin = new URL('../bin/onefin.js', import.meta.url).pathname;
const creditLines = readFileSync(new URL('../../../data/credit/train.csv', import.meta.url), 'utf8').split(
  '\n',
);
const dir = mkdtempSync(join(tmpdir(), 'onefin-model-'));
const artifact = join(dir, 'credit.json');
/** Every run uses the registry of its own embedded database, never a shared one. */
const { DATABASE_URL: _, DATABASE_REPLICA_URL: __, ...inherited } = process.env;
const env = { ...inherited, ONEFIN_DATA_DIR: join(dir, 'data') };

describe('onefin model (credit, on 1,500 training rows)', () => {
  const trainFile = join(dir, 'train.csv');
  writeFileSync(trainFile, creditLines.slice(0, 1501).join('\n'));
  const printed = execFileSync(
    'node',
    [onefin, 'model', 'train', 'credit', '--data', trainFile, '--out', artifact],
    { encoding: 'utf8', env },
  );

  it('train prints the cross-validated figures as one JSON line and writes the artifact', () => {
    const line = JSON.parse(printed.trim());
    expect(line).toMatchObject({
      model: 'credit',
      rows: 1500,
      seed: 20261125,
      version: 1,
      status: 'trained',
    });
    expect(line.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(line.auc.mean).toBeGreaterThan(0.6);
    expect(existsSync(artifact)).toBe(true);
  });

  it('score writes identifier, probability, score and reasons for every row', () => {
    const input = join(dir, 'in.csv');
    const output = join(dir, 'out.csv');
    writeFileSync(input, [creditLines[0], ...creditLines.slice(1501, 1521)].join('\n'));
    execFileSync(
      'node',
      [onefin, 'model', 'score', 'credit', '--in', input, '--out', output, '--model', artifact],
      { env },
    );
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('ID,probability,score,reasons');
    expect(lines).toHaveLength(21);
    // The registry's version 1 is the same model: the same scores, without the file.
    const fromRegistry = join(dir, 'out-v1.csv');
    execFileSync(
      'node',
      [onefin, 'model', 'score', 'credit', '--in', input, '--out', fromRegistry, '--version', '1'],
      {
        env,
      },
    );
    expect(readFileSync(fromRegistry, 'utf8')).toBe(readFileSync(output, 'utf8'));
    const missing = spawnSync(
      'node',
      [onefin, 'model', 'score', 'credit', '--in', input, '--out', join(dir, 'v9.csv'), '--version', '9'],
      { encoding: 'utf8', env },
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no credit model version 9');
    expect(existsSync(join(dir, 'v9.csv'))).toBe(false);
  });

  it('score refuses a bad file naming line and column, exits 1 and writes nothing', () => {
    const input = join(dir, 'bad.csv');
    const output = join(dir, 'bad-out.csv');
    writeFileSync(input, [creditLines[0], creditLines[1], 'x', creditLines[3]].join('\n'));
    const run = spawnSync(
      'node',
      [onefin, 'model', 'score', 'credit', '--in', input, '--out', output, '--model', artifact],
      { encoding: 'utf8', env },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('line 3: expected 25 cells, found 1');
    expect(existsSync(output)).toBe(false);
  });

  it('scorecard exports one line per bin, each with its points', () => {
    const output = join(dir, 'scorecard.csv');
    execFileSync('node', [onefin, 'model', 'scorecard', '--out', output, '--model', artifact], { env });
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('feature,bin,woe,points');
    expect(lines.some((l) => l.startsWith('PAY_0,'))).toBe(true);
    for (const l of lines.slice(1)) expect(l).toMatch(/,-?\d+$/);
  });
});
