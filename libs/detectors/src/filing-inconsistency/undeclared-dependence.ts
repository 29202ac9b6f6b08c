import type { CharacteristicFamily } from '@fairmarket/rules';
import type { Finding } from '@fairmarket/contract';
import type { RulePack } from '@fairmarket/rules';
import { scanCharacteristics, strongest } from '../personalization-opt-out/characteristic-scan';
import { formatCount, formatP, round } from '../personalization-opt-out/format';
import { pairEvidence, MAX_EVIDENCE, testMetrics } from '../personalization-opt-out/opt-out-finding';
import type { AlgorithmSampleJSON } from '../personalization-opt-out/request-sampler';
import { declares, filingFinding } from './filing-finding';
import type { Declaration } from './filing-partial';

/** Every user characteristic the audit knows: the families, then region and channel. */
export function userCharacteristics(rules: RulePack): { family: CharacteristicFamily | 'other'; characteristic: string }[] {
  const families = rules.price_discrimination.families;
  return [
    ...(Object.keys(families) as CharacteristicFamily[])
      .sort()
      .flatMap((family) => families[family].map((characteristic) => ({ family, characteristic }))),
    ...rules.price_discrimination.info_attributes.map((characteristic) => ({ family: 'other' as const, characteristic })),
  ];
}

/**
 * An algorithm whose personalized results depend on a characteristic it does not declare.
 * The test is the opt-out overlap test (same thresholds) on the algorithm's own personalized
 * requests, one undeclared characteristic at a time, with group labels permuted only among
 * users who agree on the declared characteristics: a characteristic merely correlated with a
 * declared one (iOS users spend more) does not count, only what it adds beyond them.
 */
export function undeclaredDependence(declaration: Declaration, sample: AlgorithmSampleJSON, rules: RulePack): Finding | null {
  const r = rules.personalization_opt_out;
  const all = userCharacteristics(rules);
  const declared = all.filter((c) => declares(declaration, c.characteristic, rules)).map((c) => c.characteristic);
  const undeclared = all.filter((c) => !declared.includes(c.characteristic));
  const tests = scanCharacteristics(sample.sample.cells, undeclared, {
    rules: r,
    seedKey: `${declaration.platform_id}\u0001${declaration.algorithm_id}\u0001filing`,
    conditionOn: declared,
  });
  const best = strongest(tests);
  if (!best?.alert) return null;
  const alerting = tests.filter((t) => t.alert).map((t) => t.characteristic);
  const res = best.result;
  return filingFinding(
    declaration,
    {
      kind: 'undeclared_feature',
      summary:
        `Algorithm ${declaration.algorithm_id} does not declare ${alerting.join(', ')}, yet its personalized results ` +
        `differ by ${best.characteristic}: top-${r.top_k} overlap ${round(res.between_overlap, 2)} between groups vs ` +
        `${round(res.within_overlap, 2)} within groups for the same query and hour (${formatCount(res.n_requests)} ` +
        `requests, permutation p = ${formatP(res.p_value!)}, Benjamini-Hochberg q = ${formatP(best.q_value)} over ` +
        `${tests.length} characteristics).`,
      summary_zh:
        `算法 ${declaration.algorithm_id} 备案未声明使用 ${alerting.join('、')}，但其个性化结果随 ${best.characteristic} ` +
        `而不同：同一查询同一小时内前 ${r.top_k} 项重合度组间为 ${round(res.between_overlap, 2)}，组内为 ` +
        `${round(res.within_overlap, 2)}（${formatCount(res.n_requests)} 次请求，置换检验 p = ${formatP(res.p_value!)}，` +
        `${tests.length} 项特征 Benjamini-Hochberg 校正后 q = ${formatP(best.q_value)}）。`,
      metrics: {
        characteristics: alerting,
        characteristic: best.characteristic,
        within_overlap: round(res.within_overlap),
        between_overlap: round(res.between_overlap),
        gap: round(res.gap),
        gap_explained_by_declared: res.null_gap === null ? null : round(res.null_gap),
        p_value: res.p_value,
        q_value: best.q_value,
        n_requests: res.n_requests,
        declared_characteristics: declared,
        conditioned_on: best.conditionedOn,
        tests: tests.map(testMetrics),
      },
      evidence: pairEvidence(res.dissimilar, best.characteristic, MAX_EVIDENCE - 1),
      evidence_total: res.n_requests,
      method:
        `On the algorithm's personalized requests grouped by (surface, query, clock hour), keeping one request per user ` +
        `in each cell, for each user characteristic not in declared_features: mean top-${r.top_k} Jaccard overlap of ` +
        `same-group pairs of different users minus different-group pairs (numbers split at the median); labels permuted ` +
        `${r.permutations} times (seeded) within cells and within strata of the declared characteristics associated with ` +
        `the tested one within cells (chi-square on pairs, p < ${r.p_max}; numbers in quartiles), so that a correlate of a ` +
        `declared characteristic is not blamed; one-sided permutation p-values, then Benjamini-Hochberg q-values across ` +
        `the undeclared characteristics tested for this algorithm (one not permuted enters with p = 1). Inconsistent when ` +
        `the gap and the gap beyond its permutation mean are both >= ${r.min_jaccard_gap}, q <= ${r.p_max}, over >= ` +
        `${r.min_requests} requests (the thresholds of personalization_opt_out).`,
      thresholds: {
        top_k: r.top_k,
        min_jaccard_gap: r.min_jaccard_gap,
        p_max: r.p_max,
        min_requests: r.min_requests,
        permutations: r.permutations,
      },
      period: { from: sample.first.ts, to: sample.last.ts },
    },
    rules,
  );
}
