/** Descriptive statistics over plain arrays. */
import { compensatedSum } from './compensated-sum';
import { requireAllFinite, requireProbability } from './validate';

/** Arithmetic mean; NaN for an empty array (like R's mean(numeric(0))). */
export function mean(values: readonly number[]): number {
  requireAllFinite(values, 'values');
  if (values.length === 0) return NaN;
  const first = compensatedSum(values) / values.length;
  // One correction pass (as R's mean does): removes the rounding of the division, so a
  // constant sample has exactly its value as mean and exactly zero variance.
  let residual = 0;
  for (const v of values) residual += v - first;
  return first + residual / values.length;
}

/** Sample variance (denominator n - 1); NaN when n < 2 (like R's var). */
export function variance(values: readonly number[]): number {
  const m = mean(values);
  const n = values.length;
  if (n < 2) return NaN;
  // Corrected two-pass algorithm (Chan, Golub & LeVeque 1983).
  let sumSq = 0;
  let sum = 0;
  for (const v of values) {
    const d = v - m;
    sumSq += d * d;
    sum += d;
  }
  return Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
}

/**
 * Quantile of already sorted (ascending) values by linear interpolation between order
 * statistics: Hyndman & Fan type 7, R's default. Unsorted input is refused rather than
 * silently giving a wrong answer.
 */
export function quantile(sortedValues: readonly number[], q: number): number {
  requireProbability(q, 'q');
  requireAllFinite(sortedValues, 'sortedValues');
  const n = sortedValues.length;
  if (n === 0) throw new RangeError('quantile of an empty sample is undefined: pass at least one value');
  for (let i = 1; i < n; i++) {
    if (sortedValues[i] < sortedValues[i - 1]) {
      throw new RangeError(`quantile needs values sorted ascending; index ${i} breaks the order`);
    }
  }
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sortedValues[lo];
  const b = sortedValues[hi];
  return a + (h - lo) * (b - a);
}

/** Median of values in any order (type 7 at 0.5, which is the usual median). */
export function median(values: readonly number[]): number {
  requireAllFinite(values, 'values');
  return quantile([...values].sort((x, y) => x - y), 0.5);
}
