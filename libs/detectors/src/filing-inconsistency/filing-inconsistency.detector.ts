import type { Finding } from '@fairmarket/contract';
import type { DatasetSource, Detector, DetectorContext } from '../detector';
import { batchesOf } from '../shared-passes';
import { compareIds, mergeAlgorithmSamples, RequestSampler } from '../personalization-opt-out/request-sampler';
import { optOutInconsistency, pricingInconsistency } from './declaration-checks';
import type { Declaration, FilingPartial } from './filing-partial';
import { undeclaredDependence, userCharacteristics } from './undeclared-dependence';

/**
 * "Filings" of detectors.md: each algorithm declaration (algorithms.ndjson) checked against
 * what the logs show: the price_discrimination and personalization_opt_out alerts of the same
 * run, and the algorithm's own personalized requests. One `medium` finding per
 * (algorithm, kind of inconsistency).
 */
export const filingInconsistencyDetector: Detector<FilingPartial> = {
  name: 'filing_inconsistency',
  inputs: ['algorithms'],
  after: ['price_discrimination', 'personalization_opt_out'],

  async analyze(source: DatasetSource, rules): Promise<FilingPartial> {
    const declarations: Declaration[] = [];
    for await (const a of source.rows('algorithms')) {
      declarations.push({
        platform_id: a.platform_id,
        algorithm_id: a.algorithm_id,
        name: a.name,
        type: a.type,
        surfaces: a.surfaces ? [...a.surfaces] : undefined,
        declared_features: [...a.declared_features],
        personal_pricing: a.personal_pricing,
        opt_out_available: a.opt_out_available,
      });
    }
    const declared = new Set(declarations.map((d) => `${d.platform_id}\u0001${d.algorithm_id}`));
    const characteristics = userCharacteristics(rules).map((c) => c.characteristic);
    const sampler = new RequestSampler(rules.personalization_opt_out.top_k, characteristics);
    if (declarations.length > 0) {
      for await (const impressions of batchesOf(source, 'impressions')) {
        for (const impression of impressions) {
          if (impression.personalized && declared.has(`${impression.platform_id}\u0001${impression.algorithm_id}`)) {
            sampler.add(impression);
          }
        }
      }
    }
    return { declarations, personalized: sampler.toJSON() };
  },

  decide(partials: FilingPartial[], context: DetectorContext): Finding[] {
    const { rules, priorFindings } = context;
    const samples = new Map(
      mergeAlgorithmSamples(partials.map((p) => p.personalized)).map((s) => [`${s.platform_id}\u0001${s.algorithm_id}`, s]),
    );
    // One declaration per (platform, algorithm): a re-submitted row counts once, and of two
    // different rows the same one is kept whatever order they came in.
    const declarations = new Map<string, Declaration>();
    const rows = partials.flatMap((p) => p.declarations).map((d) => ({ d, text: JSON.stringify(d) }));
    rows.sort((a, b) => compareIds(a.text, b.text));
    for (const { d } of rows) declarations.set(`${d.platform_id}\u0001${d.algorithm_id}`, d);
    const findings: Finding[] = [];
    for (const key of [...declarations.keys()].sort(compareIds)) {
      const declaration = declarations.get(key)!;
      const sample = samples.get(key);
      const checks = [
        pricingInconsistency(declaration, priorFindings, rules),
        optOutInconsistency(declaration, priorFindings, rules),
        sample ? undeclaredDependence(declaration, sample, rules) : null,
      ];
      for (const finding of checks) if (finding) findings.push(finding);
    }
    return findings;
  },
};
