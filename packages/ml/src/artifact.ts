import { createHash } from 'node:crypto';

/**
 * Model artifacts are JSON. JSON has no ±Infinity (JSON.stringify writes null), yet the first and last
 * WoE bins are open-ended, so infinities travel as the strings "+inf" and "-inf".
 */
export function artifactToJson(value: unknown): string {
  return JSON.stringify(value, (_, v) => {
    if (v === Number.POSITIVE_INFINITY) return '+inf';
    if (v === Number.NEGATIVE_INFINITY) return '-inf';
    return v;
  });
}

export function artifactFromJson<T>(text: string): T {
  return JSON.parse(text, (_, v) => {
    if (v === '+inf') return Number.POSITIVE_INFINITY;
    if (v === '-inf') return Number.NEGATIVE_INFINITY;
    return v;
  }) as T;
}

/** sha256 of the training file, recorded with every artifact so a model names the data it learned from. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
