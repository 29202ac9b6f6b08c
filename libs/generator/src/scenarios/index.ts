/**
 * Every scenario the generator plants, in a fixed order (the order is part of determinism).
 * A new detector adds its scenario here.
 */
import type { Scenario } from '../scenario';
import { priceDiscriminationScenario } from './price-discrimination.scenario';
import { belowCostPricingScenario } from './below-cost-pricing.scenario';
import { fakePromotionScenario } from './fake-promotion.scenario';
import { exclusivityClauseScenario } from './exclusivity-clause.scenario';
import { exclusivityConductScenario } from './exclusivity-conduct.scenario';
import { personalizationOptOutScenario } from './personalization-opt-out.scenario';
import { selfPreferencingScenario } from './self-preferencing.scenario';
import { filingInconsistencyScenario } from './filing-inconsistency.scenario';

export const SCENARIOS: readonly Scenario[] = [
  priceDiscriminationScenario,
  belowCostPricingScenario,
  fakePromotionScenario,
  exclusivityClauseScenario,
  exclusivityConductScenario,
  personalizationOptOutScenario,
  selfPreferencingScenario,
  filingInconsistencyScenario,
];
