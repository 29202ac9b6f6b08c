import type { Impression } from '@fairmarket/contract';
import { CellSample, type CellSampleJSON, type SampledRequest } from './cell-sample';
import { scalarTraits } from './characteristic-groups';
import { StringPool } from './string-pool';

/**
 * Memory bounds of the overlap tests, per (platform, algorithm): at most MAX_CELLS cells of
 * at most PER_CELL requests each (a few MB), whatever the number of rows. A test needs a
 * few hundred requests; a few thousand cells keep its power while capping the pair count
 * (and the cost of each permutation) at about MAX_CELLS x PER_CELL^2 / 2.
 */
export const MAX_CELLS = 2000;
export const PER_CELL = 12;

/** The first or last instant seen, with the platform's own timestamp text. */
export interface Instant {
  ms: number;
  ts: string;
}

export interface AlgorithmSampleJSON {
  platform_id: string;
  algorithm_id: string;
  first: Instant;
  last: Instant;
  sample: CellSampleJSON;
}

interface LiveAlgorithm {
  platform_id: string;
  algorithm_id: string;
  first: Instant;
  last: Instant;
  sample: CellSample;
}

/** The cell of a request: same surface, same query, same clock hour. */
export function requestCellKey(impression: Impression): string {
  const hour = Math.floor(impression.tsMs / 3_600_000);
  return `${impression.surface}\u0001${impression.query ?? ''}\u0001${hour}`;
}

/** Per (platform, algorithm): a bounded sample of requests in cells, for overlap tests. */
export class RequestSampler {
  private readonly algorithms = new Map<string, LiveAlgorithm>();
  private readonly pool = new StringPool();

  /** `characteristics`: the user characteristics to keep (the others are never tested). */
  constructor(
    private readonly topK: number,
    private readonly characteristics: readonly string[],
  ) {}

  add(impression: Impression): void {
    const key = `${impression.platform_id}\u0001${impression.algorithm_id}`;
    let entry = this.algorithms.get(key);
    const instant = { ms: impression.tsMs, ts: impression.ts };
    if (!entry) {
      entry = {
        platform_id: impression.platform_id,
        algorithm_id: impression.algorithm_id,
        first: instant,
        last: instant,
        sample: new CellSample(MAX_CELLS, PER_CELL),
      };
      this.algorithms.set(key, entry);
    }
    entry.first = earlier(entry.first, instant);
    entry.last = later(entry.last, instant);
    entry.sample.addLazily(requestCellKey(impression), impression.user_id, () => this.sampled(impression));
  }

  private sampled(impression: Impression): SampledRequest {
    const top = topSkus(impression.items, this.topK).map((sku) => this.pool.get(sku));
    const traits = scalarTraits(impression.user, this.characteristics);
    for (const name in traits) {
      const value = traits[name];
      if (typeof value === 'string') traits[name] = this.pool.get(value);
    }
    return { request_id: impression.request_id, user_id: impression.user_id, traits, top };
  }

  toJSON(): AlgorithmSampleJSON[] {
    return [...this.algorithms.values()]
      .sort((a, b) => compareIds(a.platform_id, b.platform_id) || compareIds(a.algorithm_id, b.algorithm_id))
      .map((e) => ({
        platform_id: e.platform_id,
        algorithm_id: e.algorithm_id,
        first: e.first,
        last: e.last,
        sample: e.sample.toJSON(),
      }));
  }
}

/**
 * Gathers the samples of every partial by (platform, algorithm). A platform normally sits in
 * one partial; if one is split, the cell samples merge exactly. A sample found in one partial
 * only is taken as it is: it is already a CellSample's toJSON (pruned, sorted and trimmed),
 * which a round trip through CellSample would only rebuild, hash by hash.
 */
export function mergeAlgorithmSamples(lists: readonly AlgorithmSampleJSON[][]): AlgorithmSampleJSON[] {
  const merged = new Map<string, { json: AlgorithmSampleJSON; sample: CellSample | null }>();
  for (const list of lists) {
    for (const item of list) {
      const key = `${item.platform_id}\u0001${item.algorithm_id}`;
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, { json: { ...item }, sample: null });
        continue;
      }
      seen.sample ??= CellSample.fromJSON(seen.json.sample);
      seen.sample.merge(item.sample);
      seen.json.first = earlier(seen.json.first, item.first);
      seen.json.last = later(seen.json.last, item.last);
    }
  }
  return [...merged.values()]
    .map(({ json, sample }) => (sample ? { ...json, sample: sample.toJSON() } : json))
    .sort((a, b) => compareIds(a.platform_id, b.platform_id) || compareIds(a.algorithm_id, b.algorithm_id));
}

/**
 * sku_ids of the first `k` items by rank (ties in row order). Platforms list items in rank
 * order: then no copy needs sorting.
 */
export function topSkus(items: readonly { rank: number; sku_id: string }[], k: number): string[] {
  let ordered = true;
  for (let i = 1; i < items.length && ordered; i++) ordered = items[i - 1].rank <= items[i].rank;
  const byRank = ordered ? items : [...items].sort((a, b) => a.rank - b.rank);
  const top: string[] = [];
  for (let i = 0; i < byRank.length && i < k; i++) top.push(byRank[i].sku_id);
  return top;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function earlier(a: Instant, b: Instant): Instant {
  return b.ms < a.ms || (b.ms === a.ms && b.ts < a.ts) ? b : a;
}

function later(a: Instant, b: Instant): Instant {
  return b.ms > a.ms || (b.ms === a.ms && b.ts > a.ts) ? b : a;
}
