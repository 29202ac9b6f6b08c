import { mulberry32, permutationPValue } from '@fairmarket/stats';
import type { SampledCell, SampledRequest } from './cell-sample';
import type { Grouping } from './characteristic-groups';
import { RequestTable } from './request-table';
import { layOut, type TestLayout } from './test-layout';

/** A between-group pair of requests of the same cell, for evidence. */
export interface DissimilarPair {
  a: SampledRequest;
  b: SampledRequest;
  groupA: string;
  groupB: string;
  overlap: number;
}

export interface OverlapTestResult {
  /** Requests in cells holding both a same-group and a cross-group pair of users. */
  n_requests: number;
  n_cells: number;
  within_pairs: number;
  between_pairs: number;
  /** Mean top-k Jaccard overlap of two users of the same group / of different groups (cell-weighted). */
  within_overlap: number;
  between_overlap: number;
  /** within_overlap - between_overlap: how much less alike results are across groups. */
  gap: number;
  /** Mean gap when group labels are permuted at random (what chance and the strata explain). */
  null_gap: number | null;
  /** One-sided permutation p-value of the gap; null when the permutations were not run. */
  p_value: number | null;
  permutations: number;
  groups: string[];
  /** The least alike between-group pairs, most dissimilar first (only when permuted). */
  dissimilar: DissimilarPair[];
}

/** How a test runs, whatever the groups. */
export interface OverlapRunOptions {
  permutations: number;
  seed: number;
  /** Decides from the observed result whether the (costly) permutations are worth running. */
  shouldPermute(observed: OverlapTestResult): boolean;
  /** How many dissimilar pairs to return for evidence. */
  evidencePairs: number;
}

export interface OverlapTestOptions extends OverlapRunOptions {
  groupOf(request: SampledRequest): string | undefined;
  /** Labels are permuted only among requests of the same cell and stratum (default: whole cell). */
  stratumOf?(request: SampledRequest): string;
}

/**
 * Do users of different groups see less alike top-k results than users of the same group,
 * when they ask the same thing at the same time? Pairs are formed only inside a cell (same
 * surface, query and hour) and only between requests of different users (one request per
 * user and cell); overlap is the Jaccard index of the two top-k item sets. In each
 * cell holding both kinds of pairs, the gap is the mean within-group overlap minus the mean
 * between-group overlap; cells are averaged with their request counts as weights, so that a
 * query whose results are naturally more alike does not pass for a group effect. The p-value
 * comes from permuting group labels within cells (and strata), with a seeded generator so
 * that a re-run gives the same p-value.
 */
export function overlapGapTest(cells: readonly SampledCell[], options: OverlapTestOptions): OverlapTestResult {
  const table = new RequestTable(cells);
  const grouping = { codes: new Int32Array(table.requests.length), names: [] as string[] };
  const codeOfName = new Map<string, number>();
  const strata = options.stratumOf ? new Int32Array(table.requests.length) : null;
  const codeOfStratum = new Map<string, number>();
  table.requests.forEach((request, i) => {
    const group = options.groupOf(request);
    if (group !== undefined && !codeOfName.has(group)) codeOfName.set(group, grouping.names.push(group) - 1);
    grouping.codes[i] = group === undefined ? -1 : codeOfName.get(group)!;
    if (!strata) return;
    const stratum = options.stratumOf!(request);
    if (!codeOfStratum.has(stratum)) codeOfStratum.set(stratum, codeOfStratum.size);
    strata[i] = codeOfStratum.get(stratum)!;
  });
  return overlapGapTestOn(table, grouping, strata, options);
}

/**
 * The overlap gap test on a table whose groups (and strata) are already codes: what a scan of
 * several characteristics over the same cells runs, sharing the table and its overlaps.
 */
export function overlapGapTestOn(
  table: RequestTable,
  grouping: Pick<Grouping, 'codes' | 'names'>,
  strata: Int32Array | null,
  options: OverlapRunOptions,
): OverlapTestResult {
  const layout = layOut(table, grouping, strata);
  const { labels, first, pairStart, overlap } = layout;
  const cellCount = first.length - 1;
  const weights = new Float64Array(cellCount);
  const withinCount = new Float64Array(cellCount);
  const pairCount = new Float64Array(cellCount);
  const totalSum = new Float64Array(cellCount);
  const withinSum = new Float64Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    weights[c] = first[c + 1] - first[c];
    pairCount[c] = pairStart[c + 1] - pairStart[c];
    let p = pairStart[c];
    let total = 0;
    let within = 0;
    let count = 0;
    for (let a = first[c]; a < first[c + 1]; a++) {
      for (let b = a + 1; b < first[c + 1]; b++, p++) {
        total += overlap[p];
        if (labels[a] === labels[b]) {
          count++;
          within += overlap[p];
        }
      }
    }
    totalSum[c] = total;
    withinSum[c] = within;
    withinCount[c] = count;
  }
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  // Pair counts per cell do not change when labels are shuffled inside a cell (group sizes
  // stay), only which overlaps fall within groups does: each permutation is one pass over pairs.
  const summarize = (within: Float64Array) => {
    let w = 0;
    let b = 0;
    for (let c = 0; c < cellCount; c++) {
      w += (weights[c] * within[c]) / withinCount[c];
      b += (weights[c] * (totalSum[c] - within[c])) / (pairCount[c] - withinCount[c]);
    }
    return { within: w / weightTotal, between: b / weightTotal };
  };
  const observed = cellCount > 0 ? summarize(withinSum) : { within: NaN, between: NaN };
  const result: OverlapTestResult = {
    n_requests: layout.slotRequest.length,
    n_cells: cellCount,
    within_pairs: withinCount.reduce((s, n) => s + n, 0),
    between_pairs: pairCount.reduce((s, n) => s + n, 0) - withinCount.reduce((s, n) => s + n, 0),
    within_overlap: observed.within,
    between_overlap: observed.between,
    gap: observed.within - observed.between,
    null_gap: null,
    p_value: null,
    permutations: 0,
    groups: [...layout.groupNames].sort(),
    dissimilar: [],
  };
  if (!Number.isFinite(result.gap) || !options.shouldPermute(result)) return result;
  result.dissimilar = dissimilarPairs(table, grouping.names, layout, options.evidencePairs);

  const permuted = permutedGaps(layout, options, (within) => {
    const s = summarize(within);
    return s.within - s.between;
  });
  result.permutations = options.permutations;
  result.null_gap = permuted.reduce((s, g) => s + g, 0) / permuted.length;
  result.p_value = permutationPValue(result.gap, permuted, 'greater');
  return result;
}

/**
 * The gap under each of `permutations` seeded shuffles of the labels within blocks. Each
 * shuffle starts again from the observed labels and is a Fisher–Yates (Durstenfeld) pass per
 * block, as shuffleInPlace of @fairmarket/stats would do on the block's labels: the same draws
 * in the same order, hence the same p-values, without copying labels in and out of buffers.
 */
function permutedGaps(layout: TestLayout, options: OverlapRunOptions, gapOf: (within: Float64Array) => number): number[] {
  const { labels, first, pairStart, overlap, blockSlots, blockStart } = layout;
  const cellCount = first.length - 1;
  const rand = mulberry32(options.seed);
  const shuffled = new Int32Array(labels.length);
  const within = new Float64Array(cellCount);
  const permuted: number[] = [];
  for (let k = 0; k < options.permutations; k++) {
    shuffled.set(labels);
    for (let b = 0; b + 1 < blockStart.length; b++) {
      const from = blockStart[b];
      for (let i = blockStart[b + 1] - from - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const x = blockSlots[from + i];
        const y = blockSlots[from + j];
        const tmp = shuffled[x];
        shuffled[x] = shuffled[y];
        shuffled[y] = tmp;
      }
    }
    for (let c = 0; c < cellCount; c++) {
      let p = pairStart[c];
      let sum = 0;
      const end = first[c + 1];
      for (let a = first[c]; a < end; a++) {
        const label = shuffled[a];
        // Multiplying by 0 or 1 rather than branching: labels are random, so a branch is
        // mispredicted half the time; overlaps are finite and >= 0, so the sum is the same.
        for (let b = a + 1; b < end; b++, p++) sum += overlap[p] * +(shuffled[b] === label);
      }
      within[c] = sum;
    }
    permuted.push(gapOf(within));
  }
  return permuted;
}

function dissimilarPairs(table: RequestTable, names: readonly string[], layout: TestLayout, limit: number): DissimilarPair[] {
  const { slotRequest, labels, first, overlap } = layout;
  const between: number[] = [];
  const pairA = new Int32Array(overlap.length);
  const pairB = new Int32Array(overlap.length);
  let p = 0;
  for (let c = 0; c + 1 < first.length; c++) {
    for (let a = first[c]; a < first[c + 1]; a++) {
      for (let b = a + 1; b < first[c + 1]; b++, p++) {
        if (labels[a] === labels[b]) continue;
        between.push(p);
        pairA[p] = a;
        pairB[p] = b;
      }
    }
  }
  // Ties keep pair order, which is deterministic: cells and their requests are sorted by hash.
  between.sort((x, y) => overlap[x] - overlap[y] || x - y);
  return between.slice(0, limit).map((p) => ({
    a: table.requests[slotRequest[pairA[p]]],
    b: table.requests[slotRequest[pairB[p]]],
    groupA: names[labels[pairA[p]]],
    groupB: names[labels[pairB[p]]],
    overlap: overlap[p],
  }));
}
