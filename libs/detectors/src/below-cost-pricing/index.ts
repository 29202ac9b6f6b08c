export { belowCostPricingDetector } from './below-cost-pricing.detector';
export type { BelowCostPartial, BelowCostCandidate } from './below-cost-pricing.types';
