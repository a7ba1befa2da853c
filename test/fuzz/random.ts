// The fuzzer's randomness: a seeded PRNG, the mixing that gives each input its own seed, and
// small helpers over it. Deterministic, so every input is reproducible from its seed.

export type Rng = () => number;

/** mulberry32: a tiny 32-bit PRNG, good enough to drive a fuzzer and fully deterministic. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finalizer: spreads every input bit over the whole 32-bit result. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes a run seed and an input index into the seed of that input's own PRNG. */
export function inputSeed(seed: number, index: number): number {
  return fmix32((fmix32(seed >>> 0) + Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

export const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const chance = (rng: Rng, p: number) => rng() < p;
