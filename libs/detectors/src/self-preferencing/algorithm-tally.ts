import type { Impression } from '@fairmarket/contract';
import type { SelfPreferencingRules } from '@fairmarket/rules';
import { compareIds } from '../personalization-opt-out/request-sampler';
import { MAX_EVIDENCE, type AlgorithmPreferenceJSON, type GapEvidence } from './preference-partial';
import { addToCell, mergeCells, queryCellKey } from './query-cells';
import { requestRankGap } from './rank-gap';
import type { CatalogItem, SkuCatalog } from './sku-catalog';

/** Streams one (platform, algorithm)'s requests into rank-gap and exposure aggregates. */
export class AlgorithmTally {
  private readonly json: AlgorithmPreferenceJSON;
  /**
   * The exposure counters of each catalog item met (the catalog returns one object per
   * (platform, sku, merchant)): an item is counted through a look-up by identity rather than
   * two look-ups by merchant_id and size strings. Counters are created in the order merchants
   * and sizes are first seen, and toJSON writes `by_merchant` and `by_size` in that order.
   */
  private readonly counters = new Map<CatalogItem, { merchant: Counter; size: Counter }>();
  private readonly byMerchant = new Map<string, Counter>();
  private readonly bySize = new Map<string, Counter>();

  constructor(first: Impression) {
    const instant = { ms: first.tsMs, ts: first.ts };
    this.json = {
      platform_id: first.platform_id,
      algorithm_id: first.algorithm_id,
      first: instant,
      last: instant,
      requests_in_scope: 0,
      cells: {},
      pairs: 0,
      own_above_pairs: 0,
      evidence: [],
      evidence_total: 0,
      exposure: { requests: 0, items: 0, sponsored: 0, own: 0, by_size: {}, by_merchant: {} },
    };
  }

  add(impression: Impression, catalog: SkuCatalog, rules: SelfPreferencingRules): void {
    const j = this.json;
    if (impression.tsMs < j.first.ms || (impression.tsMs === j.first.ms && impression.ts < j.first.ts)) {
      j.first = { ms: impression.tsMs, ts: impression.ts };
    }
    if (impression.tsMs > j.last.ms || (impression.tsMs === j.last.ms && impression.ts > j.last.ts)) {
      j.last = { ms: impression.tsMs, ts: impression.ts };
    }
    const e = j.exposure;
    e.requests++;
    const shown = impression.items.map((item) => ({ item, info: catalog.item(impression.platform_id, item.sku_id, item.merchant_id) }));
    for (const { item, info } of shown) {
      e.items++;
      if (item.sponsored) e.sponsored++;
      if (info.own) e.own++;
      let counters = this.counters.get(info);
      if (!counters) {
        counters = { merchant: counter(this.byMerchant, item.merchant_id), size: counter(this.bySize, info.merchant_size ?? 'unknown') };
        this.counters.set(info, counters);
      }
      counters.merchant.n++;
      counters.size.n++;
    }
    if (!rules.surfaces.includes(impression.surface)) return;
    j.requests_in_scope++;
    const result = requestRankGap(shown, rules);
    if (!result) return;
    addToCell(j.cells, queryCellKey(impression.surface, impression.query), result.gap);
    j.pairs += result.pairs;
    j.own_above_pairs += result.ownAbove;
    if (result.gap <= 0) return;
    j.evidence_total++;
    const { own, rival } = result.widest;
    keepWidest(j.evidence, {
      request_id: impression.request_id,
      gap: result.gap,
      note:
        `own sku ${own.item.sku_id} (rating ${own.info.rating}, price ${own.info.price}) at rank ${own.item.rank} above ` +
        `comparable third-party sku ${rival.item.sku_id} (rating ${rival.info.rating}, price ${rival.info.price}) at rank ` +
        `${rival.item.rank}; mean gap ${result.gap.toFixed(2)} over ${result.pairs} pair(s)`,
    });
  }

  toJSON(): AlgorithmPreferenceJSON {
    const json = structuredClone(this.json);
    json.exposure.by_size = counts(this.bySize);
    json.exposure.by_merchant = counts(this.byMerchant);
    return json;
  }
}

interface Counter {
  n: number;
}

function counter(counters: Map<string, Counter>, key: string): Counter {
  let c = counters.get(key);
  if (!c) counters.set(key, (c = { n: 0 }));
  return c;
}

function counts(counters: Map<string, Counter>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, c] of counters) out[key] = c.n;
  return out;
}

/** Keeps the MAX_EVIDENCE widest gaps: a total order, so the choice is order-independent. */
export function keepWidest(list: GapEvidence[], candidate: GapEvidence): void {
  const last = list[list.length - 1];
  if (list.length >= MAX_EVIDENCE && (candidate.gap < last.gap || (candidate.gap === last.gap && candidate.request_id > last.request_id))) {
    return;
  }
  list.push(candidate);
  list.sort((a, b) => b.gap - a.gap || compareIds(a.request_id, b.request_id));
  if (list.length > MAX_EVIDENCE) list.length = MAX_EVIDENCE;
}

/** Adds up the aggregates of one (platform, algorithm) found in several partials. */
export function mergePreferences(items: readonly AlgorithmPreferenceJSON[]): AlgorithmPreferenceJSON {
  const [head, ...rest] = items;
  const out: AlgorithmPreferenceJSON = structuredClone(head);
  for (const item of rest) {
    mergeCells(out.cells, item.cells);
    if (item.first.ms < out.first.ms || (item.first.ms === out.first.ms && item.first.ts < out.first.ts)) out.first = item.first;
    if (item.last.ms > out.last.ms || (item.last.ms === out.last.ms && item.last.ts > out.last.ts)) out.last = item.last;
    out.requests_in_scope += item.requests_in_scope;
    out.pairs += item.pairs;
    out.own_above_pairs += item.own_above_pairs;
    out.evidence_total += item.evidence_total;
    for (const ev of item.evidence) keepWidest(out.evidence, ev);
    const e = out.exposure;
    e.requests += item.exposure.requests;
    e.items += item.exposure.items;
    e.sponsored += item.exposure.sponsored;
    e.own += item.exposure.own;
    for (const [k, n] of Object.entries(item.exposure.by_size)) e.by_size[k] = (e.by_size[k] ?? 0) + n;
    for (const [k, n] of Object.entries(item.exposure.by_merchant)) e.by_merchant[k] = (e.by_merchant[k] ?? 0) + n;
  }
  return out;
}
