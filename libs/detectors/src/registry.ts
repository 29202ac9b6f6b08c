/**
 * Every detector of a run, in the order they run (filing checks come last: they read the
 * other detectors' findings). A new detector adds one line here.
 */
import type { Detector } from './detector';
import { priceDiscriminationDetector } from './price-discrimination';
import { belowCostPricingDetector } from './below-cost-pricing';
import { fakePromotionDetector } from './fake-promotion';
import { exclusivityClauseDetector } from './exclusivity-clause';
import { exclusivityConductDetector } from './exclusivity-conduct';
import { personalizationOptOutDetector } from './personalization-opt-out';
import { selfPreferencingDetector } from './self-preferencing';
import { filingInconsistencyDetector } from './filing-inconsistency';

export const DETECTORS: readonly Detector[] = [
  priceDiscriminationDetector,
  belowCostPricingDetector,
  fakePromotionDetector,
  exclusivityClauseDetector,
  exclusivityConductDetector,
  personalizationOptOutDetector,
  selfPreferencingDetector,
  // Keep last: it reads the findings of the detectors above (price_discrimination, personalization_opt_out).
  filingInconsistencyDetector,
];
