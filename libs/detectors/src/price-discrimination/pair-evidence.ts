/**
 * Matched pairs as evidence (detectors.md §1: "same sku, same window, two users, two prices").
 * Within each stratum the group's quotes, dearest first, are paired with the comparison
 * group's quotes, cheapest first; a pair counts when the group member paid more. Per stratum
 * only a price histogram per side is kept (capped, see MAX_PRICE_POINTS) and the quote ids of
 * the stratum's leading pair (dearest group quote vs cheapest comparison quote, ties by id), so
 * memory is bounded by strata; the 50 leading pairs with the largest gaps become the evidence.
 */
import type { PriceQuote } from '@fairmarket/contract';
import type { GroupTest } from './group-tests';
import { SidePrices } from './side-prices';

export interface EvidencePair {
  sku_id: string;
  group_quote: string;
  group_price: number;
  rest_quote: string;
  rest_price: number;
}

export interface PairEvidence {
  pairs: EvidencePair[];
  total: number;
  /** Skus where the group paid at least min_effect more, within windows. */
  sku_ids: string[];
}

export const MAX_EVIDENCE = 50;
interface StratumPairs {
  sku: string;
  key: string;
  group: SidePrices;
  rest: SidePrices;
}

export class PairCollector {
  private readonly strata = new Map<number, StratumPairs>();
  private readonly groupColumns: Set<number>;
  private readonly restColumns: Set<number>;

  constructor(readonly test: GroupTest) {
    this.groupColumns = new Set(test.columns);
    this.restColumns = new Set(test.restColumns);
  }

  /** Whether a quote in `column` is on either side of the contrast. */
  wants(column: number): boolean {
    return this.groupColumns.has(column) || this.restColumns.has(column);
  }

  add(stratum: number, stratumKey: string, quote: Pick<PriceQuote, 'sku_id' | 'quote_id'>, price: number, y: number, column: number): void {
    const inGroup = this.groupColumns.has(column);
    if (!inGroup && !this.restColumns.has(column)) return;
    let s = this.strata.get(stratum);
    if (!s) this.strata.set(stratum, (s = { sku: quote.sku_id, key: stratumKey, group: new SidePrices(), rest: new SidePrices() }));
    if (inGroup) s.group.add(y, price, quote.quote_id, true);
    else s.rest.add(y, price, quote.quote_id, false);
  }

  summary(minEffect: number, logUnits: number): PairEvidence {
    const leading: EvidencePair[] = [];
    let total = 0;
    const skuSums = new Map<string, { wd: number; w: number }>();
    for (const s of [...this.strata.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      if (s.group.counts.size === 0 || s.rest.counts.size === 0) continue;
      // Compare on one scale: if one side had to pool its prices, pool the other as well.
      if (s.group.coarse || s.rest.coarse) {
        s.group.coarsen();
        s.rest.coarsen();
      }
      const g = s.group.sorted();
      const r = s.rest.sorted();
      total += pairsWhereGroupPaysMore(g, r);
      if (s.group.extremePrice > s.rest.extremePrice) {
        leading.push({ sku_id: s.sku, group_quote: s.group.extremeId, group_price: s.group.extremePrice, rest_quote: s.rest.extremeId, rest_price: s.rest.extremePrice });
      }
      const [ng, mg] = countAndMean(g);
      const [nr, mr] = countAndMean(r);
      const w = (ng * nr) / (ng + nr);
      const acc = skuSums.get(s.sku) ?? { wd: 0, w: 0 };
      acc.wd += (w * (mg - mr)) / logUnits;
      acc.w += w;
      skuSums.set(s.sku, acc);
    }
    leading.sort(
      (a, b) =>
        b.group_price / b.rest_price - a.group_price / a.rest_price ||
        (a.group_quote < b.group_quote ? -1 : a.group_quote > b.group_quote ? 1 : 0) ||
        (a.rest_quote < b.rest_quote ? -1 : a.rest_quote > b.rest_quote ? 1 : 0),
    );
    const sku_ids = [...skuSums.entries()].filter(([, v]) => Math.expm1(v.wd / v.w) >= minEffect).map(([sku]) => sku);
    return { pairs: leading.slice(0, MAX_EVIDENCE), total, sku_ids: sku_ids.sort() };
  }
}

/** Group quotes dearest first against comparison quotes cheapest first: pairs where the group pays more. */
function pairsWhereGroupPaysMore(group: [number, number][], rest: [number, number][]): number {
  let gi = group.length - 1;
  let ri = 0;
  let gLeft = gi >= 0 ? group[gi][1] : 0;
  let rLeft = rest.length > 0 ? rest[0][1] : 0;
  let pairs = 0;
  while (gi >= 0 && ri < rest.length && group[gi][0] > rest[ri][0]) {
    const m = Math.min(gLeft, rLeft);
    pairs += m;
    gLeft -= m;
    rLeft -= m;
    if (gLeft === 0 && --gi >= 0) gLeft = group[gi][1];
    if (rLeft === 0 && ++ri < rest.length) rLeft = rest[ri][1];
  }
  return pairs;
}

function countAndMean(side: [number, number][]): [number, number] {
  let n = 0;
  let sum = 0;
  for (const [y, k] of side) {
    n += k;
    sum += y * k;
  }
  return [n, sum / n];
}
