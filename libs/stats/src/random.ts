/**
 * Seeded randomness for permutation tests and the bootstrap: the same seed gives the same
 * p-values and intervals on every run and every machine, so findings are reproducible and
 * their ids stay stable. Not for anything security-related.
 */
import { requireFinite } from './validate';

/**
 * Mulberry32 (Tommy Ettinger; JavaScript by bryc, github.com/bryc/code jshash/PRNGs.md):
 * 32-bit state, period 2^32, uniform doubles in [0, 1) with 32 random bits. The seed is taken
 * modulo 2^32.
 */
export function mulberry32(seed: number): () => number {
  let state = requireFinite(seed, 'seed') >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates (Durstenfeld) shuffle: every permutation equally likely. Returns `arr`. */
export function shuffleInPlace<T>(arr: T[], rand: () => number): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}
