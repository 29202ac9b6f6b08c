import type { Finding } from '@fairmarket/contract';
import type { DatasetSource, Detector, DetectorContext } from '../detector';
import { batchesOf } from '../shared-passes';
import { ConductCollector, mergePlatformConduct } from './conduct-collector';
import { conductFinding } from './conduct-finding';
import type { ConductPartial } from './conduct-partial';
import { judgePlatform } from './platform-verdict';

/**
 * §5 of detectors.md: 二选一 in what a platform does. Reads who is active on rival
 * platforms, the platform's sanctions, and impression shares; one `high` finding per
 * platform whose sanctions fall significantly more often on rival-active merchants.
 */
export const exclusivityConductDetector: Detector<ConductPartial> = {
  name: 'exclusivity_conduct',
  inputs: ['merchant_events'],

  async analyze(source: DatasetSource): Promise<ConductPartial> {
    const collector = new ConductCollector();
    for await (const merchant of source.rows('merchants')) collector.addMerchant(merchant);
    for await (const sku of source.rows('skus')) collector.addSku(sku);
    for await (const event of source.rows('merchant_events')) collector.addEvent(event);
    for await (const impressions of batchesOf(source, 'impressions')) for (const impression of impressions) collector.addImpression(impression);
    return { platforms: collector.toJSON() };
  },

  decide(partials: ConductPartial[], context: DetectorContext): Finding[] {
    const findings: Finding[] = [];
    for (const platform of mergePlatformConduct(partials.map((p) => p.platforms))) {
      const verdict = judgePlatform(platform, context.rules.exclusivity_conduct);
      if (verdict?.alert) findings.push(conductFinding(verdict, context.rules));
    }
    return findings;
  },
};
