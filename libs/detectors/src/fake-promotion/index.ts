export { fakePromotionDetector } from './fake-promotion.detector';
export type { FakePromotionPartial, FakePromotionCandidate } from './fake-promotion.types';
