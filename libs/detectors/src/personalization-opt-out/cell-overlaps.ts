import type { SampledCell } from './cell-sample';

/**
 * The top-k Jaccard overlap of every pair of requests of a cell, computed once per cell and
 * shared by every characteristic tested on it (it does not depend on who the users are).
 * Pair (i, j), i < j, sits at `pairIndex(n, i, j)` of the cell's array.
 */
export function cellOverlaps(cell: SampledCell): Float64Array {
  const ids = new Map<string, number>();
  const tops = cell.requests.map((r) => {
    const interned = new Set<number>();
    for (const sku of r.top) {
      if (!ids.has(sku)) ids.set(sku, ids.size);
      interned.add(ids.get(sku)!);
    }
    return Int32Array.from(interned);
  });
  const n = tops.length;
  const out = new Float64Array((n * (n - 1)) / 2);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out[pairIndex(n, i, j)] = jaccardOfSets(tops[i], tops[j]);
  }
  return out;
}

export function pairIndex(n: number, i: number, j: number): number {
  return (i * (2 * n - i - 1)) / 2 + (j - i - 1);
}

/** |A ∩ B| / |A ∪ B| of two duplicate-free id lists (1 when both are empty, as @fairmarket/stats' jaccard). */
function jaccardOfSets(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let x = 0; x < a.length; x++) {
    for (let y = 0; y < b.length; y++) {
      if (a[x] === b[y]) {
        shared++;
        break;
      }
    }
  }
  return shared / (a.length + b.length - shared);
}
