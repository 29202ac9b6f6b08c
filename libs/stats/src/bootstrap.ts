/**
 * Percentile bootstrap confidence interval (Efron): resample the values with replacement
 * `reps` times, compute the statistic on each resample, and take the (1 − level)/2 and
 * (1 + level)/2 type-7 quantiles of those statistics. Seeded, so the interval is reproducible.
 */
import { quantile } from './descriptive';
import { mulberry32 } from './random';
import { requireAllFinite, requireFinite } from './validate';

export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  reps?: number;
  /** Seed for mulberry32 (default 1). */
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

export function bootstrapCI(
  values: readonly number[],
  stat: (xs: number[]) => number,
  options: BootstrapOptions = {},
): [number, number] {
  const { reps = 2000, seed = 1, level = 0.95 } = options;
  requireAllFinite(values, 'values');
  if (values.length === 0) throw new RangeError('bootstrapCI needs at least one value');
  if (!Number.isSafeInteger(reps) || reps < 1) throw new RangeError(`reps must be a positive integer, got ${reps}`);
  requireFinite(level, 'level');
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);

  const rand = mulberry32(seed);
  const n = values.length;
  const resample = new Array<number>(n);
  const stats = new Array<number>(reps);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) resample[i] = values[Math.floor(rand() * n)];
    // A fresh copy each time: the statistic may sort or otherwise mutate its argument.
    stats[r] = requireFinite(stat(resample.slice()), `statistic of bootstrap resample ${r}`);
  }
  stats.sort((x, y) => x - y);
  return [quantile(stats, (1 - level) / 2), quantile(stats, (1 + level) / 2)];
}
