import type { SampledCell } from './cell-sample';

/**
 * The top-k Jaccard overlap of every pair of requests of a cell, computed once per cell and
 * shared by every characteristic tested on it (it does not depend on who the users are).
 * Pair (i, j), i < j, sits at `pairIndex(n, i, j)` of the cell's array.
 */
export function cellOverlaps(cell: SampledCell): Float64Array {
  // Skus are numbered within the cell and each top-k becomes a bit set over those numbers:
  // a pair's intersection is then a few ANDs and bit counts instead of k x k string compares.
  const n = cell.requests.length;
  const ids = new Map<string, number>();
  const idStart = new Int32Array(n + 1);
  const skuIds: number[] = [];
  cell.requests.forEach((r, i) => {
    for (const sku of r.top) {
      let id = ids.get(sku);
      if (id === undefined) ids.set(sku, (id = ids.size));
      skuIds.push(id);
    }
    idStart[i + 1] = skuIds.length;
  });
  const words = Math.max(1, Math.ceil(ids.size / 32));
  const sets = new Int32Array(n * words);
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let s = idStart[i]; s < idStart[i + 1]; s++) sets[i * words + (skuIds[s] >>> 5)] |= 1 << (skuIds[s] & 31);
    for (let w = 0; w < words; w++) sizes[i] += bitCount(sets[i * words + w]);
  }
  const out = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      // |A ∩ B| / |A ∪ B| of the two sets (1 when both are empty, as @fairmarket/stats' jaccard).
      if (sizes[i] === 0 && sizes[j] === 0) {
        out[p] = 1;
        continue;
      }
      let shared = 0;
      for (let w = 0; w < words; w++) shared += bitCount(sets[i * words + w] & sets[j * words + w]);
      out[p] = shared / (sizes[i] + sizes[j] - shared);
    }
  }
  return out;
}

export function pairIndex(n: number, i: number, j: number): number {
  return (i * (2 * n - i - 1)) / 2 + (j - i - 1);
}

/** Set bits of a 32-bit word (SWAR popcount). */
export function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
