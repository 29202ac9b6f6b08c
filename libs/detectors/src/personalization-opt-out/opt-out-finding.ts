import type { EvidenceItem, Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import { findingId } from '../finding-id';
import type { CharacteristicTest } from './characteristic-scan';
import { formatCount, formatP, round } from './format';
import type { DissimilarPair } from './overlap-test';
import type { AlgorithmSampleJSON } from './request-sampler';

export const MAX_EVIDENCE = 50;

/** One `high` finding for an algorithm whose non-personalized results still follow the user. */
export function optOutFinding(
  algorithm: AlgorithmSampleJSON,
  tests: readonly CharacteristicTest[],
  best: CharacteristicTest,
  rules: RulePack,
): Finding {
  const r = rules.personalization_opt_out;
  const res = best.result;
  const name = best.characteristic;
  const groups = describeGroups(best);
  return {
    id: findingId('personalization_opt_out', rules.name, algorithm.platform_id, [algorithm.algorithm_id]),
    detector: 'personalization_opt_out',
    kind: null,
    severity: 'high',
    platform_id: algorithm.platform_id,
    subject: { algorithm_id: algorithm.algorithm_id },
    period: { from: algorithm.first.ts, to: algorithm.last.ts },
    summary:
      `With personalization switched off, algorithm ${algorithm.algorithm_id} still showed users with different ` +
      `${name} (${groups}) different results for the same query in the same hour: top-${r.top_k} overlap ` +
      `${round(res.between_overlap, 2)} between groups vs ${round(res.within_overlap, 2)} within groups ` +
      `(${formatCount(res.n_requests)} requests, permutation p = ${formatP(res.p_value!)}, ` +
      `Benjamini-Hochberg q = ${formatP(best.q_value)} over ${tests.length} characteristics).`,
    summary_zh:
      `用户关闭个性化推荐后，算法 ${algorithm.algorithm_id} 在同一小时内对同一查询仍按 ${name}（${groups}）向不同用户展示不同结果：` +
      `前 ${r.top_k} 项重合度组间为 ${round(res.between_overlap, 2)}，组内为 ${round(res.within_overlap, 2)}` +
      `（${formatCount(res.n_requests)} 次请求，置换检验 p = ${formatP(res.p_value!)}，` +
      `${tests.length} 项特征 Benjamini-Hochberg 校正后 q = ${formatP(best.q_value)}）。`,
    metrics: {
      family: best.family,
      characteristic: name,
      groups: res.groups,
      ...(best.cut !== undefined ? { cut: best.cut } : {}),
      within_overlap: round(res.within_overlap),
      between_overlap: round(res.between_overlap),
      gap: round(res.gap),
      p_value: res.p_value,
      q_value: best.q_value,
      n_requests: res.n_requests,
      n_cells: res.n_cells,
      requests_non_personalized: algorithm.sample.seen,
      alerting_characteristics: tests.filter((t) => t.alert).map((t) => t.characteristic),
      tests: tests.map(testMetrics),
    },
    evidence: pairEvidence(res.dissimilar, name, MAX_EVIDENCE),
    evidence_total: res.n_requests,
    legal_basis: [...r.legal_basis],
    method:
      `Requests with personalized=false grouped by (surface, query, clock hour), keeping one request per user in each ` +
      `cell; for each characteristic of the families ${Object.keys(rules.price_discrimination.families).sort().join(', ')} ` +
      `(numbers split at the median), mean top-${r.top_k} Jaccard overlap of pairs of different users in the same group ` +
      `minus pairs in different groups; one-sided permutation p-value from ${r.permutations} seeded permutations of ` +
      `group labels within cells, then Benjamini-Hochberg q-values across the characteristics tested for this ` +
      `(platform, algorithm) (a characteristic not permuted enters with p = 1). Alert when for some characteristic the ` +
      `gap >= ${r.min_jaccard_gap} over >= ${r.min_requests} requests with q <= ${r.p_max}. Requests are sampled by ` +
      `hash when an algorithm has more than a few thousand cells.`,
    thresholds: {
      top_k: r.top_k,
      min_jaccard_gap: r.min_jaccard_gap,
      p_max: r.p_max,
      min_requests: r.min_requests,
      permutations: r.permutations,
    },
  };
}

export function testMetrics(t: CharacteristicTest): Record<string, unknown> {
  return {
    family: t.family,
    characteristic: t.characteristic,
    gap: Number.isFinite(t.result.gap) ? round(t.result.gap) : null,
    null_gap: t.result.null_gap === null ? null : round(t.result.null_gap),
    p_value: t.result.p_value,
    q_value: t.q_value,
    n_requests: t.result.n_requests,
    ...(t.conditionedOn.length > 0 ? { conditioned_on: t.conditionedOn } : {}),
    alert: t.alert,
  };
}

/** Both requests of each least-alike pair, each pointing at its counterpart. */
export function pairEvidence(pairs: readonly DissimilarPair[], characteristic: string, limit: number): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    for (const [self, selfGroup, other, otherGroup] of [
      [p.a, p.groupA, p.b, p.groupB],
      [p.b, p.groupB, p.a, p.groupA],
    ] as const) {
      if (out.length >= limit || seen.has(self.request_id)) continue;
      seen.add(self.request_id);
      out.push({
        file: 'impressions',
        id: self.request_id,
        note: `${characteristic}=${selfGroup}; same query and hour as ${other.request_id} (${characteristic}=${otherGroup}): top overlap ${round(p.overlap, 2)}`,
      });
    }
  }
  return out;
}

function describeGroups(test: CharacteristicTest): string {
  if (test.cut !== undefined) return `at most ${test.cut} vs above`;
  return test.result.groups.join(' / ');
}
