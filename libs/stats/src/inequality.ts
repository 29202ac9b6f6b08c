/** Overlap and concentration measures used in the recommendation and exposure audits. */
import { requireAllFinite } from './validate';

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two sets (arrays are read as sets: duplicates
 * ignored). 1 when both are empty: two empty result lists are identical.
 */
export function jaccard<T>(a: ReadonlySet<T> | readonly T[], b: ReadonlySet<T> | readonly T[]): number {
  const setA: ReadonlySet<T> = a instanceof Set ? a : new Set(a as readonly T[]);
  const setB: ReadonlySet<T> = b instanceof Set ? b : new Set(b as readonly T[]);
  if (setA.size === 0 && setB.size === 0) return 1;
  const [small, large] = setA.size <= setB.size ? [setA, setB] : [setB, setA];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (setA.size + setB.size - shared);
}

/**
 * Gini coefficient of non-negative amounts (e.g. impressions per merchant):
 * Σ (2i − n − 1) x₍ᵢ₎ / (n Σ x) over the values sorted ascending, which is R's ineq::Gini
 * (uncorrected). 0 when everything is shared equally; (n − 1)/n, tending to 1, when one
 * holder has everything. An empty list or an all-zero list has nothing to share unequally: 0.
 */
export function gini(values: readonly number[]): number {
  requireAllFinite(values, 'values');
  values.forEach((v, i) => {
    if (v < 0) throw new RangeError(`gini needs non-negative amounts; values[${i}] is ${v}`);
  });
  const n = values.length;
  const sorted = [...values].sort((x, y) => x - y);
  let total = 0;
  let weighted = 0;
  sorted.forEach((x, i) => {
    total += x;
    weighted += (2 * (i + 1) - n - 1) * x;
  });
  if (total === 0) return 0;
  return weighted / (n * total);
}
