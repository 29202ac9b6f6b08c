import { mulberry32, permutationPValue, shuffleInPlace } from '@fairmarket/stats';
import type { SampledCell, SampledRequest } from './cell-sample';
import { cellOverlaps, pairIndex } from './cell-overlaps';

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

export interface OverlapTestOptions {
  groupOf(request: SampledRequest): string | undefined;
  /** Labels are permuted only among requests of the same cell and stratum (default: whole cell). */
  stratumOf?(request: SampledRequest): string;
  permutations: number;
  seed: number;
  /** Decides from the observed result whether the (costly) permutations are worth running. */
  shouldPermute(observed: OverlapTestResult): boolean;
  /** How many dissimilar pairs to return for evidence. */
  evidencePairs: number;
}

interface Prepared {
  requests: SampledRequest[];
  labels: Int32Array;
  groupNames: string[];
  /** Slots of each (cell, stratum) block, the units labels are shuffled within. */
  blocks: Int32Array[];
  pairA: Int32Array;
  pairB: Int32Array;
  /** The cell (index into weights) of each pair. */
  pairCell: Int32Array;
  overlap: Float64Array;
  /** Requests of each informative cell: its weight in the average. */
  weights: number[];
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
export function overlapGapTest(
  cells: readonly SampledCell[],
  options: OverlapTestOptions,
  /** cellOverlaps of each cell, when the caller tests several characteristics on the same cells. */
  overlaps: readonly Float64Array[] = cells.map(cellOverlaps),
): OverlapTestResult {
  const prepared = prepare(cells, overlaps, options);
  const { labels, pairA, pairB, pairCell, overlap, weights } = prepared;
  const cellCount = weights.length;
  const withinCount = new Float64Array(cellCount);
  const pairCount = new Float64Array(cellCount);
  const totalSum = new Float64Array(cellCount);
  const withinSum = new Float64Array(cellCount);
  for (let p = 0; p < overlap.length; p++) {
    const c = pairCell[p];
    pairCount[c]++;
    totalSum[c] += overlap[p];
    if (labels[pairA[p]] === labels[pairB[p]]) {
      withinCount[c]++;
      withinSum[c] += overlap[p];
    }
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
    n_requests: prepared.requests.length,
    n_cells: cellCount,
    within_pairs: withinCount.reduce((s, n) => s + n, 0),
    between_pairs: pairCount.reduce((s, n) => s + n, 0) - withinCount.reduce((s, n) => s + n, 0),
    within_overlap: observed.within,
    between_overlap: observed.between,
    gap: observed.within - observed.between,
    null_gap: null,
    p_value: null,
    permutations: 0,
    groups: [...prepared.groupNames].sort(),
    dissimilar: [],
  };
  if (!Number.isFinite(result.gap) || !options.shouldPermute(result)) return result;
  result.dissimilar = dissimilarPairs(prepared, options.evidencePairs);

  const rand = mulberry32(options.seed);
  const shuffled = new Int32Array(labels.length);
  const within = new Float64Array(cellCount);
  const permuted: number[] = [];
  // One reusable buffer per block: a permutation allocates nothing.
  const buffers = prepared.blocks.map((block) => new Array<number>(block.length));
  for (let k = 0; k < options.permutations; k++) {
    shuffled.set(labels);
    for (let b = 0; b < prepared.blocks.length; b++) {
      const block = prepared.blocks[b];
      const buffer = buffers[b];
      for (let i = 0; i < block.length; i++) buffer[i] = shuffled[block[i]];
      shuffleInPlace(buffer, rand);
      for (let i = 0; i < block.length; i++) shuffled[block[i]] = buffer[i];
    }
    within.fill(0);
    for (let p = 0; p < overlap.length; p++) if (shuffled[pairA[p]] === shuffled[pairB[p]]) within[pairCell[p]] += overlap[p];
    const s = summarize(within);
    permuted.push(s.within - s.between);
  }
  result.permutations = options.permutations;
  result.null_gap = permuted.reduce((s, g) => s + g, 0) / permuted.length;
  result.p_value = permutationPValue(result.gap, permuted, 'greater');
  return result;
}

function prepare(cells: readonly SampledCell[], overlaps: readonly Float64Array[], options: OverlapTestOptions): Prepared {
  const requests: SampledRequest[] = [];
  const labelList: number[] = [];
  const groupIndex = new Map<string, number>();
  const blocks: Int32Array[] = [];
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairCell: number[] = [];
  const overlap: number[] = [];
  const weights: number[] = [];
  cells.forEach((cell, cellNumber) => {
    // One request per user (the first, as the sample orders them): two requests of one user
    // would make a "same-group" pair that only shows the user's own session repeating, and
    // permuting labels of requests rather than users would break the null's exchangeability.
    const users = new Set<string>();
    const members = cell.requests
      .map((request, index) => ({ request, index, group: options.groupOf(request) }))
      .filter((m): m is { request: SampledRequest; index: number; group: string } => m.group !== undefined)
      .filter((m) => {
        if (users.has(m.request.user_id)) return false;
        users.add(m.request.user_id);
        return true;
      });
    // A cell informs the comparison only when it holds both a same-group and a cross-group pair.
    const sizes = new Map<string, number>();
    for (const m of members) sizes.set(m.group, (sizes.get(m.group) ?? 0) + 1);
    if (sizes.size < 2 || ![...sizes.values()].some((n) => n >= 2)) return;
    const cellIndex = weights.length;
    weights.push(members.length);
    const first = requests.length;
    const byStratum = new Map<string, number[]>();
    for (const m of members) {
      const slot = requests.length;
      requests.push(m.request);
      if (!groupIndex.has(m.group)) groupIndex.set(m.group, groupIndex.size);
      labelList.push(groupIndex.get(m.group)!);
      const stratum = options.stratumOf ? options.stratumOf(m.request) : '';
      const block = byStratum.get(stratum) ?? [];
      block.push(slot);
      byStratum.set(stratum, block);
    }
    for (const block of byStratum.values()) if (block.length > 1) blocks.push(Int32Array.from(block));
    const n = cell.requests.length;
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        pairA.push(first + a);
        pairB.push(first + b);
        pairCell.push(cellIndex);
        overlap.push(overlaps[cellNumber][pairIndex(n, members[a].index, members[b].index)]);
      }
    }
  });
  const groupNames: string[] = [];
  for (const [name, index] of groupIndex) groupNames[index] = name;
  return {
    requests,
    labels: Int32Array.from(labelList),
    groupNames,
    blocks,
    pairA: Int32Array.from(pairA),
    pairB: Int32Array.from(pairB),
    pairCell: Int32Array.from(pairCell),
    overlap: Float64Array.from(overlap),
    weights,
  };
}

function dissimilarPairs(prepared: Prepared, limit: number): DissimilarPair[] {
  const { requests, labels, groupNames, pairA, pairB, overlap } = prepared;
  const between: number[] = [];
  for (let p = 0; p < overlap.length; p++) if (labels[pairA[p]] !== labels[pairB[p]]) between.push(p);
  // Ties keep pair order, which is deterministic: cells and their requests are sorted by hash.
  between.sort((x, y) => overlap[x] - overlap[y] || x - y);
  return between.slice(0, limit).map((p) => ({
    a: requests[pairA[p]],
    b: requests[pairB[p]],
    groupA: groupNames[labels[pairA[p]]],
    groupB: groupNames[labels[pairB[p]]],
    overlap: overlap[p],
  }));
}
