/**
 * Regression tests: repeats of one query are not independent requests. The p-value clusters
 * by (surface, query), while min_requests still counts requests.
 */
import type { Impression, Listing, Merchant, Sku } from '@fairmarket/contract';
import { CN_RULE_PACK } from '@fairmarket/rules';
import { mulberry32 } from '@fairmarket/stats';
import { T0, impression, tsAt } from '../personalization-opt-out/impression.fixtures';
import { MemorySource } from '../testing/memory-source';
import { selfPreferencingDetector as detector } from './self-preferencing.detector';

/** 60 skus of equal rating and price, odd ones own-brand; `orders[q]` is query q's fixed ranking. */
function dataset(orders: readonly number[][], repeats: number) {
  const merchants: Merchant[] = [
    { platform_id: 'p1', merchant_id: 'own', kind: 'self_operated' },
    { platform_id: 'p1', merchant_id: 'tp', kind: 'third_party' },
  ];
  const merchantOf = (s: number) => (s % 2 ? 'own' : 'tp');
  const skus: Sku[] = Array.from({ length: 60 }, (_, s) => ({ platform_id: 'p1', sku_id: `s${s}`, merchant_id: merchantOf(s), category: 'c', rating: 4.5, own_brand: s % 2 === 1 }));
  const listings: Listing[] = skus.map((sku) => ({ platform_id: 'p1', snapshot_id: `l-${sku.sku_id}`, ts: tsAt(T0), tsMs: T0, sku_id: sku.sku_id, merchant_id: sku.merchant_id, displayed_price: 10_000 }));
  const impressions: Impression[] = [];
  orders.forEach((order, q) => {
    for (let r = 0; r < repeats; r++) {
      const id = impressions.length;
      impressions.push(
        impression({
          platform_id: 'p1',
          request_id: `r${id}`,
          tsMs: T0 + id * 60_000,
          surface: 'search',
          query: `q${q}`,
          algorithm_id: 'a',
          items: order.map((s, i) => ({ rank: i + 1, sku_id: `s${s}`, merchant_id: merchantOf(s), sponsored: false })),
        }),
      );
    }
  });
  return { merchants, skus, listings, impressions };
}

async function alerts(data: ReturnType<typeof dataset>) {
  const partial = await detector.analyze(new MemorySource(data), CN_RULE_PACK);
  return detector.decide([partial], { rules: CN_RULE_PACK, priorFindings: [] }).filter((f) => f.severity !== 'info');
}

describe('self_preferencing: repeated queries', () => {
  it('does not take 40 repeats of 6 randomly ranked queries for 240 independent requests', async () => {
    // Seed 5 of this design has a mean gap above 2 by chance; a t-test over requests gave
    // p = 1e-64 for it.
    let alerted = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rand = mulberry32(seed);
      const orders = Array.from({ length: 6 }, (_, q) => Array.from({ length: 10 }, (_, i) => q * 10 + i).sort(() => rand() - 0.5));
      if ((await alerts(dataset(orders, 40))).length > 0) alerted++;
    }
    expect(alerted).toBe(0);
  });

  it('tests over queries: three queries with mean gaps 5, 0 and 3.1 are not significant, however often repeated', async () => {
    const orders = [ranking([1, 2]), ranking([5, 6]), ranking([2, 4])];
    expect(await alerts(dataset(orders, 100))).toEqual([]);
  });

  it('still counts min_requests over requests, not cells', async () => {
    // Ten queries, the own item first (gap 5) or second (gap 35/9), 10 repeats each.
    const orders = Array.from({ length: 10 }, (_, q) => ranking([1 + (q % 2)]));
    const data = dataset(orders, 10);
    const [f] = await alerts(data);
    expect(f.metrics).toMatchObject({ n_requests: 100, n_query_cells: 10 });
    expect(await alerts({ ...data, impressions: data.impressions.slice(0, 99) })).toEqual([]);
  });
});

/** A top 10 with own-brand skus (odd) at `ownRanks` and third-party skus (even) elsewhere. */
function ranking(ownRanks: readonly number[]): number[] {
  let own = 1;
  let rival = 0;
  return Array.from({ length: 10 }, (_, i) => (ownRanks.includes(i + 1) ? (own += 2) - 2 : (rival += 2) - 2));
}
