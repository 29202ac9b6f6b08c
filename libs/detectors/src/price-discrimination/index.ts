export { priceDiscriminationDetector } from './price-discrimination.detector';
export type { PdPartial, PdPlatformPartial, PdCandidate } from './price-discrimination.types';
