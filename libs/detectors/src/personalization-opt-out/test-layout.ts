import type { Grouping } from './characteristic-groups';
import { pairIndex } from './cell-overlaps';
import type { RequestTable } from './request-table';

/**
 * The members of one test laid out for its permutations: the requests of the informative
 * cells (one per user, with a group), each in a slot; cell c (of the informative ones) holds
 * slots `first[c]` .. `first[c + 1] - 1`, and the overlaps of its pairs of slots (a, b), a < b,
 * in that order, from `pairStart[c]`.
 */
export interface TestLayout {
  /** The table's request in each slot. */
  slotRequest: Int32Array;
  /** The group code of each slot. */
  labels: Int32Array;
  first: Int32Array;
  pairStart: Int32Array;
  overlap: Float64Array;
  /** Slots of each (cell, stratum) block, the units labels are shuffled within: block b is blockStart[b] .. blockStart[b + 1] - 1. */
  blockSlots: Int32Array;
  blockStart: Int32Array;
  /** The groups met in slots. */
  groupNames: string[];
}

/**
 * Lays a test out. One request per user (the first, as the sample orders them): two requests
 * of one user would make a "same-group" pair that only shows the user's own session
 * repeating, and permuting labels of requests rather than users would break the null's
 * exchangeability. A cell informs the comparison only when it holds both a same-group and a
 * cross-group pair. `strata`: the stratum code of each request of the table, when labels are
 * permuted within strata of cells rather than within whole cells.
 */
export function layOut(table: RequestTable, grouping: Pick<Grouping, 'codes' | 'names'>, strata: Int32Array | null): TestLayout {
  const { codes } = grouping;
  const slotRequest = new Int32Array(table.requests.length);
  const firsts: number[] = [0];
  const cellOf: number[] = [];
  const sizes = new Int32Array(grouping.names.length);
  const seen = new Uint8Array(grouping.names.length);
  let slots = 0;
  let pairs = 0;
  for (let c = 0; c < table.cellCount; c++) {
    const from = table.start[c];
    const to = table.start[c + 1];
    // Three members at least: two of one group and one of another.
    if (to - from < 3) continue;
    let m = 0;
    for (let i = from; i < to; i++) {
      if (codes[i] < 0 || (table.repeatsUser[c] === 1 && userAlreadyIn(table, slotRequest, slots, m, i))) continue;
      slotRequest[slots + m++] = i;
    }
    let distinct = 0;
    let paired = false;
    for (let s = slots; s < slots + m; s++) {
      const n = ++sizes[codes[slotRequest[s]]];
      if (n === 1) distinct++;
      else paired = true;
    }
    for (let s = slots; s < slots + m; s++) sizes[codes[slotRequest[s]]] = 0;
    if (distinct < 2 || !paired) continue;
    for (let s = slots; s < slots + m; s++) seen[codes[slotRequest[s]]] = 1;
    cellOf.push(c);
    slots += m;
    pairs += (m * (m - 1)) / 2;
    firsts.push(slots);
  }
  const first = Int32Array.from(firsts);
  const labels = new Int32Array(slots);
  for (let s = 0; s < slots; s++) labels[s] = codes[slotRequest[s]];
  const pairStart = new Int32Array(cellOf.length + 1);
  const overlap = new Float64Array(pairs);
  for (let k = 0; k < cellOf.length; k++) {
    const c = cellOf[k];
    const cellOverlap = table.overlapsOf(c);
    const n = table.start[c + 1] - table.start[c];
    const m = first[k + 1] - first[k];
    let p = pairStart[k];
    if (m === n) {
      // Every request of the cell is a member: its pairs are the cell's, in the same order.
      overlap.set(cellOverlap, p);
      p += cellOverlap.length;
    } else {
      for (let a = first[k]; a < first[k + 1]; a++) {
        for (let b = a + 1; b < first[k + 1]; b++) {
          overlap[p++] = cellOverlap[pairIndex(n, slotRequest[a] - table.start[c], slotRequest[b] - table.start[c])];
        }
      }
    }
    pairStart[k + 1] = p;
  }
  const { blockSlots, blockStart } = strata ? strataBlocks(first, slotRequest, strata) : cellBlocks(first);
  return {
    slotRequest: slotRequest.slice(0, slots),
    labels,
    first,
    pairStart,
    overlap,
    blockSlots,
    blockStart,
    groupNames: grouping.names.filter((_, code) => seen[code] === 1),
  };
}

/** Does a member of the cell laid out so far (m slots from `from`) have the user of request i? */
function userAlreadyIn(table: RequestTable, slotRequest: Int32Array, from: number, m: number, i: number): boolean {
  const user = table.requests[i].user_id;
  for (let s = from; s < from + m; s++) if (table.requests[slotRequest[s]].user_id === user) return true;
  return false;
}

/** Without strata, each cell is one block. */
function cellBlocks(first: Int32Array): { blockSlots: Int32Array; blockStart: Int32Array } {
  const blockSlots = new Int32Array(first[first.length - 1]);
  for (let s = 0; s < blockSlots.length; s++) blockSlots[s] = s;
  return { blockSlots, blockStart: first };
}

/** Each cell's slots by stratum, strata in their order of first appearance; single slots dropped (nothing to shuffle). */
function strataBlocks(first: Int32Array, slotRequest: Int32Array, strata: Int32Array): { blockSlots: Int32Array; blockStart: Int32Array } {
  const blockSlots = new Int32Array(first[first.length - 1]);
  const starts: number[] = [0];
  let filled = 0;
  for (let k = 0; k + 1 < first.length; k++) {
    const order: number[] = [];
    for (let s = first[k]; s < first[k + 1]; s++) {
      const stratum = strata[slotRequest[s]];
      if (!order.includes(stratum)) order.push(stratum);
    }
    for (const stratum of order) {
      const blockFrom = filled;
      for (let s = first[k]; s < first[k + 1]; s++) if (strata[slotRequest[s]] === stratum) blockSlots[filled++] = s;
      if (filled - blockFrom > 1) starts.push(filled);
      else filled = blockFrom;
    }
  }
  return { blockSlots: blockSlots.slice(0, filled), blockStart: Int32Array.from(starts) };
}
