import type { Finding } from '@fairmarket/contract';
import type { DatasetSource, Detector, DetectorContext } from '../detector';
import { batchesOf } from '../shared-passes';
import { compareIds } from '../personalization-opt-out/request-sampler';
import { AlgorithmTally, mergePreferences } from './algorithm-tally';
import type { AlgorithmPreferenceJSON, SelfPreferencingPartial } from './preference-partial';
import { clusterRobustMeanTest, requestCount } from './query-cells';
import { exposureFinding, preferenceFinding } from './self-preferencing-findings';
import { SkuCatalog } from './sku-catalog';

const ROUNDING = 1e-9;

/**
 * §7 of detectors.md: own products ranked above equal rivals. One `high` finding per
 * (platform, algorithm) whose search and category results place own items significantly
 * and materially above comparable third-party items; one `info` finding per
 * (platform, algorithm) with its exposure figures.
 */
export const selfPreferencingDetector: Detector<SelfPreferencingPartial> = {
  name: 'self_preferencing',
  inputs: ['impressions'],

  async analyze(source: DatasetSource, rules): Promise<SelfPreferencingPartial> {
    const catalog = await SkuCatalog.load(source);
    const tallies = new Map<string, AlgorithmTally>();
    const platforms = new Set<string>();
    for await (const impressions of batchesOf(source, 'impressions')) {
      for (const impression of impressions) {
        const key = `${impression.platform_id}\u0001${impression.algorithm_id}`;
        let tally = tallies.get(key);
        if (!tally) {
          tally = new AlgorithmTally(impression);
          tallies.set(key, tally);
        }
        tally.add(impression, catalog, rules.self_preferencing);
        platforms.add(impression.platform_id);
      }
    }
    const merchants: Record<string, string[]> = {};
    for (const p of [...platforms].sort(compareIds)) merchants[p] = catalog.merchantsOf(p).map((m) => m.merchant_id).sort(compareIds);
    return { algorithms: [...tallies.values()].map((t) => t.toJSON()), merchants };
  },

  decide(partials: SelfPreferencingPartial[], context: DetectorContext): Finding[] {
    const { rules } = context;
    const r = rules.self_preferencing;
    const groups = new Map<string, AlgorithmPreferenceJSON[]>();
    const merchants = new Map<string, Set<string>>();
    for (const partial of partials) {
      for (const a of partial.algorithms) {
        const key = `${a.platform_id}\u0001${a.algorithm_id}`;
        groups.set(key, [...(groups.get(key) ?? []), a]);
      }
      for (const [p, ids] of Object.entries(partial.merchants)) merchants.set(p, new Set([...(merchants.get(p) ?? []), ...ids]));
    }
    const findings: Finding[] = [];
    for (const key of [...groups.keys()].sort(compareIds)) {
      const a = mergePreferences(groups.get(key)!);
      if (a.exposure.items > 0) findings.push(exposureFinding(a, [...(merchants.get(a.platform_id) ?? [])], rules));
      // The spec's minimum counts requests; the p-value treats each (surface, query) as a cluster.
      if (requestCount(a.cells) < Math.max(2, r.min_requests)) continue;
      const test = clusterRobustMeanTest(a.cells);
      // A streamed mean of integer gaps can miss the threshold by a rounding error: allow for it.
      if (test && test.diff >= r.min_rank_gap - ROUNDING && test.p < r.p_max) findings.push(preferenceFinding(a, test, rules));
    }
    return findings;
  },
};
