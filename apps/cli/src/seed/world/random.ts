import { fromEpochDay, toEpochDay } from './dates.ts';

/**
 * A seeded pseudo-random source for the demo world: sfc32 (a small, fast generator that passes
 * PractRand) seeded through cyrb128, so any string or number seed gives a well-mixed state. The same
 * seed always yields the same sequence, on every platform: only 32-bit integer math is used.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. For repeated picks use `weightedPicker`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Normally distributed (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** A new array with the items in random order (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** A uniformly chosen `YYYY-MM-DD` date in [from, to], both included. */
  dateBetween(from: string, to: string): string;
  /**
   * An independent stream named `label`, derived from this stream's seed (not its position), so adding
   * draws to one part of the world never changes another part.
   */
  fork(label: string): Rng;
}

/** Creates the generator for `seed`. */
export function createRng(seed: number | string): Rng {
  const seedText = String(seed);
  const [a, b, c, d] = cyrb128(seedText);
  const next = sfc32(a, b, c, d);
  // Discard the first outputs: sfc32's state needs a few rounds to mix.
  for (let i = 0; i < 12; i++) next();
  let spare: number | undefined;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items, weights) => weightedPicker(items, weights)(rng),
    normal: (mean = 0, sd = 1) => {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return mean + sd * z;
      }
      // Box–Muller: two uniforms give two independent standard normals; keep one for the next call.
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = out[i] as (typeof out)[number];
        out[i] = out[j] as (typeof out)[number];
        out[j] = t;
      }
      return out;
    },
    dateBetween: (from, to) => fromEpochDay(rng.int(toEpochDay(from), toEpochDay(to))),
    fork: (label) => createRng(`${seedText}/${label}`),
  };
  return rng;
}

/**
 * A reusable weighted choice: cumulative weights built once, each pick a binary search. Weights must
 * be non-negative with a positive sum.
 */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  if (items.length === 0 || items.length !== weights.length) {
    throw new RangeError('weighted pick needs one weight per item and at least one item');
  }
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    if (!(w >= 0)) throw new RangeError(`weight ${i} is negative or not a number`);
    total += w;
    cumulative[i] = total;
  });
  if (total <= 0) throw new RangeError('weights sum to zero');
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

/** cyrb128: a fast 128-bit string hash, used only to spread a seed over the generator's state. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(a0: number, b0: number, c0: number, d0: number): () => number {
  let a = a0;
  let b = b0;
  let c = c0;
  let d = d0;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
