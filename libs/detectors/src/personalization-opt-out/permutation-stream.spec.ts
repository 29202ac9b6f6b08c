/**
 * The permutations shuffle labels in place through block slot lists; this checks them against
 * the plain way (copy each block's labels out, shuffleInPlace of @fairmarket/stats, copy back,
 * sum within-group overlaps pair by pair): the same draws must give bit-identical null gaps
 * and p-values, since both appear in findings.
 */
import { mulberry32, permutationPValue, shuffleInPlace } from '@fairmarket/stats';
import { cellOverlaps } from './cell-overlaps';
import type { SampledCell, SampledRequest } from './cell-sample';
import { overlapGapTest } from './overlap-test';

function cellsFor(seed: number): SampledCell[] {
  const rand = mulberry32(seed);
  const pool = Array.from({ length: 25 }, (_, i) => `s${i}`);
  return Array.from({ length: 30 }, (_, c) => {
    const n = 1 + Math.floor(rand() * 12);
    const requests: SampledRequest[] = Array.from({ length: n }, (_, i) => ({
      request_id: `r${c}-${i}`,
      user_id: `u${c}-${i}`,
      traits: { g: ['a', 'b', 'c'][Math.floor(rand() * 3)], s: ['x', 'y'][Math.floor(rand() * 2)] },
      top: Array.from({ length: 10 }, () => pool[Math.floor(rand() * pool.length)]),
    }));
    return { key: `c${c}`, total: n, requests };
  });
}

/** The gap test's null distribution the plain way. */
function reference(cells: SampledCell[], stratified: boolean, permutations: number, seed: number) {
  const labels: number[] = [];
  const blocks: number[][] = [];
  const pairs: { a: number; b: number; cell: number; overlap: number }[] = [];
  const weights: number[] = [];
  for (const cell of cells) {
    const groups = cell.requests.map((r) => ['a', 'b', 'c'].indexOf(r.traits.g as string));
    const sizes = [0, 1, 2].map((g) => groups.filter((x) => x === g).length);
    if (sizes.filter((n) => n > 0).length < 2 || !sizes.some((n) => n >= 2)) continue;
    const first = labels.length;
    const cellIndex = weights.length;
    weights.push(cell.requests.length);
    const byStratum = new Map<string, number[]>();
    cell.requests.forEach((r, i) => {
      labels.push(groups[i]);
      const key = stratified ? String(r.traits.s) : '';
      byStratum.set(key, [...(byStratum.get(key) ?? []), first + i]);
    });
    for (const block of byStratum.values()) if (block.length > 1) blocks.push(block);
    const overlaps = cellOverlaps(cell);
    let p = 0;
    for (let a = 0; a < cell.requests.length; a++) {
      for (let b = a + 1; b < cell.requests.length; b++) pairs.push({ a: first + a, b: first + b, cell: cellIndex, overlap: overlaps[p++] });
    }
  }
  const gapOf = (l: number[]) => {
    const within = weights.map(() => 0);
    const total = weights.map(() => 0);
    const count = weights.map(() => 0);
    const all = weights.map(() => 0);
    for (const q of pairs) {
      all[q.cell]++;
      total[q.cell] += q.overlap;
      if (l[q.a] === l[q.b]) {
        count[q.cell]++;
        within[q.cell] += q.overlap;
      }
    }
    const weightTotal = weights.reduce((s, w) => s + w, 0);
    let w = 0;
    let b = 0;
    weights.forEach((weight, c) => {
      w += (weight * within[c]) / count[c];
      b += (weight * (total[c] - within[c])) / (all[c] - count[c]);
    });
    return w / weightTotal - b / weightTotal;
  };
  const rand = mulberry32(seed);
  const permuted: number[] = [];
  for (let k = 0; k < permutations; k++) {
    const shuffled = [...labels];
    for (const block of blocks) {
      const buffer = shuffleInPlace(block.map((slot) => shuffled[slot]), rand);
      block.forEach((slot, i) => (shuffled[slot] = buffer[i]));
    }
    permuted.push(gapOf(shuffled));
  }
  const gap = gapOf(labels);
  return { gap, null_gap: permuted.reduce((s, g) => s + g, 0) / permuted.length, p_value: permutationPValue(gap, permuted, 'greater') };
}

describe('overlap gap permutations', () => {
  for (const stratified of [false, true]) {
    it(`give the plain shuffle's null gap and p-value bit for bit (${stratified ? 'within strata' : 'within cells'})`, () => {
      for (const seed of [1, 2, 3]) {
        const cells = cellsFor(seed);
        const result = overlapGapTest(cells, {
          groupOf: (r) => r.traits.g as string,
          stratumOf: stratified ? (r) => String(r.traits.s) : undefined,
          permutations: 99,
          seed: seed * 31,
          shouldPermute: () => true,
          evidencePairs: 0,
        });
        const expected = reference(cells, stratified, 99, seed * 31);
        expect(result.n_cells).toBeGreaterThan(10);
        expect(result.permutations).toBe(99);
        expect(result.gap).toBe(expected.gap);
        expect(result.null_gap).toBe(expected.null_gap);
        expect(result.p_value).toBe(expected.p_value);
      }
    });
  }
});
