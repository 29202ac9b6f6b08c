import type { Finding } from '@fairmarket/contract';
import type { DatasetSource, Detector, DetectorContext } from '../detector';
import { batchesOf } from '../shared-passes';
import { familyCharacteristics, scanCharacteristics, strongest } from './characteristic-scan';
import { optOutFinding } from './opt-out-finding';
import { mergeAlgorithmSamples, RequestSampler, type AlgorithmSampleJSON } from './request-sampler';

/** Per (platform, algorithm): a bounded sample of its requests with personalized=false. */
export interface OptOutPartial {
  algorithms: AlgorithmSampleJSON[];
}

/**
 * §6 of detectors.md: among requests made with personalization switched off, the items shown
 * for the same surface, query and hour must not depend on who asks. One `high` finding per
 * (platform, algorithm) when some characteristic family splits users into groups that see
 * measurably less alike results than users within a group.
 */
export const personalizationOptOutDetector: Detector<OptOutPartial> = {
  name: 'personalization_opt_out',
  inputs: ['impressions'],

  async analyze(source: DatasetSource, rules): Promise<OptOutPartial> {
    const characteristics = familyCharacteristics(rules.price_discrimination.families).map((c) => c.characteristic);
    const sampler = new RequestSampler(rules.personalization_opt_out.top_k, characteristics);
    for await (const impressions of batchesOf(source, 'impressions')) {
      for (const impression of impressions) if (impression.personalized === false) sampler.add(impression);
    }
    return { algorithms: sampler.toJSON() };
  },

  decide(partials: OptOutPartial[], context: DetectorContext): Finding[] {
    const { rules } = context;
    const characteristics = familyCharacteristics(rules.price_discrimination.families);
    const findings: Finding[] = [];
    for (const algorithm of mergeAlgorithmSamples(partials.map((p) => p.algorithms))) {
      const tests = scanCharacteristics(algorithm.sample.cells, characteristics, {
        rules: rules.personalization_opt_out,
        seedKey: `${algorithm.platform_id}\u0001${algorithm.algorithm_id}\u0001opt-out`,
      });
      const best = strongest(tests);
      if (best?.alert) findings.push(optOutFinding(algorithm, tests, best, rules));
    }
    return findings;
  },
};
