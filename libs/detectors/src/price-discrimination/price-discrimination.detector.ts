/**
 * Detector 1 of shared/spec/detectors.md: the same sku, in the same hour, priced differently
 * by who the user is. See price-discrimination.analyze.ts (the passes over the quotes) and
 * price-discrimination.findings.ts (multiple testing across the run, findings).
 */
import type { Detector } from '../detector';
import { analyzePriceDiscrimination } from './price-discrimination.analyze';
import { decidePriceDiscrimination } from './price-discrimination.findings';
import type { PdPartial } from './price-discrimination.types';

export const priceDiscriminationDetector: Detector<PdPartial> = {
  name: 'price_discrimination',
  inputs: ['price_quotes'],
  analyze: (source, rules) => analyzePriceDiscrimination(source, rules),
  decide: (partials, context) => decidePriceDiscrimination(partials, context),
};
