/**
 * A small seeded PRNG (mulberry32) so a simulation is reproducible from one
 * number. Each actor forks its own stream by label, so adding a host or
 * changing one host's behaviour does not reshuffle the others' choices.
 */

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [min, max) */
  between(min: number, max: number): number;
  /** uniform integer in [min, max] */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** exponential with the given mean: the gaps of a Poisson process */
  exponential(mean: number): number;
  /** a random (version 4) UUID in canonical form */
  uuid(): string;
  /** an independent stream, determined by this stream's seed and `label` */
  fork(label: string): Random;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the label, mixed with the seed: a stable 32-bit seed per label. */
function mixSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const HEX = '0123456789abcdef';

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    // 1 - next() is in (0, 1], so the logarithm is finite.
    exponential: (mean) => -Math.log(1 - next()) * mean,
    uuid: () => {
      let out = '';
      for (let i = 0; i < 32; i++) {
        let digit = Math.floor(next() * 16);
        if (i === 12) digit = 4; // version 4
        if (i === 16) digit = 8 | (digit & 3); // RFC 4122 variant
        out += HEX[digit];
        if (i === 7 || i === 11 || i === 15 || i === 19) out += '-';
      }
      return out;
    },
    fork: (label) => createRandom(mixSeed(seed, label)),
  };
  return random;
}

/** A fresh seed for runs that did not ask for one; reported so the run can be replayed. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}
