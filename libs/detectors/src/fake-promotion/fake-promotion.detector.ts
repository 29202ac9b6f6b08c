import type { Detector } from '../detector';
import { sortFindings } from '../run-detectors';
import { analyzeFakePromotion } from './fake-promotion.analyze';
import { fakePromotionFinding } from './fake-promotion.findings';
import type { FakePromotionPartial } from './fake-promotion.types';

/**
 * detectors.md §3: fictitious reference prices, raise-then-discount, fake countdowns, fake
 * scarcity and inflated sales claims, one finding per (platform, merchant, sku, kind). Every
 * test reads one sku of one platform, so `analyze` decides them and `decide` formats.
 */
export const fakePromotionDetector: Detector<FakePromotionPartial> = {
  name: 'fake_promotion',
  inputs: ['listings', 'orders'],
  analyze: (source, rules) => analyzeFakePromotion(source, rules),
  decide: (partials, context) =>
    sortFindings(partials.flatMap((p) => p.candidates).map((c) => fakePromotionFinding(c, context.rules))),
};
