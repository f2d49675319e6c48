/**
 * The one seeded random number generator behind generated sample material:
 * the sample illustrations (scripts/sample-images, seeded with each picture's
 * name) and the benchmark corpus (scripts/lib/corpus.ts, seeded with a number).
 * Same seed, same sequence, on every machine: what was generated once can be
 * generated again byte for byte, so changing the sequence changes every
 * committed sample image and every benchmark corpus.
 */

/** A seeded sequence and the few ways its callers draw from it. */
export type Rng = {
  /** The next number in [0, 1). */
  next: () => number;
  /** A number in [min, max). */
  range: (min: number, max: number) => number;
  /** A whole number from min to max, both included. */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
};

/** mulberry32: small, fast and good enough for pictures and synthetic text (not for secrets). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a hash of the text's UTF-16 code units: turns a name into a seed. */
export function hashSeed(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** A generator seeded with a number, or with a text (hashed by hashSeed). */
export function createRng(seed: number | string): Rng {
  const next = mulberry32(typeof seed === 'string' ? hashSeed(seed) : seed);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => Math.floor(min + (max - min + 1) * next()),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}
