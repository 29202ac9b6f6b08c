import type { Detector } from '../detector';
import { sortFindings } from '../run-detectors';
import { analyzeBelowCost } from './below-cost-pricing.analyze';
import { belowCostFinding } from './below-cost-pricing.findings';
import type { BelowCostPartial } from './below-cost-pricing.types';

/**
 * detectors.md §2, predatory pricing: a seller with market power selling below cost for a
 * sustained period without a legitimate reason. Every run is decided within its platform in
 * `analyze`; `decide` only turns the candidates of all platforms into findings.
 */
export const belowCostPricingDetector: Detector<BelowCostPartial> = {
  name: 'below_cost_pricing',
  inputs: ['orders', 'costs', 'skus'],
  analyze: (source, rules) => analyzeBelowCost(source, rules),
  decide: (partials, context) =>
    sortFindings(partials.flatMap((p) => p.candidates).map((c) => belowCostFinding(c, context.rules))),
};
