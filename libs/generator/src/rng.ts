/**
 * The generator's only source of randomness. Every stream is derived from the run's seed and
 * a label (platform, concern, scenario name), so that adding draws to one concern never shifts
 * the numbers another concern sees: a scenario added tomorrow does not change today's background.
 */
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import type { Rng } from './scenario';

/** FNV-1a over the label, mixed with the seed (murmur3 finaliser): a 32-bit stream seed. */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

export class SeededRng implements Rng {
  private readonly gen: RandomGenerator;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed | 0);
    // xoroshiro's first outputs from a small seed are poorly mixed: burn a few.
    for (let i = 0; i < 16; i++) this.gen.unsafeNext();
  }

  /** An independent stream for one concern of the run. */
  static derive(seed: number, label: string): SeededRng {
    return new SeededRng(deriveSeed(seed, label));
  }

  next(): number {
    // 53 random bits from two 32-bit outputs, as a double in [0, 1).
    const a = this.gen.unsafeNext() >>> 5;
    const b = this.gen.unsafeNext() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  int(minInclusive: number, maxInclusive: number): number {
    if (!Number.isInteger(minInclusive) || !Number.isInteger(maxInclusive) || maxInclusive < minInclusive) {
      throw new Error(`rng.int needs integers min <= max, got ${minInclusive}..${maxInclusive}`);
    }
    return unsafeUniformIntDistribution(minInclusive, maxInclusive, this.gen);
  }

  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    // Marsaglia's polar method: two standard normals per accepted pair.
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('rng.pick needs a non-empty list');
    return items[this.int(0, items.length - 1)];
  }

  bool(pTrue: number): boolean {
    return this.next() < pTrue;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** exp(N(mu, sigma)): spend and popularity are lognormal in real markets. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Poisson counts (Knuth for small means, a rounded normal for large ones). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** An index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}
