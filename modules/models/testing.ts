import { readFileSync } from 'node:fs';
import { type ModelSet, type TrainedModelFile, trainModelFile } from '@onefin/ml';

/** The first `rows` rows of the shipped training file: enough to cross-validate in a test's time. */
export function trainingSample(set: ModelSet, rows: number): string {
  const text = readFileSync(new URL(`../../data/${set}/train.csv`, import.meta.url), 'utf8');
  const lines = text.split('\n');
  return `${lines.slice(0, rows + 1).join('\n')}\n`;
}

/** A cross-validated training run on a sample, as `onefin model train` makes one on the whole file. */
export function trainedSample(set: ModelSet, rows: number, seed = 7): TrainedModelFile {
  const trained = trainModelFile(set, trainingSample(set, rows), { seed, isCrossValidated: true });
  if (!trained.ok) throw new Error(JSON.stringify(trained.problems));
  return trained.value;
}

/** Row `i` of a credit sample as an applicant (the identifier and the target left out). */
export function creditApplicantOf(sample: string, i: number): Record<string, number> {
  const [header, ...rows] = sample.trim().split('\n');
  const names = (header as string).split(',');
  const cells = (rows[i] as string).split(',').map(Number);
  const out: Record<string, number> = {};
  names.forEach((n, j) => {
    if (n !== 'ID' && n !== 'default payment next month') out[n] = cells[j] as number;
  });
  return out;
}

/** Row `i` of a marketing sample as a contact (without the identifier, `duration` and the target). */
export function marketingContactOf(sample: string, i: number): Record<string, number | string> {
  const [header, ...rows] = sample.trim().split('\n');
  const names = (header as string).split(';').map((n) => n.replace(/^"|"$/g, ''));
  const cells = (rows[i] as string).split(';');
  const out: Record<string, number | string> = {};
  names.forEach((n, j) => {
    if (['row_id', 'duration', 'y'].includes(n)) return;
    const raw = (cells[j] as string).replace(/^"|"$/g, '');
    const asNumber = Number(raw);
    out[n] = raw !== '' && Number.isFinite(asNumber) ? asNumber : raw;
  });
  return out;
}
