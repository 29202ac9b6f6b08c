/**
 * Count, mean and variance of a stream in one pass and O(1) memory, mergeable so that partial
 * results computed by separate jobs (one per platform, one per file chunk) can be combined.
 */
import { requireCount, requireFinite } from './validate';

/** What the t-tests need to know about a sample. `variance` is the sample variance (n - 1). */
export interface Summary {
  n: number;
  mean: number;
  variance: number;
}

/** The JSON form of a RunningSummary: `m2` is the sum of squared deviations from the mean. */
export interface RunningSummaryJSON {
  n: number;
  mean: number;
  m2: number;
}

export class RunningSummary {
  private n = 0;
  private mu = 0;
  private m2 = 0;

  /** Welford's update: stable where the textbook Σx² − (Σx)²/n cancels catastrophically. */
  add(x: number): void {
    requireFinite(x, 'x');
    this.n += 1;
    const delta = x - this.mu;
    this.mu += delta / this.n;
    this.m2 += delta * (x - this.mu);
  }

  /** Folds another summary in (Chan, Golub & LeVeque's pairwise formula). */
  merge(other: RunningSummary): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.n = other.n;
      this.mu = other.mu;
      this.m2 = other.m2;
      return;
    }
    const n = this.n + other.n;
    const delta = other.mu - this.mu;
    this.mu += (delta * other.n) / n;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.n = n;
  }

  get count(): number {
    return this.n;
  }

  /** mean is NaN when empty, variance NaN when n < 2 (undefined, like R's var of one value). */
  summary(): Summary {
    return {
      n: this.n,
      mean: this.n === 0 ? NaN : this.mu,
      variance: this.n < 2 ? NaN : this.m2 / (this.n - 1),
    };
  }

  toJSON(): RunningSummaryJSON {
    return { n: this.n, mean: this.mu, m2: this.m2 };
  }

  static fromJSON(json: RunningSummaryJSON): RunningSummary {
    const s = new RunningSummary();
    if (typeof json !== 'object' || json === null) throw new RangeError('RunningSummary JSON must be an object');
    s.n = requireCount(json.n, 'RunningSummary n');
    s.mu = requireFinite(json.mean, 'RunningSummary mean');
    s.m2 = requireFinite(json.m2, 'RunningSummary m2');
    if (s.m2 < 0) throw new RangeError(`RunningSummary m2 cannot be negative, got ${s.m2}`);
    return s;
  }

  /** Summary of an array in one call. */
  static of(values: Iterable<number>): RunningSummary {
    const s = new RunningSummary();
    for (const v of values) s.add(v);
    return s;
  }
}

/** Summary of an array (see RunningSummary.summary for n < 2). */
export function summarize(values: Iterable<number>): Summary {
  return RunningSummary.of(values).summary();
}
