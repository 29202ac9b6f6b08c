import type { Impression, ImpressionItem, Listing, Merchant, PriceQuote, Sku } from '@fairmarket/contract';
import { CN_RULE_PACK, EU_RULE_PACK, type RulePack } from '@fairmarket/rules';
import { gini, oneSampleTTest, summarize } from '@fairmarket/stats';
import { HOUR, T0, impression, shuffled, tsAt, withRules } from '../personalization-opt-out/impression.fixtures';
import { MemorySource } from '../testing/memory-source';
import { selfPreferencingDetector as detector } from './self-preferencing.detector';

interface Catalog {
  merchants: Merchant[];
  skus: Sku[];
  listings: Listing[];
  price_quotes: PriceQuote[];
}

/** One own sku ("own", self-operated merchant) and one third-party sku ("tp") per platform. */
function catalog(platform: string, o: { ownRating?: number; tpRating?: number; ownPrice?: number; tpPrice?: number; quotesOnly?: boolean } = {}): Catalog {
  const skus: Sku[] = [
    { platform_id: platform, sku_id: 'own', merchant_id: 'self', category: 'toys', rating: o.ownRating ?? 4.5 },
    { platform_id: platform, sku_id: 'tp', merchant_id: 'tp1', category: 'toys', rating: o.tpRating ?? 4.6 },
    { platform_id: platform, sku_id: 'filler', merchant_id: 'tp2', category: 'toys' }, // no rating: never compared
  ];
  const prices: Record<string, number> = { own: o.ownPrice ?? 10_000, tp: o.tpPrice ?? 10_500, filler: 9_000 };
  const listings: Listing[] = [];
  const quotes: PriceQuote[] = [];
  for (const sku of skus) {
    for (let d = 0; d < 3; d++) {
      const base = { platform_id: platform, sku_id: sku.sku_id, merchant_id: sku.merchant_id, ts: tsAt(T0 + d * HOUR), tsMs: T0 + d * HOUR };
      if (o.quotesOnly) {
        quotes.push({ ...base, quote_id: `${platform}-q-${sku.sku_id}-${d}`, user_id: 'u', user: {}, list_price: prices[sku.sku_id], price: prices[sku.sku_id], final_price: prices[sku.sku_id], currency: 'CNY' });
      } else {
        listings.push({ ...base, snapshot_id: `${platform}-l-${sku.sku_id}-${d}`, displayed_price: prices[sku.sku_id] });
      }
    }
  }
  return {
    merchants: [
      { platform_id: platform, merchant_id: 'self', kind: 'self_operated', size: 'large' },
      { platform_id: platform, merchant_id: 'tp1', kind: 'third_party', size: 'small' },
      { platform_id: platform, merchant_id: 'tp2', kind: 'third_party', size: 'medium' },
      { platform_id: platform, merchant_id: 'tp3', kind: 'third_party', size: 'small' }, // never shown
    ],
    skus,
    listings,
    price_quotes: quotes,
  };
}

/**
 * Requests whose own item sits `gaps[i]` positions above the third-party item, spread over
 * `QUERIES` queries in turn (the p-value clusters by (surface, query)).
 */
const QUERIES = 7;
function requests(platform: string, gaps: readonly number[], surface = 'search'): Impression[] {
  return gaps.map((gap, i) => {
    const ownRank = 1;
    const tpRank = ownRank + gap;
    const items: ImpressionItem[] = [];
    for (let rank = 1; rank <= Math.max(tpRank, 4); rank++) {
      const sku = rank === ownRank ? 'own' : rank === tpRank ? 'tp' : 'filler';
      items.push({ rank, sku_id: sku, merchant_id: sku === 'own' ? 'self' : sku === 'tp' ? 'tp1' : 'tp2', sponsored: rank === 2 && sku === 'filler' });
    }
    return impression({ platform_id: platform, request_id: `${platform}-r${i}`, tsMs: T0 + i * 60_000, surface, query: `toy-${i % QUERIES}`, items });
  });
}

function dataset(platform: string, gaps: readonly number[], catalogOptions = {}, surface = 'search') {
  return { ...catalog(platform, catalogOptions), impressions: requests(platform, gaps, surface) };
}

async function run(data: object, rules: RulePack = CN_RULE_PACK) {
  const partial = await detector.analyze(new MemorySource(data), rules);
  return detector.decide([JSON.parse(JSON.stringify(partial))], { rules, priorFindings: [] });
}

const alerts = (findings: Awaited<ReturnType<typeof run>>) => findings.filter((f) => f.severity !== 'info');
const alternating = (n: number, a: number, b: number) => Array.from({ length: n }, (_, i) => (i % 2 ? a : b));

describe('self_preferencing', () => {
  it('alerts when own items sit about 3 positions above comparable third-party items', async () => {
    const findings = await run(dataset('p1', alternating(120, 2, 4)));
    const [f] = alerts(findings);
    expect(f).toMatchObject({
      detector: 'self_preferencing',
      kind: null,
      severity: 'high',
      subject: { algorithm_id: 'a-search' },
      legal_basis: CN_RULE_PACK.self_preferencing.legal_basis,
      evidence_total: 120,
    });
    expect(f.metrics.mean_rank_gap).toBe(3);
    expect(f.metrics.n_requests).toBe(120);
    expect(f.metrics.p_value as number).toBeLessThan(1e-10);
    expect(f.evidence).toHaveLength(50);
    expect(f.evidence[0].note).toContain('own sku own');
    expect(f.summary).toContain('3 positions');
  });

  it('cites the eu legal basis under the eu pack', async () => {
    const [f] = alerts(await run(dataset('p1', alternating(120, 2, 4)), EU_RULE_PACK));
    expect(f.legal_basis).toEqual(['EU-DMA-6-5']);
  });

  it('pins min_rank_gap: a mean gap of exactly 2 alerts, 1.98 does not', async () => {
    expect(alerts(await run(dataset('p1', alternating(120, 1, 3))))).toHaveLength(1);
    const below = [...alternating(118, 1, 3), 1, 1]; // mean (59 + 177 + 2) / 120 = 1.983
    expect(alerts(await run(dataset('p1', below)))).toEqual([]);
  });

  it('pins min_requests: 100 requests alert, 99 do not', async () => {
    expect(alerts(await run(dataset('p1', alternating(100, 2, 4))))).toHaveLength(1);
    expect(alerts(await run(dataset('p1', alternating(99, 2, 4))))).toEqual([]);
  });

  it('pins p_max: p at the threshold does not alert', async () => {
    // 105 requests, 15 in each of the 7 query cells: the clustered test is then the one-sample
    // t-test over the cells' mean gaps.
    const gaps = Array.from({ length: 105 }, (_, i) => [1, 5, 2, 4, 3, 6, 1][i % QUERIES] + (i % 2));
    const cellMeans = Array.from({ length: QUERIES }, (_, k) => summarize(gaps.filter((_, i) => i % QUERIES === k)).mean);
    const p = oneSampleTTest(summarize(cellMeans), 0).p;
    const [f] = alerts(await run(dataset('p1', gaps)));
    expect(f.metrics.p_value).toBeCloseTo(Number(p.toPrecision(6)), 12);
    expect(alerts(await run(dataset('p1', gaps), withRules('self_preferencing', { p_max: p * (1 - 1e-9) })))).toEqual([]);
    expect(alerts(await run(dataset('p1', gaps), withRules('self_preferencing', { p_max: p * (1 + 1e-6) })))).toHaveLength(1);
  });

  it('pins the comparability band: rating within 0.2 and price within 20% of the rival', async () => {
    const gaps = alternating(120, 2, 4);
    expect(alerts(await run(dataset('p1', gaps, { ownRating: 4.4, tpRating: 4.6 })))).toHaveLength(1);
    // A better-rated own item may rank higher.
    expect(alerts(await run(dataset('p1', gaps, { ownRating: 4.9, tpRating: 4.6 })))).toEqual([]);
    expect(alerts(await run(dataset('p1', gaps, { ownPrice: 8_000, tpPrice: 10_000 })))).toHaveLength(1);
    // A cheaper own item may rank higher.
    expect(alerts(await run(dataset('p1', gaps, { ownPrice: 7_900, tpPrice: 10_000 })))).toEqual([]);
  });

  it('takes a sku’s price from its quotes when it has no listing', async () => {
    expect(alerts(await run(dataset('p1', alternating(120, 2, 4), { quotesOnly: true, ownPrice: 7_900, tpPrice: 10_000 })))).toEqual([]);
    expect(alerts(await run(dataset('p1', alternating(120, 2, 4), { quotesOnly: true })))).toHaveLength(1);
  });

  it('reads own_brand from the sku before the merchant’s kind', async () => {
    const data = dataset('p1', alternating(120, 2, 4));
    data.skus[0] = { ...data.skus[0], own_brand: false };
    data.skus[1] = { ...data.skus[1], own_brand: true }; // now the third-party merchant's sku is "own"
    const [f] = alerts(await run(data));
    expect(f).toBeUndefined();
  });

  it('only audits search and category results', async () => {
    expect(alerts(await run(dataset('p1', alternating(120, 2, 4), {}, 'home_feed')))).toEqual([]);
    expect(alerts(await run(dataset('p1', alternating(120, 2, 4), {}, 'category')))).toHaveLength(1);
  });

  it('reports exposure figures as info', async () => {
    const findings = await run(dataset('p1', [3, 3]));
    const info = findings.filter((f) => f.severity === 'info');
    expect(info).toHaveLength(1);
    // Each request: own (self, large), tp (tp1, small), two fillers (tp2, medium), one sponsored.
    expect(info[0]).toMatchObject({
      kind: 'exposure',
      subject: { algorithm_id: 'a-search' },
      legal_basis: CN_RULE_PACK.self_preferencing.info_legal_basis,
      metrics: {
        requests: 2,
        item_impressions: 8,
        own_share: 0.25,
        sponsored_share: 0.25,
        share_by_merchant_size: { large: 0.25, medium: 0.5, small: 0.25 },
        gini_over_merchants: Number(gini([2, 2, 4, 0]).toFixed(4)),
        merchants: 4,
        merchants_never_shown: 1,
      },
    });
  });

  it('gives the same findings per platform as over everything, in any row order', async () => {
    const parts = [dataset('p1', alternating(120, 2, 4)), dataset('p2', alternating(120, 0, 1)), dataset('p3', alternating(150, 3, 2))];
    const merged = Object.fromEntries(
      (['merchants', 'skus', 'listings', 'price_quotes', 'impressions'] as const).map((k) => [k, parts.flatMap((p) => p[k] as unknown[])]),
    );
    const rules = CN_RULE_PACK;
    const source = new MemorySource(merged);
    const whole = detector.decide([await detector.analyze(source, rules)], { rules, priorFindings: [] });
    const partials = await Promise.all(['p1', 'p2', 'p3'].map((p) => detector.analyze(source.forPlatform(p), rules)));
    expect(detector.decide(JSON.parse(JSON.stringify(partials)), { rules, priorFindings: [] })).toEqual(whole);
    const reordered = new MemorySource(Object.fromEntries(Object.entries(merged).map(([k, rows]) => [k, shuffled(rows)])));
    expect(detector.decide([await detector.analyze(reordered, rules)], { rules, priorFindings: [] })).toEqual(whole);
    expect(alerts(whole).map((f) => f.platform_id)).toEqual(['p1', 'p3']);
  });
});
